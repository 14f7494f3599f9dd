"""Matching printed row labels (possibly garbled by text recognition) to known labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from hammplan.records.profiles import LabelMatch

_PUNCT = re.compile(r"[^\w\s]")


def _key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text).lower().split())


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
    key = _key(text)
    if not key:
        return LabelReading()
    keys = {_key(label): label for label in known}
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
