"""Finding the tables of each page and naming their family, page by page.

A chunk is the part of one table that stands on one page. Families are recognised by their
content only: header words, row labels, the index heading. A table that no family claims
right after one that was claimed, and that has the same shape, continues it (a table broken
over a page). Everything else becomes a leftover, so nothing printed in a table is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from hammplan.extract.grid import (
    line_bands,
    GridRow,
    column_starts,
    ruled_rows,
    table_lines,
    text_rows,
)
from hammplan.extract.headers import is_header_row, text_header
from hammplan.extract.labels import read_label
from hammplan.extract.layout import Line, PageLayout, group_lines, segments
from hammplan.records.provenance import BBox
from hammplan.vocabulary import Vocabulary

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

    @property
    def columns(self) -> int:
        rows = self.header or self.rows
        return len(rows[0]) if rows else 0


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).lower().split())


def _is_label(text: str, vocab: Vocabulary) -> bool:
    reading = read_label(text, vocab.profile.labels, vocab.profile.fuzzy_threshold)
    return reading.match in ("exact", "combined", "fuzzy", "inline")


def _is_heading(text: str, heading: str) -> bool:
    return fuzz.ratio(_key(text), _key(heading)) >= 85


_LETTER = re.compile(r"^\W*\w\W*$")
_PAGE = re.compile(r"\d")


def _index_like(rows: list[GridRow]) -> bool:
    """Whether most rows are index rows: a letter heading, or a title and a page number."""
    hits = 0
    for row in rows:
        texts = [c.text for c in row]
        if len(texts) != 2:
            return False
        if (_LETTER.match(texts[0]) and not texts[1]) or (texts[0] and _PAGE.search(texts[1])):
            hits += 1
    return bool(rows) and hits >= 0.6 * len(rows)


def _classify_ruled(rows: list[GridRow], page: PageLayout, vocab: Vocabulary,
                    previous: Chunk | None, heading_above: bool) -> Chunk:
    """Name the family of a ruled table's rows and split off its header rows."""
    budget = vocab.budget
    for i, row in enumerate(rows[:3]):
        if is_header_row(row, budget.compiled, budget.min_matches):
            return Chunk("budget", page, rows[: i + 1], rows[i + 1:], True)
    population = vocab.population
    if rows and is_header_row(rows[0], population.compiled, population.min_matches):
        return Chunk("population", page, rows[:1], rows[1:], True)
    column_label = _key(vocab.overview.column_label)
    for i, row in enumerate(rows[:3]):
        if len(row) >= 4 and _key(row[0].text) == column_label:
            return Chunk("overview", page, rows[: i + 1], rows[i + 1:], True)
    width = len(rows[0]) if rows else 0
    if width == 2 and (heading_above or (previous is not None and previous.family == "index"
                                         and _index_like(rows))):
        return Chunk("index", page, [], rows, True)
    if width == 2 and any(_is_label(r[0].text, vocab) for r in rows):
        return Chunk("profile", page, [], rows, True)
    if previous is not None and previous.family != "unknown" and width == previous.columns:
        return Chunk(previous.family, page, [], rows, True)
    return Chunk("unknown", page, [], rows, True)


def _outside(line: Line, boxes: list[BBox]) -> bool:
    return not any(b.x0 <= w.cx <= b.x1 and b.top <= w.cy <= b.bottom
                   for b in boxes for w in line.words)


def _label_starts(page: PageLayout, lines: list[Line], vocab: Vocabulary) -> list[float] | None:
    """Column starts of a label/value table: the label column and the value column.

    At least two lines must begin with a known label at the same left edge and carry their
    value at the same indent (within a space): justified prose, whose word gaps vary, never
    lines up like that.
    """
    found = []
    for line in lines:
        runs = segments(line, page.gutter)
        if len(runs) >= 2 and _is_label(" ".join(w.text for w in runs[0]), vocab):
            found.append((runs[0][0].x0, runs[1][0].x0))
    tolerance = page.space_width + 1
    for label_x, value_x in found:
        aligned = [f for f in found if abs(f[0] - label_x) <= tolerance
                   and abs(f[1] - value_x) <= tolerance]
        if len(aligned) >= 2:
            return [min(f[0] for f in aligned), min(f[1] for f in aligned)]
    return None


def _text_chunks(page: PageLayout, lines: list[Line], vocab: Vocabulary,
                 previous: Chunk | None) -> list[Chunk]:
    """Tables without ruling lines on one page, found by their header or labels."""
    chunks: list[Chunk] = []
    bands = line_bands(lines)
    taken: set[int] = set()
    for b, band in enumerate(bands):
        if id(band[0]) in taken:
            continue
        start = lines.index(band[0])
        chunk = _text_chunk_at(page, lines, start, band, bands[b - 1] if b else None, vocab,
                               chunks[-1] if chunks else previous, first=b == 0)
        if chunk is None:
            continue
        chunks.append(chunk)
        for line in table_lines(lines, start, page) if chunk.family != "overview" else lines[start:]:
            taken.add(id(line))
    return chunks


def _text_chunk_at(page: PageLayout, lines: list[Line], start: int, band: list[Line],
                   band_above: list[Line] | None, vocab: Vocabulary, previous: Chunk | None,
                   first: bool) -> Chunk | None:
    """The table that begins with ``band``, if any family recognises it."""
    body = table_lines(lines, start, page)
    for family, patterns in (("budget", vocab.budget), ("population", vocab.population)):
        starts = text_header(page, band, patterns.compiled, patterns.min_matches)
        if starts is not None:
            rows = text_rows(page, body, starts)
            return Chunk(family, page, rows[:1], rows[1:], False, starts)  # type: ignore[arg-type]
    first_text = " ".join(w.text for w in segments(band[0], page.gutter)[0])
    if (_key(first_text) == _key(vocab.overview.column_label)
            and len(column_starts(band, page.gutter)) >= 4):
        return _overview_chunk(page, lines, start, band, band_above, vocab)
    if _is_heading(" ".join(line.text for line in band), vocab.index.heading):
        rest = lines[start + len(band):]
        if not rest:
            return None
        entries = table_lines(rest, 0, page)
        starts = column_starts(entries, page.gutter)[:1] + column_starts(entries, page.gutter)[-1:]
        return Chunk("index", page, [], text_rows(page, entries, starts), False, starts)
    reading = read_label(first_text, vocab.profile.labels, vocab.profile.fuzzy_threshold)
    if reading.match in ("exact", "combined"):
        starts = _label_starts(page, body, vocab)
        if starts is not None:
            return Chunk("profile", page, [], text_rows(page, body, starts), False, starts)
    if first and previous is not None and previous.starts and not previous.ruled:
        rows = text_rows(page, body, previous.starts)
        if previous.family == "profile" and all(not r[0].words for r in rows[:1]):
            return Chunk("profile", page, [], rows, False, previous.starts)
        if previous.family == "budget" and sum(bool(c.words) for c in rows[0]) >= 3:
            return Chunk("budget", page, [], rows, False, previous.starts)
        if previous.family == "index" and _index_like(rows):
            return Chunk("index", page, [], rows, False, previous.starts)
    return None


def _overview_chunk(page: PageLayout, lines: list[Line], start: int, band: list[Line],
                    band_above: list[Line] | None, vocab: Vocabulary) -> Chunk:
    """The overview table: section header band (above), column header band, measure rows."""
    starts = column_starts(band, page.gutter)
    right = max(w.x1 for line in band for w in line.words)
    if band_above is not None:
        extra = [r[0].x0 for line in band_above for r in segments(line, page.gutter)
                 if r[0].x0 > right + page.gutter]
        starts += sorted(set(extra))[:1]
    body = lines[start:]
    rows = text_rows(page, body, starts)
    header = [rows[0]]
    if band_above is not None:
        header.insert(0, text_rows(page, band_above, starts, key_column=None)[0])
    return Chunk("overview", page, header, rows[1:], False, starts)


def page_chunks(page: PageLayout, vocab: Vocabulary, previous: Chunk | None) -> list[Chunk]:
    """All table chunks of one page, top to bottom, ruled ones first read from their lines."""
    chunks: list[Chunk] = []
    boxes = [t.bbox for t in page.ruled_tables]
    for table in sorted(page.ruled_tables, key=lambda t: t.bbox.top):
        above = [line for line in group_lines(page.words)
                 if line.bottom <= table.bbox.top and table.bbox.top - line.bottom < 80]
        heading_above = any(_is_heading(line.text, vocab.index.heading) for line in above) or (
            len(above) >= 2 and _is_heading(" ".join(x.text for x in above[-2:]),
                                            vocab.index.heading))
        rows = ruled_rows(page, table.rows)
        if not rows:
            continue
        chunk = _classify_ruled(rows, page, vocab, chunks[-1] if chunks else previous,
                                heading_above)
        chunks.append(chunk)
    free = [line for line in group_lines(page.words) if _outside(line, boxes)]
    text = _text_chunks(page, free, vocab, chunks[-1] if chunks else previous)
    return sorted(chunks + text, key=lambda c: _top(c))


def _top(chunk: Chunk) -> float:
    for row in chunk.header + chunk.rows:
        for cell in row:
            if cell.box is not None:
                return cell.box.top
            if cell.words:
                return min(w.top for w in cell.words)
    return 0.0
