"""What a comparison of two editions finds, as records: the contract of ``changes.json``.

Field names are the German column names the issue gives (``measures.csv``, ``budget.csv``,
``districts.csv``); ``changes.json`` is a whole :class:`Comparison`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from hammplan.records.values import Number

MeasureStatus = Literal[
    "unveraendert", "geaendert", "neu", "entfallen", "geteilt", "zusammengelegt"
]
"""unveraendert / geaendert: one measure in both editions (geaendert: some field differs);
neu / entfallen: in the new / old edition only; geteilt: one old measure became several new
ones; zusammengelegt: several old measures became one new one."""

DistrictStatus = Literal["unveraendert", "geaendert", "neu", "entfallen"]
FindingStatus = Literal["neu", "behoben", "offen"]


class EditionInfo(BaseModel):
    """One edition: the PDF it was read from."""

    file_name: str
    sha256: str
    page_count: int
    jahre: list[int]


class FieldChange(BaseModel):
    """One profile field of a measure that reads differently in the new edition."""

    feld: str
    alt: str | None
    neu: str | None


class MeasureChange(BaseModel):
    """A row of ``measures.csv``: a measure and what became of it."""

    status: MeasureStatus
    id_alt: str | None
    id_neu: str | None
    titel_alt: str | None
    titel_neu: str | None
    aehnlichkeit: float | None = Field(description="Similarity 0-100 of the two measures.")
    felder: list[str] = Field(default_factory=list, description="Fields that changed.")
    page_alt: int | None
    page_neu: int | None
    aenderungen: list[FieldChange] = Field(default_factory=list)


class Candidate(BaseModel):
    """A new measure that resembles a dropped one, but below the matching threshold: not
    taken as the same measure, named so a reader can judge."""

    id_alt: str
    id_neu: str
    titel_alt: str
    titel_neu: str
    aehnlichkeit: float


class BudgetChange(BaseModel):
    """A row of ``budget.csv``: one measure's money of one year and kind, old against new."""

    measure_id_alt: str | None
    measure_id_neu: str | None
    titel: str
    jahr: int
    art: str
    alt: Number | None
    neu: Number | None
    differenz: Number | None
    alt_status: str | None
    neu_status: str | None
    alt_basis: str | None
    neu_basis: str | None
    alt_stand: date | None = None
    neu_stand: date | None = None
    page_alt: int | None
    page_neu: int | None


class Total(BaseModel):
    """The stated values of one year and kind added up on each side, with how many cells
    state no value (not stated, words, suspect) on each side."""

    gruppe: str = Field(description="'alle' or a Handlungsfeld.")
    jahr: int
    art: str
    alt: Number | None
    neu: Number | None
    differenz: Number | None
    alt_fehlend: int
    neu_fehlend: int
    alt_zeilen: int
    neu_zeilen: int
    pages_alt: list[int] = Field(default_factory=list)
    pages_neu: list[int] = Field(default_factory=list)


class Years(BaseModel):
    """Budget years of the two editions: compared where both have them, listed otherwise."""

    gemeinsam: list[int]
    nur_alt: list[int]
    nur_neu: list[int]


class DistrictChange(BaseModel):
    """A row of ``districts.csv``: a Sozialraum with old and new value per column."""

    sozialraum: str
    status: DistrictStatus
    alt: dict[str, Number | None]
    neu: dict[str, Number | None]
    spalten: list[str] = Field(default_factory=list, description="Columns that changed.")
    page_alt: int | None
    page_neu: int | None


class ListChange(BaseModel):
    """Names that one edition has and the other not (Handlungsfelder)."""

    neu: list[str]
    entfallen: list[str]


class OverviewChange(BaseModel):
    """A measure whose Handlungsfelder in the overview table differ."""

    massnahme: str
    alt: list[str]
    neu: list[str]
    page_alt: int | None
    page_neu: int | None


class FindingChange(BaseModel):
    """A finding of the plan's own checks: new, resolved, or still open."""

    status: FindingStatus
    code: str
    severity: str
    message: str
    pages_alt: list[int]
    pages_neu: list[int]


class Summary(BaseModel):
    """Headline figures of the comparison."""

    nichts_geaendert: bool
    massnahmen: dict[str, int]
    betraege_geaendert: int
    sozialraeume: dict[str, int]
    befunde: dict[str, int]


class Comparison(BaseModel):
    """Everything ``hammplan compare`` finds (``changes.json``)."""

    alt: EditionInfo
    neu: EditionInfo
    summary: Summary
    jahre: Years
    measures: list[MeasureChange]
    kandidaten: list[Candidate]
    budget: list[BudgetChange]
    summen: list[Total]
    summen_handlungsfelder: list[Total]
    districts: list[DistrictChange]
    district_columns: list[str]
    handlungsfelder: ListChange
    uebersicht: list[OverviewChange]
    findings: list[FindingChange]


def difference(old: Decimal | None, new: Decimal | None) -> Decimal | None:
    """new - old when both are stated, else None."""
    return None if old is None or new is None else new - old
