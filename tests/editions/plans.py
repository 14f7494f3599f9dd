"""Synthetic plans of other editions and layouts of the budget table, typeset with reportlab.

Each is the sample plan (tests/support/typeset.py) changed the way a next edition or another
city changes it; the tests read them and compare every record with what was set.
"""

from __future__ import annotations

import dataclasses

from tests.support.typeset import Layout, PlanContent, sample_content

FOUR_YEARS = (2026, 2027, 2028, 2029)
"""Years of the plan with four budget years and no Ertrag columns (test data, not code)."""


def four_years_no_income() -> PlanContent:
    """The sample plan with Aufwand and Wert for four years (two actual, two planned) and no
    Ertrag column: 12 columns instead of 13, in a header order of its own."""
    base = sample_content()
    first, second, third, fourth = FOUR_YEARS
    header = ["StA", "Name der Maß- nahme", f"Aufwand (€) {first} Stand 30.06",
              f"Aufwand (€) {second} Stand 30.06", f"Aufwand (€) {third} geplant",
              f"Aufwand (€) {fourth} geplant", "Förderge- ber", "Kennzahl",
              f"Wert {first} Stand 30.06", f"Wert {second} Stand 30.06", f"Wert {third} geplant",
              f"Wert {fourth} geplant"]
    rows = []
    for n, r in enumerate(base.budget_rows):
        extra = f"{10 + n}.000"
        rows.append([r[0], r[1], r[2], r[4], r[6], extra, r[8], r[9], r[10], r[11], r[12],
                     str(n + 1)])
    return dataclasses.replace(base, budget_header=header, budget_rows=rows)


def narrow(layout: Layout, columns: int) -> Layout:
    """``layout`` with column widths for a budget table of ``columns`` columns."""
    scale = (0.6, 2.4, *([1.0] * (columns - 2)))
    return dataclasses.replace(layout, col_scale=scale)
