"""Recognise the plan's "not stated" markers ("o. A.", "k. A.") and their misread forms.

The plan writes "o. A." (ohne Angabe) or "k. A." (keine Angabe) where it gives no value.
Text extraction and recognition turn some of them into look-alikes ("0. A", "o. Ą.", "о Ф")
or leave only a speck ("Ā", "ė,"). All spellings live in ONE table, :data:`NOT_STATED_PATTERNS`,
so every place that asks "is this cell empty in substance?" answers the same way, and a caller
can tell a clean marker from a recognition variant (which it records as a repair).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from hammplan.homoglyphs import LOOKALIKES

_A_LIKE = "AАΑĄÀÁÂÃÄÅĀĂǍȦ"
"""Capital A and the letters recognition reads for it (Cyrillic А, Greek Α, A with marks)."""

_O_LIKE = "oO0оОοΟσ°"
"""Small o and what recognition reads for it (capital O, digit 0, Cyrillic/Greek o, σ, °)."""

_K_LIKE = "kKкК"
"""Small k and its look-alikes."""

_SEP = r"(?:\s*[.,]\s*|\s+)"
"""Between the two letters of a misread marker: a dot or comma, or at least a space."""

_WORD_LETTERS = "A-Za-zÄÖÜäöüß" + "".join(sorted(LOOKALIKES))
"""Letters a real German word or code can be made of (look-alikes count: folded later)."""


@dataclass(frozen=True)
class NotStatedPattern:
    """One spelling of "not stated": its name, the marker it stands for and how it is matched.

    ``on`` says what the regex sees: ``"cell"`` the cell with surrounding whitespace and
    punctuation noise removed, ``"letters"`` the cell with all punctuation, symbols and
    spaces removed (for rules about what is left, not how it is spelled), ``"raw"`` the cell
    with only surrounding whitespace removed (for shapes made of symbols, such as "©.").
    """

    name: str
    marker: str
    variant: bool
    regex: re.Pattern[str]
    on: Literal["cell", "letters", "raw"]
    why: str


NOT_STATED_PATTERNS: tuple[NotStatedPattern, ...] = (
    NotStatedPattern(
        name="o. A.",
        marker="o. A.",
        variant=False,
        regex=re.compile(r"[oO]\s*\.\s*A\s*\.?"),
        on="cell",
        why='"ohne Angabe", as printed: "o. A.", "o.A.", "o. A", "O.A."',
    ),
    NotStatedPattern(
        name="k. A.",
        marker="k. A.",
        variant=False,
        regex=re.compile(r"[kK]\s*\.\s*A\s*\.?"),
        on="cell",
        why='"keine Angabe", as printed: "k. A.", "k.A.", "k.A"',
    ),
    NotStatedPattern(
        name="keine Angabe",
        marker="k. A.",
        variant=False,
        regex=re.compile(r"[kK]eine\s+Angabe(?:n|\(n\))?"),
        on="cell",
        why='written out: "keine Angabe", "keine Angaben", "keine Angabe(n)"',
    ),
    NotStatedPattern(
        name="ohne Angabe",
        marker="o. A.",
        variant=False,
        regex=re.compile(r"[oO]hne\s+Angaben?"),
        on="cell",
        why='written out: "ohne Angabe"',
    ),
    NotStatedPattern(
        name="o. A. misread",
        marker="o. A.",
        variant=True,
        regex=re.compile(rf"[{_O_LIKE}]{_SEP}[{_A_LIKE}]\s*[.,]?"),
        on="cell",
        why='"o. A." with o read as 0/О/ο or A as Ą/А/Ā, or dots lost: "0. A", "o. Ą.", "о А"',
    ),
    NotStatedPattern(
        name="k. A. misread",
        marker="k. A.",
        variant=True,
        regex=re.compile(rf"[{_K_LIKE}]{_SEP}[{_A_LIKE}]\s*[.,]?"),
        on="cell",
        why='"k. A." with A misread or dots lost: "k A", "к. А."',
    ),
    NotStatedPattern(
        name="o. A. OCR",
        marker="o. A.",
        variant=True,
        regex=re.compile(rf"[{_O_LIKE}9]{{1,2}}\s*[.,:;]{{0,2}}\s*[{_A_LIKE}]\s*[.,:;]{{0,2}}"),
        on="cell",
        why=(
            '"o. A." as text recognition reads it in a scan: o read twice or as 9, the dots '
            'lost, doubled or read as a comma or colon: "oA.", "0A", "o0.A.", "9.A.", "0A:", '
            '"0..A."'
        ),
    ),
    NotStatedPattern(
        name="o. A. OCR speck",
        marker="o. A.",
        variant=True,
        regex=re.compile(r"[oO0]?\s*[©®]\s*[.,]?"),
        on="raw",
        why='what text recognition leaves of a small "o. A." in a scan: "©.", "®", "o®"',
    ),
    NotStatedPattern(
        name="o. remnant",
        marker="o. A.",
        variant=True,
        regex=re.compile(r"[oO0]\s*\."),
        on="cell",
        why=(
            'a lone "o." or "0." is what is left of "o. A." when the "A." was lost (cut off at '
            'the page edge of a scan); no number is printed "0."'
        ),
    ),
    NotStatedPattern(
        name="A. remnant",
        marker="o. A.",
        variant=True,
        regex=re.compile(r"A\s*\."),
        on="cell",
        why='a lone "A." is what is left of "o. A." when the "o." was lost (a lone "A" is not)',
    ),
    NotStatedPattern(
        name="speck",
        marker="o. A.",
        variant=True,
        regex=re.compile(rf"(?=\D{{1,3}}$).*[^{_WORD_LETTERS}].*"),
        on="letters",
        why=(
            "an unreadable speck: at most 3 characters once punctuation and spaces are gone, no "
            "digit, and a letter no German word or code is made of (Ā, ė, í, Ф, Б, ĺ). In the "
            'value cells of this plan such a speck stands where "o. A." was printed, so it is '
            "read as not stated; the caller records the reading as a repair."
        ),
    ),
)
"""Every accepted spelling of "not stated", clean spellings first, then recognition variants.

Each regex must match the whole of what it sees (``fullmatch``).
"""


@dataclass(frozen=True)
class NotStated:
    """A cell recognised as "not stated": which pattern matched and whether it was a variant.

    ``variant`` is True for a recognition variant (a misread marker, a speck, or a clean marker
    with stray punctuation around it), False for a marker as the plan spells it.
    """

    pattern: str
    variant: bool
    marker: str = "o. A."

    def describe(self, raw: str) -> str:
        """The reason text for a curated value: the marker, or which variant and how printed."""
        if self.variant:
            return f"Erkennungsvariante von {self.marker}: {raw.strip()!r}"
        return self.pattern


def _is_noise(char: str) -> bool:
    """Whitespace, or punctuation/symbols around a marker other than its dots and brackets."""
    if char.isspace():
        return True
    return unicodedata.category(char)[0] in "PS" and char not in ".()"


def _strip_noise(text: str) -> str:
    """The cell without leading and trailing whitespace and punctuation noise."""
    start, end = 0, len(text)
    while start < end and _is_noise(text[start]):
        start += 1
    while end > start and _is_noise(text[end - 1]):
        end -= 1
    return text[start:end]


class _DropTable(dict[int, int | None]):
    """:meth:`str.translate`'s table for :func:`_letters_only`: a code point maps to None
    (dropped) when it is a space, punctuation, a symbol or a separator, else to itself. Each
    code point is judged once, on first sight; ``validate`` asks of every cell's text, and
    judging character by character in Python took a tenth of curating."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = not char.isspace() and unicodedata.category(char)[0] not in "PSZ"
        self[code] = code if kept else None
        return self[code]


_DROP = _DropTable()


def _letters_only(text: str) -> str:
    """The cell without punctuation, symbols and spaces: what a speck rule judges."""
    return text.translate(_DROP)


def match_not_stated(text: str) -> NotStated | None:
    """The "not stated" reading of a whole cell, or None if the cell says something else.

    An empty or blank cell returns None: callers treat emptiness separately (reason "empty
    cell"), because an empty cell was not printed as a marker.
    """
    normalized = unicodedata.normalize("NFC", text)
    if not normalized.strip():
        return None
    cell = _strip_noise(normalized)
    noisy = cell != normalized.strip()
    letters = _letters_only(normalized)
    for entry in NOT_STATED_PATTERNS:
        subject = {"cell": cell, "letters": letters, "raw": normalized.strip()}[entry.on]
        if subject and entry.regex.fullmatch(subject):
            return NotStated(
                pattern=entry.name, variant=entry.variant or noisy, marker=entry.marker
            )
    return None
