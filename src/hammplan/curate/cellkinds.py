"""Whether a budget cell's text is of its column's kind, so a misread cell is never a value.

A scan's text layer turns a printed cell into something of another kind without any sign of
damage: "o. A." into "10.A.", a funder "Land NRW" into "Land NRw", a count "50" into "so", a
marker "0. A." into "0.A. B" whose "0" would parse as a number. Each check here names such
a shape by a general rule (never a value of one plan) and says why, so the cell is published
as ``suspect`` with the reason in a finding instead of as a value.

Word columns: in the funder and the key-figure label, a cell close to the not-stated
marker without being one ("10.A.", "DA"); in the funder also a cell of a few letters that is
neither an acronym nor a word the vocabulary names, an acronym with one lowercase letter
("NRw"), a digit among letters ("6l", "La6d").
Value columns (the Wert cells): a lone token of letters that look like digits ("so", "l0");
a zero that is the "o" of a misread marker ("0.A. B"); an empty cell between two printed
cells of the same row (a digit the recognition dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from hammplan.notstated import match_not_stated

_MARKER_SHAPE = "o.a."
"""The not-stated marker without spaces, lowercase: what a near miss is measured against."""

_NEAR_MARKER = 2
"""Edits (Levenshtein) within which a short cell reads as a mangled marker."""

_SHORT = 3
"""Letters at most in a cell that must be an acronym or a known word to be believed."""

_ACRONYM_TYPO = re.compile(r"[A-ZÄÖÜ]{2,}[a-zäöüß]")
_DIGIT_IN_WORD = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
_DIGIT_LOOKALIKES = frozenset("oOsSlIiBZzgqGD")
"""Letters text recognition reads for digits (o/0, s/5, l/1, B/8, Z/2, g/9, D/0)."""

_ZERO_MARKER = re.compile(r"(?<![\w.,])0\s?[.,]\s?[AaÄä](?!\w)")


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


_O_SHAPES = str.maketrans({"0": "o", "D": "o", "O": "o", "Q": "o", "©": "o", "®": "o"})
"""What recognition reads for the round "o" of the marker."""


def _near_marker(text: str) -> bool:
    """Within two edits of the marker, and its letters and digits those of the marker with
    at most one more in front ("1oa"): a word such as "DaZ" is no marker however close."""
    compact = "".join(text.split()).translate(_O_SHAPES).casefold()
    core = "".join(ch for ch in compact if ch.isalnum())
    return (
        len(compact) <= len(_MARKER_SHAPE) + _NEAR_MARKER
        and Levenshtein.distance(compact, _MARKER_SHAPE) <= _NEAR_MARKER
        and core.endswith("oa")
        and len(core) <= 3
    )


def marker_doubt(text: str) -> str | None:
    """Why a word cell looks like a mangled "o. A." ("10.A.", "DA"), or None: a short cell
    within two edits of the marker (its "o" shapes folded) that is none of its shapes."""
    if match_not_stated(text) is None and _near_marker(text):
        return f"ähnelt „o. A.“, ist aber keine Schreibweise davon: {text!r}"
    return None


def word_cell_doubt(text: str, known_words: Sequence[str]) -> str | None:
    """Why the cleaned text of a word cell (a funder) looks misread, or None if it reads.

    ``text`` is the cell after debris removal and repairs; a cell that reads as the marker
    is not passed here (it is not stated).
    """
    near = marker_doubt(text)
    if near is not None:
        return near
    for word in text.split():
        core = word.strip(".,;:()-–/")
        if _DIGIT_IN_WORD.search(core):
            return f"Ziffer zwischen Buchstaben: {core!r}"
        if _ACRONYM_TYPO.fullmatch(core) and not core.endswith("s"):
            return f"Kürzel mit einem Kleinbuchstaben: {core!r}"
    letters = _letters(text)
    known = {w.casefold() for w in known_words}
    if (
        len(letters) <= _SHORT
        and not (len(letters) >= 2 and letters.isupper())
        and text.strip(" .").casefold() not in known
    ):
        return f"zu kurz für ein Wort dieser Spalte und kein bekanntes Wort: {text!r}"
    return None


def value_cell_doubt(raw: str) -> str | None:
    """Why a Wert cell that should hold a count looks misread, or None.

    A lone short token made only of letters that recognition reads for digits ("so" for
    "50"); a zero followed by ".A" (the "o" of a misread "o. A.", not a number).
    """
    token = raw.strip()
    if (
        token
        and " " not in token
        and len(token) <= 4
        and token.isalpha()
        and set(token) <= _DIGIT_LOOKALIKES
        and match_not_stated(token) is None
    ):
        return f"Buchstaben, wo eine Zahl steht (verlesene Ziffern?): {token!r}"
    if _ZERO_MARKER.search(raw) and match_not_stated(raw) is None:
        return f"die „0“ gehört zu einem verlesenen „o. A.“: {token!r}"
    return None


def dropped_between(raws: Sequence[str], numbers: Sequence[bool]) -> list[int]:
    """Positions of empty cells between two printed cells of a row, one of them a number:
    the recognition dropped what stood there (a table that prints "o. A." for nothing)."""
    return [
        i
        for i in range(1, len(raws) - 1)
        if not raws[i].strip()
        and raws[i - 1].strip()
        and raws[i + 1].strip()
        and (numbers[i - 1] or numbers[i + 1])
    ]


__all__ = ["dropped_between", "marker_doubt", "value_cell_doubt", "word_cell_doubt"]
