"""Budget rows: per measure its office, name, funder, key figure and the values of each year.

The years are data read from the printed header, never field names: a plan prints any number
of years, in any order, with or without Ertrag or Wert columns, each year either an actual
figure as of a date ("Stand 30.06") or a plan ("geplant"). A header cell reads as a
:class:`BudgetColumn`; each row cell carries the column it stands in (:class:`BudgetCell`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from hammplan.records.provenance import SourceCell

BudgetRole = Literal["sta", "name", "aufwand", "ertrag", "foerdergeber", "kennzahl", "wert"]
"""What a budget column holds: the office (StA), the measure's name, an amount spent
(Aufwand) or earned (Ertrag) in a year, the funder, the key figure's name, its value in a year."""

ValueKind = Literal["aufwand", "ertrag", "wert"]
"""The roles whose columns belong to a year."""

VALUE_KINDS: tuple[ValueKind, ...] = ("aufwand", "ertrag", "wert")

Basis = Literal["ist", "plan"]
"""ist: an actual figure (as of ``as_of`` when printed, "Stand 30.06"); plan: "geplant"."""


class BudgetColumn(BaseModel):
    """What one header cell says its column holds.

    ``role`` is None when the header words name no known column (garbled by recognition);
    ``year``, ``basis`` and ``as_of`` are None when the cell does not print them.
    """

    role: BudgetRole | None
    year: int | None = None
    basis: Basis | None = None
    as_of: str | None = Field(default=None, description='As-of date as printed ("30.06").')


class BudgetHeader(BaseModel):
    """One printed occurrence of the budget table header (it is repeated on every page)."""

    cells: list[SourceCell] = Field(min_length=1)
    columns: list[BudgetColumn] = Field(
        default_factory=list, description="Each cell's reading, in printed order."
    )


class BudgetCell(BaseModel):
    """One row cell with the column it stands in (after the document's headers agreed)."""

    role: BudgetRole
    year: int | None = None
    basis: Basis | None = None
    as_of: str | None = None
    cell: SourceCell


class BudgetRow(BaseModel):
    """One measure's row, every cell verbatim, in printed order.

    ``continued`` counts the times the row was joined with a continuation (a row with an empty
    StA cell, as printed after a page break); each cell's spans then cover both pages.
    """

    columns: list[BudgetCell]
    continued: int = 0

    def _role(self, role: BudgetRole) -> SourceCell:
        found = next((c.cell for c in self.columns if c.role == role), None)
        return found if found is not None else SourceCell(text="")

    @property
    def sta(self) -> SourceCell:
        """The office (StA) cell; empty when the table has no such column."""
        return self._role("sta")

    @property
    def name(self) -> SourceCell:
        """The measure's name as printed."""
        return self._role("name")

    @property
    def funder(self) -> SourceCell:
        """The funder (Fördergeber) cell; empty when the table has no such column."""
        return self._role("foerdergeber")

    @property
    def indicator(self) -> SourceCell:
        """The key figure's name (Kennzahl); empty when the table has no such column."""
        return self._role("kennzahl")

    @property
    def values(self) -> list[BudgetCell]:
        """The cells that belong to a year (Aufwand, Ertrag, Wert), in printed order."""
        return [c for c in self.columns if c.role in VALUE_KINDS and c.year is not None]

    def value(self, kind: ValueKind, year: int) -> SourceCell | None:
        """The cell of ``kind`` in ``year``, or None when the table prints no such column."""
        return next((c.cell for c in self.values if c.role == kind and c.year == year), None)

    def cells(self) -> list[SourceCell]:
        """The cells in printed order."""
        return [c.cell for c in self.columns]

    def joined(self, other: BudgetRow) -> BudgetRow:
        """This row continued by ``other`` (same columns), cell by cell."""
        columns = [
            a.model_copy(update={"cell": a.cell.joined(b.cell)})
            for a, b in zip(self.columns, other.columns, strict=True)
        ]
        return BudgetRow(columns=columns, continued=self.continued + 1)

    @property
    def pages(self) -> list[int]:
        """Pages the row was printed on."""
        return list(dict.fromkeys(p for cell in self.cells() for p in cell.pages))
