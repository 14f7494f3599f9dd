"""Finding the tables of each page and naming their family, page by page.

A chunk is the part of one table that stands on one page. Families are recognised by their
content only: header words, row labels, the index heading. A table that no family claims
right after one that was claimed, and that has the same shape, continues it (a table broken
over a page). Everything else becomes a leftover, so nothing printed in a table is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from statistics import median

from hammplan.extract.chunk import Chunk, Family, first_cell, rows_from
from hammplan.extract.grid import (
    GridRow,
    crossings,
    fits_columns,
    line_bands,
    ruled_rows,
    table_lines,
)
from hammplan.extract.headers import (
    HeaderScore,
    budget_header_score,
    is_budget_header,
    is_header_row,
    population_score,
    role_word_counts,
    score_at,
    text_header,
)
from hammplan.extract.labels import (
    HEADING_SCORE,
    LabelReading,
    heading_score,
    is_letter_heading,
    read_label,
    reads_as,
)
from hammplan.extract.layout import Line, PageLayout, segments
from hammplan.extract.overview_chunk import overview_chunk
from hammplan.records.provenance import BBox
from hammplan.vocabulary import Vocabulary


def _label_reading(text: str, vocab: Vocabulary) -> LabelReading | None:
    """The profile label(s) ``text`` reads as, or None when it reads as no label."""
    reading = read_label(text, vocab.profile.labels, vocab.profile.fuzzy_threshold)
    return reading if reading.match in ("exact", "combined", "fuzzy", "inline") else None


def _is_label(text: str, vocab: Vocabulary) -> bool:
    return _label_reading(text, vocab) is not None


def _population_header(vocab: Vocabulary) -> tuple[HeaderScore, float]:
    """The population table's header score and the least score a header reaches: the share
    of the vocabulary's column patterns that must match (its ``min_matches``)."""
    population = vocab.population
    return population_score(population.compiled), population.min_matches / len(population.compiled)


_DIGIT = re.compile(r"\d")


def _index_like(rows: list[GridRow]) -> bool:
    """Whether most rows are index rows: a letter heading, or a title and a page number."""
    hits = 0
    for row in rows:
        texts = [c.text for c in row]
        if len(texts) != 2:
            return False
        if (is_letter_heading(texts[0]) and not texts[1]) or (texts[0] and _DIGIT.search(texts[1])):
            hits += 1
    return bool(rows) and hits >= 0.6 * len(rows)


def _classify_ruled(
    rows: list[GridRow],
    page: PageLayout,
    vocab: Vocabulary,
    previous: Chunk | None,
    heading_above: bool,
) -> Chunk:
    """Name the family of a ruled table's rows and split off its header rows."""
    for i, row in enumerate(rows[:3]):
        if is_budget_header([c.text for c in row], vocab.budget):
            return Chunk("budget", page, rows[: i + 1], rows[i + 1 :], True)
    if rows and is_header_row(rows[0], *_population_header(vocab)):
        return Chunk("population", page, rows[:1], rows[1:], True)
    for i, row in enumerate(rows[:3]):
        if len(row) >= 4 and reads_as(row[0].text, vocab.overview.column_label):
            return Chunk("overview", page, rows[: i + 1], rows[i + 1 :], True)
    width = len(rows[0]) if rows else 0
    if width == 2 and (
        heading_above or (previous is not None and previous.family == "index" and _index_like(rows))
    ):
        return Chunk("index", page, [], rows, True)
    if width == 2 and any(_is_label(r[0].text, vocab) for r in rows):
        return Chunk("profile", page, [], rows, True)
    if (
        previous is not None
        and previous.family != "unknown"
        and previous.reaches_page_end
        and width == previous.columns
    ):
        return Chunk(previous.family, page, [], rows, True)
    return Chunk("unknown", page, [], rows, True)


def _outside(line: Line, boxes: list[BBox]) -> bool:
    return not any(
        b.x0 <= w.cx <= b.x1 and b.top <= w.cy <= b.bottom for b in boxes for w in line.words
    )


def _label_starts(page: PageLayout, lines: list[Line], vocab: Vocabulary) -> list[float] | None:
    """Column starts of a label/value table: the label column and the value column.

    At least two lines must begin with two different known labels at the same left edge and
    carry their value at the same indent (within a space), and no more than a few of the
    table's lines may run across that indent: justified prose never keeps a column free like
    that (in an OCR text layer every word is a run of its own, so two prose lines that begin
    with words like labels may well have their second words aligned by chance; the lines
    around them run over that point). A list of headings that each begin with the same word
    (a contents page's "Handlungsfeld ...", which a scan's fuzzy reading takes for the label
    "Handlungsfelder") is no profile either: a profile names each of its fields once.
    """
    found = []
    for line in lines:
        runs = segments(line, page.gutter)
        if len(runs) < 2:
            continue
        reading = _label_reading(" ".join(w.text for w in runs[0]), vocab)
        if reading is not None:
            found.append((runs[0][0].x0, runs[1][0].x0, tuple(reading.labels)))
    tolerance = page.space_width + 1
    for label_x, value_x, _ in found:
        aligned = [
            f
            for f in found
            if abs(f[0] - label_x) <= tolerance and abs(f[1] - value_x) <= tolerance
        ]
        if len({f[2] for f in aligned}) < 2:
            continue
        starts = [min(f[0] for f in aligned), min(f[1] for f in aligned)]
        if _column_kept_free(lines, starts[1], page):
            return starts
    return None


def _column_kept_free(lines: list[Line], value_x: float, page: PageLayout) -> bool:
    """Whether the lines of a label/value table leave the start of its value column free.

    Words of a label stop before the value column and words of a value begin at it; an OCR
    box may reach a little over (a space's width). Prose runs over it on most lines; a stray
    speck or a wide label on one line in five is tolerated.
    """
    reach = page.space_width
    crossing = sum(
        1
        for line in lines
        if any(w.x0 < value_x - reach and w.x1 > value_x + reach for w in line.words)
    )
    return 5 * crossing <= len(lines)


def _text_chunks(
    page: PageLayout, lines: list[Line], vocab: Vocabulary, previous: Chunk | None
) -> list[Chunk]:
    """Tables without ruling lines on one page, found by their header or labels."""
    chunks: list[Chunk] = []
    bands = line_bands(lines)
    taken: set[int] = set()
    for b, band in enumerate(bands):
        if id(band[0]) in taken:
            continue
        start = lines.index(band[0])
        found = _text_chunk_at(
            page, lines, start, band, vocab, chunks[-1] if chunks else previous, first=b == 0
        )
        if found is None:
            continue
        chunk, used = found
        bottom = max(line.bottom for line in used)
        chunk.reaches_page_end = not any(line.top > bottom for line in lines)
        chunks.append(chunk)
        taken.update(id(line) for line in used)
    return chunks


def _heading_lines(lines: list[Line], start: int, band: list[Line], heading: str) -> list[Line]:
    """The lines from ``start`` that read as ``heading``: its band, or the one to three lines
    that match it best (a large heading wraps with more space between its lines than table
    text has, so its lines may stand in bands of their own)."""
    candidates = [band] + [lines[start : start + n] for n in (1, 2, 3)]
    scored = [
        (heading_score(" ".join(x.text for x in c), heading), len(c), c) for c in candidates if c
    ]
    score, _, best = max(scored, key=lambda t: (t[0], t[1]))
    return best if score >= HEADING_SCORE else []


def _index_starts(page: PageLayout, lines: list[Line]) -> list[float]:
    """Title column and page column of an index: the page column begins at the leftmost
    last run of a line that holds a digit (so "Frauen: 150" stays one page cell)."""
    page_x = [
        runs[-1][0].x0
        for line in lines
        if len(runs := segments(line, page.gutter)) >= 2
        and any(_DIGIT.search(w.text) for w in runs[-1])
    ]
    left = min(line.x0 for line in lines)
    return [left, min(page_x)] if page_x else [left, max(line.words[-1].x0 for line in lines)]


def _text_chunk_at(
    page: PageLayout,
    lines: list[Line],
    start: int,
    band: list[Line],
    vocab: Vocabulary,
    previous: Chunk | None,
    first: bool,
) -> tuple[Chunk, list[Line]] | None:
    """The table that begins with ``band``, if any family recognises it, and its lines."""
    for family, starts, score, minimum in _header_starts(page, band, vocab):
        if starts is not None:
            if (
                previous is not None
                and previous.family == family
                and not previous.ruled
                and previous.starts
                and len(previous.starts) != len(starts)
                and score_at(page, band, previous.starts, score) >= minimum
            ):
                # the table of the page before goes on in its columns (a skewed scan may
                # run two header cells together), as long as they read its header too
                starts = previous.starts
            starts = _best_fit(page, lines[start:], starts, previous, family)
            rows, used = rows_from(
                page,
                lines,
                start,
                starts,
                closes=_total_row(page, vocab) if family == "population" else None,
            )
            return Chunk(family, page, rows[:1], rows[1:], False, starts), used
    overview = overview_chunk(page, lines, start, band, vocab, previous)
    if overview is not None:
        return overview
    heading = _heading_lines(lines, start, band, vocab.index.heading)
    if heading:
        rest = lines[start + len(heading) :]
        if not rest:
            return None
        starts = _index_starts(page, table_lines(rest, 0, page))
        rows, used = rows_from(page, rest, 0, starts, key_column=None)
        return Chunk("index", page, [], rows, False, starts), heading + used
    first_text = first_cell(band[0], page)
    reading = read_label(first_text, vocab.profile.labels, vocab.profile.fuzzy_threshold)
    # a scan's text layer garbles labels ("Titei"): there a close fuzzy reading (halfway
    # between the label threshold and certain) may open a profile too; two aligned label
    # lines are still required
    opening = (100 + vocab.profile.fuzzy_threshold) / 2
    if reading.match in ("exact", "combined") or (
        page.ocr and reading.match == "fuzzy" and (reading.score or 0) >= opening
    ):
        starts = _label_starts(page, table_lines(lines, start, page), vocab)
        if starts is not None:
            rows, used = rows_from(page, lines, start, starts)
            return Chunk("profile", page, [], rows, False, starts), used
    if (
        first
        and previous is not None
        and previous.starts
        and not previous.ruled
        and previous.family != "unknown"
        and previous.reaches_page_end
        and all(fits_columns(line, previous.starts, page) for line in band)
        and _same_size(band, previous)
        and _may_continue(previous, band, page, vocab)
    ):
        if previous.family == "index":
            starts = _index_starts(page, table_lines(lines, start, page))
            rows, used = rows_from(page, lines, start, starts, key_column=None)
            return Chunk("index", page, [], rows, False, starts), used
        rows, used = rows_from(page, lines, start, previous.starts)
        return Chunk(previous.family, page, [], rows, False, previous.starts), used
    return None


def _header_starts(
    page: PageLayout, band: list[Line], vocab: Vocabulary
) -> Iterator[tuple[Family, list[float] | None, HeaderScore, float]]:
    """Column starts of ``band`` read as a budget header, then as a population header.

    A budget header has as many columns as the plan prints years and kinds: about as many as
    its words that open a column (one more for a garbled one, one less for a doubled one).
    """
    counts = role_word_counts(band, vocab.budget, page)
    if counts:
        score: HeaderScore = partial(budget_header_score, vocab=vocab.budget)
        minimum = vocab.budget.min_share
        yield "budget", text_header(page, band, score, minimum, counts), score, minimum
    patterns = vocab.population.compiled
    words = sum(1 for line in band for w in line.words if any(p.search(w.text) for p in patterns))
    share, least = _population_header(vocab)
    yield (
        "population",
        text_header(page, band, share, least, (len(patterns), words)),
        share,
        least,
    )


def _best_fit(
    page: PageLayout, lines: list[Line], starts: list[float], previous: Chunk | None, family: str
) -> list[float]:
    """The header's column starts, or those of the same table on the page before when the
    body's words fit those better (cross fewer column starts).

    A scan's text layer may place a header's words off their columns (on a skewed page the
    first header words of the plan stand a column to the right); the body's own alignment
    says which starts are right.
    """
    if (
        previous is None
        or previous.family != family
        or previous.ruled
        or len(previous.starts) != len(starts)
    ):
        return starts
    body = table_lines(lines, 0, page)
    slack = page.space_width

    def misfits(candidate: list[float]) -> int:
        return sum(crossings([w], candidate, slack) for line in body for w in line.words)

    return previous.starts if misfits(previous.starts) < misfits(starts) else starts


def _total_row(page: PageLayout, vocab: Vocabulary) -> Callable[[Line], bool]:
    """Whether a line is a population table's total row (its first cell a total label)."""
    totals = {label.casefold() for label in vocab.population.total_labels}
    return lambda line: first_cell(line, page).casefold() in totals


def _same_size(band: list[Line], previous: Chunk) -> bool:
    """Whether a band is set in the font size of the table it would continue."""
    words = [w for row in previous.rows or previous.header for c in row for w in c.words]
    if not words:
        return True
    size = median(w.size for w in words)
    return abs(median(w.size for line in band for w in line.words) - size) <= 0.35 * size


def _may_continue(previous: Chunk, band: list[Line], page: PageLayout, vocab: Vocabulary) -> bool:
    """Whether the first band of a page can continue ``previous``: for a profile, its label
    cell must be empty or a label (a letter heading such as "D" opens no row).

    Label words begin left of the value column; a value word may begin a little left of it
    (as much as :func:`~hammplan.extract.grid.fits_columns` allows), since a scanned page
    sits a few points off the page before it and a short word there ("in") is centred left
    of the column start the page before had.
    """
    if previous.family != "profile":
        return True
    reach = previous.starts[1] - 2 * page.gutter
    label_words = [w for line in band for w in line.words if w.x0 < reach]
    if not label_words:
        return True
    return _is_label(" ".join(w.text for w in label_words), vocab)


def page_chunks(page: PageLayout, vocab: Vocabulary, previous: Chunk | None) -> list[Chunk]:
    """All table chunks of one page, top to bottom, ruled ones first read from their lines."""
    chunks: list[Chunk] = []
    boxes = [t.bbox for t in page.ruled_tables]
    lines = page.lines
    for table in sorted(page.ruled_tables, key=lambda t: t.bbox.top):
        reach = 6 * median(w.height for w in page.words) if page.words else 0
        above = [
            line
            for line in lines
            if line.bottom <= table.bbox.top and table.bbox.top - line.bottom < reach
        ]
        heading_above = any(reads_as(line.text, vocab.index.heading) for line in above) or (
            len(above) >= 2 and reads_as(" ".join(x.text for x in above[-2:]), vocab.index.heading)
        )
        rows = ruled_rows(page, table.rows)
        if not rows:
            continue
        chunk = _classify_ruled(
            rows, page, vocab, chunks[-1] if chunks else previous, heading_above
        )
        chunk.reaches_page_end = not any(w.top > table.bbox.bottom for w in page.words)
        chunks.append(chunk)
    free = [line for line in lines if _outside(line, boxes)]
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
