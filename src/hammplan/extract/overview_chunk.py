"""The overview table's header: a section row ("Integrationsabschnitte") over a column row.

Split from :mod:`hammplan.extract.chunks` because its header is read differently from every
other family's: the column label also labels profile rows, so the section row decides.
"""

from __future__ import annotations

from hammplan.extract.chunk import Chunk, first_cell, rows_from
from hammplan.extract.grid import column_starts, line_bands, text_rows
from hammplan.extract.headers import without_debris
from hammplan.extract.labels import reads_as
from hammplan.extract.layout import Line, PageLayout, segments
from hammplan.extract.ocr import is_debris
from hammplan.vocabulary import Vocabulary


def header_part(band: list[Line], label_line: Line, page: PageLayout) -> list[Line]:
    """The lines of ``band`` that belong to the column header: those above the label line,
    the label line, and the lines below it up to the first with a word in the label's column.

    The label cell is complete on its line ("Handlungsfelder"), so text below it in its column
    is the first body row's: on a scan the white between the header and the first row may be
    no wider than the leading, and that row's words would each start a column of their own
    (a stray column, and the row lost with the header).
    """
    runs = segments(label_line, page.gutter)
    if len(runs) < 2:
        return band
    label_end = runs[1][0].x0 - page.gutter
    below = False
    for i, line in enumerate(band):
        if line is label_line:
            below = True
        elif below and any(not is_debris(w) and w.x0 < label_end for w in line.words):
            return band[:i]
    return band


def overview_chunk(
    page: PageLayout,
    lines: list[Line],
    start: int,
    band: list[Line],
    vocab: Vocabulary,
    previous: Chunk | None,
) -> tuple[Chunk, list[Line]] | None:
    """The overview table when ``band`` holds its column header row.

    The column header row is the line whose first cell is the column label ("Handlungsfelder");
    lines above it, from the section label ("Integrationsabschnitte") on, are the section
    header row, which a first overview page must have (the column label alone also labels
    profile rows) when the vocabulary names a section label. The page-reference column
    ("Seite") may stand in the section row only, so section cells right of the column header
    add one last column.
    """
    window = lines[start : start + len(band) + 6]
    at = next(
        (
            i
            for i, line in enumerate(window)
            if reads_as(first_cell(line, page), vocab.overview.column_label)
        ),
        None,
    )
    if at is None:
        return None
    # the band holding the label line: with middle-aligned cells, wrapped column headers
    # begin above the label
    columns_band = header_part(
        next(band for band in line_bands(lines[start:]) if window[at] in band), window[at], page
    )
    first = window.index(columns_band[0]) if columns_band[0] in window else at
    starts = column_starts(without_debris(columns_band), page.gutter)
    if len(starts) < 4:
        return None
    section_label = vocab.overview.section_label
    sec = next(
        (
            i
            for i, line in enumerate(window[:first])
            if section_label and reads_as(first_cell(line, page), section_label)
        ),
        first,
    )
    section_band = window[sec:first]
    if section_label and not section_band and not (previous and previous.family == "overview"):
        return None  # "Handlungsfelder" alone also labels a profile row
    band = section_band + columns_band
    right = max(w.x1 for line in columns_band for w in line.words)
    extra = [
        r[0].x0
        for line in section_band
        for r in segments(line, page.gutter)
        if r[0].x0 > right + page.gutter
    ]
    starts += sorted(extra)[:1]
    header = []
    if section_band:
        header.append(text_rows(page, section_band, starts, key_column=None)[0])
    header.append(text_rows(page, columns_band, starts, key_column=None)[0])
    body_start = lines.index(band[-1]) + 1
    if body_start >= len(lines):
        return Chunk("overview", page, header, [], False, starts), band
    rows, used = rows_from(page, lines, body_start, starts)
    return Chunk("overview", page, header, rows, False, starts), band + used
