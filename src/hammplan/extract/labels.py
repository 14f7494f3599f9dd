"""Matching printed row labels (possibly garbled by text recognition) to known labels."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from hammplan.notstated import match_not_stated
from hammplan.records.profiles import LabelMatch

_PUNCT = re.compile(r"[^\w\s]")
_LETTER = re.compile(r"^\W*\w\W*$")

HEADING_SCORE = 85
"""Similarity (0-100) at which a printed text reads as a known heading despite recognition
errors; higher than the label threshold, since headings are longer."""


def text_key(text: str) -> str:
    """Text reduced for comparison: lower case, punctuation as space, single spaces."""
    return " ".join(_PUNCT.sub(" ", text).lower().split())


def reads_as(text: str, phrase: str) -> bool:
    """Whether ``text`` reads as ``phrase``, allowing a recognition error or two."""
    return fuzz.ratio(text_key(text), text_key(phrase)) >= HEADING_SCORE


def heading_score(text: str, phrase: str) -> float:
    """How closely ``text`` reads as ``phrase`` (0-100)."""
    return float(fuzz.ratio(text_key(text), text_key(phrase)))


def is_letter_heading(text: str) -> bool:
    """Whether a cell holds a single letter (an index's letter heading), specks around it."""
    return bool(_LETTER.match(text))


@dataclass(frozen=True)
class LabelReading:
    """What a label cell says: the known label(s), how they were found and the score (0-100)."""

    labels: list[str] = field(default_factory=list)
    match: LabelMatch = "none"
    score: float | None = None


def read_label(
    text: str, known: list[str], threshold: float, fits: Callable[[str], bool] | None = None
) -> LabelReading:
    """Name the label(s) of a label cell.

    Order of tries: exact; several known labels run together ("Titel Träger"); a known label
    followed by value text ("Sachstand seit JJJJ ..."); the nearest known label by edit
    similarity (rapidfuzz ratio) at or above ``threshold`` for which ``fits`` says the row's
    value may belong to it (a garbled label is never read as Kosten for a count); else
    unmatched, with the best score kept so a reader can see how close it was.
    """
    key = text_key(text)
    if not key:
        return LabelReading()
    keys = {text_key(label): label for label in known}
    if key in keys:
        return LabelReading([keys[key]], "exact", 100.0)
    words = key.split()
    if len(words) > 1 and all(w in keys for w in words):
        return LabelReading([keys[w] for w in words], "combined", 100.0)
    if words[0] in keys and len(key) > len(words[0]) + 8:
        return LabelReading([keys[words[0]]], "inline", 100.0)
    ranked = process.extract(key, list(keys), scorer=fuzz.ratio, limit=None)
    for candidate, score, _ in ranked:
        if score < threshold:
            break
        if fits is None or fits(keys[candidate]):
            return LabelReading([keys[candidate]], "fuzzy", round(float(score), 1))
    return LabelReading([], "unmatched", round(float(ranked[0][1]), 1) if ranked else None)


_AMOUNT_LIKE = re.compile(
    r"€|\bEUR\b|\bEuro\b|^\W*\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?\W*$", re.IGNORECASE
)
_DIGIT_ANY = re.compile(r"\d")
_NO_WORD = re.compile(r"^\W*$")


def _not_stated(value: str) -> bool:
    """Whether ``value`` names an absence: no word at all (blank, a dash), or any "not stated"
    marker curation knows, misread forms included (one table for both stages)."""
    return bool(_NO_WORD.match(value)) or match_not_stated(value) is not None


CONTENT_KINDS: dict[str, Callable[[str], bool]] = {
    "kosten": lambda v: bool(_AMOUNT_LIKE.search(v) or _not_stated(v)),
    "kennzahlen": lambda v: bool(_DIGIT_ANY.search(v) or _not_stated(v)),
}
"""Fields whose content has a kind a value must show before a garbled label may name it:
Kosten an amount (a euro sign, or a bare amount), Kennzahlen a figure. Any other field
takes text. A named absence ("o. A.") fits every field."""


def value_fits(field: str | None, value: str) -> bool:
    """Whether ``value`` has the kind of content ``field`` holds (see CONTENT_KINDS)."""
    check = CONTENT_KINDS.get(field or "")
    return check is None or check(value)
