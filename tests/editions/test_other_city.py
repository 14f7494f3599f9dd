"""Another city's plan of the same kind: other labels, header words, districts, measure
names and years. Its common municipal wordings need no vocabulary file; a plan with words of
its own is read with a vocabulary file alone. Nothing it publishes names Hamm."""

from __future__ import annotations

import pytest

from tests.editions.pipeline import Run, run_plan
from tests.editions.plans import OTHER_CITY, OTHER_DISTRICTS, other_city

YEARS = [2025, 2026, 2027]
FIELDS = [
    "titel",
    "traeger",
    "beschreibung",
    "handlungsfelder",
    "zielgruppe",
    "sachstand",
    "kennzahlen",
    "kosten",
]

VOCABULARY = """
[budget]
min_share = 0.8
actual_words = ["Ist"]
plan_words = ["Ansatz"]

[budget.columns]
sta = ["^amt$"]
name = ["^bezeichnung"]
aufwand = ["^ausgaben"]
ertrag = ["^einnahmen"]
foerdergeber = ["^mittelgeber"]
kennzahl = ["^indikator"]
wert = ["^wert"]

[profile]
fuzzy_threshold = 60

[profile.fields]
titel = ["Maßnahme"]
traeger = ["Federführung"]
beschreibung = ["Kurzbeschreibung"]
handlungsfelder = ["Handlungsfeld"]
zielgruppe = ["Zielgruppen"]
sachstand = ["Umsetzungsstand"]
kennzahlen = ["Messgrößen"]
kosten = ["Haushaltsmittel"]

[population]
header = ["^stadtbezirk", "^nichtdeutsch", "^eingeb", "^aussiedl", "^einwohner", "^deutsch"]
min_matches = 4
total_labels = ["Gesamt"]

[population_columns]
auslaender = "^nichtdeutsch"
eingebuergerte = "^eingeb"
aussiedler = "^aussiedl"
migh_gesamt = "^einwohner mit"
deutsche_ohne_migh = "^deutsche ohne"

[document]
city_words = ["Stadt"]
edition_words = ["Fortschreibung"]
"""
"""The other city's words only: no default wording is needed to read its plan."""


@pytest.fixture(scope="module", params=["default", "vocabulary file"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("other")
    vocabulary = None
    if request.param == "vocabulary file":
        vocabulary = folder / "neustadt.toml"
        vocabulary.write_text(VOCABULARY, encoding="utf-8")
    return run_plan(other_city(), folder, vocabulary=vocabulary)


def test_every_record(run: Run) -> None:
    content = other_city()
    assert [[c.text for c in r.cells()] for r in run.doc.budget_rows] == content.budget_rows
    assert [p.title for p in run.doc.profiles] == [p[0][1] for p in content.profiles]
    for profile in run.doc.profiles:
        assert [f for r in profile.rows for f in r.fields if r.match == "exact"] == FIELDS
    assert [m.titel for m in run.plan.measures] == [p[0][1] for p in content.profiles]
    first = run.plan.measures[0]
    assert first.traeger == "VHS Neustadt"
    assert first.kosten.status == "ok" and first.kosten.betrag_eur == 94186
    assert [d.sozialraum for d in run.plan.districts if not d.ist_gesamt] == OTHER_DISTRICTS
    content_rows = {r[0]: r[1:] for r in content.population_rows}
    for district in run.plan.districts:
        printed = content_rows["Gesamt" if district.ist_gesamt else district.sozialraum]
        assert [
            district.auslaender,
            district.eingebuergerte,
            district.aussiedler,
            district.migh_gesamt,
            district.deutsche_ohne_migh,
        ] == [int(v) for v in printed]
    assert not [f for f in run.plan.findings if f.code.startswith("population_")]
    assert run.doc.leftovers == []
    assert not [f for f in run.plan.findings if f.code == "profile_field_missing"]


def test_years_kinds_and_bases_from_the_other_header(run: Run) -> None:
    assert [(y.jahr, y.basis, y.stand) for y in run.plan.budget_years] == [
        (YEARS[0], "ist", "31.12"),
        (YEARS[1], "plan", None),
        (YEARS[2], "plan", None),
    ]
    header = run.csv_header("budget.csv")
    assert [c for c in header if c.startswith("aufwand_") and c.count("_") == 1] == [
        f"aufwand_{y}" for y in YEARS
    ]
    assert {r["basis"] for r in run.csv_rows("budget_values.csv")} == {"ist 31.12", "plan"}


def test_the_city_and_edition_come_from_the_plan(run: Run) -> None:
    edition = run.plan.edition
    assert (edition.stadt, edition.stadt_quelle) == (OTHER_CITY, "plan")
    assert edition.titel == "Integrationskonzept Fortschreibung 2026"
    assert edition.ausgabe == "Fortschreibung 2026"
    report = run.report()
    assert report.startswith(f"# Integrationskonzept Fortschreibung 2026 – {OTHER_CITY}")
    for path in [*run.curated.iterdir(), *run.reports.iterdir()]:
        if path.is_file():
            assert b"Hamm" not in path.read_bytes(), path.name


def test_cost_checks_compare_the_year_the_profile_names(run: Run) -> None:
    """The profiles' Kosten are dated 30.06.26, a planned year in this plan: compared there."""
    checked = [f for f in run.plan.findings if f.code.startswith("kosten_")]
    assert checked and all(str(YEARS[1]) in f.message for f in checked)
