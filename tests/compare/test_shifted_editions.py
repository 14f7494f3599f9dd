"""Typeset editions whose headers print years shifted by one and by two.

The new edition is the one of tests/compare/editions.py with its budget header printed one
or two years later (the cells as they are): the old edition's Y..Y+2 against Y+1..Y+3 and
Y+2..Y+4. Only shared years are compared in budget.csv, each side with the basis its own
header prints (the old edition's "geplant" against the new edition's "Stand"); years only
one edition has are listed in changes.json and the report, not compared.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from hammplan.compare.core import compare_plans
from hammplan.compare.run import write_comparison
from hammplan.curate.pipeline import curate_plan
from hammplan.extract import extract_document
from hammplan.vocabulary import load_vocabulary
from tests.compare.conftest import Editions
from tests.compare.editions import new_edition
from tests.editions.plans import shift_years
from tests.support.typeset import VARIANTS, build_plan_pdf

UNITS = {
    "Deutsch": ("allgemeine-deutschkurse", "allgemeine-deutschkurse", "Allgemeine Deutschkurse"),
    "BAMF": (
        "allgemeine-integrationskurse-im-auftrag-des-bamf",
        "integrationskurse-des-bamf",
        "Integrationskurse des BAMF",
    ),
    "Beschaeftigung": (
        "integration-in-beschaeftigung",
        "integration-in-beschaeftigung",
        "Integration in Beschäftigung",
    ),
    "Knirpse": ("kleine-knirpse", "kleine-knirpse", "Kleine Knirpse"),
    "Rucksack": (
        "rucksack-kita-und-griffbereit",
        "rucksack-kita;griffbereit",
        "Rucksack KiTa | Griffbereit",
    ),
    "Sprachcafe": ("", "sprachcafe-fuer-seniorinnen", "Sprachcafé für Seniorinnen"),
    "Rassismus": ("arbeit-gegen-rassismus", "", "Arbeit gegen Rassismus"),
    "Elternschule": ("", "", "Elternschule Hamm e.V."),
}
"""Short names of the compared units: measure ids old and new, title."""

# unit|jahr|art|alt|neu|differenz|alt_status|neu_status|alt_basis|neu_basis|page_alt|page_neu
BY_ONE = """
Deutsch|2024|aufwand|94186|100253|6067|ok|ok|ist|ist|3|3
Deutsch|2024|ertrag|50209|53211|3002|ok|ok|ist|ist|3|3
Deutsch|2024|wert|501|548|47|ok|ok|ist|ist|3|3
Deutsch|2025|aufwand|97219|94186|-3033|ok|ok|plan|ist|3|3
Deutsch|2025|ertrag|51710|50209|-1501|ok|ok|plan|ist|3|3
Deutsch|2025|wert|516|501|-15|ok|ok|plan|ist|3|3
BAMF|2024|aufwand|58000|55000|-3000|ok|ok|ist|ist|3|3
BAMF|2024|ertrag|62812|49700|-13112|ok|ok|ist|ist|3|3
BAMF|2024|wert|25|13|-12|ok|ok|ist|ist|3|3
BAMF|2025|aufwand|60000|58000|-2000|ok|ok|plan|ist|3|3
BAMF|2025|ertrag|54285|62812|8527|ok|ok|plan|ist|3|3
BAMF|2025|wert|15|25|10|ok|ok|plan|ist|3|3
Beschaeftigung|2024|aufwand||||not_stated|not_stated|ist|ist|3|3
Beschaeftigung|2024|ertrag||||not_stated|not_stated|ist|ist|3|3
Beschaeftigung|2024|wert||471||not_stated|ok|ist|ist|3|3
Beschaeftigung|2025|aufwand||||not_stated|not_stated|plan|ist|3|3
Beschaeftigung|2025|ertrag||||not_stated|not_stated|plan|ist|3|3
Beschaeftigung|2025|wert||||not_stated|not_stated|plan|ist|3|3
Knirpse|2024|aufwand|74000|70000|-4000|ok|ok|ist|ist|3|3
Knirpse|2024|ertrag||||not_stated|not_stated|ist|ist|3|3
Knirpse|2024|wert||29||not_stated|ok|ist|ist|3|3
Knirpse|2025|aufwand|76000|74000|-2000|ok|ok|plan|ist|3|3
Knirpse|2025|ertrag||||not_stated|not_stated|plan|ist|3|3
Knirpse|2025|wert||||not_stated|not_stated|plan|ist|3|3
Rucksack|2024|aufwand|370050|365000|-5050|ok|ok|ist|ist|3|3
Rucksack|2024|ertrag|33300|33300|0|ok|ok|ist|ist|3|3
Rucksack|2024|wert||||not_stated|not_stated|ist|ist|3|3
Rucksack|2025|aufwand|394000|370050|-23950|ok|ok|plan|ist|3|3
Rucksack|2025|ertrag|33300|33300|0|ok|ok|plan|ist|3|3
Rucksack|2025|wert||||not_stated|not_stated|plan|ist|3|3
Sprachcafe|2024|aufwand|||||not_stated||ist||3
Sprachcafe|2024|ertrag|||||not_stated||ist||3
Sprachcafe|2024|wert|||||not_stated||ist||3
Sprachcafe|2025|aufwand|||||not_stated||ist||3
Sprachcafe|2025|ertrag|||||not_stated||ist||3
Sprachcafe|2025|wert|||||not_stated||ist||3
Rassismus|2024|aufwand|12000|||ok||ist||3|
Rassismus|2024|ertrag||||not_stated||ist||3|
Rassismus|2024|wert||||not_stated||ist||3|
Rassismus|2025|aufwand||||not_stated||plan||3|
Rassismus|2025|ertrag||||not_stated||plan||3|
Rassismus|2025|wert||||not_stated||plan||3|
Elternschule|2024|aufwand|113207|213431.09|100224.09|ok|ok|ist|ist|3|3
Elternschule|2024|ertrag||||not_stated|not_stated|ist|ist|3|3
Elternschule|2024|wert||||not_stated|not_stated|ist|ist|3|3
Elternschule|2025|aufwand||120000||not_stated|ok|plan|ist|3|3
Elternschule|2025|ertrag||||not_stated|not_stated|plan|ist|3|3
Elternschule|2025|wert||||not_stated|not_stated|plan|ist|3|3
"""
BY_TWO = """
Deutsch|2025|aufwand|97219|100253|3034|ok|ok|plan|ist|3|3
Deutsch|2025|ertrag|51710|53211|1501|ok|ok|plan|ist|3|3
Deutsch|2025|wert|516|548|32|ok|ok|plan|ist|3|3
BAMF|2025|aufwand|60000|55000|-5000|ok|ok|plan|ist|3|3
BAMF|2025|ertrag|54285|49700|-4585|ok|ok|plan|ist|3|3
BAMF|2025|wert|15|13|-2|ok|ok|plan|ist|3|3
Beschaeftigung|2025|aufwand||||not_stated|not_stated|plan|ist|3|3
Beschaeftigung|2025|ertrag||||not_stated|not_stated|plan|ist|3|3
Beschaeftigung|2025|wert||471||not_stated|ok|plan|ist|3|3
Knirpse|2025|aufwand|76000|70000|-6000|ok|ok|plan|ist|3|3
Knirpse|2025|ertrag||||not_stated|not_stated|plan|ist|3|3
Knirpse|2025|wert||29||not_stated|ok|plan|ist|3|3
Rucksack|2025|aufwand|394000|365000|-29000|ok|ok|plan|ist|3|3
Rucksack|2025|ertrag|33300|33300|0|ok|ok|plan|ist|3|3
Rucksack|2025|wert||||not_stated|not_stated|plan|ist|3|3
Sprachcafe|2025|aufwand|||||not_stated||ist||3
Sprachcafe|2025|ertrag|||||not_stated||ist||3
Sprachcafe|2025|wert|||||not_stated||ist||3
Rassismus|2025|aufwand||||not_stated||plan||3|
Rassismus|2025|ertrag||||not_stated||plan||3|
Rassismus|2025|wert||||not_stated||plan||3|
Elternschule|2025|aufwand||213431.09||not_stated|ok|plan|ist|3|3
Elternschule|2025|ertrag||||not_stated|not_stated|plan|ist|3|3
Elternschule|2025|wert||||not_stated|not_stated|plan|ist|3|3
"""
EXPECTED = {1: BY_ONE, 2: BY_TWO}


def expected_rows(table: str) -> list[list[str]]:
    """budget.csv rows as written: the unit's ids and title, then the row's own cells."""
    rows = []
    for line in table.strip().splitlines():
        unit, *cells = line.split("|")
        rows.append([*UNITS[unit], *cells])
    return rows


@dataclass(frozen=True)
class Shifted:
    """The comparison of the old edition with the new one printed ``by`` years later."""

    by: int
    first: int
    out: Path

    def text(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=[1, 2], ids=["by-one", "by-two"])
def shifted(
    request: pytest.FixtureRequest, editions: Editions, tmp_path_factory: pytest.TempPathFactory
) -> Shifted:
    by = int(request.param)
    folder = tmp_path_factory.mktemp(f"shifted-{by}")
    content = new_edition()
    content = replace(content, budget_header=[shift_years(h, by) for h in content.budget_header])
    vocab = load_vocabulary()
    pdf = build_plan_pdf(folder / "plan-neu.pdf", content, VARIANTS[0])
    new = curate_plan(extract_document(pdf, vocab), vocab)
    assert [y.jahr for y in new.budget_years] == [j + by for j in editions.old.years]
    write_comparison(compare_plans(editions.old, new), folder / "compare")
    return Shifted(by, editions.old.years[0], folder / "compare")


def test_budget_csv_compares_only_shared_years_each_with_its_own_basis(shifted: Shifted) -> None:
    rows = list(csv.reader(shifted.text("budget.csv").splitlines()))
    assert rows[0] == [
        "measure_id_alt",
        "measure_id_neu",
        "titel",
        "jahr",
        "art",
        "alt",
        "neu",
        "differenz",
        "alt_status",
        "neu_status",
        "alt_basis",
        "neu_basis",
        "page_alt",
        "page_neu",
    ]
    assert rows[1:] == expected_rows(EXPECTED[shifted.by])


def test_years_only_one_edition_prints_are_listed_not_compared(shifted: Shifted) -> None:
    y, by = shifted.first, shifted.by
    years = json.loads(shifted.text("changes.json"))["jahre"]
    assert years == {
        "gemeinsam": list(range(y + by, y + 3)),
        "nur_alt": list(range(y, y + by)),
        "nur_neu": list(range(y + 3, y + 3 + by)),
    }
    listed = {
        1: (f"{y + 1}, {y + 2}", f"{y}", f"{y + 3}"),
        2: (f"{y + 2}", f"{y}, {y + 1}", f"{y + 3}, {y + 4}"),
    }[by]
    sentence = (
        f"Verglichen werden die Jahre, die beide Ausgaben nennen: {listed[0]}. "
        f"Nur in der alten Ausgabe: {listed[1]}. Nur in der neuen Ausgabe: {listed[2]}."
    )
    assert sentence in shifted.text("report.md")
    assert sentence in shifted.text("index.html")
    changes = json.loads(shifted.text("changes.json"))
    for part in ("budget", "summen", "summen_handlungsfelder"):
        assert {row["jahr"] for row in changes[part]} == set(years["gemeinsam"]), part
