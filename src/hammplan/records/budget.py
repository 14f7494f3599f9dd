"""Budget rows: the 13-column tables of cost, income and key figures per measure."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, Field

from hammplan.records.provenance import SourceCell

BUDGET_COLUMNS: tuple[str, ...] = (
    "sta",
    "name",
    "expense_2023",
    "income_2023",
    "expense_2024",
    "income_2024",
    "expense_2025",
    "income_2025",
    "funder",
    "indicator",
    "value_2023",
    "value_2024",
    "value_2025",
)
"""Field names of a budget row, in the printed column order (StA ... Wert 2025 geplant)."""


class BudgetHeader(BaseModel):
    """One printed occurrence of the budget table header (it is repeated on every page)."""

    cells: list[SourceCell] = Field(min_length=len(BUDGET_COLUMNS), max_length=len(BUDGET_COLUMNS))


class BudgetRow(BaseModel):
    """One measure's row, every cell verbatim.

    ``continued`` counts the times the row was joined with a continuation (a row with an empty
    StA cell, as printed after a page break); each cell's spans then cover both pages.
    """

    columns: ClassVar[tuple[str, ...]] = BUDGET_COLUMNS

    sta: SourceCell
    name: SourceCell
    expense_2023: SourceCell
    income_2023: SourceCell
    expense_2024: SourceCell
    income_2024: SourceCell
    expense_2025: SourceCell
    income_2025: SourceCell
    funder: SourceCell
    indicator: SourceCell
    value_2023: SourceCell
    value_2024: SourceCell
    value_2025: SourceCell
    continued: int = 0

    @classmethod
    def from_cells(cls, cells: list[SourceCell], continued: int = 0) -> BudgetRow:
        """Build a row from its cells in printed order."""
        return cls(**dict(zip(BUDGET_COLUMNS, cells, strict=True)), continued=continued)

    def cells(self) -> list[SourceCell]:
        """The cells in printed order."""
        return [getattr(self, name) for name in BUDGET_COLUMNS]

    @property
    def pages(self) -> list[int]:
        """Pages the row was printed on."""
        return list(dict.fromkeys(p for cell in self.cells() for p in cell.pages))
