"""Cells: one value of the curated plan as a flat table holds it (numbers plain, text safe to
open in a spreadsheet, lists joined)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from hammplan.records.values import KeyFigure, KeyFigures, Text

Cell = str | int | float | Decimal | date | bool | None
Row = dict[str, Cell]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (OWASP "CSV injection").

    Excel, LibreOffice and Google Sheets run a cell starting with ``= + - @`` as a formula, and
    some skip a leading tab or carriage return before looking, so a crafted or garbled cell of
    the plan could run a command or leak data when a reader opens our CSV. The apostrophe makes
    it text; only text values pass through here, never our number columns, so ``-1500`` stays a
    number.
    """
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def decimal_text(value: Decimal) -> str:
    """A decimal as plain text with a "." point and no exponent; whole numbers without ".0"
    (the same rule as the JSON numbers of plan.json), cents kept exactly."""
    whole = value.to_integral_value()
    if value == whole:  # digits as text, not through int: no limit of 4300 digits
        text = format(whole, "f")
        return "0" if text == "-0" else text
    return format(value, "f")


def plain_number(value: Decimal | float | int) -> int | float:
    """A number for Excel and SQLite: whole numbers as int, others as float."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    decimal = value if isinstance(value, Decimal) else Decimal(repr(value))
    return int(decimal) if decimal == decimal.to_integral_value() else float(decimal)


def number_or_none(value: Decimal | None) -> int | float | None:
    """:func:`plain_number`, absence kept: a JSON or database value (never "501.0")."""
    return None if value is None else plain_number(value)


def csv_text(value: Cell) -> str:
    """One CSV cell: numbers plain, dates ISO, text neutralised, absence empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, float):
        return decimal_text(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return neutralise_formula(value)


def joined(values: Iterable[object]) -> str | None:
    """List values as one "; "-separated text, or None for an empty list."""
    text = "; ".join(str(v) for v in values)
    return text or None


def figure_text(figure: KeyFigure) -> str:
    """A key figure as "label: value unit"; its printed text when it holds no number."""
    if figure.value is None:
        return figure.raw
    text = decimal_text(figure.value)
    if figure.unit:
        text = f"{text} {figure.unit}"
    return f"{figure.label}: {text}" if figure.label else text


def single_value(figures: KeyFigures) -> Decimal | None:
    """The value of a Wert cell when it holds exactly one number, else None (see raw)."""
    values = [item.value for item in figures.items if item.value is not None]
    return values[0] if len(values) == 1 else None


def text_value(value: Text) -> str | None:
    """A repaired text, or None when the plan does not state it."""
    return value.text
