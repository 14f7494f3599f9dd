"""Curated values: a number or a named absence, always beside the verbatim text it came from.

Every curated value keeps ``raw`` (the cell text exactly as extracted), a ``status`` and the
page it was printed on, and lists each repair applied on the way (hyphenation, recognition
noise, vocabulary), so a reader can always see what the plan printed and what was changed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

Status = Literal["ok", "not_stated", "note", "suspect"]
"""What a cell holds.

ok: a value as printed. not_stated: the plan says it does not state the value ("o. A.",
"k. A." and their recognition variants, or an empty cell). note: words where a number was
expected ("Land NRW", "Beschlussvorlage"); the words are kept in ``note``. suspect: reads like a
number but contradicts its form or context ("762.58", "066"); never silently guessed.
"""


def _json_number(value: Decimal) -> int | float:
    """Whole euros and counts as JSON integers, cents as JSON numbers with two places."""
    return int(value) if value == value.to_integral_value() else float(value)


Number = Annotated[Decimal, PlainSerializer(_json_number, return_type=int | float)]
"""An exact decimal (no binary rounding of cents) written to JSON as a plain number."""

RepairKind = Literal[
    "hyphenation", "recognition", "homoglyph", "vocabulary", "continuation", "title"
]


class Repair(BaseModel):
    """One change made to printed text, recorded so it is never silent."""

    model_config = ConfigDict(frozen=True)

    kind: RepairKind
    before: str
    after: str
    detail: str = ""


class AmountPart(BaseModel):
    """One labelled amount inside a cell ("Kulturstrolche: 14.100,00 €"), or a rate."""

    label: str | None = None
    raw: str
    betrag_eur: Number
    per: str | None = Field(
        default=None,
        description="Unit of a rate ('Person' in '210 €/pro Person'); None for a total.",
    )


class Amount(BaseModel):
    """A euro amount cell (budget Aufwand/Ertrag, profile Kosten)."""

    raw: str
    status: Status
    betrag_eur: Number | None = None
    stand: date | None = Field(default=None, description="As-of date printed with the amount.")
    parts: list[AmountPart] = Field(default_factory=list)
    note: str | None = None
    reason: str | None = Field(default=None, description="Why not_stated or suspect.")
    page: int | None = None
    repairs: list[Repair] = Field(default_factory=list)


class KeyFigure(BaseModel):
    """One figure of a Kennzahlen cell: "Teilnehmende: 501" -> label, value, unit."""

    label: str | None = None
    value: Number | None = None
    unit: str | None = None
    note: str | None = Field(
        default=None,
        description="Words printed with the figure that are not its unit: '(90% bulgarisch)'.",
    )
    raw: str
    status: Status = "ok"


class KeyFigures(BaseModel):
    """A whole Kennzahlen (or budget Wert) cell, parsed into figures."""

    raw: str
    status: Status
    items: list[KeyFigure] = Field(default_factory=list)
    reason: str | None = None
    page: int | None = None
    repairs: list[Repair] = Field(default_factory=list)


class Text(BaseModel):
    """A text field after repairs (hyphenation, recognition noise), with its verbatim source."""

    raw: str
    text: str | None
    status: Status = "ok"
    pages: list[int] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
