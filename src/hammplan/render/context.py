"""From a CuratedPlan to what the report templates show: every figure formatted, with its page.

The templates only place text; every decision (which values count towards a total, how an
absent value is shown, where a finding links to) is made here, so the HTML and the Markdown
report cannot drift apart and each rule is tested once.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hammplan.records.findings import (
    Finding,
    Ref,
    Severity,
    count_by_severity,
    sort_findings,
)
from hammplan.records.plan import (
    AMOUNT_ARTEN,
    ART_LABELS,
    BudgetLine,
    CuratedPlan,
    District,
    Measure,
    plan_name,
)
from hammplan.records.values import Status
from hammplan.render import formatting as fmt
from hammplan.render.aggregates import (
    budget_rows_of,
    district_total,
    group_shares,
    group_values,
    migh_share,
    missing_phrase,
    organisation_label,
    sum_amounts,
    sum_text,
)
from hammplan.render.cells import (
    Anchors,
    Cell,
    _absent_text,
    amount_cell,
    key_figure_text,
    key_figures_cell,
    number_cell,
    slug,
    text_cell,
)
from hammplan.render.labels import (
    FIELD_LABELS,
    KIND_LABELS,
    LINK_LABELS,
    POPULATION_GROUPS,
    REPAIR_LABELS,
    SECTION_OF_KIND,
    SEVERITY_LABELS,
    field_label,
)
from hammplan.render.views import (
    BudgetRowView,
    ClaimView,
    DistrictView,
    FieldView,
    FindingGroup,
    FindingView,
    Headline,
    MeasureView,
    RefView,
    ReportContext,
    SeverityCount,
    SourceInfo,
    SourceView,
    TotalView,
    YearHeader,
)
from hammplan.render.years import PlanYears


def year_totals(kind: str, rows: Sequence[BudgetLine], years: Sequence[int]) -> list[TotalView]:
    """Aufwand or Ertrag per year over ``rows``: sum of stated values, count of the others."""
    views = []
    for year in years:
        amounts = [r.aufwand(year) if kind == "Aufwand" else r.ertrag(year) for r in rows]
        total = sum_amounts(amounts)
        pages = fmt.page(
            a.page if a.page is not None else r.page for a, r in zip(amounts, rows, strict=True)
        )
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


class _Builder:
    def __init__(self, plan: CuratedPlan) -> None:
        self.plan = plan
        self.years = PlanYears.of(plan)
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
            field=field_label(ref.field, self.years.label) if ref.field else "",
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
            FindingGroup(
                code, severity[code], SEVERITY_LABELS[severity[code]], "befund-" + slug(code), views
            )
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
            aufwand=[amount_cell(row.aufwand(y), row.page) for y in self.years.numbers],
            ertrag=[amount_cell(row.ertrag(y), row.page) for y in self.years.numbers],
            foerdergeber=text_cell(row.foerdergeber, row.page),
            kennzahl=text_cell(row.kennzahl, row.page),
            werte=[key_figures_cell(row.wert(y), row.page) for y in self.years.numbers],
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
            cell.page
            if cell and cell.page is not None
            else (
                measure.source["kennzahlen"].pages
                if "kennzahlen" in measure.source
                else measure.pages
            )
        )
        if measure.kennzahlen:
            kennzahlen = [
                Cell(key_figure_text(k), k.status, k.raw, kennzahlen_page)
                for k in measure.kennzahlen
            ]
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
            budget_totals=(
                year_totals("Aufwand", rows, self.years.numbers)
                + year_totals("Ertrag", rows, self.years.numbers)
            )
            if len(rows) > 1
            else [],
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
        total = district_total(plan)
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
            totals=(
                year_totals("Aufwand", plan.budget, self.years.numbers)
                + year_totals("Ertrag", plan.budget, self.years.numbers)
            ),
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
            title=f"{plan_name(plan)}: Bericht",
            source=SourceInfo(
                file_name=plan.source.file_name,
                sha256=plan.source.sha256,
                page_count=fmt.number(plan.source.page_count),
                tool_version=plan.tool_version,
                format_version=plan.format_version,
            ),
            years=[YearHeader(y, self.years.label(y)) for y in self.years.numbers],
            kinds=[
                ART_LABELS[kind]
                for kind in AMOUNT_ARTEN
                if any(self.years.prints(y, kind) for y in self.years.numbers)
            ],
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
