"""The one place that reads budget values out of a curated plan, as a long table.

Everything else in :mod:`hammplan.compare` works on the table this module returns, never on
the plan's budget model, so how the plan holds its years changes this module only.

Years, kinds and bases are the plan's own (``CuratedPlan.budget_years``, read from the printed
header): each budget line holds its values per printed year (``BudgetLine.jahre``); whether a
year's figures are actual ("Stand 30.06") or planned ("geplant") is the header's basis.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from hammplan.records.plan import ARTEN, BudgetLine, CuratedPlan
from hammplan.records.values import Amount, KeyFigures

COLUMNS = (
    "budget_id",
    "measure_id",
    "massnahme",
    "jahr",
    "art",
    "betrag",
    "status",
    "basis",
    "stand",
    "raw",
    "page",
)
"""Columns of :func:`budget_values`; ``art`` is ``aufwand``, ``ertrag`` or ``wert``."""

KINDS = ARTEN


def _single_figure(figures: KeyFigures) -> Decimal | None:
    """The number of a Wert cell that holds exactly one figure; None otherwise."""
    values = [f.value for f in figures.items if f.value is not None]
    return values[0] if figures.status == "ok" and len(values) == 1 else None


def _cell(line: BudgetLine, cell: Amount | KeyFigures) -> tuple[Decimal | None, str, str, int]:
    """Amount, status, raw text and page of one value cell of a budget row."""
    if isinstance(cell, Amount):
        value = cell.betrag_eur if cell.status == "ok" else None
        status = "not_stated" if cell.status == "ok" and value is None else cell.status
        return value, status, cell.raw, cell.page or line.page
    value = _single_figure(cell)
    status = "not_stated" if cell.status == "ok" and not cell.items else cell.status
    if status == "ok" and value is None:
        status = "note"  # several figures, or words: kept as printed, not one number
    return value, status, cell.raw, cell.page or line.page


def budget_values(plan: CuratedPlan) -> pd.DataFrame:
    """One row per budget row, printed year and kind: ``budget_id``, ``measure_id`` (None
    when the row is linked to no measure), ``massnahme`` (the row's name), ``jahr``, ``art``,
    ``betrag`` (Decimal, None unless the cell states one number), ``status`` (the curated
    status), ``basis`` (``ist`` or ``plan`` as the header prints it, None where it prints
    neither), ``stand`` (as-of date or None), ``raw`` and ``page``."""
    basis = {y.jahr: y.basis for y in plan.budget_years}
    rows = []
    for line in plan.budget:
        for values in line.jahre:
            for kind in KINDS:
                cell = getattr(values, kind)
                if cell is None:
                    continue
                value, status, raw, page = _cell(line, cell)
                rows.append(
                    {
                        "budget_id": line.id,
                        "measure_id": line.link.measure_id,
                        "massnahme": line.massnahme,
                        "jahr": values.jahr,
                        "art": kind,
                        "betrag": value,
                        "status": status,
                        "basis": basis.get(values.jahr),
                        "stand": getattr(cell, "stand", None),
                        "raw": raw,
                        "page": page,
                    }
                )
    return pd.DataFrame(rows, columns=list(COLUMNS))
