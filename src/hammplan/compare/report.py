"""The comparison as a report: "Was sich geändert hat", in HTML and Markdown, with its chart.

Like :mod:`hammplan.render.context` for the main report, every decision is made here and the
templates (``compare.html.j2``, ``compare.md.j2``) only place text: figures are formatted the
German way by :mod:`hammplan.render.formatting`, and every figure names its page in each
edition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from hammplan.compare.model import BudgetChange, Comparison, MeasureChange, Total
from hammplan.records.plan import ART_LABELS
from hammplan.render import formatting as fmt
from hammplan.render.drawn import Chart
from hammplan.render.labels import (
    FIELD_LABELS,
    POPULATION_GROUPS,
    SEVERITY_LABELS,
    VALUE_STATUS_LABELS,
)

HTML_TEMPLATE = "compare.html.j2"
MARKDOWN_TEMPLATE = "compare.md.j2"
TITLE = "Was sich geändert hat"
BIGGEST = 10
"""How many of the largest changes of money the report lists."""
STATUS_LABELS = {
    "unveraendert": "unverändert",
    "geaendert": "geändert",
    "neu": "neu",
    "entfallen": "entfallen",
    "geteilt": "geteilt",
    "zusammengelegt": "zusammengelegt",
    "behoben": "behoben",
    "offen": "offen",
}
COLUMN_LABELS = {**dict(POPULATION_GROUPS), "migh_gesamt": "MigH gesamt"}
SEVERITIES: dict[str, str] = {str(k): v for k, v in SEVERITY_LABELS.items()}


@dataclass(frozen=True)
class Card:
    big: str
    label: str


@dataclass(frozen=True)
class MoneyView:
    """One figure old against new, each with its basis and page."""

    titel: str
    jahr: str
    art: str
    alt: str
    neu: str
    differenz: str
    alt_basis: str
    neu_basis: str
    page_alt: str
    page_neu: str
    fehlend: str = ""


@dataclass(frozen=True)
class Change:
    label: str
    alt: str
    neu: str


@dataclass(frozen=True)
class MeasureView:
    status: str
    titel_alt: str
    titel_neu: str
    aehnlichkeit: str
    felder: str
    page_alt: str
    page_neu: str
    changes: list[Change]


@dataclass(frozen=True)
class FindingView:
    severity: str
    message: str
    pages: str


@dataclass(frozen=True)
class CompareContext:
    """Everything the templates show."""

    title: str
    old: str
    new: str
    unchanged: bool
    cards: list[Card]
    years: str
    totals: list[MoneyView]
    field_totals: list[MoneyView]
    added: list[MeasureView]
    dropped: list[MeasureView]
    regrouped: list[MeasureView]
    changed: list[MeasureView]
    candidates: list[MeasureView]
    biggest: list[MoneyView]
    districts: list[MeasureView]
    field_list: list[Change]
    overview: list[MeasureView]
    findings_new: list[FindingView]
    findings_resolved: list[FindingView]
    findings_open: int
    thresholds: str


def euro(value: Decimal | None) -> str:
    return fmt.euro(value) if value is not None else "–"


def signed_euro(value: Decimal | None) -> str:
    """A difference: "+1.200 €", "−300 €", "±0 €", "–" when it cannot be formed."""
    if value is None:
        return "–"
    if value == 0:
        return "±" + fmt.euro(0)
    return ("+" if value > 0 else "−") + fmt.euro(abs(value))


def figure_text(value: Decimal | None, status: str | None, kind: str) -> str:
    """A value as shown: amount, count, "o. A." or the reason there is none."""
    if status is None:
        return "–"
    if value is None:
        return VALUE_STATUS_LABELS[status] if status in ("note", "suspect") else fmt.NOT_STATED
    text = fmt.number(value) if kind == "wert" else fmt.euro(value)
    return text + (" (teilweise)" if status == "partial" else "")


def basis_label(basis: str | None, stand: date | None = None) -> str:
    """ "geplant", "Stand", "Stand 30.06.JJJJ"."""
    if basis == "plan":
        return "geplant"
    if basis == "ist":
        return "Stand" + (f" {fmt.day(stand)}" if stand is not None else "")
    return ""


def money_view(row: BudgetChange) -> MoneyView:
    return MoneyView(
        titel=row.titel,
        jahr=str(row.jahr),
        art=ART_LABELS.get(row.art, row.art),
        alt=figure_text(row.alt, row.alt_status, row.art),
        neu=figure_text(row.neu, row.neu_status, row.art),
        differenz=(
            signed_euro(row.differenz)
            if row.art != "wert" or row.differenz is None
            else ("+" if row.differenz > 0 else "") + fmt.number(row.differenz)
        ),
        alt_basis=basis_label(row.alt_basis, row.alt_stand),
        neu_basis=basis_label(row.neu_basis, row.neu_stand),
        page_alt=fmt.page(row.page_alt),
        page_neu=fmt.page(row.page_neu),
    )


def total_view(total: Total) -> MoneyView:
    missing = (
        f"alt {fmt.number(total.alt_fehlend)} von {fmt.number(total.alt_zeilen)}, "
        f"neu {fmt.number(total.neu_fehlend)} von {fmt.number(total.neu_zeilen)}"
    )
    return MoneyView(
        titel=total.gruppe,
        jahr=str(total.jahr),
        art=ART_LABELS.get(total.art, total.art),
        alt=euro(total.alt),
        neu=euro(total.neu),
        differenz=signed_euro(total.differenz),
        alt_basis="",
        neu_basis="",
        page_alt=fmt.page(total.pages_alt),
        page_neu=fmt.page(total.pages_neu),
        fehlend=missing,
    )


def measure_view(m: MeasureChange) -> MeasureView:
    return MeasureView(
        status=STATUS_LABELS[m.status],
        titel_alt=m.titel_alt or "",
        titel_neu=m.titel_neu or "",
        aehnlichkeit=fmt.number(Decimal(str(m.aehnlichkeit))) if m.aehnlichkeit else "",
        felder=", ".join(FIELD_LABELS.get(f, f) for f in m.felder),
        page_alt=fmt.page(m.page_alt),
        page_neu=fmt.page(m.page_neu),
        changes=[
            Change(
                FIELD_LABELS.get(c.feld, c.feld), c.alt or fmt.NOT_STATED, c.neu or fmt.NOT_STATED
            )
            for c in m.aenderungen
        ],
    )


def _cards(c: Comparison) -> list[Card]:
    m, s, f = c.summary.massnahmen, c.summary.sozialraeume, c.summary.befunde
    return [
        Card(fmt.number(m["neu"]), "neue Maßnahmen"),
        Card(fmt.number(m["entfallen"]), "entfallene Maßnahmen"),
        Card(fmt.number(m["geaendert"]), "geänderte Maßnahmen"),
        Card(
            fmt.number(m["geteilt"] + m["zusammengelegt"]),
            "Maßnahmen geteilt oder zusammengelegt (Zeilen)",
        ),
        Card(fmt.number(m["unveraendert"]), "unveränderte Maßnahmen"),
        Card(fmt.number(c.summary.betraege_geaendert), "geänderte Beträge und Werte"),
        Card(
            fmt.number(s["neu"] + s["entfallen"] + s["geaendert"]),
            "Sozialräume neu, entfallen oder geändert",
        ),
        Card(f"{fmt.number(f['neu'])} / {fmt.number(f['behoben'])}", "Befunde neu / behoben"),
    ]


def _years(c: Comparison) -> str:
    def listed(years: list[int]) -> str:
        return ", ".join(str(y) for y in years) or "keine"

    text = f"Verglichen werden die Jahre, die beide Ausgaben nennen: {listed(c.jahre.gemeinsam)}."
    if c.jahre.nur_alt:
        text += f" Nur in der alten Ausgabe: {listed(c.jahre.nur_alt)}."
    if c.jahre.nur_neu:
        text += f" Nur in der neuen Ausgabe: {listed(c.jahre.nur_neu)}."
    return text


def _biggest(c: Comparison) -> list[MoneyView]:
    rows = [b for b in c.budget if b.differenz and b.art != "wert"]
    rows.sort(key=lambda b: (-abs(b.differenz or Decimal(0)), b.titel, b.jahr, b.art))
    return [money_view(b) for b in rows[:BIGGEST]]


def _district_views(c: Comparison) -> list[MeasureView]:
    views = []
    for d in c.districts:
        if d.status == "unveraendert":
            continue
        shown = d.spalten or c.district_columns

        def text(v: Decimal | None) -> str:
            return fmt.number(v) if v is not None else "–"

        views.append(
            MeasureView(
                status=STATUS_LABELS[d.status],
                titel_alt=d.sozialraum,
                titel_neu=d.sozialraum,
                aehnlichkeit="",
                felder=", ".join(COLUMN_LABELS.get(s, s) for s in shown),
                page_alt=fmt.page(d.page_alt),
                page_neu=fmt.page(d.page_neu),
                changes=[
                    Change(COLUMN_LABELS.get(s, s), text(d.alt.get(s)), text(d.neu.get(s)))
                    for s in shown
                ],
            )
        )
    return views


def build_context(c: Comparison) -> CompareContext:
    """The report's content, every figure formatted and paged."""
    from hammplan.compare.matching import CANDIDATE_THRESHOLD, MATCH_THRESHOLD

    by_status = {s: [measure_view(m) for m in c.measures if m.status == s] for s in STATUS_LABELS}
    findings = {
        s: [
            FindingView(
                SEVERITIES.get(f.severity, f.severity),
                f.message,
                fmt.page(f.pages_neu or f.pages_alt),
            )
            for f in c.findings
            if f.status == s
        ]
        for s in ("neu", "behoben")
    }
    return CompareContext(
        title=TITLE,
        old=c.alt.file_name,
        new=c.neu.file_name,
        unchanged=c.summary.nichts_geaendert,
        cards=_cards(c),
        years=_years(c),
        totals=[total_view(t) for t in c.summen],
        field_totals=[total_view(t) for t in c.summen_handlungsfelder],
        added=by_status["neu"],
        dropped=by_status["entfallen"],
        regrouped=by_status["geteilt"] + by_status["zusammengelegt"],
        changed=by_status["geaendert"],
        candidates=[
            MeasureView(
                "möglich",
                k.titel_alt,
                k.titel_neu,
                fmt.number(Decimal(str(k.aehnlichkeit))),
                "",
                "",
                "",
                [],
            )
            for k in c.kandidaten
        ],
        biggest=_biggest(c),
        districts=_district_views(c),
        field_list=[Change(name, "", "neu") for name in c.handlungsfelder.neu]
        + [Change(name, "entfallen", "") for name in c.handlungsfelder.entfallen],
        overview=[
            MeasureView(
                "geändert",
                o.massnahme,
                o.massnahme,
                "",
                "",
                fmt.page(o.page_alt),
                fmt.page(o.page_neu),
                [Change("Handlungsfelder", ", ".join(o.alt) or "–", ", ".join(o.neu) or "–")],
            )
            for o in c.uebersicht
        ],
        findings_new=findings["neu"],
        findings_resolved=findings["behoben"],
        findings_open=c.summary.befunde["offen"],
        thresholds=(
            f"Zwei Maßnahmen gelten als dieselbe ab einer Ähnlichkeit von "
            f"{fmt.number(MATCH_THRESHOLD)} von 100 (Titel, Beschreibung und Träger); "
            f"ab {fmt.number(CANDIDATE_THRESHOLD)} wird ein Paar als mögliche "
            "Zuordnung genannt, aber nicht zugeordnet."
        ),
    )


def comparison_chart(c: Comparison) -> Chart:
    """Aufwand per measure of the latest shared year (an old edition's plan against the new
    edition's actual figure, where the new edition moved on by a year). Matplotlib is imported
    here, when the chart is drawn: importing this module (for the report's figures) stays
    cheap."""
    from hammplan.compare.chart import money_chart

    year = c.jahre.gemeinsam[-1] if c.jahre.gemeinsam else None
    rows = [b for b in c.budget if b.jahr == year and b.art == "aufwand"]

    def largest_first(b: BudgetChange) -> tuple[Decimal, str]:
        shown = b.neu if b.neu is not None else b.alt
        return -(shown if shown is not None else Decimal(0)), b.titel

    rows.sort(key=largest_first)
    headers = [
        "Maßnahme",
        "Aufwand alt",
        "Basis alt",
        "Seite alt",
        "Aufwand neu",
        "Basis neu",
        "Seite neu",
        "Differenz",
    ]
    table = [
        [v.titel, v.alt, v.alt_basis, v.page_alt, v.neu, v.neu_basis, v.page_neu, v.differenz]
        for v in map(money_view, rows)
    ]
    return money_chart(
        rows, str(year) if year is not None else "", "alte Ausgabe", "neue Ausgabe", headers, table
    )


def compose(
    c: Comparison, templates_dir: Path | None = None, say: Callable[[str], None] | None = None
) -> tuple[str, str, list[Chart]]:
    """The HTML page, the Markdown page and the chart of the comparison."""
    from hammplan.render import html, markdown, templating
    from hammplan.render.reports import chart_view, fill_template

    folder = templating.find_templates(templates_dir)
    (say or (lambda _m: None))("compare: report")
    chart = comparison_chart(c)
    values = {"report": build_context(c), "charts": [chart_view(chart)]}
    html_env, md_env = html.environment(folder), markdown.environment(folder)
    page = fill_template(
        folder, HTML_TEMPLATE, lambda: html.render(html_env, HTML_TEMPLATE, values)
    )
    text = fill_template(
        folder, MARKDOWN_TEMPLATE, lambda: markdown.render(md_env, MARKDOWN_TEMPLATE, values)
    )
    return page, text, [chart]
