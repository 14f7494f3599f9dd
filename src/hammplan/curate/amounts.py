"""Read a euro cell of the plan ("Stand: 30.06.24: 94.186 €", "o. A.", "Land NRW") exactly.

Budget Aufwand/Ertrag cells and profile Kosten cells hold German-formatted numbers, an as-of
date, several labelled amounts, a per-person rate, a "not stated" marker or plain words. The
parser turns each into an :class:`~hammplan.records.values.Amount` and never guesses: a cell
that contradicts the German number format ("762.58", "066") is kept as ``suspect`` with the
reason, so a reader can check it against the printed plan. Numbers are Decimals throughout,
so cents are never rounded through binary floats.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from hammplan.notstated import NotStated, match_not_stated
from hammplan.records.values import Amount, AmountPart

_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,(?P<decimals>[0-9]+))?")
"""A well-formed German number: no leading zero, "." groups of three, "," before decimals."""

_CURRENCY = re.compile(r"\s*(?:€|EUR)$")

_NUMBER_TOKEN = re.compile(r"[0-9][0-9.,]*[0-9]|[0-9]")
"""Anything that looks like a number, well-formed or not (for diagnosis)."""

_STAND = re.compile(
    r"^(?:(?P<lead>(?:19|20)[0-9]{2})\s+)?[Ss]tand\s*:?\s*"
    r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4}|[0-9]{2})?(?![0-9])\s*:?\s*"
)
"""An as-of prefix: "Stand: 30.06.24:", "Stand 30.06.JJJJ:", "JJJJ Stand 30.06.:"."""

_AMOUNT = r"(?P<number>[0-9][0-9.,]*[0-9]|[0-9])\s*(?:€|EUR)?"

_PART = re.compile(rf"\s*(?P<label>[^\d:]*[^\d\s:])\s*:\s*{_AMOUNT}\s*[,;]?\s*")
"""One labelled amount of a cell with several: "Kulturstrolche:14.100,00€"."""

_RATE = re.compile(
    r"(?P<number>[0-9][0-9.,]*[0-9]|[0-9])\s*(?:€|EUR|Euro)\s*"
    r"(?:/\s*(?:pro|je)?\s*|(?:pro|je)\s+)(?P<per>[^\W\d_]+)"
)
"""A rate: "210 €/pro Person", "50 € je Teilnehmer", "12 €/TN"."""

CENTS: tuple[int, ...] = (2,)
"""Decimal places a euro amount may have: exactly two (cents)."""


MAX_DIGITS = 15
"""More whole digits than any budget or count in a plan (a thousand trillion euros): a longer
run of digits is recognition noise or a hostile cell, and is suspect rather than a value."""


def parse_german_number(text: str, *, decimal_places: Sequence[int] = CENTS) -> Decimal | None:
    """The value of a strictly well-formed German number, else None; never raises.

    Accepts "1.012.000", "45.821,54", "1000", "0", with an optional trailing "€" or "EUR".
    Rejects what could be misread: groups not of three digits, a leading zero, a decimal part
    whose length is not in ``decimal_places`` (two for euros; key figures allow one or two).
    """
    candidate = _CURRENCY.sub("", text.strip()).strip()
    match = _NUMBER.fullmatch(candidate)
    if match is None:
        return None
    decimals = match.group("decimals")
    if decimals is not None and len(decimals) not in decimal_places:
        return None
    whole = candidate.partition(",")[0].replace(".", "")
    if len(whole) > MAX_DIGITS:
        return None
    return Decimal(candidate.replace(".", "").replace(",", "."))


def mark_remnant(text: str) -> bool:
    """Whether ``text`` is what recognition left of a mark ("&,"): no letter or digit, yet
    not blank or dashes only (a dash alone is a way of printing "none", not a misreading)."""
    return not any(char.isalnum() for char in text) and bool(text.strip("-–— "))


def number_problem(token: str, *, decimal_places: Sequence[int] = CENTS) -> str | None:
    """Why a number-like token is not a well-formed German number, or None if it is one."""
    if parse_german_number(token, decimal_places=decimal_places) is not None:
        return None
    whole, _, decimals = token.partition(",")
    if "," in decimals:
        return f"{token!r} hat mehr als ein Dezimalkomma"
    if "." in whole:
        groups = whole.split(".")
        if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return f"Tausendergruppen von {token!r} sind nicht dreistellig"
    if len(whole.replace(".", "")) > 1 and whole.startswith("0"):
        return f"führende Null in der ganzen Zahl {token!r}"
    if len(whole.replace(".", "")) > MAX_DIGITS:
        return f"{token[:20]!r}... hat mehr als {MAX_DIGITS} Stellen"
    if decimals and len(decimals) not in decimal_places:
        wanted = " oder ".join(str(places) for places in decimal_places)
        return f"Nachkommastellen von {token!r}: {len(decimals)}, erwartet {wanted}"
    return f"{token!r} ist keine wohlgeformte deutsche Zahl"


@dataclass(frozen=True)
class _Stand:
    """What an as-of prefix said: the date (if it has a year), the text after it, any problem."""

    stand: date | None
    rest: str
    problem: str | None = None


def _century_year(two_digits: str) -> int:
    """A two-digit year as strptime's ``%y`` reads it (00 to 68 in this century, 69 to 99 in
    the one before): fixed, so the same extracted file gives the same dates on any day it is
    curated."""
    return datetime.strptime(two_digits, "%y").year


def _split_stand(text: str) -> _Stand:
    """Separate "Stand dd.mm.yy:" from the amount; a two-digit year is read as strptime does."""
    match = _STAND.match(text)
    if match is None:
        return _Stand(stand=None, rest=text)
    rest = text[match.end() :]
    year_text = match.group("year") or match.group("lead")
    if year_text is None:
        return _Stand(stand=None, rest=rest)
    year = int(year_text) if len(year_text) == 4 else _century_year(year_text)
    try:
        stand = date(year, int(match.group("month")), int(match.group("day")))
    except ValueError:
        return _Stand(
            stand=None, rest=rest, problem=f"Stichtag in {text!r} ist kein gültiges Datum"
        )
    return _Stand(stand=stand, rest=rest)


def _labelled_parts(text: str) -> list[AmountPart] | None:
    """Several "label: amount" pairs covering the whole text, or None if it is not that form.

    A pair whose number is malformed makes the whole form fail, so the cell falls through to
    the suspect diagnosis instead of being summed.
    """
    parts: list[AmountPart] = []
    position = 0
    while position < len(text):
        match = _PART.match(text, position)
        if match is None:
            return None
        betrag = parse_german_number(match.group("number"))
        if betrag is None:
            return None
        parts.append(
            AmountPart(
                label=match.group("label").strip(), raw=match.group().strip(), betrag_eur=betrag
            )
        )
        position = match.end()
    return parts or None


def _rates(text: str) -> list[AmountPart] | None:
    """The per-unit rates named in the text ("210 €/pro Person"), or None if there are none."""
    parts: list[AmountPart] = []
    for match in _RATE.finditer(text):
        betrag = parse_german_number(match.group("number"))
        if betrag is None:
            return None
        parts.append(AmountPart(raw=match.group(), betrag_eur=betrag, per=match.group("per")))
    return parts or None


def _suspect_reason(text: str) -> str:
    """Why a cell with digits fits no rule: the first malformed number, or mixed words."""
    for token in _NUMBER_TOKEN.findall(text):
        problem = number_problem(token)
        if problem is not None:
            return problem
    return f"Zahl mit Wörtern, die keine Regel erklärt: {text!r}"


def _parse_rest(raw: str, rest: str, stand: date | None) -> Amount:
    """Parse what follows an as-of prefix (or the whole cell when it has none), when it is
    no "not stated" marker."""
    if not rest:
        return Amount(
            raw=raw, status="not_stated", stand=stand, reason="kein Betrag nach dem Stichtag"
        )
    betrag = parse_german_number(rest)
    if betrag is not None:
        return Amount(raw=raw, status="ok", betrag_eur=betrag, stand=stand)
    labelled = _labelled_parts(rest)
    if labelled is not None:
        total = sum((part.betrag_eur for part in labelled), Decimal(0))
        return Amount(raw=raw, status="ok", betrag_eur=total, stand=stand, parts=labelled)
    rates = _rates(rest)
    if rates is not None:
        return Amount(raw=raw, status="note", stand=stand, parts=rates, note=rest)
    if mark_remnant(rest):
        return Amount(
            raw=raw, status="suspect", stand=stand, reason=f"weder Betrag noch Wort: {rest!r}"
        )
    if not any(char.isdigit() for char in rest):
        return Amount(raw=raw, status="note", stand=stand, note=rest)
    return Amount(raw=raw, status="suspect", stand=stand, reason=_suspect_reason(rest))


def parse_amount(text: str) -> Amount:
    """The curated euro amount of one cell; ``raw`` is the text verbatim, ``page`` is unset.

    Order of rules: empty cell, as-of prefix, "not stated" marker, a single number, several
    labelled amounts (summed), a rate (a note, never a total), words only (a note), and
    anything else (numbers that do not parse, marks without a letter or digit) is suspect
    with the reason.
    """
    return parse_amount_with_marker(text)[0]


def parse_amount_with_marker(text: str) -> tuple[Amount, NotStated | None]:
    """:func:`parse_amount`, and the "not stated" marker the cell was read as (None when it
    was read as something else): a caller that records a misread marker as a repair learns
    it from the one reading, instead of matching the cell a second time."""
    collapsed = " ".join(text.split())
    if not collapsed:
        return Amount(raw=text, status="not_stated", reason="leere Zelle"), None
    split = _split_stand(collapsed)
    if split.problem is not None:
        return Amount(raw=text, status="suspect", reason=split.problem), None
    marker = match_not_stated(split.rest)
    if marker is not None:
        reason = marker.describe(split.rest)
        return Amount(raw=text, status="not_stated", stand=split.stand, reason=reason), marker
    return _parse_rest(text, split.rest, split.stand), None
