"""Where the columns of a table without rules part, decided by letters rather than words.

In a tight typesetting the columns stand a point apart, less than the tolerance by which
pdfplumber joins letters into words, so the text of two cells becomes one word ("80.544Land",
"A.o."). Words cannot say where the columns part; letters can. Each boundary between two
columns is put in the white strip that the table's letters leave free near the start its
header gives (the body's own alignment: right-aligned amounts end left of it, left-aligned
text begins right of it), and a word that reaches over such a strip is cut between its
letters there. On a scan's text layer, where a word may run over a strip that every other
line leaves free, the strip is where the fewest letters stand, preferably where a ruling line
was read as "|" (:mod:`hammplan.extract.ocr`).

Where no strip is free, the boundary stays where the header puts it and no word is cut, as
before: a word of one cell that reaches a little into the next column stays whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hammplan.extract.layout import Line, PageLayout, Word
from hammplan.extract.ocr import char_edges, is_debris

_MIN_STRIP = 0.25
"""Points: narrower white between letters is kerning, not the space between two columns."""

_OCR_SHARE = 0.25
"""On a scan, a boundary may run through words on at most this share of the table's lines
(words the recognition ran together); more, and the header's start stands. A band of fewer
than four lines (a header, whose titles may span columns) is never cut."""


@dataclass(frozen=True)
class Boundary:
    """Where column ``i`` begins (for ``i > 0``), and whether words may be cut there."""

    x: float
    cuts: bool


def letter_boxes(word: Word, page: PageLayout) -> list[tuple[float, float]]:
    """The x-extent of each letter of a word.

    From the letters as read where the reader kept them; on a scan, spread evenly over the
    box (:func:`~hammplan.extract.ocr.char_edges`); else the word is one block.
    """
    if word.edges and len(word.edges) == 2 * (len(word.text) - 1):
        inner = word.edges
        return [
            (
                inner[2 * i - 1] if i else word.x0,
                inner[2 * i] if i < len(word.text) - 1 else word.x1,
            )
            for i in range(len(word.text))
        ]
    if page.ocr or len(word.text) == 1:
        edges = char_edges(word)
        return list(zip(edges, edges[1:], strict=False))
    return [(word.x0, word.x1)]


def _ink(
    words: Sequence[Word], page: PageLayout, lo: float, hi: float
) -> list[tuple[float, float, int]]:
    """Letter boxes ``(x0, x1, word)`` reaching into ``[lo, hi]``; debris is not ink."""
    boxes: list[tuple[float, float, int]] = []
    for word in words:
        if word.x1 < lo or word.x0 > hi or is_debris(word):
            continue
        boxes.extend((a, b, id(word)) for a, b in letter_boxes(word, page) if b >= lo and a <= hi)
    return boxes


def _free_strips(
    boxes: list[tuple[float, float, int]], lo: float, hi: float
) -> list[tuple[float, float]]:
    """The white strips of ``[lo, hi]`` that no letter box covers, at least _MIN_STRIP wide."""
    strips = []
    edge = lo
    for x0, x1, _ in sorted(boxes):
        if x0 - edge >= _MIN_STRIP:
            strips.append((edge, x0))
        edge = max(edge, x1)
    if hi - edge >= _MIN_STRIP:
        strips.append((edge, hi))
    return strips


def _boundary(
    words: Sequence[Word], lines: int, start: float, page: PageLayout, debris: list[float]
) -> Boundary:
    """The boundary before the column whose header begins at ``start`` (see the module)."""
    slack = page.space_width
    old = start - slack
    lo, hi = start - 3 * slack, start + slack
    boxes = _ink(words, page, lo, hi)
    strips = _free_strips(boxes, lo, hi)
    for a, b in strips:
        if a <= old <= b:
            return Boundary(old, cuts=True)
    if strips:
        a, b = min(strips, key=lambda s: abs((s[0] + s[1]) / 2 - old))
        return Boundary((a + b) / 2, cuts=True)
    if not page.ocr or not boxes:
        return Boundary(old, cuts=False)
    # the place inside the fewest words, a read rule first, then the nearest to the header's
    spans = [(w.x0, w.x1) for w in words if not is_debris(w) and w.x1 >= lo and w.x0 <= hi]
    candidates = [x for x in debris if lo <= x <= hi] + [
        x for box in boxes for x in box[:2] if lo <= x <= hi
    ]
    if not candidates:  # one word covers the whole window
        return Boundary(old, cuts=False)
    inside = {x: sum(1 for x0, x1 in spans if x0 < x < x1) for x in candidates}
    x = min(candidates, key=lambda c: (inside[c], c not in debris, abs(c - old)))
    if inside[x] <= _OCR_SHARE * lines:  # a header of a line or two: its titles may span
        return Boundary(x, cuts=True)
    return Boundary(old, cuts=False)


def column_bounds(
    lines: Sequence[Line], starts: Sequence[float], page: PageLayout
) -> list[Boundary]:
    """One boundary per column start: where each column begins, given the table's lines.

    The first column takes everything left of the second, so its boundary is the header's.
    """
    words = [w for line in lines for w in line.words]
    debris = [w.cx for w in words if is_debris(w)]
    first = Boundary(starts[0] - page.space_width, cuts=False) if starts else None
    rest = [_boundary(words, len(lines), s, page, debris) for s in starts[1:]]
    return [first, *rest] if first is not None else []


def _cut(word: Word, at: float, page: PageLayout) -> list[Word]:
    """The word cut between the letters left and right of ``at`` (whole if none are)."""
    boxes = letter_boxes(word, page)
    if len(boxes) != len(word.text):
        return [word]
    k = sum(1 for a, b in boxes if (a + b) / 2 < at)
    if not 0 < k < len(word.text):
        return [word]

    def piece(i: int, j: int) -> Word:
        inner = word.edges[2 * i : 2 * (j - 1)] if word.edges else ()
        return Word(
            word.text[i:j], boxes[i][0], boxes[j - 1][1], word.top, word.bottom, word.size, inner
        )

    return [piece(0, k), piece(k, len(word.text))]


def has_gaps(word: Word) -> bool:
    """Whether white stands between two letters of a word as read (cheap: no boxes made)."""
    inner = word.edges
    return any(inner[i + 1] - inner[i] >= _MIN_STRIP for i in range(0, len(inner) - 1, 2))


def split_at_gaps(word: Word, page: PageLayout) -> list[Word]:
    """The word in pieces wherever white stands between two of its letters (at least
    _MIN_STRIP): what two columns run together look like; a word as typeset has none."""
    if not has_gaps(word):
        return [word]
    boxes = letter_boxes(word, page)
    if len(boxes) != len(word.text):
        return [word]
    gaps = [
        (a[1] + b[0]) / 2
        for a, b in zip(boxes, boxes[1:], strict=False)
        if b[0] - a[1] >= _MIN_STRIP
    ]
    pieces = [word]
    for x in gaps:
        pieces = [*pieces[:-1], *_cut(pieces[-1], x, page)]
    return pieces


def cut_words(words: Sequence[Word], bounds: Sequence[Boundary], page: PageLayout) -> list[Word]:
    """The words, each cut where it reaches over a boundary that allows cuts."""
    out = list(words)
    for bound in bounds[1:]:
        if not bound.cuts:
            continue
        out = [
            piece
            for w in out
            for piece in (_cut(w, bound.x, page) if w.x0 < bound.x < w.x1 else [w])
        ]
    return out


__all__ = ["Boundary", "column_bounds", "cut_words", "has_gaps", "letter_boxes", "split_at_gaps"]
