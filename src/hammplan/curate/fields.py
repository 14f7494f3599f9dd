"""Fields of action (Handlungsfelder): the plan's own names mapped to one canonical list.

Profiles print the names in many spellings ("Teilhabe & Partizipation", "Teilhabe- und
Partizipation", "Bildung und Erziehung") and under a name the plan itself retired
("Interkulturelle Wertesysteme"). The vocabulary lists the canonical names and the known
variants; anything else is matched fuzzily, and what stays unknown is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from hammplan.records.values import Repair
from hammplan.vocabulary import FieldsVocabulary

_SEPARATORS = re.compile(r"[,;\n]")


def _key(name: str) -> str:
    text = name.replace("&", " und ").replace("/", " und ")
    text = re.sub(r"-\s+und\b", " und", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


@dataclass
class FieldReading:
    """The canonical fields read from one cell, the repairs made and the names not known."""

    canonical: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def canonical_field(name: str, vocab: FieldsVocabulary) -> tuple[str | None, Repair | None]:
    """One printed name's canonical field and the repair it took (None when already canonical)."""
    key = _key(name)
    if not key:
        return None, None
    exact = {_key(c): c for c in vocab.canonical}
    if key in exact:
        target = exact[key]
        same = " ".join(name.split()) == target
        return target, None if same else Repair(
            kind="vocabulary", before=name, after=target, detail="spelling"
        )
    aliases = {_key(a): t for a, t in vocab.aliases.items()}
    if key in aliases:
        return aliases[key], Repair(
            kind="vocabulary", before=name, after=aliases[key], detail="known variant"
        )
    pool = {**exact, **aliases} | {k: v for k, v in aliases.items()}
    best = max(pool, key=lambda k: (fuzz.token_sort_ratio(key, k), k))
    score = fuzz.token_sort_ratio(key, best)
    if score >= vocab.fuzzy_threshold:
        target = exact.get(best) or aliases[best]
        return target, Repair(
            kind="vocabulary",
            before=name,
            after=target,
            detail=f"nearest field, similarity {score:.0f}",
        )
    return None, None


def read_fields(cell: str, vocab: FieldsVocabulary) -> FieldReading:
    """Split a Handlungsfelder cell at commas and map each name to its canonical field."""
    reading = FieldReading()
    for part in _SEPARATORS.split(cell):
        name = " ".join(part.split())
        if not name:
            continue
        target, repair = canonical_field(name, vocab)
        if target is None:
            reading.unknown.append(name)
            continue
        if repair is not None:
            reading.repairs.append(repair)
        if target not in reading.canonical:
            reading.canonical.append(target)
    return reading


def _strict(name: str, vocab: FieldsVocabulary) -> str | None:
    """The canonical field ``name`` spells exactly or as a known variant (never fuzzily)."""
    target, repair = canonical_field(name, vocab)
    if target is None or (repair is not None and repair.detail.startswith("nearest")):
        return None
    return target


def fields_after_label(text: str, label: str, vocab: FieldsVocabulary) -> str | None:
    """The list of fields printed after ``label`` inside running text, as printed.

    A profile whose Handlungsfelder row was merged into the row above shows them as
    "... Gegebenheiten. Handlungsfelder Gesundheit, Erziehung und Bildung, Teilhabe &
    Partizipation Stadtteilen führen ...": the names are read up to the first words that are
    no field. Only exact names and known variants count, so running text is never taken.
    """
    for match in re.finditer(rf"\b{re.escape(label)}\b:?", text):
        names: list[str] = []
        for part in text[match.end() :].split(","):
            words = part.split()
            found = next(
                (
                    " ".join(words[:n])
                    for n in range(min(len(words), 6), 0, -1)
                    if _strict(" ".join(words[:n]), vocab)
                ),
                None,
            )
            if found is None:
                break
            names.append(found)
            if found != " ".join(words):
                break
        if names:
            return ", ".join(names)
    return None
