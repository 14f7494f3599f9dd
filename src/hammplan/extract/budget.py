"""Budget tables: one record per measure row, headers recognised, page breaks joined."""

from __future__ import annotations

from hammplan.extract.chunks import Chunk
from hammplan.extract.grid import GridRow
from hammplan.extract.layout import PageLayout
from hammplan.extract.pageorder import continues
from hammplan.records.budget import BUDGET_COLUMNS, BudgetHeader, BudgetRow
from hammplan.records.document import Leftover
from hammplan.records.provenance import SourceCell


def _cells(row: GridRow) -> list[SourceCell]:
    return [cell.source() for cell in row]


def assemble_budget(
    chunks: list[Chunk],
) -> tuple[list[BudgetHeader], list[BudgetRow], list[Leftover]]:
    """Headers and rows of all budget chunks, in document order.

    A row whose StA cell is empty continues the row before it (a row broken over a page, or
    a line of a row set without padding); its cells are joined cell by cell. Over a page
    break only as the first row on a page that follows in reading order (``pageorder``).
    """
    headers: list[BudgetHeader] = []
    rows: list[BudgetRow] = []
    leftovers: list[Leftover] = []
    last_page: PageLayout | None = None  # where the last row stands
    for chunk in chunks:
        first = True  # no row of this chunk taken yet
        for header in chunk.header:
            if len(header) == len(BUDGET_COLUMNS):
                headers.append(BudgetHeader(cells=_cells(header)))
            else:
                leftovers.append(Leftover(family="budget", reason="header of unexpected width",
                                          cells=_cells(header)))
        for grid_row in chunk.rows:
            cells = _cells(grid_row)
            if not any(c.text for c in cells):
                continue
            if len(cells) != len(BUDGET_COLUMNS):
                leftovers.append(Leftover(family="budget", reason=(
                    f"row of {len(cells)} cells, expected {len(BUDGET_COLUMNS)}"), cells=cells))
                continue
            if not cells[0].text and rows and continues(last_page, chunk.page, first):
                last = rows[-1]
                joined = [a.joined(b) for a, b in zip(last.cells(), cells, strict=True)]
                rows[-1] = BudgetRow.from_cells(joined, continued=last.continued + 1)
            elif not cells[0].text:
                leftovers.append(Leftover(family="budget", reason=(
                    f"continuation row on page {chunk.page.number} not joined: no row right "
                    "before it in reading order"), cells=cells))
                first = False
                continue
            else:
                rows.append(BudgetRow.from_cells(cells))
            last_page, first = chunk.page, False
    return headers, rows, leftovers
