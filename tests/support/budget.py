"""Budget lines for tests: the bundled plan's three years, and values given by column name.

Test fixtures name a budget value by its column ("aufwand_2023"), as budget.csv does; the
curated model holds years as data (``BudgetLine.jahre``). These helpers translate.
"""

from __future__ import annotations

import re
from typing import Any

from hammplan.records.plan import ARTEN, BudgetLine, BudgetYear, YearValues

PLAN_YEARS: list[BudgetYear] = [
    BudgetYear(jahr=2023, basis="ist", stand="30.06", arten=list(ARTEN)),
    BudgetYear(jahr=2024, basis="ist", stand="30.06", arten=list(ARTEN)),
    BudgetYear(jahr=2025, basis="plan", arten=list(ARTEN)),
]
"""The bundled plan's budget years, as its header prints them."""

_COLUMN = re.compile(r"^(aufwand|ertrag|wert)_(\d{4})$")


def with_years(values: dict[str, Any], years: list[BudgetYear] = PLAN_YEARS) -> dict[str, Any]:
    """``values`` of a BudgetLine with "aufwand_2023"-style keys folded into ``jahre``."""
    out = {k: v for k, v in values.items() if not _COLUMN.match(k)}
    jahre = {y.jahr: YearValues(jahr=y.jahr) for y in years}
    for key, value in values.items():
        match = _COLUMN.match(key)
        if match:
            kind, year = match.group(1), int(match.group(2))
            setattr(jahre.setdefault(year, YearValues(jahr=year)), kind, value)
    out["jahre"] = list(jahre.values())
    return out


def budget_line(**values: Any) -> BudgetLine:
    """A BudgetLine from keyword values, budget values by column name."""
    return BudgetLine.model_validate(with_years(values))


def set_value(line: BudgetLine, column: str, value: Any) -> None:
    """Set one value of ``line`` by its column name ("aufwand_2024")."""
    match = _COLUMN.match(column)
    assert match, column
    kind, year = match.group(1), int(match.group(2))
    entry = next(v for v in line.jahre if v.jahr == year)
    setattr(entry, kind, value)


def value(line: BudgetLine, column: str) -> Any:
    """One value of ``line`` by its column name."""
    return getattr(line, column.split("_")[0])(int(column.split("_")[1]))
