"""OCR text layers: recognising them, and the debris of ruling lines they carry.

A scanned page is one image under an invisible text layer written by a recognition engine
(Tesseract through ocrmypdf, ABBYY, Acrobat). Such a layer differs from typeset text in ways
the table readers must allow for: vertical ruling lines are read as ``|`` and glued to the
words beside them ("Aufwand |Ertrag", "0.A.|0..A."), and a word's characters are spread
evenly over the word's box (the engine scales one invisible glyph per character to the box it
found), so a character's place is known from its index alone.

Nothing here changes what a cell says: a ``|`` stays in the verbatim text, as its own word,
and is removed (and recorded as a repair) by curation. Here it only separates two columns'
text and marks where a column boundary runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from hammplan.vocabulary import RULE_DEBRIS

if TYPE_CHECKING:  # layout imports this module to build its pages
    from hammplan.extract.layout import Word

_IMAGE_SHARE = 0.6
"""A page is a scan when one image covers at least this share of it (and text lies over it)."""


def is_debris(word: Word) -> bool:
    """Whether a word is nothing but rule debris ("|", "||")."""
    text = word.text
    return text[:1] in RULE_DEBRIS and all(ch in RULE_DEBRIS for ch in text)


_OCR_PRODUCERS = re.compile(
    r"tesseract|ocrmypdf|abbyy|finereader|paper capture|omnipage|readiris|\bocr\b", re.I
)
"""What names a text recognition engine in a PDF's Creator or Producer."""


def has_scan_image(page: Any) -> bool:
    """Whether a pdfplumber page is a scan: images (one, or strips of one) cover at least
    _IMAGE_SHARE of it, or the document names a recognition engine as its creator or
    producer and the page holds an image.

    Reads ``page.images`` (the fast reading keeps them as pdfplumber does), so both readings
    decide alike.
    """
    area = float(page.width) * float(page.height)
    if area <= 0 or not page.images:
        return False
    covered = 0.0
    for image in page.images:
        width = min(float(image["x1"]), float(page.width)) - max(float(image["x0"]), 0.0)
        height = min(float(image["bottom"]), float(page.height)) - max(float(image["top"]), 0.0)
        covered += max(width, 0.0) * max(height, 0.0)
    if covered >= _IMAGE_SHARE * area:
        return True
    metadata = getattr(page.pdf, "metadata", None) or {}
    made_by = " ".join(str(metadata.get(key, "")) for key in ("Creator", "Producer"))
    return bool(_OCR_PRODUCERS.search(made_by))


def even_edges(count: int, x0: float, x1: float) -> list[float]:
    """The left edges of ``count`` equal parts of ``x0`` to ``x1`` and its right edge
    (``count + 1`` values; ``[x1]`` for none): how an OCR layer spreads a word's characters
    over its box, and how a ligature's letters share its glyph
    (:func:`~hammplan.extract.layout.ligature_boxes`)."""
    step = (x1 - x0) / max(count, 1)
    return [x0 + i * step if i else x0 for i in range(count)] + [x1]


def char_edges(word: Word) -> list[float]:
    """The left edges of a word's characters and its right edge (``len(text) + 1`` values),
    spread evenly over the word's box as an OCR layer places them."""
    return even_edges(len(word.text), word.x0, word.x1)


def piece(word: Word, start: int, end: int, edges: list[float]) -> Word:
    """Characters ``start`` to ``end`` of a word as a word of their own."""
    return type(word)(
        word.text[start:end], edges[start], edges[end], word.top, word.bottom, word.size
    )


def join_fragments(lines: list[list[Word]], tolerance: float) -> list[Word]:
    """The words of some lines with the fragments of one recognised word joined again.

    pdfplumber breaks a recognised word whose invisible glyphs step up or down (a skewed
    scan) into pieces that touch or overlap a little ("A", "uf", "w", "an", "d"); the engine
    writes a space between real words, so pieces less than ``tolerance`` apart (and
    overlapping by less than half the smaller one) are one word.
    """
    out: list[Word] = []
    for line in lines:
        current: Word | None = None
        for word in line:
            gap = word.x0 - current.x1 if current is not None else tolerance
            overlap_ok = (
                -gap
                < min(word.x1 - word.x0, 0.0 if current is None else current.x1 - current.x0) / 2
            )
            if current is not None and gap < tolerance and overlap_ok:
                current = type(word)(
                    current.text + word.text,
                    current.x0,
                    max(current.x1, word.x1),
                    min(current.top, word.top),
                    max(current.bottom, word.bottom),
                    current.size,
                )
                continue
            if current is not None:
                out.append(current)
            current = word
        if current is not None:
            out.append(current)
    return out


def split_debris(words: list[Word]) -> list[Word]:
    """Words with rule debris glued to them split into the text and the debris.

    "|Spalte" becomes "|" and "Spalte", "0.A.|0..A." becomes "0.A.", "|" and "0..A.": each
    piece at the place its characters take in the word's box (:func:`char_edges`).
    """
    out: list[Word] = []
    for word in words:
        if len(word.text) < 2 or not any(ch in RULE_DEBRIS for ch in word.text):
            out.append(word)
            continue
        edges = char_edges(word)
        start = 0
        for i in range(1, len(word.text) + 1):
            if i == len(word.text) or (
                (word.text[i] in RULE_DEBRIS) != (word.text[i - 1] in RULE_DEBRIS)
            ):
                out.append(piece(word, start, i, edges))
                start = i
    return out


__all__ = [
    "RULE_DEBRIS",
    "char_edges",
    "even_edges",
    "has_scan_image",
    "is_debris",
    "join_fragments",
    "piece",
    "split_debris",
]
