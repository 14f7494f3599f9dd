"""Views: what the report templates show, as plain dataclasses of formatted text."""

from __future__ import annotations

from dataclasses import dataclass, field

from hammplan.records.findings import (
    FINDING_CODES,
    Severity,
)
from hammplan.render import formatting as fmt
from hammplan.render.cells import Cell
from hammplan.render.labels import SEVERITY_LABELS, SEVERITY_PLURALS


@dataclass(frozen=True)
class YearHeader:
    year: int
    label: str


@dataclass(frozen=True)
class TotalView:
    """A headline total: the sum of the stated values and how many were not stated."""

    kind: str
    year: int
    total: str
    stated: int
    rows: int
    not_stated: int
    note: int
    suspect: int
    complete: bool
    missing: str
    pages: str

    @property
    def coverage(self) -> str:
        """ "aus 5 von 7 Zeilen"."""
        return f"aus {fmt.number(self.stated)} von {fmt.number(self.rows)} Zeilen"


@dataclass(frozen=True)
class SeverityCount:
    severity: Severity
    label: str
    count: int

    @property
    def text(self) -> str:
        """ "1 Fehler", "2 Warnungen"."""
        return fmt.count_phrase(
            self.count, SEVERITY_LABELS[self.severity], SEVERITY_PLURALS[self.severity]
        )


@dataclass(frozen=True)
class Headline:
    measures: int
    budget_rows: int
    linked_rows: int
    unlinked_rows: int
    totals: list[TotalView]
    findings: list[SeverityCount]
    budget_pages: str
    population: str
    migh_share: str
    population_page: str
    handlungsfelder: int


@dataclass(frozen=True)
class RefView:
    label: str
    href: str
    page: str
    field: str
    key: str = ""
    """``kind/id/field`` of the record (see :func:`hammplan.render.evidence.evidence_key`)."""


@dataclass(frozen=True)
class FindingView:
    code: str
    severity: str
    severity_label: str
    message: str
    refs: list[RefView]
    pages: str


@dataclass(frozen=True)
class FindingGroup:
    code: str
    severity: str
    severity_label: str
    anchor: str
    findings: list[FindingView]

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def meaning(self) -> str:
        """What the code means, in German (the data dictionary's wording)."""
        return FINDING_CODES.get(self.code, "").rstrip(".")


@dataclass(frozen=True)
class BudgetRowView:
    id: str
    anchor: str
    sta: str
    organisation: str
    massnahme: str
    measure_href: str
    link: str
    aufwand: list[Cell]
    ertrag: list[Cell]
    foerdergeber: Cell
    kennzahl: Cell
    werte: list[Cell]
    page: str


@dataclass(frozen=True)
class FieldView:
    label: str
    value: Cell


@dataclass(frozen=True)
class SourceView:
    label: str
    raw: str
    text: str
    page: str
    repairs: list[str]


@dataclass(frozen=True)
class MeasureView:
    number: int
    id: str
    anchor: str
    titel: str
    pages: str
    fields: list[FieldView]
    handlungsfelder: list[str]
    handlungsfelder_unknown: list[str]
    kennzahlen: list[Cell]
    kennzahlen_page: str
    kosten: Cell
    budget_rows: list[BudgetRowView]
    budget_totals: list[TotalView]
    findings: list[FindingView]
    source: list[SourceView]
    index_entry: str
    index_page: str = ""
    """Where the index entry is printed ("S. 45")."""


@dataclass(frozen=True)
class DistrictView:
    sozialraum: str
    anchor: str
    ist_gesamt: bool
    groups: list[Cell]
    shares: list[str]
    migh_gesamt: Cell
    migh_share: str
    page: str


@dataclass(frozen=True)
class ClaimView:
    id: str
    anchor: str
    text: str
    page: str


@dataclass(frozen=True)
class SourceInfo:
    file_name: str
    sha256: str
    page_count: str
    tool_version: str
    format_version: int


@dataclass(frozen=True)
class ReportContext:
    """Everything the templates show, formatted."""

    title: str
    source: SourceInfo
    years: list[YearHeader]
    kinds: list[str]
    """The amount kinds the budget table prints ("Aufwand", "Ertrag"), for the totals."""
    headline: Headline
    handlungsfelder: list[str]
    findings: list[FindingGroup]
    measures: list[MeasureView]
    budget: list[BudgetRowView]
    districts: list[DistrictView]
    population_groups: list[str]
    claims: list[ClaimView]
    organisations: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_ertrag(self) -> bool:
        """Whether the budget table prints Ertrag columns."""
        return "Ertrag" in self.kinds
