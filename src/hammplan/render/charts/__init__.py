"""The report's charts: one function per chart, each returning its draft (alt text, the data
table behind it, and how to draw its SVG: :class:`~hammplan.render.drawn.ChartDraft`); a
module per family (:mod:`.budget`, :mod:`.completeness`,
:mod:`.population`), listed in order by :mod:`.catalogue` and drawn all together by
:mod:`hammplan.render.fast`.

Charts are drawn with matplotlib's object API (``Figure``, no pyplot, no GUI backend) and saved
as SVG with a fixed hash salt and no date, so the same data gives byte-identical files. Text
stays text (``svg.fonttype`` "none"): it is searchable, and what a reader selects is what
the data says. Colours are the Okabe-Ito palette, safe for colour-blind readers; where colour
alone would carry meaning (planned values) a hatch pattern or a marker shape carries it too.
Every SVG gets a ``<title>`` and ``<desc>`` and ``role="img"``; its element ids are prefixed
with the chart id so several charts can sit inline in one HTML page.

Layout: figures have no layout engine. Just before saving, :func:`fit_axes` places the axes
once, with margins computed from what the chart holds: its tick labels (long measure names),
axis labels, axes titles, values written beside bars, and the figure's title and legend. Each
text is measured once with matplotlib's own text layout on an SVG renderer, so the sizes are
those the SVG is drawn with. Constrained layout finds such margins too, but lays every tick
label out again and again in an iterative solve: that was nearly half of the time a chart
took to draw. So that no plan's names overlap, where rows are too close for their two-line
labels the figure grows taller, a value axis whose labels would touch gets fewer ticks, and
slanted column labels turn steeper (:func:`steepen_column_labels`).
"""

from hammplan.render.charts.budget import (
    chart_budget_by_field,
    chart_budget_by_organisation,
    chart_measure_years,
    chart_third_party_share,
    chart_top_measures,
)
from hammplan.render.charts.catalogue import CHARTS
from hammplan.render.charts.completeness import chart_completeness, chart_field_matrix
from hammplan.render.charts.layout import EDGE, POINTS_PER_INCH, AxesReach, axes_reach, fit_axes
from hammplan.render.charts.population import chart_population
from hammplan.render.charts.style import chart_style, figure, save_svg

__all__ = [
    "CHARTS",
    "EDGE",
    "POINTS_PER_INCH",
    "AxesReach",
    "axes_reach",
    "chart_budget_by_field",
    "chart_budget_by_organisation",
    "chart_completeness",
    "chart_field_matrix",
    "chart_measure_years",
    "chart_population",
    "chart_style",
    "chart_third_party_share",
    "chart_top_measures",
    "figure",
    "fit_axes",
    "save_svg",
]
