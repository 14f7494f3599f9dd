"""Years of the value table, and shifted years on it: only shared years are compared.

The comparison works on the long value table of
:func:`hammplan.compare.values.budget_values`, the one place that reads the model, which
carries the years and bases the plan's header prints (``CuratedPlan.budget_years``). Here the
table itself is checked against the typeset header, and money's year logic on a table moved
by one and by two years; typeset editions with shifted headers, compared end to end, are in
tests/compare/test_shifted_editions.py.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest

from hammplan.compare import money
from hammplan.compare.values import budget_values
from tests.compare.conftest import Editions
from tests.compare.editions import old_edition


def shifted(frame: pd.DataFrame, by: int) -> pd.DataFrame:
    """The table as an edition ``by`` years later would have it: every year moved on, the
    last year the plan, the years before it actual figures."""
    moved = frame.assign(jahr=frame["jahr"] + by)
    last = int(moved["jahr"].max())
    return moved.assign(basis=moved["jahr"].map(lambda y: "plan" if y == last else "ist"))


def printed_years(header: list[str]) -> list[tuple[int, str]]:
    """Year and basis of each Aufwand column as the typeset header prints it."""
    found = []
    for cell in header:
        if cell.startswith("Aufwand") and (year := re.search(r"\b(\d{4})\b", cell)):
            found.append((int(year.group(1)), "ist" if "Stand" in cell else "plan"))
    return found


def test_years_are_read_from_the_model_not_written_in_the_code(editions: Editions) -> None:
    printed = printed_years(old_edition().budget_header)
    assert len(printed) == 3
    assert [(y.jahr, y.basis) for y in editions.old.budget_years] == printed
    table = budget_values(editions.old)
    rows = set(zip(table["jahr"], table["basis"], strict=True))
    assert rows == set(printed)


def test_value_table_has_a_row_per_budget_row_year_and_kind(editions: Editions) -> None:
    table = budget_values(editions.old)
    years = editions.old.years
    assert len(table) == len(editions.old.budget) * len(years) * 3
    row = table[(table["massnahme"] == "Kleine Knirpse") & (table["art"] == "aufwand")]
    assert list(zip(row["jahr"], row["betrag"], row["basis"], row["page"], strict=True)) == [
        (years[0], Decimal(70000), "ist", 3),
        (years[1], Decimal(74000), "ist", 3),
        (years[2], Decimal(76000), "plan", 3),
    ]


@pytest.mark.parametrize("by", [1, 2])
def test_shifted_years_compare_only_the_shared_ones(editions: Editions, by: int) -> None:
    old = budget_values(editions.old)
    new = shifted(budget_values(editions.old), by)
    first, last = int(old["jahr"].min()), int(old["jahr"].max())
    years = money.years(old, new)
    assert years.gemeinsam == list(range(first + by, last + 1))
    assert years.nur_alt == list(range(first, first + by))
    assert years.nur_neu == list(range(last + 1, last + by + 1))
    units = [money.Unit((m.id,), (m.id,), m.titel) for m in editions.old.measures]
    changes = money.budget_changes(old, new, units, years.gemeinsam)
    assert {c.jahr for c in changes} == set(years.gemeinsam)
    knirpse = {(c.jahr, c.art): c for c in changes if c.titel == "Kleine Knirpse"}
    # The old edition's plan for its last year against the new edition's actual figure of
    # that year (which, shifted, is what the old edition printed `by` years earlier).
    plan = knirpse[(last, "aufwand")]
    assert (plan.alt_basis, plan.neu_basis) == ("plan", "ist")
    assert (plan.alt, plan.neu) == (Decimal(76000), Decimal({1: 74000, 2: 70000}[by]))
    assert plan.differenz == plan.neu - plan.alt
    totals = money.totals(old, new, years.gemeinsam)
    assert [(t.jahr, t.art) for t in totals] == [
        (y, k) for y in years.gemeinsam for k in ("aufwand", "ertrag")
    ]
