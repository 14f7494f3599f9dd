"""Years shifted between editions: only shared years are compared, the others listed.

The curated model holds fixed budget years until issue 12 lands, so a typeset edition with
shifted years cannot be read into it yet. The comparison works on the long value table of
:func:`hammplan.compare.values.budget_values`, the one place that reads the model; here a
new edition's table is made by shifting the old one's years by one and by two, which is what
that table will hold once the model carries the printed years.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from hammplan.compare import money
from hammplan.compare.values import budget_values, year_fields
from hammplan.records.plan import BudgetLine
from tests.compare.conftest import Editions


def shifted(frame: pd.DataFrame, by: int) -> pd.DataFrame:
    """The table as an edition ``by`` years later would have it: every year moved on, the
    last year the plan, the years before it actual figures."""
    moved = frame.assign(jahr=frame["jahr"] + by)
    last = int(moved["jahr"].max())
    return moved.assign(basis=moved["jahr"].map(lambda y: "plan" if y == last else "ist"))


def test_years_are_read_from_the_model_not_written_in_the_code() -> None:
    found = {(kind, year) for kind, year, _ in year_fields()}
    fields = {name for name in BudgetLine.model_fields
              if name.split("_")[0] in ("aufwand", "ertrag", "wert")}
    assert {f"{kind}_{year}" for kind, year in found} == fields


def test_value_table_has_a_row_per_budget_row_year_and_kind(editions: Editions) -> None:
    table = budget_values(editions.old)
    years = sorted({y for _, y, _ in year_fields()})
    assert len(table) == len(editions.old.budget) * len(years) * 3
    row = table[(table["massnahme"] == "Kleine Knirpse") & (table["art"] == "aufwand")]
    assert list(zip(row["jahr"], row["betrag"], row["basis"], row["page"], strict=True)) == [
        (years[0], Decimal(70000), "ist", 3), (years[1], Decimal(74000), "ist", 3),
        (years[2], Decimal(76000), "plan", 3)]


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
    assert [(t.jahr, t.art) for t in totals] == [(y, k) for y in years.gemeinsam
                                                 for k in ("aufwand", "ertrag")]
