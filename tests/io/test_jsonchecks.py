"""check_numbers (io/jsonchecks.py): its quick scan refuses exactly what its located walk
refuses, wherever in a record the number sits."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel

from hammplan.errors import InputError
from hammplan.io.jsonchecks import check_numbers


class Inner(BaseModel):
    value: object = None


class Outer(BaseModel):
    items: list[Inner] = []
    table: dict[str, object] = {}
    pair: tuple[object, object] = (0, 0)


FINE = [
    0,
    0.0,
    -0.0,
    1,
    -7,
    10**100 - 1,
    -(10**100) + 1,
    1e-100,
    9.9e99,
    True,
    "1e400",
    Decimal("1E+99"),
    Decimal("-0"),
    None,
]
REFUSED = [
    10**100,
    -(10**100),
    1e-101,
    1e100,
    math.inf,
    -math.inf,
    math.nan,
    Decimal("1E+100"),
    Decimal("NaN"),
    Decimal("Infinity"),
]


def _holding(value: object, where: str) -> Outer:
    """A record with ``value`` second among fine numbers at ``where``."""
    if where == "items":
        return Outer(items=[Inner(value=1.5), Inner(value=value)])
    if where == "table":
        return Outer(table={"a": [2, 3.5], "b": value})
    return Outer(pair=(4, value))


@pytest.mark.parametrize("value", FINE, ids=repr)
@pytest.mark.parametrize("where", ["items", "table", "pair"])
def test_fine_numbers_pass(value: object, where: str) -> None:
    check_numbers(_holding(value, where), Path("plan.json"))


@pytest.mark.parametrize("value", REFUSED, ids=repr)
@pytest.mark.parametrize("where", ["items", "table", "pair"])
def test_every_refused_number_is_found_with_its_place(value: object, where: str) -> None:
    with pytest.raises(InputError) as caught:
        check_numbers(_holding(value, where), Path("plan.json"))
    place = {"items": "items[1].value", "table": "table.b", "pair": "pair[1]"}[where]
    assert str(caught.value).startswith(f"plan.json: {place}: ")
