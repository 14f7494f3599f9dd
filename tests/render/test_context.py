"""The report's content: totals that say what they leave out, cells with pages, links."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hammplan.records.plan import CuratedPlan
from hammplan.records.values import Amount, AmountPart, KeyFigure, KeyFigures, Text
from hammplan.render.aggregates import budget_entities, sum_amounts
from hammplan.render.cells import (
    Anchors,
    amount_cell,
    key_figure_text,
    key_figures_cell,
    slug,
    text_cell,
)
from hammplan.render.context import build_context
from hammplan.render.views import ReportContext, TotalView
from hammplan.render.years import PlanYears

NB = "\u00a0"


@pytest.fixture
def context(curated: CuratedPlan) -> ReportContext:
    return build_context(curated)


def _total(context: ReportContext, kind: str, year: int) -> TotalView:
    return next(t for t in context.headline.totals if t.kind == kind and t.year == year)


@pytest.mark.parametrize(
    ("kind", "year", "total", "stated", "not_stated", "note", "suspect"),
    [
        ("Aufwand", 2023, f"1.352.249,73{NB}€", 5, 1, 1, 0),
        ("Aufwand", 2024, f"1.057.821,54{NB}€", 4, 2, 1, 0),
        ("Aufwand", 2025, f"1.032.311{NB}€", 3, 3, 1, 0),
        ("Ertrag", 2023, f"189.411{NB}€", 3, 4, 0, 0),
        ("Ertrag", 2024, f"50.209{NB}€", 1, 4, 1, 1),
        ("Ertrag", 2025, f"814.294{NB}€", 2, 5, 0, 0),
    ],
)
def test_headline_totals_count_what_is_not_stated(
    context: ReportContext,
    kind: str,
    year: int,
    total: str,
    stated: int,
    not_stated: int,
    note: int,
    suspect: int,
) -> None:
    view = _total(context, kind, year)
    assert view.total == total
    assert (view.stated, view.not_stated, view.note, view.suspect) == (
        stated,
        not_stated,
        note,
        suspect,
    )
    assert view.rows == 7
    assert not view.complete
    assert view.coverage == f"aus {stated} von 7 Zeilen"
    assert view.pages == f"S.{NB}32–35"


def test_headline_missing_phrase(context: ReportContext) -> None:
    assert _total(context, "Aufwand", 2024).missing == f"2 o.{NB}A., 1 Text statt Zahl"
    assert _total(context, "Ertrag", 2024).missing == (f"4 o.{NB}A., 1 Text statt Zahl, 1 fraglich")
    assert [t.year for t in context.headline.totals[:3]] == [2023, 2024, 2025]


def test_year_labels_mark_the_planned_years(curated: CuratedPlan) -> None:
    years = PlanYears.of(curated)
    assert [years.label(y) for y in years.numbers] == ["2023", "2024", "2025 (geplant)"]
    assert years.reference == 2024 and years.before(2024) == 2023


def test_headline_counts(context: ReportContext) -> None:
    headline = context.headline
    assert headline.measures == 5
    assert (headline.budget_rows, headline.linked_rows, headline.unlinked_rows) == (7, 6, 1)
    assert [(s.label, s.count) for s in headline.findings] == [
        ("Fehler", 1),
        ("Warnung", 2),
        ("Info", 3),
    ]
    assert [s.text for s in headline.findings] == [f"1{NB}Fehler", f"2{NB}Warnungen", f"3{NB}Infos"]
    # Gesamt row: 33244 with MigH of 63880 residents
    assert headline.population == "63.880"
    assert headline.migh_share == f"52,0{NB}%"
    assert headline.population_page == f"S.{NB}9"


def test_a_complete_total_has_no_asterisk() -> None:
    total = sum_amounts([Amount(raw="1", status="ok", betrag_eur=Decimal("1.50"))] * 2)
    assert total.value == Decimal("3.00")
    assert total.complete
    empty = sum_amounts([])
    assert empty.value is None and not empty.complete and empty.rows == 0


def test_amount_cells() -> None:
    ok = amount_cell(
        Amount(
            raw="Stand: 30.06.24: 94.186 €",
            status="ok",
            betrag_eur=Decimal("94186"),
            stand=date(2024, 6, 30),
            page=41,
        )
    )
    assert (ok.text, ok.detail, ok.page, ok.status) == (
        f"94.186{NB}€",
        "Stand 30.06.2024",
        f"S.{NB}41",
        "ok",
    )
    note = amount_cell(Amount(raw="Land NRW", status="note", note="Land NRW", page=32))
    assert (note.text, note.detail) == ("„Land NRW“", "Text statt Betrag")
    suspect = amount_cell(Amount(raw="762.58", status="suspect", reason="zwei Stellen", page=32))
    assert suspect.text == "„762.58“"
    assert suspect.detail == "fraglich, nicht mitgezählt; zwei Stellen"
    missing = amount_cell(Amount(raw="o. A", status="not_stated", reason="leer"), 35)
    assert (missing.text, missing.page, missing.hint, missing.detail) == (
        f"o.{NB}A.",
        f"S.{NB}35",
        "leer",
        "",
    )
    parts = amount_cell(
        Amount(
            raw="...",
            status="ok",
            parts=[
                AmountPart(label="Kulturstrolche", raw="14.100,00 €", betrag_eur=Decimal("14100")),
                AmountPart(raw="210 €/pro Person", betrag_eur=Decimal("210"), per="Person"),
            ],
        )
    )
    assert parts.text == f"Kulturstrolche: 14.100{NB}€"
    assert parts.detail == f"210{NB}€ pro Person"


def test_key_figures_and_texts() -> None:
    assert (
        key_figure_text(
            KeyFigure(label="Quote", value=Decimal("65.5"), unit="%", raw="Quote: 65,5 %")
        )
        == f"Quote: 65,5{NB}%"
    )
    assert key_figure_text(KeyFigure(value=Decimal("1200"), raw="1200")) == "1.200"
    assert (
        key_figure_text(
            KeyFigure(label="TN", value=Decimal("20"), note="(90% bulgarisch)", raw="x")
        )
        == "TN: 20 (90% bulgarisch)"
    )
    assert key_figure_text(KeyFigure(raw="bei Zugezogenen 65 %")) == "bei Zugezogenen 65 %"
    cell = key_figures_cell(KeyFigures(raw="o. A.", status="not_stated", page=33))
    assert (cell.text, cell.page) == (f"o.{NB}A.", f"S.{NB}33")
    assert text_cell(Text(raw="", text=None), 34).text == f"o.{NB}A."
    assert text_cell(Text(raw="", text=None), 34).status == "not_stated"
    assert text_cell(Text(raw="Land NRW", text="Land NRW", pages=[32])).page == f"S.{NB}32"


def test_slugs_and_anchors_are_unique() -> None:
    assert slug("Bockum-Hövel") == "bockum-hoevel"
    assert slug("Straße <b>") == "strasse-b"
    assert slug("!!!") == "x"
    anchors = Anchors()
    assert anchors.add("measure", "M 1") == "massnahme-m-1"
    assert anchors.add("measure", "M-1") == "massnahme-m-1-2"
    assert anchors.add("measure", "M 1") == "massnahme-m-1"
    assert anchors.get("measure", "M-1") == "massnahme-m-1-2"
    assert anchors.get("budget", "M-1") is None


def test_measure_view(context: ReportContext) -> None:
    m05 = context.measures[4]
    assert (m05.number, m05.anchor, m05.titel) == (5, "massnahme-m05", "Elternschule Hamm e.V.")
    assert m05.kosten.text == f"45.821,54{NB}€" and m05.kosten.page == f"S.{NB}49"
    assert [k.text for k in m05.kennzahlen] == ["Kurse: 8", f"Quote: 65,5{NB}%"]
    assert [b.id for b in m05.budget_rows] == ["B05", "B07"]
    first = m05.budget_rows[0]
    assert [c.text for c in first.aufwand] == [f"213.431,09{NB}€", f"45.821,54{NB}€", f"o.{NB}A."]
    assert all(c.page == f"S.{NB}35" for c in first.aufwand + first.ertrag)
    assert m05.budget_rows[1].link == f"ähnlich (87{NB}von 100)"
    totals = {(t.kind, t.year): t for t in m05.budget_totals}
    assert totals[("Aufwand", 2024)].total == f"57.821,54{NB}€"
    assert totals[("Aufwand", 2024)].complete
    assert totals[("Ertrag", 2024)].total == f"o.{NB}A."
    assert m05.index_entry.startswith("„Elternschule Hamm e.V.“, verweist auf die gedruckte Seite ")
    # M04 has no Träger: shown as not stated, with the profile's page
    traeger = context.measures[3].fields[0]
    assert (traeger.label, traeger.value.text, traeger.value.page) == (
        "Träger",
        f"o.{NB}A.",
        f"S.{NB}47",
    )


def test_measure_raw_text_and_repairs(context: ReportContext) -> None:
    m01 = context.measures[0]
    beschreibung = next(s for s in m01.source if s.label == "Beschreibung")
    assert beschreibung.raw.startswith("Allgemeine Deutschkurse richten sich ins- besondere")
    assert beschreibung.repairs == ["Silbentrennung: „ins- besondere“ → „insbesondere“"]
    assert [f.code for f in m01.findings] == ["text.hyphenation_repaired"] * 2


def test_findings_grouped_by_code_with_links(context: ReportContext) -> None:
    groups = {g.code: g for g in context.findings}
    assert list(groups)[0] == "budget.suspect_amount"  # errors first
    assert groups["text.hyphenation_repaired"].count == 2
    costs = groups["measure.cost_differs"].findings[0]
    assert [(r.href, r.field, r.page) for r in costs.refs] == [
        ("#massnahme-m03", "Kosten", f"S.{NB}45"),
        ("#haushalt-b03", "Aufwand 2024", f"S.{NB}32"),
    ]
    assert costs.pages == f"S.{NB}32, 45"
    population = groups["population.total_checked"].findings[0]
    assert [r.href for r in population.refs] == ["#sozialraum-gesamt", "#aussage-s01"]


def test_a_reference_without_a_record_links_to_its_section(curated: CuratedPlan) -> None:
    curated.findings[0].refs[0].id = "gibt-es-nicht"
    curated.findings[1].refs[0].kind = "district"
    curated.findings[1].refs[0].id = "header"
    context = build_context(curated)
    refs = [r for g in context.findings for f in g.findings for r in f.refs]
    assert ("Haushaltszeile gibt-es-nicht", "#haushalt") in [(r.label, r.href) for r in refs]
    assert ("Sozialraum header", "#sozialraeume") in [(r.label, r.href) for r in refs]


def test_districts(context: ReportContext) -> None:
    stadtmitte, westen = context.districts[0], context.districts[1]
    assert stadtmitte.anchor == "sozialraum-stadtmitte"
    assert [c.text for c in stadtmitte.groups] == ["5.674", "3.589", "1.690", "15.010"]
    assert stadtmitte.shares == [f"21,9{NB}%", f"13,8{NB}%", f"6,5{NB}%", f"57,8{NB}%"]
    assert stadtmitte.migh_share == f"42,2{NB}%"
    assert westen.sozialraum == "Hamm-Westen" and westen.migh_share == f"56,9{NB}%"
    assert context.districts[-1].ist_gesamt


def test_budget_entities(curated: CuratedPlan) -> None:
    entities = budget_entities(curated)
    assert [e.key for e in entities] == ["M01", "M02", "M03", "M04", "M05", "B06"]
    assert entities[-1].label == "Förderung der MSO (ohne Steckbrief)"
    m05 = entities[4]
    assert m05.aufwand[2024].value == Decimal("57821.54")
    assert m05.aufwand[2023].missing == 1
    assert m05.pages == [35]
