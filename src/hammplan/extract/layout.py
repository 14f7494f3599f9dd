"""Words and lines of a page, independent of how the page was typeset.

Everything downstream works on these few shapes, so a ruled table, a table without lines and
an OCR text layer of a scanned page all reach the table parsers the same way.
"""

from __future__ import annotations

import re
from bisect import insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median
from typing import Any

from pdfplumber.utils.text import LIGATURES

from hammplan.extract.ocr import even_edges, has_scan_image, join_fragments, split_debris
from hammplan.records.provenance import BBox


@dataclass(frozen=True, slots=True)
class Word:
    """One printed word with its box (points, origin top-left) and font size.

    Slotted: a page holds hundreds of words and the table chunks keep theirs until the
    document is assembled, so each word's size is what the memory of ``extract`` grows with.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    edges: tuple[float, ...] = field(default=(), repr=False)
    """Where each letter ends and the next begins, flattened (see :func:`letter_starts`;
    empty for rotated text and for words made up here). The white between two letters is
    what lets a table reader cut a word that two columns ran together ("80.544Land")."""
    # derived once (they are read millions of times); not part of equality
    cx: float = field(init=False, repr=False, compare=False)
    cy: float = field(init=False, repr=False, compare=False)
    height: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cx", (self.x0 + self.x1) / 2)
        object.__setattr__(self, "cy", (self.top + self.bottom) / 2)
        object.__setattr__(self, "height", self.bottom - self.top)


@dataclass
class Line:
    """Words that share a baseline, left to right."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class Fill:
    """A filled rectangle (cell background), with its colour as RGB in 0..1."""

    bbox: BBox
    colour: tuple[float, ...]


@dataclass
class RuledTable:
    """A table drawn with ruling lines: cell boxes row by row (None where a cell is spanned)."""

    bbox: BBox
    rows: list[list[BBox | None]]


@dataclass
class PageLayout:
    """What the table parsers need of one page."""

    number: int
    width: float
    height: float
    words: list[Word]
    space_width: float
    ruled_tables: list[RuledTable] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    skipped: str | None = None
    """Why the page was not read (it broke a limit); its words are then empty."""
    ocr: bool = False
    """The page is a scan: an image under a text layer from character recognition, read
    OCR-tolerantly (see :mod:`hammplan.extract.ocr`)."""
    printed: int | None = None
    """The page number printed in its running header or footer, if any."""
    order_break: str | None = None
    """Why the page does not follow the page before it in reading order (see pageorder)."""
    _lines: tuple[list[Word], list[Line]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """``group_lines(words)``, kept with the list it was grouped from."""

    @property
    def lines(self) -> list[Line]:
        """The page's words grouped into lines (computed once per list of words)."""
        if self._lines is None or self._lines[0] is not self.words:
            self._lines = (self.words, group_lines(self.words))
        return list(self._lines[1])

    def without_words(self) -> PageLayout:
        """The page as table chunks keep it once it is read: number, size, fills and ruled
        tables, not its words (the chunks hold their own), so that a long document's words
        are not all held until its tables are assembled."""
        return PageLayout(
            self.number,
            self.width,
            self.height,
            [],
            self.space_width,
            self.ruled_tables,
            self.fills,
            self.skipped,
            self.ocr,
            self.printed,
            self.order_break,
        )

    @property
    def gutter(self) -> float:
        """Smallest horizontal gap that separates two table cells rather than two words."""
        return self.space_width * 1.15 + 0.8


def _median_of_sorted(values: list[float]) -> float:
    """``statistics.median`` of values already in order (same result, no sorting)."""
    n = len(values)
    if n % 2 == 1:
        return values[n // 2]
    i = n // 2
    return (values[i - 1] + values[i]) / 2


def group_lines(words: list[Word]) -> list[Line]:
    """Group words into lines by vertical overlap, top to bottom, words left to right.

    Overlap of the vertical centres (not equal tops) keeps an OCR text layer, whose words
    of one line wobble by a point or two, together. A word joins the current line when its
    centre lies within 0.45 of the larger of its height and the line's median height from the
    line's median centre (medians kept in sorted lists as the line grows).
    """
    lines: list[list[Word]] = []
    centres: list[float] = []
    heights: list[float] = []
    for word in sorted(words, key=lambda w: (w.cy, w.x0)):
        if lines:
            centre = _median_of_sorted(centres)
            height = _median_of_sorted(heights)
            if abs(word.cy - centre) <= max(height, word.height) * 0.45:
                lines[-1].append(word)
                insort(centres, word.cy)
                insort(heights, word.height)
                continue
        lines.append([word])
        centres = [word.cy]
        heights = [word.height]
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def segments(line: Line, gutter: float) -> list[list[Word]]:
    """Split a line into runs of words separated by less than ``gutter`` (one cell each)."""
    runs: list[list[Word]] = []
    for word in line.words:
        if runs and word.x0 - runs[-1][-1].x1 < gutter:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def words_text(words: list[Word]) -> str:
    """The text of some words: lines top to bottom, joined by single spaces."""
    return " ".join(line.text for line in group_lines(words))


def words_bbox(words: list[Word]) -> BBox:
    """The box around some words (which must not be empty)."""
    return BBox(
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
    )


def _colour(value: Any) -> tuple[float, ...] | None:
    """A pdfplumber colour as an RGB tuple, or None when it cannot be read."""
    if isinstance(value, (int, float)):
        return (float(value),) * 3
    if isinstance(value, (tuple, list)) and all(isinstance(v, (int, float)) for v in value):
        if len(value) == 1:
            return (float(value[0]),) * 3
        if len(value) == 3:
            return tuple(float(v) for v in value)
        if len(value) == 4:  # CMYK
            c, m, y, k = (float(v) for v in value)
            return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def ligature_boxes(letters: str, x0: float, x1: float) -> list[tuple[float, float]]:
    """The x-extents of the letters of one character whose text expands to ``letters`` (a
    ligature's letters share its box evenly, as :func:`~hammplan.extract.ocr.even_edges`
    divides it)."""
    edges = even_edges(len(letters), x0, x1)
    return list(pairwise(edges))


def letter_starts(chars: Sequence[tuple[str, float, float]]) -> tuple[float, ...]:
    """Where each letter of a word ends and the next begins, given its characters' text and
    x-extent in order (``2 * (letters - 1)`` values: end of the first, start of the second,
    ...). The reference the fast reader computes the same values against, inline."""
    boxes: list[tuple[float, float]] = []
    for text, x0, x1 in chars:
        letters = LIGATURES.get(text, text or "")
        if len(letters) == 1:
            boxes.append((x0, x1))
        elif letters:
            boxes.extend(ligature_boxes(letters, x0, x1))
    return tuple(
        float(x) for left, right in zip(boxes, boxes[1:], strict=False) for x in (left[1], right[0])
    )


def plumber_word(word: dict[str, Any]) -> Word:
    """A :class:`Word` of one of pdfplumber's words (``extract_words(return_chars=True,
    extra_attrs=["size"])``), with its letters' extents when it is upright."""
    edges = (
        letter_starts([(c["text"], c["x0"], c["x1"]) for c in word["chars"]])
        if word["upright"]
        else ()
    )
    return Word(
        word["text"],
        float(word["x0"]),
        float(word["x1"]),
        float(word["top"]),
        float(word["bottom"]),
        float(word["size"]),
        edges,
    )


def read_page(page: Any, number: int, use_rulings: bool = True) -> PageLayout:
    """Read one pdfplumber page into a :class:`PageLayout`, the plain pdfplumber way.

    With ``use_rulings`` false, ruling lines are ignored and every table is read from the
    alignment of its words, as for a scanned copy whose lines are only pixels. This is the
    reference reading; :func:`hammplan.extract.fast.read_page_fast` gives the same page
    in a fraction of the time.
    """
    raw = page.extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"], return_chars=True
    )
    words = [plumber_word(w) for w in raw if w["text"].strip()]
    spaces = [float(c["width"]) for c in page.chars if c["text"] == " " and c["width"] > 0]
    return page_layout(page, number, words, spaces, use_rulings)


_FRAGMENT_GAP = 0.05
"""Points: pieces of a recognised word closer than this are one word (see join_fragments).
Pieces of one word touch (gaps of -0.1 to 0 on a real Tesseract layer); words stand a space
apart (1.4 pt and more at 200 dpi)."""


def page_layout(
    page: Any, number: int, words: list[Word], spaces: list[float], use_rulings: bool
) -> PageLayout:
    """A :class:`PageLayout` of a pdfplumber page's words, the widths of its space characters,
    its filled rectangles and (with ``use_rulings``) the tables its ruling lines draw.

    A scanned page (:func:`~hammplan.extract.ocr.has_scan_image`) has the pieces of its
    recognised words joined and the rule debris glued to them split off
    (:mod:`hammplan.extract.ocr`).
    """
    ocr = bool(words) and has_scan_image(page)
    if ocr:
        lines = [line.words for line in group_lines(words)]
        words = split_debris(join_fragments(lines, _FRAGMENT_GAP))
    sizes = [w.size for w in words] or [10.0]
    space_width = median(spaces) if spaces else 0.28 * median(sizes)
    fills = []
    for rect in page.rects:
        colour = _colour(rect.get("non_stroking_color"))
        if rect.get("fill") and colour is not None:
            fills.append(
                Fill(
                    BBox(x0=rect["x0"], top=rect["top"], x1=rect["x1"], bottom=rect["bottom"]),
                    colour,
                )
            )
    ruled = []
    if use_rulings and (page.lines or page.rects or page.curves):
        for table in page.find_tables():
            rows = [
                [BBox(x0=c[0], top=c[1], x1=c[2], bottom=c[3]) if c else None for c in row.cells]
                for row in table.rows
            ]
            x0, top, x1, bottom = table.bbox
            ruled.append(RuledTable(BBox(x0=x0, top=top, x1=x1, bottom=bottom), rows))
    return PageLayout(
        number, float(page.width), float(page.height), words, space_width, ruled, fills, ocr=ocr
    )


_DIGITS = re.compile(r"\d+")


EdgeKey = tuple[str, int]
"""A first or last line of a page as furniture is recognised: its text in lower case with
digits as ``#``, and its height on the page in fiftieths."""

Edges = list[tuple[EdgeKey, str]]
"""A page's first and last line: key and verbatim text of each."""


def _edge_lines(page: PageLayout) -> list[Line]:
    lines = page.lines
    return lines[:1] + lines[-1:] if len(lines) > 1 else lines


def _edge_key(line: Line, page: PageLayout) -> EdgeKey:
    return (_DIGITS.sub("#", line.text.lower()), round(line.top / page.height * 50))


def page_edges(page: PageLayout) -> Edges:
    """What furniture is recognised by, of one page: its first and last line.

    Small enough to keep for every page of any document, so the decision
    (:func:`furniture_keys`) needs all edges but not all pages at once.
    """
    return [(_edge_key(line, page), line.text) for line in _edge_lines(page)]


def furniture_keys(edges: list[Edges]) -> set[EdgeKey]:
    """The edge lines that are running headers or footers, given every page's edges.

    A line is furniture when it is the first or last line of its page and a line of the same
    text (digits ignored) stands at about the same height on at least half of the pages (and
    at least three), and either its digits change from page to page (a page number) or it
    stands on nearly every page. A table header repeated on each page of a long table is the
    first line of those pages too, but neither numbers its pages nor stands on nearly all.
    Documents of fewer than three pages have no furniture.
    """
    if len(edges) < 3:
        return set()
    counts: Counter[EdgeKey] = Counter()
    texts: dict[EdgeKey, set[str]] = {}
    for page in edges:
        counts.update({key for key, _ in page})
        for key, text in page:
            texts.setdefault(key, set()).add(text)

    def furniture(key: EdgeKey) -> bool:
        if counts[key] < max(3, len(edges) // 2):
            return False
        numbered = "#" in key[0] and len(texts[key]) > 1
        return numbered or counts[key] >= 0.8 * len(edges)

    return {key for key in counts if furniture(key)}


def drop_furniture(page: PageLayout, keys: set[EdgeKey]) -> None:
    """Drop the page's first and last line where their keys are furniture, in place."""
    if not keys:
        return
    lines = page.lines
    dropped = [line for line in _edge_lines(page) if _edge_key(line, page) in keys]
    if not dropped:
        return
    drop = {id(w) for line in dropped for w in line.words}
    page.words = [w for w in page.words if id(w) not in drop]
    # Dropped lines are whole first or last lines, so grouping the words that remain
    # gives the other lines unchanged (grouping is greedy in a fixed order).
    page._lines = (page.words, [line for line in lines if not any(line is d for d in dropped)])
