"""The one place that reads budget values out of a curated plan, as a long table.

Everything else in :mod:`hammplan.compare` works on the table this module returns, never on
the plan's budget fields, so a change of how the plan model holds its years (fixed fields
``aufwand_2023`` ... today; a list of ``{year, kind, basis, ...}`` read from the printed header
once that lands) changes this module only.

Years are read from the model, never written here: today from the names of the
``BudgetLine`` fields (``aufwand_<year>``, ``ertrag_<year>``, ``wert_<year>``). Whether a
year's figures are actual ("Stand 30.06") or planned ("geplant") is not yet in the model; the
plan's last budget year is its plan (as the report labels it), the earlier ones are actual
figures, with the as-of date where a cell prints one.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from hammplan.records.plan import BudgetLine, CuratedPlan
from hammplan.records.values import Amount, KeyFigures

COLUMNS = ("budget_id", "measure_id", "massnahme", "jahr", "art", "betrag", "status", "basis",
           "stand", "raw", "page")
"""Columns of :func:`budget_values`; ``art`` is ``aufwand``, ``ertrag`` or ``wert``."""

KINDS = ("aufwand", "ertrag", "wert")

_YEAR_FIELD = re.compile(r"^(aufwand|ertrag|wert)_(\d{4})$")


def year_fields() -> list[tuple[str, int, str]]:
    """``(kind, year, field name)`` of every budget value field of the model, by year then
    kind (the order the plan prints its columns in)."""
    found = []
    for name in BudgetLine.model_fields:
        match = _YEAR_FIELD.match(name)
        if match:
            found.append((match.group(1), int(match.group(2)), name))
    return sorted(found, key=lambda f: (f[1], KINDS.index(f[0])))


def _single_figure(figures: KeyFigures) -> Decimal | None:
    """The number of a Wert cell that holds exactly one figure; None otherwise."""
    values = [f.value for f in figures.items if f.value is not None]
    return values[0] if figures.status == "ok" and len(values) == 1 else None


def _cell(line: BudgetLine, kind: str, name: str) -> tuple[Decimal | None, str, str, int]:
    """Amount, status, raw text and page of one value cell of a budget row."""
    cell: Amount | KeyFigures = getattr(line, name)
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
    """One row per budget row, year and kind: ``budget_id``, ``measure_id`` (None when the
    row is linked to no measure), ``massnahme`` (the row's name), ``jahr``, ``art``,
    ``betrag`` (Decimal, None unless the cell states one number), ``status`` (the curated
    status), ``basis`` (``ist`` or ``plan``), ``stand`` (as-of date or None), ``raw`` and
    ``page``."""
    fields = year_fields()
    last = max((year for _, year, _ in fields), default=None)
    rows = []
    for line in plan.budget:
        for kind, year, name in fields:
            value, status, raw, page = _cell(line, kind, name)
            cell = getattr(line, name)
            rows.append({
                "budget_id": line.id, "measure_id": line.link.measure_id,
                "massnahme": line.massnahme, "jahr": year, "art": kind, "betrag": value,
                "status": status, "basis": "plan" if year == last else "ist",
                "stand": getattr(cell, "stand", None), "raw": raw, "page": page,
            })
    return pd.DataFrame(rows, columns=list(COLUMNS))
