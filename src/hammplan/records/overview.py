"""The overview of measures by field of action (Maßnahmenübersicht)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from hammplan.records.provenance import SourceCell


class OverviewMark(BaseModel):
    """One cell of a measure's row under a field-of-action column.

    ``marked`` is true when the cell shows text (``how`` = "text", e.g. "x") or is filled with
    a colour other than the page and header background (``how`` = "fill", ``colour`` as RGB).
    """

    column: int
    marked: bool
    how: Literal["text", "fill", "none"] = "none"
    colour: tuple[float, ...] | None = None
    cell: SourceCell


class OverviewRow(BaseModel):
    """One measure of the overview with its marks, left to right.

    ``page_cell`` is the cell under the page-reference column ("Seite"), when there is one.
    A row whose measure cell is empty but that shows marks is kept as its own row.
    """

    measure: SourceCell
    marks: list[OverviewMark]
    page_cell: SourceCell | None = None


class OverviewTable(BaseModel):
    """The overview: the group header row, the column header row, and the measures.

    Tables continued on further pages are joined into one; their repeated headers are kept in
    ``repeated_headers`` so nothing printed is lost.
    """

    section_header: list[SourceCell]
    column_header: list[SourceCell]
    rows: list[OverviewRow]
    repeated_headers: list[list[SourceCell]] = []
