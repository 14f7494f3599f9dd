"""Read a Kennzahlen cell ("Beratungen: 76 Begleitungen: 55 Std") into labelled figures.

Profile Kennzahlen cells and budget Wert cells print counts in free form: "label: number",
several in a row, a group heading ("Besucher:innen: Kulturstrolche:750 Kulturrucksack: 550"),
bare numbers with units ("46 Std. 78 Std."), percentages after words, "o.A." in place of a
number, and words only. The cell is cut at its values: every number or "not stated" marker is
a figure, the text before it (up to the previous figure) is its label, and a short unit or a
bracket right after it stays with it. Malformed numbers ("066") are kept as suspect, with the
reason, instead of being guessed.

Decisions a reader should know:

* A colon before "innen" is a gender form, not a separator ("Teilnehmer: innen: 145" has
  the label "Teilnehmer:innen").
* A number directly followed by a colon, or a year after "in"/"im"/"seit"/... belongs to the
  label ("Anzahl betreute Fälle in JJJJ: 29").
* Words before a colon that are followed by another label (not a value) are a group heading;
  it is put before the labels of the figures that follow it ("Besucher:innen Kulturstrolche").
* A bracket after a value ("3000 (90% bulgarisch)", "863 (91)") is kept verbatim in the
  figure's ``note``; words after the last value are appended to that note, and a trailing
  "label: words" becomes a figure of status ``note`` with the words in ``note``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hammplan.curate.amounts import mark_remnant, number_problem, parse_german_number
from hammplan.notstated import match_not_stated
from hammplan.records.values import KeyFigure, KeyFigures, Repair, Status

FIGURE_DECIMALS: tuple[int, ...] = (1, 2)
"""Decimal places a key figure may have ("1,5 Std"); three would look like a thousands group."""

UNITS: tuple[str, ...] = (
    "Std.",
    "Stunden",
    "Std",
    "Min.",
    "Min",
    "h",
    "%",
    "€",
    "EUR",
    "Stk.",
    "Stk",
    "Stck.",
    "Stck",
    "Stück",
)
"""Units taken with a figure when printed right after it. Words that may also start the next
label (UE, TN, Personen) are left out on purpose: after a value they start the next label."""

_VALUE = re.compile(
    r"(?P<marker>(?<!\w)(?:[oOkK]\s?\.\s?A\.?(?!\w)|[kK]eine\s+Angaben?|[oO]hne\s+Angaben?)"
    r"(?!\w))"
    r"|(?P<number>(?<!\w)[0-9]+(?:[.,][0-9]+)*(?!\w))"
)
"""A figure's value: a clean "not stated" marker or anything number-like (checked later)."""

_UNIT = re.compile(r"\s*(?P<unit>" + "|".join(re.escape(unit) for unit in UNITS) + r")(?!\w)")
_BRACKET = re.compile(r"\s*(?P<note>\([^()]*\))")
_LABEL_COLON = re.compile(r"\s*:")
_YEAR_AFTER_WORD = re.compile(r"(?:^|\s)(?:in|im|Jahr|seit|bis|ab|vor|nach)\s+$")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_GENDER = re.compile(r":\s*innen\b")
_SEPARATOR = re.compile(r":(?!\s*innen\b)")


@dataclass(frozen=True)
class _Value:
    """A value found in the cell, with the unit and bracket printed right after it."""

    start: int
    end: int
    number: str | None
    marker: str | None
    unit: str | None
    note: str | None


@dataclass(frozen=True)
class _SpanLabels:
    """What the text between two values says: a new group heading (if any) and a label."""

    heading: str | None
    label: str | None


def _bracket_depths(text: str) -> list[int]:
    """Bracket depth at each position, so numbers inside "( ... )" are never values."""
    depths: list[int] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")" and depth > 0:
            depth -= 1
    return depths


def _is_label_number(text: str, match: re.Match[str]) -> bool:
    """A number that is part of a label: followed by a colon, or a year after a preposition."""
    if _LABEL_COLON.match(text, match.end()):
        return True
    return bool(_YEAR.fullmatch(match.group()) and _YEAR_AFTER_WORD.search(text, 0, match.start()))


def _extend(text: str, match: re.Match[str]) -> _Value:
    """The value with its unit and bracket, if they are printed right after it."""
    end = match.end()
    unit = note = None
    if match.group("number") is not None:
        unit_match = _UNIT.match(text, end)
        if unit_match is not None:
            unit, end = unit_match.group("unit"), unit_match.end()
    bracket = _BRACKET.match(text, end)
    if bracket is not None:
        note, end = bracket.group("note"), bracket.end()
    return _Value(
        start=match.start(),
        end=end,
        number=match.group("number"),
        marker=match.group("marker"),
        unit=unit,
        note=note,
    )


def _find_values(text: str) -> list[_Value]:
    """Every value of the cell, left to right, outside brackets and not part of a label."""
    depths = _bracket_depths(text)
    values: list[_Value] = []
    position = 0
    for match in _VALUE.finditer(text):
        if match.start() < position or depths[match.start()] > 0:
            continue
        if match.group("number") is not None and _is_label_number(text, match):
            continue
        value = _extend(text, match)
        values.append(value)
        position = value.end
    return values


def _clean(text: str) -> str | None:
    """A label as read: gender colon joined, whitespace collapsed, stray separators removed."""
    joined = " ".join(_GENDER.sub(":innen", text).split())
    cleaned = joined.strip(" ,;").lstrip("-–•*").strip()
    return cleaned or None


def _split_colons(span: str) -> list[str]:
    """The span cut at its separator colons (not gender colons, not inside brackets)."""
    depths = _bracket_depths(span)
    pieces: list[str] = []
    start = 0
    for match in _SEPARATOR.finditer(span):
        if depths[match.start()] == 0:
            pieces.append(span[start : match.start()])
            start = match.end()
    pieces.append(span[start:])
    return pieces


def _span_labels(span: str) -> _SpanLabels:
    """Heading and label of the text before a value ("Besucher:innen: Kulturstrolche:")."""
    pieces = _split_colons(span)
    if len(pieces) == 1:
        return _SpanLabels(heading=None, label=_clean(pieces[0]))
    if _clean(pieces[-1]) is None:
        label, heads = _clean(pieces[-2]), pieces[:-2]
    else:
        label, heads = _clean(pieces[-1]), pieces[:-1]
    return _SpanLabels(heading=_clean(" ".join(heads)), label=label)


def _join_label(heading: str | None, label: str | None) -> str | None:
    """A figure's full label: its group heading, then its own label."""
    return " ".join(part for part in (heading, label) if part) or None


def _figure(label: str | None, value: _Value, raw: str) -> tuple[KeyFigure, str | None]:
    """One figure and, if it is not ok, the reason to report for it."""
    figure = KeyFigure(label=label, unit=value.unit, note=value.note, raw=raw)
    if value.marker is not None:
        marker = match_not_stated(value.marker)
        reason = marker.describe(value.marker) if marker is not None else value.marker
        return figure.model_copy(update={"status": "not_stated"}), reason
    token = value.number or ""
    number = parse_german_number(token, decimal_places=FIGURE_DECIMALS)
    if number is None:
        problem = number_problem(token, decimal_places=FIGURE_DECIMALS)
        return figure.model_copy(update={"status": "suspect"}), problem
    return figure.model_copy(update={"value": number}), None


def _trailing(text: str, items: list[KeyFigure]) -> None:
    """Words after the last value: "label: words" is a note figure, other words a note."""
    if not any(char.isalnum() for char in text):
        return
    pieces = _split_colons(text)
    if len(pieces) >= 2:
        label = _clean(" ".join(pieces[:-1]))
        words = _clean(pieces[-1])
        status: Status = "note" if words else "not_stated"
        items.append(KeyFigure(label=label, note=words, raw=text.strip(), status=status))
        return
    last = items[-1]
    words = " ".join(text.split())
    last.note = f"{last.note} {words}" if last.note else words


def _overall(items: list[KeyFigure]) -> Status:
    """Cell status: suspect beats ok beats not stated beats note."""
    statuses = {item.status for item in items}
    order: tuple[Status, ...] = ("suspect", "ok", "not_stated")
    return next((status for status in order if status in statuses), "note")


def _reason(status: Status, reasons: dict[Status, list[str]]) -> str | None:
    """The cell's reason: why it is suspect, or which markers left it not stated."""
    if status in ("suspect", "not_stated"):
        return "; ".join(reasons.get(status, [])) or None
    return None


_UNIT_LABEL_END = re.compile(r"\b(?:in|je|pro) (?:Std|Stunden|%|€)\.?(?=\s*[A-ZÄÖÜ])")
"""Where one label ends and the next begins in a cell of labels without numbers:
after "in Std", even when the next label is glued on ("in StdBeratung von Eltern")."""


def _labels_only(text: str) -> KeyFigures:
    """A cell of words without numbers ("Familien"): each label kept, none with a value.

    Dropping them would publish an empty list, which reads like "k. A."; the labels say what
    the plan means to count, so they stay, each with status ``not_stated``.
    """
    ends = list(_UNIT_LABEL_END.finditer(text))
    cuts = [0, *(m.end() for m in ends), len(text)]
    labels = [_clean(text[start:end]) for start, end in zip(cuts, cuts[1:], strict=False)]
    items = [KeyFigure(label=label, raw=label, status="not_stated") for label in labels if label]
    glued = [m for m in ends if m.end() < len(text) and not text[m.end()].isspace()]
    repairs = [
        Repair(
            kind="recognition",
            before=text[m.start() : m.end() + 1],
            after=f"{text[m.start() : m.end()]} {text[m.end()]}",
            detail="two labels printed without a space between them",
        )
        for m in glued
    ]
    return KeyFigures(
        raw=text,
        status="note",
        items=items,
        repairs=repairs,
        reason="Bezeichnungen ohne Zahl" if items else None,
    )


def label_year(label: str | None) -> int | None:
    """The year a figure's own label names ("Anzahl betreute Fälle in JJJJ" -> JJJJ)."""
    if not label:
        return None
    years = {
        int(m.group())
        for m in _YEAR.finditer(label)
        if _YEAR_AFTER_WORD.search(label, 0, m.start())
    }
    return years.pop() if len(years) == 1 else None


def parse_key_figures(text: str) -> KeyFigures:
    """The figures of one Kennzahlen or Wert cell; ``raw`` is the text verbatim, page unset."""
    if not text.strip():
        return KeyFigures(raw=text, status="not_stated", reason="leere Zelle")
    marker = match_not_stated(text)
    if marker is not None:
        return KeyFigures(raw=text, status="not_stated", reason=marker.describe(text))
    values = _find_values(text)
    if not values and mark_remnant(text):
        return KeyFigures(
            raw=text, status="suspect", reason=f"weder Zahl noch Wort: {text.strip()!r}"
        )
    if not values:
        return _labels_only(text)
    items: list[KeyFigure] = []
    reasons: dict[Status, list[str]] = {}
    heading: str | None = None
    start = 0
    for value in values:
        labels = _span_labels(text[start : value.start])
        heading = labels.heading or heading
        figure, reason = _figure(
            _join_label(heading, labels.label), value, text[start : value.end].strip()
        )
        items.append(figure)
        if reason is not None:
            reasons.setdefault(figure.status, []).append(reason)
        start = value.end
    _trailing(text[start:], items)
    status = _overall(items)
    return KeyFigures(raw=text, status=status, items=items, reason=_reason(status, reasons))
