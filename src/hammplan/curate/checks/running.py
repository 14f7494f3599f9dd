"""Running text of a profile, cut into sentences and numbers the checks can compare.

The checks of numbers in running text ("Davon hatten 96 (28 Prozent)", "Derzeit 35
Ehrenamtliche tätig") read sentences, not cells. A sentence ends at ".", "!" or "?" before a
capital letter, except after the abbreviations of the vocabulary (``[running_text]
abbreviations``: "ca.", "z. B.", "e.V."), so "Migrationsanteil von ca. 38 %" stays one
sentence. Every number is read by :func:`read_number`, the strict German reading of a cell,
and every word the checks look for comes from the vocabulary, so another plan's wording needs
a vocabulary file, not new code.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from hammplan.curate.amounts import MAX_DIGITS, parse_german_number
from hammplan.records.findings import Ref
from hammplan.records.plan import Measure
from hammplan.vocabulary import RunningTextVocabulary

TEXT_FIELDS: tuple[str, ...] = ("beschreibung", "sachstand", "zielgruppe", "traeger")
"""Profile fields whose running text the checks read (Kennzahlen and Kosten are cells)."""

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")

NUMBER_SHAPE = r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)"
"""Where running text may hold a number: digits with single dots or commas between them, not
part of a word or of a longer number ("1.518", "38,5", and a date "dd.mm.yyyy" as one
token). Whether the token is a German number is :func:`read_number`'s question, so every check
reads numbers alike and a date or "1.2.3" is never read as a part of it."""

NUMBER = re.compile(NUMBER_SHAPE)

TEXT_DECIMALS: tuple[int, ...] = tuple(range(1, MAX_DIGITS + 1))
"""Decimal places a number in running text may have: any (a share "38,5", an amount "42,48"),
up to the digits :data:`~hammplan.curate.amounts.MAX_DIGITS` allows."""

YEAR = re.compile(r"^(?:19|20)\d{2}$")


def read_number(token: str) -> Decimal | None:
    """The value of a German number printed in running text ("96", "1.250", "38,5"), else None.

    The same strict reading as a cell's (:func:`~hammplan.curate.amounts.parse_german_number`):
    no leading zero ("007"), dots only between groups of three ("1.2.3" is none), at most
    ``MAX_DIGITS`` whole digits; only the number of decimal places is free.
    """
    return parse_german_number(token, decimal_places=TEXT_DECIMALS)


def number_group(name: str) -> str:
    """:data:`NUMBER_SHAPE` as the named group ``name``, for patterns that read a number in
    context ("96 (28 Prozent)"); the group's text goes to :func:`read_number`."""
    return f"(?P<{name}>{NUMBER_SHAPE})"


def share_group(name: str, words: RunningTextVocabulary) -> str:
    """A number followed by one of the vocabulary's percent words ("38,5 %", "28 Prozent"),
    the number as the named group ``name``."""
    return rf"{number_group(name)}\s*{phrases(words.percent_words)}"


@cache
def _phrases(words: tuple[str, ...]) -> str:
    """See :func:`phrases` (cached: the checks build their patterns per measure)."""
    alternatives = [
        r"\s+".join(re.escape(part) for part in word.split())
        + (r"\b" if word[-1].isalnum() else "")
        for word in sorted(words, key=len, reverse=True)
    ]
    return f"(?:{'|'.join(alternatives)})" if alternatives else "(?!)"


def phrases(words: Iterable[str]) -> str:
    """One regular expression for any of the vocabulary's ``words``: each taken literally, its
    spaces matching any white space, a word ending in a letter or digit ending at a word
    boundary ("Euro" is not "Europa"); a pattern matching nothing when there are no words."""
    return _phrases(tuple(words))


@dataclass(frozen=True)
class Sentence:
    """One sentence of a profile field, with the field and page it was printed on."""

    text: str
    field: str
    page: int | None


def sentences(text: str, abbreviations: Collection[str]) -> list[str]:
    """``text`` cut into sentences (the vocabulary's ``abbreviations`` do not end one)."""
    pieces = _BOUNDARY.split(" ".join(text.split()))
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].split()[-1] in abbreviations:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return [p for p in merged if p]


def profile_sentences(
    measure: Measure, words: RunningTextVocabulary, fields: tuple[str, ...] = TEXT_FIELDS
) -> Iterator[Sentence]:
    """Every sentence of the measure's running-text fields, in field order."""
    for name in fields:
        source = measure.source.get(name)
        if source is None or not source.text:
            continue
        page = source.pages[0] if source.pages else None
        for text in sentences(source.text, words.abbreviations):
            yield Sentence(text=text, field=name, page=page)


def counts_in(text: str, words: RunningTextVocabulary) -> list[tuple[Decimal, int, int]]:
    """(value, start, end) of each count in ``text``: numbers that are not years, shares,
    amounts ("12 %", "3.500 €", the vocabulary's words) or per-unit figures ("12/Monat"), and
    the vocabulary's number words."""
    unit = re.compile(rf"\s*(?:{phrases([*words.percent_words, *words.euro_words])}|/)")
    found: list[tuple[Decimal, int, int]] = []
    for match in NUMBER.finditer(text):
        if YEAR.match(match.group()) or unit.match(text, match.end()):
            continue
        value = read_number(match.group())
        if value is not None:
            found.append((value, match.start(), match.end()))
    values = {word.casefold(): value for word, value in words.number_words.items()}
    for match in re.finditer(rf"\b{phrases(words.number_words)}", text, re.IGNORECASE):
        found.append((Decimal(values[match.group().casefold()]), match.start(), match.end()))
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
