"""The budget table's years, kinds and bases are read from its printed header.

A plan with four budget years and no Ertrag column is read as printed, ruled and unruled:
every row's cells, each under its printed year, kind and basis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.extract import extract_document
from tests.editions.pipeline import run_plan
from tests.editions.plans import FOUR_YEARS, four_years_no_income, narrow
from tests.support.typeset import VARIANTS, build_plan_pdf


@pytest.mark.parametrize("layout", [VARIANTS[0], VARIANTS[1]], ids=lambda v: v.name)
def test_four_years_without_income(tmp_path: Path, layout: object) -> None:
    content = four_years_no_income()
    pdf = build_plan_pdf(tmp_path / "four.pdf", content, narrow(layout, 12))  # type: ignore[arg-type]
    doc = extract_document(pdf)
    assert [[c.text for c in r.cells()] for r in doc.budget_rows] == content.budget_rows
    first, second, third, fourth = FOUR_YEARS
    expected = [
        ("aufwand", first, "ist", "30.06"),
        ("aufwand", second, "ist", "30.06"),
        ("aufwand", third, "plan", None),
        ("aufwand", fourth, "plan", None),
        ("wert", first, "ist", "30.06"),
        ("wert", second, "ist", "30.06"),
        ("wert", third, "plan", None),
        ("wert", fourth, "plan", None),
    ]
    for row in doc.budget_rows:
        assert [(c.role, c.year, c.basis, c.as_of) for c in row.values] == expected
        assert row.value("ertrag", first) is None
    last = doc.budget_rows[-1]
    assert last.value("aufwand", fourth).text == content.budget_rows[-1][5]  # type: ignore[union-attr]
    assert doc.leftovers == []


def test_four_years_without_income_in_every_output(tmp_path: Path) -> None:
    run = run_plan(four_years_no_income(), tmp_path, narrow(VARIANTS[0], 12))
    assert [(y.jahr, y.basis, y.arten) for y in run.plan.budget_years] == [
        (FOUR_YEARS[0], "ist", ["aufwand", "wert"]),
        (FOUR_YEARS[1], "ist", ["aufwand", "wert"]),
        (FOUR_YEARS[2], "plan", ["aufwand", "wert"]),
        (FOUR_YEARS[3], "plan", ["aufwand", "wert"]),
    ]
    header = run.csv_header("budget.csv")
    assert [c for c in header if c.startswith(("aufwand_", "wert_")) and c.count("_") == 1] == [
        *(f"aufwand_{y}" for y in FOUR_YEARS),
        *(f"wert_{y}" for y in FOUR_YEARS),
    ]
    assert not [c for c in header if c.startswith("ertrag")]
    assert run.package_fields("budget") == header == run.sqlite_columns("budget")
    values = run.csv_rows("budget_values.csv")
    assert {r["art"] for r in values} == {"aufwand", "wert"}
    assert sorted({int(r["jahr"]) for r in values}) == list(FOUR_YEARS)
    assert len(values) == 8 * len(run.plan.budget)
    last = run.plan.budget[-1]
    assert last.aufwand(FOUR_YEARS[3]).betrag_eur == int(
        four_years_no_income().budget_rows[-1][5].replace(".", "")
    )
    report = run.report()
    assert f"{FOUR_YEARS[3]} (geplant)" in report and f"{FOUR_YEARS[2]} (geplant)" in report
    for text in (report, run.html()):  # no Ertrag column the plan does not print
        assert not [y for y in FOUR_YEARS if f"Ertrag {y}" in text]
        assert "Aufwand aller Haushaltszeilen" in text
