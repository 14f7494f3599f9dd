"""Running text of a profile, cut into sentences and numbers the checks can compare.

The checks of numbers in running text ("Davon hatten 96 (28 Prozent)", "Derzeit 35
Ehrenamtliche tätig") read sentences, not cells. A sentence ends at ".", "!" or "?" before a
capital letter, except after the abbreviations German plans use ("ca.", "z. B.", "e.V."), so
"Migrationsanteil von ca. 38 %" stays one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from hammplan.records.findings import Ref
from hammplan.records.plan import Measure

TEXT_FIELDS: tuple[str, ...] = ("beschreibung", "sachstand", "zielgruppe", "traeger")
"""Profile fields whose running text the checks read (Kennzahlen and Kosten are cells)."""

ABBREVIATIONS: tuple[str, ...] = (
    "ca.",
    "bzw.",
    "z.B.",
    "B.",
    "rd.",
    "u.a.",
    "a.",
    "e.V.",
    "V.",
    "Nr.",
    "Std.",
    "etc.",
    "inkl.",
    "ggf.",
    "d.h.",
    "h.",
    "u.v.m.",
    "m.",
    "evtl.",
    "insb.",
    "dt.",
    "sog.",
    "vgl.",
    "Mio.",
    "Tsd.",
    "St.",
    "Dr.",
    "ehem.",
)
"""Words ending in a dot that do not end a sentence."""

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w]|[.,]\d)")
"""A German number in running text: "1.518", "96", "42.343,48" (not part of a word or date)."""

YEAR = re.compile(r"^(?:19|20)\d{2}$")

NUMBER_WORDS: dict[str, int] = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
"""Counts the plan writes as words ("vier freie Mitarbeiterinnen")."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a profile field, with the field and page it was printed on."""

    text: str
    field: str
    page: int | None


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (abbreviations do not end one)."""
    pieces = _BOUNDARY.split(" ".join(text.split()))
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].split()[-1] in ABBREVIATIONS:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return [p for p in merged if p]


def profile_sentences(
    measure: Measure, fields: tuple[str, ...] = TEXT_FIELDS
) -> Iterator[Sentence]:
    """Every sentence of the measure's running-text fields, in field order."""
    for name in fields:
        source = measure.source.get(name)
        if source is None or not source.text:
            continue
        page = source.pages[0] if source.pages else None
        for text in sentences(source.text):
            yield Sentence(text=text, field=name, page=page)


def german_number(whole: str, cents: str | None = None) -> Decimal | None:
    """The value of a matched German number ("1.518" -> 1518, "42.343" "48" -> 42343.48)."""
    try:
        value = Decimal(whole.replace(".", ""))
        return value + Decimal(f"0.{cents}") if cents else value
    except InvalidOperation:
        return None


def counts_in(text: str) -> list[tuple[Decimal, int, int]]:
    """(value, start, end) of each count in ``text``: numbers that are not years, percents,
    amounts or dates, and the number words of :data:`NUMBER_WORDS`."""
    found: list[tuple[Decimal, int, int]] = []
    for match in NUMBER.finditer(text):
        after = text[match.end() : match.end() + 3].lstrip()
        if YEAR.match(match.group(0)) or after.startswith(("%", "€", "Prozent", "/")):
            continue
        value = german_number(match.group(1), match.group(2))
        if value is not None:
            found.append((value, match.start(), match.end()))
    for match in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", text, re.IGNORECASE):
        found.append((Decimal(NUMBER_WORDS[match.group(1).casefold()]), match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def page_of(page: int | None) -> str:
    """ "S. 105" for a page, "S. ?" when the page is not known."""
    return f"S. {page}" if page is not None else "S. ?"


def kennzahl_ref(measure: Measure) -> Ref:
    """The measure's Kennzahlen cell as a finding's reference (with its page)."""
    page = measure.kennzahlen_cell.page if measure.kennzahlen_cell else None
    return Ref(kind="measure", id=measure.id, page=page, field="kennzahlen")


def sentence_ref(measure: Measure, sentence: Sentence) -> Ref:
    """A sentence of the measure's running text as a finding's reference."""
    return Ref(kind="measure", id=measure.id, page=sentence.page, field=sentence.field)
