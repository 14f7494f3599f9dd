"""The overview of measures by field of action, with marks by text or fill colour."""

from __future__ import annotations

from hammplan.extract.chunk import Chunk
from hammplan.extract.grid import GridRow
from hammplan.extract.labels import text_key
from hammplan.extract.layout import Fill, PageLayout, words_bbox
from hammplan.records.document import Leftover
from hammplan.records.overview import OverviewMark, OverviewRow, OverviewTable
from hammplan.records.provenance import BBox, SourceCell, Span


def _near_white(colour: tuple[float, ...]) -> bool:
    return min(colour) > 0.97


def _cell_boxes(chunk: Chunk, rows: list[GridRow]) -> list[list[BBox | None]]:
    """Cell boxes of every row: ruled boxes, or for a table without lines the column
    interval times the row's vertical extent, widened to halfway to the neighbouring rows."""
    if chunk.ruled:
        return [[c.box for c in row] for row in rows]
    starts = chunk.starts
    page = chunk.page
    extents = []
    for row in rows:
        words = [w for c in row for w in c.words]
        extents.append((min(w.top for w in words), max(w.bottom for w in words)) if words else None)
    boxes: list[list[BBox | None]] = []
    for i, extent in enumerate(extents):
        if extent is None:
            boxes.append([None] * len(rows[i]))
            continue
        above = next((e for e in reversed(extents[:i]) if e), None)
        below = next((e for e in extents[i + 1 :] if e), None)
        top = (above[1] + extent[0]) / 2 if above else extent[0] - 2
        bottom = (extent[1] + below[0]) / 2 if below else extent[1] + 2
        edges = [*starts, page.width]
        boxes.append(
            [
                BBox(x0=edges[j], top=top, x1=edges[j + 1], bottom=bottom)
                for j in range(len(rows[i]))
            ]
        )
    return boxes


def _fills_under(box: BBox, fills: list[Fill]) -> list[Fill]:
    """Fills that cover the middle of ``box``."""
    cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    return [f for f in fills if f.bbox.x0 <= cx <= f.bbox.x1 and f.bbox.top <= cy <= f.bbox.bottom]


def _colour_key(fill: Fill) -> tuple[float, ...]:
    return tuple(round(c, 3) for c in fill.colour)


def _fill_in(box: BBox | None, fills: list[Fill], ignore: set[tuple[float, ...]]) -> Fill | None:
    """A coloured fill that covers the middle of ``box`` and is not much larger than it."""
    if box is None:
        return None
    area = (box.x1 - box.x0) * (box.bottom - box.top)
    for fill in _fills_under(box, fills):
        f = fill.bbox
        if (f.x1 - f.x0) * (f.bottom - f.top) > 2.5 * area:
            continue
        if not _near_white(fill.colour) and _colour_key(fill) not in ignore:
            return fill
    return None


def _header_colours(page: PageLayout, header: list[GridRow]) -> set[tuple[float, ...]]:
    """Colours of fills behind the header cells: the header's background is no mark."""
    boxes = [
        cell.box or words_bbox(cell.words)
        for row in header
        for cell in row
        if cell.box or cell.words
    ]
    return {_colour_key(fill) for box in boxes for fill in _fills_under(box, page.fills)}


def assemble_overview(
    chunks: list[Chunk], page_column_label: str
) -> tuple[list[OverviewTable], list[Leftover]]:
    """One table for the overview however many pages it takes; marks by text or fill."""
    tables: list[OverviewTable] = []
    leftovers: list[Leftover] = []
    for chunk in chunks:
        header_cells = [[c.source() for c in row] for row in chunk.header]
        if chunk.header and not tables:
            section = header_cells[0] if len(header_cells) > 1 else []
            tables.append(
                OverviewTable(section_header=section, column_header=header_cells[-1], rows=[])
            )
        elif chunk.header:
            tables[-1].repeated_headers.extend(header_cells)
        if not tables:
            leftovers.append(
                Leftover(
                    family="overview",
                    reason="rows before any overview header",
                    cells=[c.source() for r in chunk.rows for c in r],
                )
            )
            continue
        table = tables[-1]
        width = len(table.column_header)
        page_columns = {
            i
            for header in (table.column_header, table.section_header)
            for i, cell in enumerate(header)
            if text_key(cell.text) == text_key(page_column_label)
        }
        ignore = _header_colours(chunk.page, chunk.header)
        boxes = _cell_boxes(chunk, chunk.rows)
        for r, (grid_row, row_boxes) in enumerate(zip(chunk.rows, boxes, strict=True)):
            cells = [c.source() for c in grid_row]
            fills = [_fill_in(box, chunk.page.fills, ignore) for box in row_boxes]
            if not any(c.text for c in cells) and not any(fills):
                continue
            if len(cells) != width:
                leftovers.append(
                    Leftover(
                        family="overview",
                        reason=(f"row of {len(cells)} cells, expected {width}"),
                        cells=cells,
                    )
                )
                continue
            marks = []
            for i in range(1, width):
                if i in page_columns:
                    continue
                cell, fill = cells[i], fills[i]
                if fill is not None and not cell.spans:
                    cell = SourceCell(text="", spans=[Span(page=chunk.page.number, bbox=fill.bbox)])
                how = "text" if cell.text else ("fill" if fill is not None else "none")
                marks.append(
                    OverviewMark(
                        column=i,
                        marked=how != "none",
                        how=how,
                        colour=fill.colour if fill else None,
                        cell=cell,
                    )
                )
            page_cell = next((cells[i] for i in sorted(page_columns)), None)
            if r == 0 and not chunk.header and not cells[0].text and table.rows:
                last = table.rows[-1]
                table.rows[-1] = last.model_copy(update={"measure": last.measure.joined(cells[0])})
                continue
            table.rows.append(OverviewRow(measure=cells[0], marks=marks, page_cell=page_cell))
    return tables, leftovers
