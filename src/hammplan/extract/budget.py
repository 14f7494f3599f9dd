"""Budget tables: one record per measure row, headers read as data, page breaks joined.

The header is printed on every page, and text recognition garbles a word here and there; the
document's headers of one width are read together (:func:`budget_layout`), so a year or a
basis that one header loses is taken from the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from hammplan.extract.chunk import Chunk
from hammplan.extract.grid import GridRow
from hammplan.extract.headers import read_column
from hammplan.extract.layout import PageLayout
from hammplan.extract.pageorder import continues
from hammplan.records.budget import VALUE_KINDS, BudgetCell, BudgetColumn, BudgetHeader, BudgetRow
from hammplan.records.document import Leftover
from hammplan.records.provenance import SourceCell
from hammplan.vocabulary import BudgetVocabulary

T = TypeVar("T")


def _cells(row: GridRow) -> list[SourceCell]:
    return [cell.source() for cell in row]


def _most_common(values: Sequence[T | None]) -> T | None:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _agreed(readings: list[list[BudgetColumn]]) -> list[BudgetColumn]:
    """Per column, what most headers of one width say (a garbled word is outvoted)."""
    agreed = []
    for column in zip(*readings, strict=True):
        role = _most_common([c.role for c in column])
        same = [c for c in column if c.role == role]
        year = _most_common([c.year for c in same])
        dated = [c for c in same if c.year == year]
        basis = _most_common([c.basis for c in dated])
        as_of = _most_common([c.as_of for c in dated if c.basis == basis])
        agreed.append(BudgetColumn(role=role, year=year, basis=basis, as_of=as_of))
    return agreed


def _fill_years(columns: list[BudgetColumn]) -> list[BudgetColumn]:
    """Years no header prints: an Ertrag beside its Aufwand shares its year; the n-th Wert
    column of as many as there are amount years takes the n-th year."""
    out = list(columns)
    for i, col in enumerate(out):
        if col.role not in ("aufwand", "ertrag") or col.year is not None:
            continue
        partner = "ertrag" if col.role == "aufwand" else "aufwand"
        for j in (i - 1, i + 1):
            if 0 <= j < len(out) and out[j].role == partner and out[j].year is not None:
                out[i] = col.model_copy(update={"year": out[j].year})
                break
    years = list(dict.fromkeys(c.year for c in out if c.role in ("aufwand", "ertrag") and c.year))
    values = [i for i, c in enumerate(out) if c.role == "wert"]
    if len(values) == len(years):
        for i, year in zip(values, years, strict=True):
            if out[i].year is None:
                out[i] = out[i].model_copy(update={"year": year})
    return out


def _fill_basis(columns: list[BudgetColumn]) -> list[BudgetColumn]:
    """A year's column that prints no basis has the basis another column prints for that year
    ("Wert JJJJ" beside "Aufwand JJJJ Stand 30.06")."""
    out = []
    for col in columns:
        if col.role in VALUE_KINDS and col.basis is None and col.year is not None:
            other = next((c for c in columns if c.year == col.year and c.basis is not None), None)
            if other is not None:
                col = col.model_copy(update={"basis": other.basis, "as_of": other.as_of})
        out.append(col)
    return out


def budget_layout(headers: list[BudgetHeader]) -> dict[int, list[BudgetColumn]]:
    """The agreed columns of the document's budget headers, by header width."""
    by_width: dict[int, list[list[BudgetColumn]]] = {}
    for header in headers:
        by_width.setdefault(len(header.columns), []).append(header.columns)
    return {
        width: _fill_basis(_fill_years(_agreed(readings))) for width, readings in by_width.items()
    }


def _usable(columns: list[BudgetColumn]) -> bool:
    roles = [c.role for c in columns]
    return "name" in roles and all(c.year is not None for c in columns if c.role in VALUE_KINDS)


def _row(cells: list[SourceCell], columns: list[BudgetColumn]) -> BudgetRow:
    return BudgetRow(
        columns=[
            BudgetCell(
                role=col.role or "name", year=col.year, basis=col.basis, as_of=col.as_of, cell=cell
            )
            for col, cell in zip(columns, cells, strict=True)
        ]
    )


def assemble_budget(
    chunks: list[Chunk], vocab: BudgetVocabulary
) -> tuple[list[BudgetHeader], list[BudgetRow], list[Leftover]]:
    """Headers and rows of all budget chunks, in document order.

    A chunk without a header continues the table before it. A row whose StA cell (else its
    first cell) is empty continues the row before it (a row broken over a page, or a line of
    a row set without padding); its cells are joined cell by cell. Over a page break only as
    the first row on a page that follows in reading order (``pageorder``).
    """
    headers: list[BudgetHeader] = []
    header_of: list[BudgetHeader | None] = []
    for chunk in chunks:
        for header_row in chunk.header:
            cells = _cells(header_row)
            headers.append(
                BudgetHeader(cells=cells, columns=[read_column(c.text, vocab) for c in cells])
            )
        header_of.append(headers[-1] if chunk.header else None)
    layouts = budget_layout(headers)
    rows: list[BudgetRow] = []
    leftovers: list[Leftover] = []
    columns: list[BudgetColumn] | None = None
    last_page: PageLayout | None = None  # where the last row stands
    for chunk, header in zip(chunks, header_of, strict=True):
        first = True  # no row of this chunk taken yet
        if header is not None:
            columns = layouts[len(header.columns)]
            if not _usable(columns):
                leftovers.append(
                    Leftover(
                        family="budget",
                        reason=("header without a name column, or a year's column without a year"),
                        cells=header.cells,
                    )
                )
                columns = None
        for grid_row in chunk.rows:
            cells = _cells(grid_row)
            if not any(c.text for c in cells):
                continue
            if columns is None or len(cells) != len(columns):
                expected = "a readable header" if columns is None else f"{len(columns)} cells"
                leftovers.append(
                    Leftover(
                        family="budget",
                        reason=(f"row of {len(cells)} cells, expected {expected}"),
                        cells=cells,
                    )
                )
                continue
            row = _row(cells, columns)
            key = row.sta if any(c.role == "sta" for c in columns) else cells[0]
            if (
                not key.text
                and rows
                and len(rows[-1].columns) == len(cells)
                and continues(last_page, chunk.page, first)
            ):
                rows[-1] = rows[-1].joined(row)
            elif not key.text:
                leftovers.append(
                    Leftover(
                        family="budget",
                        reason=(
                            f"continuation row on page {chunk.page.number} not joined: "
                            "no row right before it in reading order"
                        ),
                        cells=cells,
                        page=chunk.page.number,
                        kind="not_joined",
                    )
                )
                first = False
                continue
            else:
                rows.append(row)
            last_page, first = chunk.page, False
    return headers, rows, leftovers
