"""The curated plan: one record per measure, budget row and district, linked across tables.

These models are the contract of ``DATA_DIR/curated/``: ``plan.json`` is a whole
:class:`CuratedPlan`; the CSV, Excel and SQLite files are flat views of it. Field names are
German where the issue and the published data dictionary name them (docs/data-dictionary.md).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from hammplan.records.budget import VALUE_KINDS, Basis, ValueKind
from hammplan.records.findings import Finding
from hammplan.records.values import Amount, KeyFigure, KeyFigures, Number, Repair, Text

CURATED_FORMAT_VERSION = 2

Art = ValueKind
"""The kinds of a budget year's columns: amount spent, amount earned, key figure value (the
extracted records' :data:`~hammplan.records.budget.ValueKind`, under the curated name)."""

ARTEN: tuple[Art, ...] = VALUE_KINDS

ART_LABELS: dict[str, str] = {"aufwand": "Aufwand", "ertrag": "Ertrag", "wert": "Wert"}
"""Each kind of budget value as reports and findings name it (German)."""

AMOUNT_ARTEN: tuple[Art, ...] = ("aufwand", "ertrag")
"""The kinds that are euro amounts (Wert is a key figure)."""


class BudgetYear(BaseModel):
    """One year the budget table prints, as its header says: actual figures as of a date
    ("JJJJ Stand 30.06": basis ist, stand "30.06") or planned ("JJJJ geplant": basis plan)."""

    jahr: int
    basis: Basis | None = None
    stand: str | None = Field(default=None, description='As-of date as printed ("30.06").')
    arten: list[Art] = Field(description="The kinds the table prints for this year.")

    @property
    def label(self) -> str:
        """The year as a report names it: "JJJJ (geplant)" for a plan year."""
        return f"{self.jahr} (geplant)" if self.basis == "plan" else str(self.jahr)

    @property
    def basis_text(self) -> str:
        """The basis as budget_values.csv writes it: "ist 30.06", "ist", "plan" or ""."""
        if self.basis == "ist" and self.stand:
            return f"ist {self.stand}"
        return self.basis or ""


def latest_actual_year(years: list[BudgetYear]) -> int | None:
    """The latest year with actual figures (basis ist), else None."""
    actual = [y.jahr for y in years if y.basis == "ist"]
    return max(actual) if actual else None


class YearValues(BaseModel):
    """A budget row's values of one year; a kind the table does not print is None."""

    jahr: int
    aufwand: Amount | None = None
    ertrag: Amount | None = None
    wert: KeyFigures | None = None


class PlanEdition(BaseModel):
    """The plan's city, title and edition, each with where it came from (plan or vocabulary),
    None where neither says."""

    stadt: str | None = None
    stadt_quelle: str | None = None
    titel: str | None = None
    titel_quelle: str | None = None
    ausgabe: str | None = None
    ausgabe_quelle: str | None = None
    page: int | None = None
    raw: list[str] = Field(default_factory=list, description="The title page's lines as read.")


class OrganisationSource(BaseModel):
    """Where an organisation's name came from: the plan (the text pairing number and name,
    and its page) or the vocabulary."""

    quelle: Literal["plan", "vocabulary"]
    text: str | None = None
    page: int | None = None


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
    jahre: list[YearValues] = Field(
        default_factory=list, description="The row's values, one entry per printed year."
    )
    foerdergeber: Text
    kennzahl: Text
    page: int
    pages: list[int]
    repairs: list[Repair] = Field(default_factory=list)

    def by_column(self) -> dict[str, Amount | KeyFigures]:
        """Every value by its column name ("aufwand_JJJJ", "wert_JJJJ"): the amounts year by
        year, then the key figure values, as budget.csv orders them."""
        columns: dict[str, Amount | KeyFigures] = {}
        for kinds in (("aufwand", "ertrag"), ("wert",)):
            for values in self.jahre:
                for kind in kinds:
                    value = getattr(values, kind)
                    if value is not None:
                        columns[f"{kind}_{values.jahr}"] = value
        return columns

    def _year(self, year: int) -> YearValues | None:
        return next((v for v in self.jahre if v.jahr == year), None)

    def aufwand(self, year: int) -> Amount:
        """Aufwand of ``year``; a not-stated amount where the table prints no such column."""
        values = self._year(year)
        return values.aufwand if values and values.aufwand else _not_printed()

    def ertrag(self, year: int) -> Amount:
        """Ertrag of ``year``; a not-stated amount where the table prints no such column."""
        values = self._year(year)
        return values.ertrag if values and values.ertrag else _not_printed()

    def wert(self, year: int) -> KeyFigures:
        """Wert (key figure value) of ``year``; not stated where the table prints none."""
        values = self._year(year)
        if values and values.wert:
            return values.wert
        return KeyFigures(raw="", status="not_stated", reason=NOT_PRINTED)


NOT_PRINTED = "Spalte nicht gedruckt"
"""Why a year's value is missing when the plan prints no column for it."""


def _not_printed() -> Amount:
    return Amount(raw="", status="not_stated", reason=NOT_PRINTED)


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
        default=None,
        description="SHA-256 of the extracted.json this plan was curated from "
        "(build reruns validate when it is not the extracted.json there now).",
    )


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
    budget_years: list[BudgetYear] = Field(
        default_factory=list, description="The budget table's years, in printed order."
    )
    edition: PlanEdition = Field(default_factory=PlanEdition)
    organisations: dict[str, str] = Field(
        default_factory=dict, description="StA / Träger code -> name (see organisation_sources)."
    )
    organisation_sources: dict[str, OrganisationSource] = Field(
        default_factory=dict, description="Where each name of organisations came from."
    )
    findings: list[Finding] = Field(default_factory=list)

    @property
    def years(self) -> list[int]:
        """The budget table's years, in printed order."""
        return [y.jahr for y in self.budget_years]


def plan_name(plan: CuratedPlan) -> str:
    """The plan as its title page names it ("Kommunaler Integrationsplan Fortschreibung –
    Hamm"), in general words where it names nothing: never a city it does not name."""
    edition = plan.edition
    name = edition.titel or "Kommunaler Integrationsplan"
    return f"{name} – {edition.stadt}" if edition.stadt else name
