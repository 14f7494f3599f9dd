"""The curated plan: one record per measure, budget row and district, linked across tables.

These models are the contract of ``DATA_DIR/curated/``: ``plan.json`` is a whole
:class:`CuratedPlan`; the CSV, Excel and SQLite files are flat views of it. Field names are
German where the issue and the published data dictionary name them (docs/data-dictionary.md).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from hammplan.records.findings import Finding
from hammplan.records.values import Amount, KeyFigure, KeyFigures, Number, Repair, Text

CURATED_FORMAT_VERSION = 1

BUDGET_YEARS: tuple[int, ...] = (2023, 2024, 2025)


class Link(BaseModel):
    """A link from one record to a measure, with how sure it is."""

    measure_id: str | None
    score: float | None = Field(default=None, description="Similarity 0-100 of the names.")
    method: str = Field(description="exact | fuzzy | none")


class Measure(BaseModel):
    """One measure, from its profile (Steckbrief), with everything linked to it."""

    id: str
    titel: str
    traeger: str | None
    traeger_codes: list[str] = Field(default_factory=list)
    beschreibung: str | None
    handlungsfelder: list[str]
    zielgruppe: str | None
    sachstand: str | None
    kennzahlen: list[KeyFigure]
    kosten: Amount
    pages: list[int]
    budget_rows: list[str] = Field(default_factory=list, description="ids of budget rows")
    index_entry: str | None = None
    overview_rows: list[str] = Field(default_factory=list)
    source: dict[str, Text] = Field(
        default_factory=dict, description="Every field as printed, with its repairs."
    )
    kennzahlen_cell: KeyFigures | None = None
    handlungsfelder_unknown: list[str] = Field(default_factory=list)


class BudgetLine(BaseModel):
    """One budget row: amounts per year, funder, key figure, linked to its measure."""

    id: str
    sta: str
    sta_raw: str
    sta_name: str | None = None
    massnahme: str
    massnahme_raw: str
    link: Link
    aufwand_2023: Amount
    ertrag_2023: Amount
    aufwand_2024: Amount
    ertrag_2024: Amount
    aufwand_2025: Amount
    ertrag_2025: Amount
    foerdergeber: Text
    kennzahl: Text
    wert_2023: KeyFigures
    wert_2024: KeyFigures
    wert_2025: KeyFigures
    page: int
    pages: list[int]
    repairs: list[Repair] = Field(default_factory=list)

    def aufwand(self, year: int) -> Amount:
        """Aufwand of ``year`` (one of BUDGET_YEARS)."""
        amount: Amount = getattr(self, f"aufwand_{year}")
        return amount

    def ertrag(self, year: int) -> Amount:
        """Ertrag of ``year`` (one of BUDGET_YEARS)."""
        amount: Amount = getattr(self, f"ertrag_{year}")
        return amount

    def wert(self, year: int) -> KeyFigures:
        """Wert (key figure value) of ``year``."""
        figures: KeyFigures = getattr(self, f"wert_{year}")
        return figures


class District(BaseModel):
    """One Sozialraum of the population table, or its total row."""

    sozialraum: str
    auslaender: Number | None
    eingebuergerte: Number | None
    aussiedler: Number | None
    migh_gesamt: Number | None
    deutsche_ohne_migh: Number | None
    ist_gesamt: bool = False
    page: int | None
    raw: dict[str, str] = Field(default_factory=dict)


class IndexLink(BaseModel):
    """An index entry and the measure it names."""

    id: str
    titel: str
    seite: int | None
    seite_raw: str
    page: int | None
    link: Link


class OverviewLink(BaseModel):
    """A row of the overview of measures by field of action and the measure it names."""

    id: str
    massnahme: str
    handlungsfelder: list[str]
    page: int | None
    link: Link


class StatsClaim(BaseModel):
    """A sentence of the running text that states a population figure."""

    id: str
    text: str
    page: int | None


class SourceSummary(BaseModel):
    """The PDF behind the data, and the extraction result the plan was curated from."""

    file_name: str
    sha256: str
    page_count: int
    extracted_sha256: str | None = Field(
        default=None, description="SHA-256 of the extracted.json this plan was curated from "
        "(build reruns validate when it is not the extracted.json there now).")


class CuratedPlan(BaseModel):
    """Everything ``hammplan validate`` writes to ``curated/plan.json``."""

    format_version: int = CURATED_FORMAT_VERSION
    tool_version: str
    source: SourceSummary
    handlungsfelder: list[str]
    measures: list[Measure]
    budget: list[BudgetLine]
    districts: list[District]
    index: list[IndexLink]
    overview: list[OverviewLink]
    claims: list[StatsClaim] = Field(default_factory=list)
    organisations: dict[str, str] = Field(
        default_factory=dict, description="StA / Träger code -> name, with where it came from."
    )
    findings: list[Finding] = Field(default_factory=list)
