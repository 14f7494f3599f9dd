"""Matching printed row labels (possibly garbled by text recognition) to known labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

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


def read_label(text: str, known: list[str], threshold: float) -> LabelReading:
    """Name the label(s) of a label cell.

    Order of tries: exact; several known labels run together ("Titel Träger"); a known label
    followed by value text ("Sachstand 2019 wurde ..."); the nearest known label by edit
    similarity (rapidfuzz ratio) at or above ``threshold``; else unmatched, with the best score
    kept so a reader can see how close it was.
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
    best = process.extractOne(key, list(keys), scorer=fuzz.ratio)
    if best is not None and best[1] >= threshold:
        return LabelReading([keys[best[0]]], "fuzzy", round(float(best[1]), 1))
    return LabelReading([], "unmatched", round(float(best[1]), 1) if best else None)
