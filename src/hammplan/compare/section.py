"""The comparison as a section of the main report (``hammplan build --previous``).

The main report's templates include ``compare-section.*.j2`` when they are given a
``comparison`` value: the same content as the comparison's own page, under the report's own
table of contents.
"""

from __future__ import annotations

from hammplan.compare.core import compare_plans
from hammplan.compare.report import build_context, comparison_chart
from hammplan.records.plan import CuratedPlan
from hammplan.render.drawn import Chart


def report_section(
    previous: CuratedPlan, current: CuratedPlan
) -> tuple[dict[str, object], list[Chart]]:
    """Template values and the chart of the section comparing ``previous`` with ``current``.

    Raises :class:`~hammplan.compare.core.UnrelatedEditionsError` as ``compare`` does.
    """
    from hammplan.render.reports import chart_view

    comparison = compare_plans(previous, current)
    chart = comparison_chart(comparison)
    section = {"report": build_context(comparison), "charts": [chart_view(chart)]}
    return {"comparison": section}, [chart]
