"""Checks of parsed JSON that pydantic does not make: numbers no plan can hold, integers too
long to parse, and pydantic errors as one line naming the record."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import cast

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from hammplan.errors import InputError

MAX_DIGITS = 100
"""Digits a number of the plan may have before (and after) the decimal point. No figure of a
plan comes near; the limit keeps every number drawable in a chart (a float reaches 10^308)
and formattable, and refuses hand edits such as "1e400000" or a number of 5000 digits."""


def record_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path: ``measures[3].kosten.status``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def shown(value: object, limit: int = 40) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except ValueError:  # an integer too long to turn into text (over 4300 digits)
        return "a number too long to show"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(error: ErrorDetails) -> str:
    """What was expected where, and what was found: ``kosten.status: Input should be ...``."""
    where = record_path(error["loc"])
    with_input = error["type"] not in ("missing", "json_invalid")
    found = f", found {shown(error.get('input'))}" if with_input else ""
    return f"{where}: {error['msg']}{found}"


Number = int | float | Decimal


class _LongInteger:
    """A JSON integer with more digits than Python turns into an int (it refuses over 4300)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def json_int(text: str) -> int | _LongInteger:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= 4000 else _LongInteger(digits)


def _long_integer(
    value: object, loc: tuple[int | str, ...]
) -> tuple[tuple[int | str, ...], _LongInteger] | None:
    """The first over-long integer in parsed JSON, with its place."""
    items: list[tuple[int | str, object]] = []
    if isinstance(value, _LongInteger):
        return loc, value
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    for key, item in items:
        found = _long_integer(item, (*loc, key))
        if found is not None:
            return found
    return None


def refuse_long_integers(data: object, path: Path) -> None:
    """Raise InputError naming the place of the first integer of over 4000 digits in parsed
    JSON (``json.loads(..., parse_int=...)`` with :func:`json_int`), if there is one."""
    long = _long_integer(data, ())
    if long is not None:
        raise InputError(
            f"{path}: {record_path(long[0])}: number out of range, expected at "
            f"most {MAX_DIGITS} digits, found a number of {long[1].digits} digits"
        )


def locate_long_integer(path: Path) -> None:
    """Raise InputError naming the place of an integer of over 4000 digits in the JSON file
    ``path`` (which JSON parsers refuse without saying where); nothing if there is none or
    the file cannot be read or parsed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_int=json_int)
    except (OSError, ValueError):
        return
    refuse_long_integers(data, path)


def _numbers(
    value: object, loc: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], Number]]:
    """Every number in a record tree, with its location (booleans are not numbers here)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _numbers(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _numbers(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, (*loc, str(key)))
    elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        yield loc, value


_INT_LIMIT = 10**MAX_DIGITS
_FLOAT_LOW, _FLOAT_HIGH = 10.0**-MAX_DIGITS, 10.0**MAX_DIGITS
"""The bounds :data:`MAX_DIGITS` sets, for :func:`_number_problem` and its quick scan."""


def _number_problem(value: Number) -> str | None:
    """Why a number cannot be a figure of a plan, or None when it can."""
    if isinstance(value, int):
        if abs(value) >= _INT_LIMIT:
            return f"number out of range, expected at most {MAX_DIGITS} digits"
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return "expected a finite number"
        if value and not _FLOAT_LOW <= abs(value) < _FLOAT_HIGH:
            return (
                f"number out of range, expected at most {MAX_DIGITS} digits before and "
                f"{MAX_DIGITS} after the decimal point"
            )
        return None
    if not value.is_finite():
        return "expected a finite number"
    if value and not -MAX_DIGITS <= value.adjusted() < MAX_DIGITS:
        return (
            f"number out of range, expected at most {MAX_DIGITS} digits before and "
            f"{MAX_DIGITS} after the decimal point"
        )
    return None


def _found(value: Number) -> str:
    if isinstance(value, int) and abs(value) >= 10**40:
        try:
            return f"a number of {len(str(abs(value)))} digits"
        except ValueError:  # over 4300 digits
            return "a number of more than 4300 digits"
    return shown(str(value) if isinstance(value, Decimal) else value)


def _holds_problem(record: BaseModel) -> bool:
    """Whether any number in ``record`` is one :func:`_number_problem` refuses: the same
    verdict without the places, in a quarter of the time (a plan's records hold some ten
    thousand numbers, nearly always all fine)."""
    stack: list[object] = [record]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is float:
            number = cast(float, value)
            if number == 0.0 or _FLOAT_LOW <= abs(number) < _FLOAT_HIGH:
                continue
            return True  # also NaN, which compares false
        if kind is int:
            if -_INT_LIMIT < cast(int, value) < _INT_LIMIT:
                continue
            return True
        if kind is str or kind is bool or value is None:
            continue
        if isinstance(value, BaseModel):
            stack.extend(getattr(value, name) for name in type(value).model_fields)
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif (
            isinstance(value, int | float | Decimal)
            and not isinstance(value, bool)
            and _number_problem(value) is not None
        ):
            return True
    return False


def check_numbers(record: BaseModel, path: Path) -> None:
    """Refuse a record whose numbers no plan can hold (see :data:`MAX_DIGITS`).

    Raises InputError naming the file, the first such number's place and what was expected;
    such numbers come from hand edits or garbage, and would otherwise be drawn and formatted.
    """
    if not _holds_problem(record):
        return
    problems = [
        (loc, value, problem)
        for loc, value in _numbers(record, ())
        if (problem := _number_problem(value)) is not None
    ]
    if problems:
        loc, value, problem = problems[0]
        more = len(problems) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        raise InputError(f"{path}: {record_path(loc)}: {problem}, found {_found(value)}{tail}")
