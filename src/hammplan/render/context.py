"""From a CuratedPlan to what the report templates show: every figure formatted, with its page.

The templates only place text; every decision (which values count towards a total, how an
absent value is shown, where a finding links to) is made here, so the HTML and the Markdown
report cannot drift apart and each rule is tested once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from hammplan.curate.findings import (
    FINDING_CODES,
    Finding,
    Ref,
    Severity,
    count_by_severity,
    sort_findings,
)
from hammplan.curate.models import BUDGET_YEARS, BudgetLine, CuratedPlan, District, Measure
from hammplan.curate.text import slug as text_slug
from hammplan.curate.values import Amount, KeyFigure, KeyFigures, Number, Status, Text
from hammplan.render import formatting as fmt

SEVERITY_LABELS: dict[Severity, str] = {"error": "Fehler", "warning": "Warnung", "info": "Info"}
SEVERITY_PLURALS: dict[Severity, str] = {"error": "Fehler", "warning": "Warnungen", "info": "Infos"}
KIND_LABELS: dict[str, str] = {
    "measure": "Maßnahme",
    "budget": "Haushaltszeile",
    "district": "Sozialraum",
    "index": "Index-Eintrag",
    "overview": "Übersicht",
    "statement": "Aussage im Text",
}
YEAR_LABELS: dict[int, str] = {
    year: f"{year} (geplant)" if year == BUDGET_YEARS[-1] else str(year) for year in BUDGET_YEARS
}
"""Column labels of the budget years; the last column of the budget table is the plan."""
LINK_LABELS: dict[str, str] = {"exact": "exakt", "fuzzy": "ähnlich", "none": "keine Zuordnung"}
FIELD_LABELS: dict[str, str] = {
    "titel": "Titel",
    "traeger": "Träger",
    "beschreibung": "Beschreibung",
    "handlungsfelder": "Handlungsfelder",
    "zielgruppe": "Zielgruppe",
    "sachstand": "Sachstand",
    "kennzahlen": "Kennzahlen",
    "kosten": "Kosten",
    "foerdergeber": "Fördergeber",
    "kennzahl": "Kennzahl",
    "sta": "StA",
    "massnahme": "Name der Maßnahme",
    **{f"{kind}_{year}": f"{kind.capitalize()} {label}"
       for year, label in YEAR_LABELS.items() for kind in ("aufwand", "ertrag", "wert")},
}
REPAIR_LABELS: dict[str, str] = {
    "hyphenation": "Silbentrennung",
    "recognition": "Texterkennung",
    "homoglyph": "ähnliches Zeichen",
    "vocabulary": "Vokabular",
    "continuation": "Fortsetzungszeile",
    "title": "Titel",
}
SECTION_OF_KIND: dict[str, str] = {
    "measure": "#massnahmen",
    "budget": "#haushalt",
    "district": "#sozialraeume",
    "statement": "#sozialraeume",
}
"""Where a reference to a record the report has no anchor for links to: its section."""
POPULATION_GROUPS: tuple[tuple[str, str], ...] = (
    ("auslaender", "Ausländer:innen"),
    ("eingebuergerte", "Eingebürgerte"),
    ("aussiedler", "Aussiedler:innen"),
    ("deutsche_ohne_migh", "Deutsche ohne MigH"),
)
"""The four disjoint groups of the population table (the first three make up MigH)."""


# ---------------------------------------------------------------------------------------
# Cells: one value as the report shows it


@dataclass(frozen=True)
class Cell:
    """One value as shown: text, its status, the printed text and the page."""

    text: str
    status: str = "ok"
    raw: str = ""
    page: str = ""
    detail: str = ""
    hint: str = ""
    """Shown on demand only (a tooltip): why a value is not stated."""

    @property
    def stated(self) -> bool:
        return self.status == "ok"


def _absent_text(status: Status, raw: str, note: str | None) -> str:
    if status == "not_stated":
        return fmt.NOT_STATED
    if status == "note":
        return f"„{(note or raw).strip()}“"
    return f"„{raw.strip()}“"


def amount_cell(amount: Amount, fallback_page: int | Iterable[int] | None = None) -> Cell:
    """An Aufwand, Ertrag or Kosten cell: "45.821,54 €", "o. A.", „Land NRW“, „762.58“."""
    details: list[str] = []
    if amount.stand is not None:
        details.append(f"Stand {fmt.day(amount.stand)}")
    for part in amount.parts:
        value = fmt.euro(part.betrag_eur) + (f" pro {part.per}" if part.per else "")
        details.append(f"{part.label}: {value}" if part.label else value)
    if amount.status == "ok" and amount.betrag_eur is not None:
        text = fmt.euro(amount.betrag_eur)
    elif amount.status == "ok" and amount.parts:
        text = details.pop(1 if amount.stand is not None else 0)
    else:
        text = _absent_text(amount.status, amount.raw, amount.note)
        if amount.status == "note":
            details.append("Text statt Betrag")
        elif amount.status == "suspect":
            details.append("fraglich, nicht mitgezählt")
        if amount.reason and amount.status != "not_stated":
            details.append(amount.reason)
    page = fmt.page(amount.page) if amount.page is not None else fmt.page(fallback_page)
    hint = amount.reason or "" if amount.status == "not_stated" else ""
    return Cell(text, amount.status, amount.raw, page, "; ".join(details), hint)


def key_figure_text(figure: KeyFigure) -> str:
    """ "Teilnehmende: 501", "Quote: 65 %", or the printed text when it has no number."""
    if figure.value is None:
        return figure.raw.strip() or fmt.NOT_STATED
    value = fmt.number(figure.value)
    if figure.unit:
        value = f"{value}\u00a0{figure.unit}"
    if figure.note:
        value = f"{value} {figure.note}"
    return f"{figure.label}: {value}" if figure.label else value


def key_figures_cell(figures: KeyFigures, fallback_page: int | Iterable[int] | None = None) -> Cell:
    """A Kennzahlen or Wert cell: its figures joined, or how it is absent."""
    if figures.status == "ok" and figures.items:
        text = "; ".join(key_figure_text(f) for f in figures.items)
    elif figures.status == "ok":
        text = figures.raw.strip() or fmt.NOT_STATED
    else:
        text = _absent_text(figures.status, figures.raw, figures.raw)
    page = fmt.page(figures.page) if figures.page is not None else fmt.page(fallback_page)
    if figures.status == "not_stated":
        return Cell(text, figures.status, figures.raw, page, hint=figures.reason or "")
    return Cell(text, figures.status, figures.raw, page, figures.reason or "")


def text_cell(text: Text, fallback_page: int | Iterable[int] | None = None) -> Cell:
    """A text cell (Fördergeber, Kennzahl): the repaired text, or how it is absent."""
    status: Status = text.status
    if status == "ok" and text.text:
        shown = text.text
    elif status == "ok":
        status, shown = "not_stated", fmt.NOT_STATED
    else:
        shown = _absent_text(status, text.raw, text.text)
    page = fmt.page(text.pages) if text.pages else fmt.page(fallback_page)
    return Cell(shown, status, text.raw, page)


def number_cell(value: Number | None, page: int | None) -> Cell:
    """A count of the population table."""
    if value is None:
        return Cell(fmt.NOT_STATED, "not_stated", "", fmt.page(page))
    return Cell(fmt.number(value), "ok", "", fmt.page(page))


# ---------------------------------------------------------------------------------------
# Anchors


def slug(text: str) -> str:
    """An anchor word for a name or code ("Bockum-Hövel" -> "bockum-hoevel"), as ids are made."""
    return text_slug(text, fallback="x")


class Anchors:
    """Unique fragment ids for records: ``massnahme-m01``, ``haushalt-b07``, ..."""

    PREFIXES = {
        "measure": "massnahme",
        "budget": "haushalt",
        "district": "sozialraum",
        "statement": "aussage",
    }

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()

    def add(self, kind: str, record_id: str, name: str | None = None) -> str:
        key = (kind, record_id)
        if key in self._by_key:
            return self._by_key[key]
        base = f"{self.PREFIXES[kind]}-{slug(name if name is not None else record_id)}"
        candidate, n = base, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        self._by_key[key] = candidate
        return candidate

    def get(self, kind: str, record_id: str) -> str | None:
        return self._by_key.get((kind, record_id))


# ---------------------------------------------------------------------------------------
# Budget aggregates (shared with the charts)


@dataclass(frozen=True)
class YearSum:
    """The stated amounts of some budget cells added up, and how many were not stated."""

    value: Decimal | None
    stated: int
    not_stated: int
    note: int
    suspect: int

    @property
    def rows(self) -> int:
        return self.stated + self.not_stated + self.note + self.suspect

    @property
    def missing(self) -> int:
        return self.rows - self.stated

    @property
    def complete(self) -> bool:
        return self.rows > 0 and self.missing == 0


def sum_amounts(amounts: Iterable[Amount]) -> YearSum:
    """Adds the ``ok`` amounts; counts the others by status. ``value`` None when none is ok."""
    total = Decimal(0)
    counts = {"ok": 0, "not_stated": 0, "note": 0, "suspect": 0}
    for amount in amounts:
        if amount.status == "ok" and amount.betrag_eur is not None:
            total += amount.betrag_eur
            counts["ok"] += 1
        elif amount.status == "ok":
            counts["not_stated"] += 1
        else:
            counts[amount.status] += 1
    return YearSum(
        total if counts["ok"] else None,
        counts["ok"],
        counts["not_stated"],
        counts["note"],
        counts["suspect"],
    )


def missing_phrase(total: YearSum) -> str:
    """ "vollständig" or "2 o. A., 1 Text statt Zahl, 1 fraglich" for a total."""
    if total.complete:
        return "vollständig"
    parts = []
    if total.not_stated:
        parts.append(f"{fmt.number(total.not_stated)} o.\u00a0A.")
    if total.note:
        parts.append(f"{fmt.number(total.note)} Text statt Zahl")
    if total.suspect:
        parts.append(f"{fmt.number(total.suspect)} fraglich")
    return ", ".join(parts) if parts else "keine Zeilen"


def sum_text(total: YearSum) -> str:
    """ "1.057.821,54 €", or "o. A." when no row states a value."""
    return fmt.euro(total.value) if total.value is not None else fmt.NOT_STATED


def budget_rows_of(plan: CuratedPlan, measure: Measure) -> list[BudgetLine]:
    """The budget rows of a measure, in the order of the budget tables."""
    ids = set(measure.budget_rows)
    return [b for b in plan.budget if b.id in ids or b.link.measure_id == measure.id]


@dataclass(frozen=True)
class BudgetEntity:
    """A measure with its budget rows added up per year, or a budget row with no measure."""

    key: str
    label: str
    measure_id: str | None
    handlungsfelder: tuple[str, ...]
    rows: tuple[BudgetLine, ...]
    aufwand: dict[int, YearSum]
    ertrag: dict[int, YearSum]

    @property
    def pages(self) -> list[int]:
        return sorted({p for row in self.rows for p in (row.pages or [row.page])})


def budget_entities(plan: CuratedPlan) -> list[BudgetEntity]:
    """Each measure with budget rows (plan order), then each row linked to no measure."""
    entities: list[BudgetEntity] = []
    seen: set[str] = set()
    for measure in plan.measures:
        rows = budget_rows_of(plan, measure)
        rows = [r for r in rows if r.id not in seen]
        if not rows:
            continue
        seen.update(r.id for r in rows)
        entities.append(_entity(measure.id, measure.titel, measure.id, measure.handlungsfelder,
                                rows))
    for row in plan.budget:
        if row.id not in seen:
            seen.add(row.id)
            entities.append(_entity(row.id, f"{row.massnahme} (ohne Steckbrief)", None, [], [row]))
    return entities


def _entity(key: str, label: str, measure_id: str | None, fields: Sequence[str],
            rows: Sequence[BudgetLine]) -> BudgetEntity:
    return BudgetEntity(
        key=key,
        label=label,
        measure_id=measure_id,
        handlungsfelder=tuple(fields),
        rows=tuple(rows),
        aufwand={y: sum_amounts(r.aufwand(y) for r in rows) for y in BUDGET_YEARS},
        ertrag={y: sum_amounts(r.ertrag(y) for r in rows) for y in BUDGET_YEARS},
    )


def organisation_label(plan: CuratedPlan, sta: str, sta_name: str | None) -> str:
    """ "40 – Schulamt", or the code alone when no name is known."""
    name = sta_name or plan.organisations.get(sta)
    return f"{sta} – {name}" if name else sta


# ---------------------------------------------------------------------------------------
# Views


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
        return fmt.count_phrase(self.count, SEVERITY_LABELS[self.severity],
                                SEVERITY_PLURALS[self.severity])


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
    headline: Headline
    handlungsfelder: list[str]
    findings: list[FindingGroup]
    measures: list[MeasureView]
    budget: list[BudgetRowView]
    districts: list[DistrictView]
    population_groups: list[str]
    claims: list[ClaimView]
    organisations: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Building


def year_totals(kind: str, rows: Sequence[BudgetLine]) -> list[TotalView]:
    """Aufwand or Ertrag per year over ``rows``: sum of stated values, count of the others."""
    views = []
    for year in BUDGET_YEARS:
        amounts = [r.aufwand(year) if kind == "Aufwand" else r.ertrag(year) for r in rows]
        total = sum_amounts(amounts)
        pages = fmt.page(a.page if a.page is not None else r.page for a, r in zip(amounts, rows,
                                                                                   strict=True))
        views.append(
            TotalView(
                kind=kind,
                year=year,
                total=sum_text(total),
                stated=total.stated,
                rows=total.rows,
                not_stated=total.not_stated,
                note=total.note,
                suspect=total.suspect,
                complete=total.complete,
                missing=missing_phrase(total),
                pages=pages,
            )
        )
    return views


def _district_total(plan: CuratedPlan) -> District | None:
    totals = [d for d in plan.districts if d.ist_gesamt]
    return totals[0] if totals else None


def migh_share(district: District) -> Decimal | None:
    """Share of residents with a migration background: MigH / (MigH + Deutsche ohne MigH)."""
    migh: Decimal | None = district.migh_gesamt
    parts = [district.auslaender, district.eingebuergerte, district.aussiedler]
    if migh is None and all(p is not None for p in parts):
        migh = sum((p for p in parts if p is not None), Decimal(0))
    if migh is None or district.deutsche_ohne_migh is None:
        return None
    base = migh + district.deutsche_ohne_migh
    return Decimal(migh) / base if base else None


def group_values(district: District) -> list[Decimal | None]:
    """The four disjoint groups of a district, in POPULATION_GROUPS order."""
    values: list[Decimal | None] = [getattr(district, name) for name, _ in POPULATION_GROUPS]
    return values


def group_shares(district: District) -> list[Decimal | None]:
    """Each group's share of the district's residents (None when a group is not stated)."""
    values = group_values(district)
    if any(v is None for v in values):
        return [None] * len(values)
    base = sum((v for v in values if v is not None), Decimal(0))
    return [Decimal(v) / base if base and v is not None else None for v in values]


class _Builder:
    def __init__(self, plan: CuratedPlan) -> None:
        self.plan = plan
        self.anchors = Anchors()
        self.measures_by_id = {m.id: m for m in plan.measures}
        self.budget_by_id = {b.id: b for b in plan.budget}
        for m in plan.measures:
            self.anchors.add("measure", m.id)
        for b in plan.budget:
            self.anchors.add("budget", b.id)
        for d in plan.districts:
            self.anchors.add("district", d.sozialraum, d.sozialraum)
        for c in plan.claims:
            self.anchors.add("statement", c.id)
        self.finding_views = [(f, self._finding(f)) for f in sort_findings(plan.findings)]

    # -- findings

    def _ref(self, ref: Ref) -> RefView:
        label, href = self._ref_target(ref)
        return RefView(
            label=label,
            href=href,
            page=fmt.page(ref.page),
            field=FIELD_LABELS.get(ref.field, ref.field) if ref.field else "",
            key=f"{ref.kind}/{ref.id}/{ref.field or ''}",
        )

    def _ref_target(self, ref: Ref) -> tuple[str, str]:
        kind = KIND_LABELS.get(ref.kind, ref.kind)
        if ref.kind == "measure":
            measure = self.measures_by_id.get(ref.id)
            anchor = self.anchors.get("measure", ref.id)
            if measure is not None and anchor:
                return f"{kind} „{measure.titel}“", "#" + anchor
        elif ref.kind == "budget":
            row = self.budget_by_id.get(ref.id)
            anchor = self.anchors.get("budget", ref.id)
            if row is not None and anchor:
                return f"{kind} „{row.massnahme}“ (StA {row.sta})", "#" + anchor
        elif ref.kind == "district":
            anchor = self.anchors.get("district", ref.id)
            if anchor:
                return f"{kind} {ref.id}", "#" + anchor
        elif ref.kind == "statement":
            anchor = self.anchors.get("statement", ref.id)
            if anchor:
                return f"{kind} {ref.id}", "#" + anchor
        elif ref.kind in ("index", "overview"):
            records = self.plan.index if ref.kind == "index" else self.plan.overview
            for record in records:
                if record.id == ref.id:
                    name = record.titel if hasattr(record, "titel") else record.massnahme
                    target = record.link.measure_id
                    anchor = self.anchors.get("measure", target) if target else None
                    return f"{kind} „{name}“", "#" + anchor if anchor else ""
        return f"{kind} {ref.id}", SECTION_OF_KIND.get(ref.kind, "")

    def _finding(self, finding: Finding) -> FindingView:
        return FindingView(
            code=finding.code,
            severity=finding.severity,
            severity_label=SEVERITY_LABELS[finding.severity],
            message=finding.message,
            refs=[self._ref(r) for r in finding.refs],
            pages=fmt.page(finding.pages),
        )

    def findings(self) -> list[FindingGroup]:
        groups: dict[str, list[FindingView]] = {}
        severity: dict[str, Severity] = {}
        for finding, view in self.finding_views:
            groups.setdefault(finding.code, []).append(view)
            severity.setdefault(finding.code, finding.severity)
        return [
            FindingGroup(code, severity[code], SEVERITY_LABELS[severity[code]],
                         "befund-" + slug(code), views)
            for code, views in groups.items()
        ]

    def findings_about(self, measure: Measure, rows: Sequence[BudgetLine]) -> list[FindingView]:
        row_ids = {r.id for r in rows}
        return [
            view
            for finding, view in self.finding_views
            if any(
                (r.kind == "measure" and r.id == measure.id)
                or (r.kind == "budget" and r.id in row_ids)
                for r in finding.refs
            )
        ]

    # -- budget

    def budget_row(self, row: BudgetLine) -> BudgetRowView:
        measure = self.measures_by_id.get(row.link.measure_id or "")
        anchor = self.anchors.get("measure", measure.id) if measure else None
        link = LINK_LABELS.get(row.link.method, row.link.method)
        if row.link.method == "fuzzy" and row.link.score is not None:
            link = f"{link} ({fmt.number(row.link.score, digits=0)}\u00a0von 100)"
        return BudgetRowView(
            id=row.id,
            anchor=self.anchors.add("budget", row.id),
            sta=row.sta,
            organisation=organisation_label(self.plan, row.sta, row.sta_name),
            massnahme=row.massnahme,
            measure_href="#" + anchor if anchor else "",
            link=link,
            aufwand=[amount_cell(row.aufwand(y), row.page) for y in BUDGET_YEARS],
            ertrag=[amount_cell(row.ertrag(y), row.page) for y in BUDGET_YEARS],
            foerdergeber=text_cell(row.foerdergeber, row.page),
            kennzahl=text_cell(row.kennzahl, row.page),
            werte=[key_figures_cell(row.wert(y), row.page) for y in BUDGET_YEARS],
            page=fmt.page(row.pages or [row.page]),
        )

    # -- measures

    def _field(self, measure: Measure, name: str, value: str | None) -> FieldView:
        source = measure.source.get(name)
        pages = source.pages if source and source.pages else measure.pages
        if value:
            cell = Cell(value, "ok", source.raw if source else "", fmt.page(pages))
        else:
            status: Status = source.status if source and source.status != "ok" else "not_stated"
            raw = source.raw if source else ""
            cell = Cell(_absent_text(status, raw, None), status, raw, fmt.page(pages))
        return FieldView(FIELD_LABELS[name], cell)

    def measure(self, number: int, measure: Measure) -> MeasureView:
        rows = budget_rows_of(self.plan, measure)
        traeger = measure.traeger
        if traeger and measure.traeger_codes:
            traeger = f"{traeger} ({', '.join(measure.traeger_codes)})"
        fields = [
            self._field(measure, "traeger", traeger),
            self._field(measure, "zielgruppe", measure.zielgruppe),
            self._field(measure, "beschreibung", measure.beschreibung),
            self._field(measure, "sachstand", measure.sachstand),
        ]
        cell = measure.kennzahlen_cell
        kennzahlen_page = fmt.page(
            cell.page if cell and cell.page is not None else
            (measure.source["kennzahlen"].pages if "kennzahlen" in measure.source
             else measure.pages)
        )
        if measure.kennzahlen:
            kennzahlen = [Cell(key_figure_text(k), k.status, k.raw, kennzahlen_page)
                          for k in measure.kennzahlen]
        elif cell is not None:
            kennzahlen = [key_figures_cell(cell, measure.pages)]
        else:
            kennzahlen = [Cell(fmt.NOT_STATED, "not_stated", "", kennzahlen_page)]
        source = [
            SourceView(
                label=FIELD_LABELS.get(name, name),
                raw=text.raw,
                text=text.text or "",
                page=fmt.page(text.pages),
                repairs=[
                    f"{REPAIR_LABELS.get(r.kind, r.kind)}: „{r.before}“ → „{r.after}“"
                    + (f" ({r.detail})" if r.detail else "")
                    for r in text.repairs
                ],
            )
            for name, text in measure.source.items()
        ]
        index_entry, index_page = "", ""
        for entry in self.plan.index:
            if entry.id == measure.index_entry or (
                measure.index_entry is None and entry.link.measure_id == measure.id
            ):
                index_entry = (
                    f"„{entry.titel}“, verweist auf die gedruckte Seite {entry.seite_raw.strip()}"
                )
                index_page = fmt.page(entry.page) if entry.page is not None else ""
                break
        return MeasureView(
            number=number,
            id=measure.id,
            anchor=self.anchors.add("measure", measure.id),
            titel=measure.titel,
            pages=fmt.page(measure.pages),
            fields=fields,
            handlungsfelder=list(measure.handlungsfelder),
            handlungsfelder_unknown=list(measure.handlungsfelder_unknown),
            kennzahlen=kennzahlen,
            kennzahlen_page=kennzahlen_page,
            kosten=amount_cell(measure.kosten, measure.pages),
            budget_rows=[self.budget_row(r) for r in rows],
            budget_totals=(year_totals("Aufwand", rows) + year_totals("Ertrag", rows))
            if len(rows) > 1 else [],
            findings=self.findings_about(measure, rows),
            source=source,
            index_entry=index_entry,
            index_page=index_page,
        )

    # -- districts

    def district(self, district: District) -> DistrictView:
        shares = group_shares(district)
        share = migh_share(district)
        return DistrictView(
            sozialraum=district.sozialraum,
            anchor=self.anchors.add("district", district.sozialraum, district.sozialraum),
            ist_gesamt=district.ist_gesamt,
            groups=[number_cell(v, district.page) for v in group_values(district)],
            shares=[fmt.percent(s) if s is not None else fmt.NOT_STATED for s in shares],
            migh_gesamt=number_cell(district.migh_gesamt, district.page),
            migh_share=fmt.percent(share) if share is not None else fmt.NOT_STATED,
            page=fmt.page(district.page),
        )

    # -- all

    def headline(self) -> Headline:
        plan = self.plan
        linked = sum(1 for b in plan.budget if b.link.measure_id in self.measures_by_id)
        counts = count_by_severity(plan.findings)
        total = _district_total(plan)
        population, share, population_page = "", "", ""
        if total is not None:
            values = group_values(total)
            if all(v is not None for v in values):
                population = fmt.number(sum((v for v in values if v is not None), Decimal(0)))
            share_value = migh_share(total)
            share = fmt.percent(share_value) if share_value is not None else ""
            population_page = fmt.page(total.page)
        return Headline(
            measures=len(plan.measures),
            budget_rows=len(plan.budget),
            linked_rows=linked,
            unlinked_rows=len(plan.budget) - linked,
            totals=year_totals("Aufwand", plan.budget) + year_totals("Ertrag", plan.budget),
            findings=[SeverityCount(s, SEVERITY_LABELS[s], counts[s]) for s in counts],
            budget_pages=fmt.page(p for b in plan.budget for p in (b.pages or [b.page])),
            population=population,
            migh_share=share,
            population_page=population_page,
            handlungsfelder=len(plan.handlungsfelder),
        )

    def build(self) -> ReportContext:
        plan = self.plan
        return ReportContext(
            title="Kommunaler Integrationsplan: Bericht",
            source=SourceInfo(
                file_name=plan.source.file_name,
                sha256=plan.source.sha256,
                page_count=fmt.number(plan.source.page_count),
                tool_version=plan.tool_version,
                format_version=plan.format_version,
            ),
            years=[YearHeader(y, YEAR_LABELS.get(y, str(y))) for y in BUDGET_YEARS],
            headline=self.headline(),
            handlungsfelder=list(plan.handlungsfelder),
            findings=self.findings(),
            measures=[self.measure(i, m) for i, m in enumerate(plan.measures, start=1)],
            budget=[self.budget_row(b) for b in plan.budget],
            districts=[self.district(d) for d in plan.districts],
            population_groups=[label for _, label in POPULATION_GROUPS],
            claims=[
                ClaimView(c.id, self.anchors.add("statement", c.id), c.text, fmt.page(c.page))
                for c in plan.claims
            ],
            organisations=sorted(plan.organisations.items()),
        )


def build_context(plan: CuratedPlan) -> ReportContext:
    """The report's content for ``plan``, every figure formatted in German with its page."""
    return _Builder(plan).build()
