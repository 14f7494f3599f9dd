"""A next edition of the plan: years shifted, measures dropped and added, a district added,
amounts changed. Every output names the edition's own years, and the cost and key-figure
checks fire on it exactly as on the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.editions.pipeline import Run, run_plan
from tests.editions.plans import ADDED_TITLE, DROPPED, NEW_DISTRICT, SHIFT, next_edition
from tests.support.typeset import sample_content

ORIGINAL_YEARS = [2023, 2024, 2025]
NEXT_YEARS = [year + SHIFT for year in ORIGINAL_YEARS]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_plan(sample_content(), tmp_path_factory.mktemp("original"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_plan(next_edition(), tmp_path_factory.mktemp("next"))


def test_every_record_of_the_next_edition(edition: Run) -> None:
    content = next_edition()
    assert [[c.text for c in r.cells()] for r in edition.doc.budget_rows] == content.budget_rows
    assert [p.title for p in edition.doc.profiles] == [p[0][1] for p in content.profiles]
    assert [d.sozialraum for d in edition.plan.districts if not d.ist_gesamt] == [
        r[0] for r in content.population_rows[:-1]
    ]
    assert NEW_DISTRICT[0] in [d.sozialraum for d in edition.plan.districts]
    assert not {line.massnahme for line in edition.plan.budget} & set(DROPPED)
    added = next(m for m in edition.plan.measures if m.titel == ADDED_TITLE)
    assert [
        line.aufwand(NEXT_YEARS[1]).betrag_eur
        for line in edition.plan.budget
        if line.id in added.budget_rows
    ] == [12500]
    school = next(b for b in edition.plan.budget if b.massnahme == "Kommunale Schulsozialarbeit")
    assert [school.aufwand(y).betrag_eur for y in NEXT_YEARS[:2]] == [1100000, 1500000]
    assert edition.doc.leftovers == []


def test_the_years_are_the_editions_own(edition: Run) -> None:
    years = [(y.jahr, y.basis, y.stand) for y in edition.plan.budget_years]
    assert years == [
        (NEXT_YEARS[0], "ist", "30.06"),
        (NEXT_YEARS[1], "ist", "30.06"),
        (NEXT_YEARS[2], "plan", None),
    ]
    for row in edition.doc.budget_rows:
        assert {c.year for c in row.values} == set(NEXT_YEARS)


def _year_columns(columns: list[str]) -> set[int]:
    return {
        int(c.split("_")[1])
        for c in columns
        if c.split("_")[0] in ("aufwand", "ertrag", "wert") and c.split("_")[1].isdigit()
    }


def test_every_output_prints_the_editions_years(edition: Run) -> None:
    header = edition.csv_header("budget.csv")
    assert _year_columns(header) == set(NEXT_YEARS)
    assert f"ertrag_{NEXT_YEARS[0]}_raw" in header
    assert edition.xlsx_header("Budget") == header
    assert edition.sqlite_columns("budget") == header
    assert edition.package_fields("budget") == header
    values = edition.csv_rows("budget_values.csv")
    assert sorted({int(r["jahr"]) for r in values}) == NEXT_YEARS
    assert {r["basis"] for r in values} == {"ist 30.06", "plan"}
    assert len(values) == 9 * len(edition.plan.budget)
    assert edition.sqlite_columns("budget_values") == edition.csv_header("budget_values.csv")
    for text in (edition.report(), edition.html()):
        assert f"{NEXT_YEARS[2]} (geplant)" in text
        for year in ORIGINAL_YEARS:
            assert f"Aufwand {year}" not in text
            assert f"Aufwand {year + SHIFT}" in text or f"{year + SHIFT} (geplant)" in text


def test_checks_fire_as_on_the_original(original: Run, edition: Run) -> None:
    assert original.checks()  # the sample plan has a cost and a key-figure contradiction
    assert edition.checks() == original.checks()
    compared = {
        "kosten_mismatch",
        "kosten_not_in_budget",
        "kosten_not_in_profile",
        "kosten_equals_ertrag",
        "kosten_rounded",
        "kennzahl_mismatch",
        "kennzahl_other_year",
        "kennzahl_not_in_budget",
        "kennzahl_not_in_profile",
    }
    messages = [f.message for f in edition.plan.findings if f.code in compared]
    assert messages and all(str(NEXT_YEARS[1]) in m for m in messages)
    assert not any(str(ORIGINAL_YEARS[1]) in m for m in messages)


def test_a_profile_dated_to_a_year_the_table_lacks_is_a_finding(tmp_path: Path) -> None:
    content = next_edition()
    profiles = [
        [
            (label, value.replace("30.06.27", "30.06.21") if label == "Kosten" else value)
            for label, value in p
        ]
        for p in content.profiles
    ]
    run = run_plan(content.__class__(**{**content.__dict__, "profiles": profiles}), tmp_path)
    missing = [f for f in run.plan.findings if f.code == "budget_year_missing"]
    assert missing
    assert all("30.06.2021" in f.message and str(NEXT_YEARS[0]) in f.message for f in missing)
    assert not [f for f in run.plan.findings if f.code.startswith("kosten_")]
