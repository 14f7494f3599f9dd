"""A chunk: the part of one table that stands on one page, and reading its rows.

Shared by the page's table finder (:mod:`hammplan.extract.chunks`), the overview's header
reader (:mod:`hammplan.extract.overview_chunk`) and each family's parser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from hammplan.extract.grid import GridRow, table_lines, text_rows
from hammplan.extract.layout import Line, PageLayout, segments

Family = Literal["budget", "profile", "population", "overview", "index", "unknown"]


@dataclass
class Chunk:
    """One table's part on one page: header rows (possibly none) and body rows."""

    family: Family
    page: PageLayout
    header: list[GridRow]
    rows: list[GridRow]
    ruled: bool
    starts: list[float] = field(default_factory=list)
    """Column starts of a table without ruling lines, carried to its continuation."""
    reaches_page_end: bool = False
    """Nothing but running footers follows the table on its page: it may go on overleaf."""

    @property
    def columns(self) -> int:
        rows = self.header or self.rows
        return len(rows[0]) if rows else 0

    def compact(self) -> None:
        """Merge each cell's words into one (:meth:`GridCell.compacted`), in place.

        For a chunk no later page looks into any more: a table continued overleaf compares
        its font size with the last chunk's words, so the last chunk stays as it is until
        the next page is done.
        """
        self.header = [[cell.compacted() for cell in row] for row in self.header]
        self.rows = [[cell.compacted() for cell in row] for row in self.rows]


def first_cell(line: Line, page: PageLayout) -> str:
    """The text of a line's first run of words (its first cell in a table)."""
    return " ".join(w.text for w in segments(line, page.gutter)[0])


def rows_from(
    page: PageLayout,
    lines: list[Line],
    start: int,
    starts: list[float],
    key_column: int | None = 0,
    closes: Callable[[Line], bool] | None = None,
) -> tuple[list[GridRow], list[Line]]:
    """The text rows of ``lines`` from ``start`` on in the columns ``starts``, and the lines
    they use (up to the first that ``closes`` the table, if given)."""
    body = table_lines(lines, start, page, starts, closes)
    return text_rows(page, body, starts, key_column), body
