"""The plan's frame across editions: its list of Handlungsfelder and the overview table of
measures by Handlungsfeld."""

from __future__ import annotations

from hammplan.compare.model import ListChange, OverviewChange
from hammplan.records.plan import CuratedPlan, OverviewLink


def field_list_change(old: CuratedPlan, new: CuratedPlan) -> ListChange:
    """Handlungsfelder the new edition names and the old does not, and the reverse."""
    return ListChange(
        neu=[f for f in new.handlungsfelder if f not in old.handlungsfelder],
        entfallen=[f for f in old.handlungsfelder if f not in new.handlungsfelder],
    )


def _by_measure(plan: CuratedPlan) -> dict[str, OverviewLink]:
    rows: dict[str, OverviewLink] = {}
    for row in plan.overview:
        if row.link.measure_id is not None:
            rows.setdefault(row.link.measure_id, row)
    return rows


def overview_changes(
    old: CuratedPlan, new: CuratedPlan, old_to_new: dict[str, str]
) -> list[OverviewChange]:
    """Measures in the overview table of both editions whose marks differ (a measure in one
    edition only is new or dropped, not an overview change)."""
    before = {old_to_new[m]: row for m, row in _by_measure(old).items() if m in old_to_new}
    after = _by_measure(new)
    changes = []
    for measure_id in [*after, *(m for m in before if m not in after)]:
        a, b = before.get(measure_id), after.get(measure_id)
        fields_a = sorted(a.handlungsfelder) if a else []
        fields_b = sorted(b.handlungsfelder) if b else []
        if a is not None and b is not None and fields_a != fields_b:
            changes.append(
                OverviewChange(
                    massnahme=b.massnahme,
                    alt=fields_a,
                    neu=fields_b,
                    page_alt=a.page,
                    page_neu=b.page,
                )
            )
    return changes
