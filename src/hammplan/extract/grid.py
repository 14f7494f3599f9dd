"""Tables as grids of cells, read either from ruling lines or from the alignment of words.

Both readers give the same :class:`GridRow` shape so the table parsers never ask how a table
was typeset. A grid row is one printed row; a row continued after a page break is a separate
grid row whose parser decides whether it continues the row before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from hammplan.extract.columns import column_bounds, cut_words, split_at_gaps
from hammplan.extract.layout import (
    Line,
    PageLayout,
    Word,
    group_lines,
    segments,
    words_bbox,
    words_text,
)
from hammplan.records.provenance import BBox, SourceCell, Span


@dataclass
class GridCell:
    """One cell: its words and the box it was read from (the ruled box, or the words' box)."""

    words: list[Word]
    page: int
    box: BBox | None

    @property
    def text(self) -> str:
        return words_text(self.words)

    def source(self) -> SourceCell:
        """The cell as a record: verbatim text and provenance (empty cells keep their box)."""
        box = self.box if self.box is not None else (words_bbox(self.words) if self.words else None)
        spans = [Span(page=self.page, bbox=box)] if box is not None else []
        return SourceCell(text=self.text, spans=spans)

    def compacted(self) -> GridCell:
        """The cell with its words merged into one word: its text over the box of its words.

        That is all assembling a table needs of a cell whose page is done (its text, its box,
        its extent), at a fraction of the memory: the words of the tables found so far are
        most of what ``extract`` would otherwise hold until the end of a long document.
        """
        if len(self.words) <= 1:
            return self
        box = words_bbox(self.words)
        merged = Word(self.text, box.x0, box.x1, box.top, box.bottom, self.words[0].size)
        return GridCell([merged], self.page, self.box)


GridRow = list[GridCell]


def _inside(word: Word, box: BBox) -> bool:
    return box.x0 <= word.cx <= box.x1 and box.top <= word.cy <= box.bottom


def ruled_rows(page: PageLayout, boxes: list[list[BBox | None]]) -> list[GridRow]:
    """Rows of a ruled table; a spanned (None) cell gives an empty cell without a box."""
    present = [box for row in boxes for box in row if box]
    candidates: list[Word] = []
    if present:  # only words inside the table's outline can be inside one of its cells
        outline = BBox(
            x0=min(b.x0 for b in present),
            top=min(b.top for b in present),
            x1=max(b.x1 for b in present),
            bottom=max(b.bottom for b in present),
        )
        candidates = [w for w in page.words if _inside(w, outline)]
    rows = []
    for row in boxes:
        cells = []
        for box in row:
            words = [w for w in candidates if _inside(w, box)] if box else []
            cells.append(GridCell(words, page.number, box))
        rows.append(cells)
    return rows


def column_starts(lines: Sequence[Line], gutter: float) -> list[float]:
    """Left edges of the columns that the words of ``lines`` form.

    The x-extents of all words are merged wherever they overlap or stand closer than
    ``gutter``; each merged run is one column. Used on header lines, whose text wraps inside
    its column, so each column's header forms one run however it wraps.
    """
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    runs: list[list[float]] = []
    for x0, x1 in spans:
        if runs and x0 - runs[-1][1] < gutter:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    return [r[0] for r in runs]


def column_starts_n(lines: Sequence[Line], count: int) -> list[float] | None:
    """Left edges of exactly ``count`` columns: the words' x-extents split at the ``count - 1``
    widest gaps between them.

    For a header whose number of columns is known: where the word gaps of an OCR text layer
    wobble so much that no single gutter width separates cells from words, the widest gaps
    still do.
    """
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    runs: list[list[float]] = []
    for x0, x1 in spans:
        if runs and x0 <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    if len(runs) < count:
        return None
    gaps = sorted(range(1, len(runs)), key=lambda i: runs[i][0] - runs[i - 1][1], reverse=True)
    return [runs[0][0], *sorted(runs[i][0] for i in gaps[: count - 1])]


def assign_columns(
    words: Sequence[Word], starts: Sequence[float], slack: float
) -> list[list[Word]]:
    """Distribute words over columns by their centres; column i begins at ``starts[i] - slack``."""
    columns: list[list[Word]] = [[] for _ in starts]
    for word in words:
        index = 0
        for i, start in enumerate(starts):
            if word.cx >= start - slack:
                index = i
        columns[index].append(word)
    return columns


def line_bands(lines: Sequence[Line]) -> list[list[Line]]:
    """Group table lines into printed rows by the white space between them.

    Lines of one cell follow each other at the font's leading; rows are set apart by cell
    padding. Each line is taken as one common height standing on its baseline (an OCR text
    layer sizes each line by its ascenders and descenders, so its own height is noise); these
    extents are merged, and a white strip clearly higher than the leading gap starts a new
    band. Middle-aligned cells, whose lines sit between the lines of their neighbours, merge
    into their row; one-line rows still part.
    """
    ordered = sorted(lines, key=lambda line: line.bottom)
    if not ordered:
        return []
    size = median(w.height for line in ordered for w in line.words)

    def top(line: Line) -> float:
        return line.bottom - size

    gaps = []
    bottom = ordered[0].bottom
    for line in ordered[1:]:
        if top(line) > bottom:
            gaps.append(top(line) - bottom)
        bottom = max(bottom, line.bottom)
    base = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    limit = min(base + max(2.0, 0.3 * size), 0.6 * size)
    bands = [[ordered[0]]]
    bottom = ordered[0].bottom
    for line in ordered[1:]:
        if top(line) - bottom > limit:
            bands.append([line])
        else:
            bands[-1].append(line)
        bottom = max(bottom, line.bottom) if len(bands[-1]) > 1 else line.bottom
    return bands


def split_band_at_keys(
    band: list[Line], key_words: Callable[[Line], list[Word]]
) -> list[list[Line]]:
    """Split one band where the key column starts a new cell (rows set without padding).

    Lines of one key cell follow each other at the leading; a key line more than one and a
    half leadings below the previous key line starts a new row. Middle-aligned key cells
    keep their lines together, and lines without key text never split.
    """
    parts: list[list[Line]] = [[]]
    last_key: Line | None = None
    size = median(w.height for line in band for w in line.words)
    for line in band:
        words = key_words(line)
        # baselines, not tops: an OCR layer's line heights vary with their letters
        if words and last_key is not None and line.bottom - last_key.bottom > 2 * size:
            parts.append([])
        if words:
            last_key = line
        parts[-1].append(line)
    return [p for p in parts if p]


def text_rows(
    page: PageLayout,
    lines: Sequence[Line],
    starts: Sequence[float],
    key_column: int | None = 0,
) -> list[GridRow]:
    """Rows of a table without ruling lines, given its column starts.

    Columns part where the table's letters leave a strip free
    (:func:`~hammplan.extract.columns.column_bounds`), and words that run over such a strip
    are cut there. Lines are grouped into rows by :func:`line_bands`; a band holding several
    runs of text in the key column (rows printed without padding) is split at each run.
    """
    bounds = column_bounds(lines, starts, page)
    edges = [b.x for b in bounds]
    lines = [Line(cut_words(line.words, bounds, page)) for line in lines]
    rows: list[GridRow] = []

    def key_words(line: Line) -> list[Word]:
        assert key_column is not None
        return assign_columns(line.words, edges, 0.0)[key_column]

    for band in line_bands(lines):
        for part in split_band_at_keys(band, key_words) if key_column is not None else [band]:
            words = [w for line in part for w in line.words]
            rows.append(
                [GridCell(col, page.number, None) for col in assign_columns(words, edges, 0.0)]
            )
    return rows


def crossings(
    run: Sequence[Word],
    starts: Sequence[float],
    slack: float,
    near: float = 0.0,
    gaps: Sequence[tuple[float, float]] = (),
) -> int:
    """How many column boundaries a run of words reaches clearly across, not counting a
    boundary that one of ``gaps`` (white inside a word) stands at, within ``near``."""
    x0, x1 = run[0].x0, run[-1].x1
    return sum(
        1
        for s in starts[1:]
        if x0 < s - slack
        and x1 > s + slack
        and not any(left - near <= s <= right + near for left, right in gaps)
    )


def fits_columns(line: Line, starts: Sequence[float], page: PageLayout) -> bool:
    """Whether a line reads as a table line of these columns.

    Cell text wraps inside its column; prose, captions and footnotes run across columns. A
    run may reach over one boundary when a header is centred rather than left-aligned, so
    with three or more columns only a run across two boundaries disqualifies a line.
    """
    limit = min(2, len(starts) - 1)
    if limit < 1:
        return True
    slack = 2 * page.gutter  # right-aligned numbers may stick out a little to the left
    # a word that two columns ran together ("80.544Land") does not cross the boundary at
    # the white between its pieces (columns a point apart)
    inner = [(a.x1, b.x0) for w in line.words for a, b in pairwise(split_at_gaps(w, page))]
    return all(
        crossings(run, starts, slack, page.space_width, inner) < limit
        for run in segments(line, page.gutter)
    )


def table_lines(
    lines: Sequence[Line],
    start: int,
    page: PageLayout,
    starts: Sequence[float] | None = None,
    closes: Callable[[Line], bool] | None = None,
) -> list[Line]:
    """The lines of a table without ruling lines that begins at ``lines[start]``.

    The table ends before the first gap of more than three line heights (the space before a
    footnote, a caption or the page footer), before the first line that does not fit its
    columns (when ``starts`` are known), or at the end of the page. A line for which
    ``closes`` holds (a total row) is the last row: lines after it belong to the table only
    while its first column stays empty (the rest of that row), so a caption set close below
    a table is not read as one of its rows.
    """
    picked = [lines[start]]
    size = median(w.height for w in lines[start].words)
    closed = closes is not None and closes(lines[start])
    for line in lines[start + 1 :]:
        if line.top - picked[-1].bottom > 3 * size:
            break
        if starts is not None and not fits_columns(line, starts, page):
            break
        if (
            closed
            and starts is not None
            and len(starts) > 1
            and any(w.cx < starts[1] - page.space_width for w in line.words)
        ):
            break
        closed = closed or (closes is not None and closes(line))
        picked.append(line)
    return picked


__all__ = [
    "GridCell",
    "GridRow",
    "assign_columns",
    "column_starts",
    "crossings",
    "fits_columns",
    "group_lines",
    "line_bands",
    "ruled_rows",
    "table_lines",
    "text_rows",
]
