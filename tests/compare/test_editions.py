"""Two typeset editions of a plan compared: every row of every output.

The editions (tests/compare/editions.py) differ by a reworded title, a new Träger, a split,
a dropped and an added measure, changed amounts, an added district and changed counts. The
CSV files are compared whole with reviewed golden files (tests/fixtures/compare/), and the
rows that carry the changes are asserted one by one against the editions' own figures.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from hammplan.compare.run import write_comparison
from hammplan.io.fileset import MANIFEST
from tests.compare.conftest import Editions
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "fixtures" / "compare"


def rows(editions: Editions, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(editions.text(name))))


@pytest.mark.parametrize("name", ["measures.csv", "budget.csv", "districts.csv"])
def test_csv_files_equal_the_reviewed_golden_files(editions: Editions, name: str) -> None:
    assert editions.text(name) == (GOLDEN / name).read_text(encoding="utf-8")


def test_measures_matched_reworded_split_dropped_and_added(editions: Editions) -> None:
    found = [
        (r["status"], r["titel_alt"], r["titel_neu"], r["felder"])
        for r in rows(editions, "measures.csv")
    ]
    assert found == [
        ("unveraendert", "Allgemeine Deutschkurse", "Allgemeine Deutschkurse", ""),
        (
            "geaendert",
            "Allgemeine Integrationskurse im Auftrag des BAMF",
            "Integrationskurse des BAMF",
            "titel",
        ),
        (
            "geaendert",
            "Integration in Beschäftigung",
            "Integration in Beschäftigung",
            "traeger; kennzahlen",
        ),
        ("geaendert", "Kleine Knirpse", "Kleine Knirpse", "kosten"),
        (
            "geteilt",
            "Rucksack KiTa und Griffbereit",
            "Rucksack KiTa | Griffbereit",
            "titel; beschreibung; kosten",
        ),
        ("neu", "", "Sprachcafé für Seniorinnen", ""),
        ("entfallen", "Arbeit gegen Rassismus", "", ""),
    ]
    reworded = rows(editions, "measures.csv")[1]
    assert 75 <= float(reworded["aehnlichkeit"]) < 100
    split = rows(editions, "measures.csv")[4]
    assert split["id_neu"] == "rucksack-kita;griffbereit" and split["aehnlichkeit"] == ""
    changes = {c.feld: (c.alt, c.neu) for c in editions.comparison.measures[2].aenderungen}
    assert changes == {
        "traeger": ("Kommunales Jobcenter Hamm AöR", "Jobcenter Hamm"),
        "kennzahlen": ("Vermittlungen: 471", "Vermittlungen: 502"),
    }


def test_measure_pages_name_each_edition(editions: Editions) -> None:
    pages = {m.id: m.pages[0] for m in editions.old.measures}
    pages_new = {m.id: m.pages[0] for m in editions.new.measures}
    for row in rows(editions, "measures.csv"):
        first_old = row["id_alt"].split(";")[0]
        first_new = row["id_neu"].split(";")[0]
        assert row["page_alt"] == (str(pages[first_old]) if first_old else "")
        assert row["page_neu"] == (str(pages_new[first_new]) if first_new else "")


def test_money_of_changed_measures(editions: Editions) -> None:
    changed = [
        (
            r["titel"],
            r["jahr"],
            r["art"],
            r["alt"],
            r["neu"],
            r["differenz"],
            r["alt_basis"],
            r["neu_basis"],
        )
        for r in rows(editions, "budget.csv")
        if r["differenz"] not in ("", "0")
    ]
    assert changed == [
        (
            "Integrationskurse des BAMF",
            "2025",
            "aufwand",
            "60000",
            "75500",
            "15500",
            "plan",
            "plan",
        ),
        # the split, compared as a whole: 394.000 against 230.000 + 170.000
        (
            "Rucksack KiTa | Griffbereit",
            "2025",
            "aufwand",
            "394000",
            "400000",
            "6000",
            "plan",
            "plan",
        ),
        ("Elternschule Hamm e.V.", "2024", "aufwand", "113207", "120000", "6793", "ist", "ist"),
    ]
    budget = rows(editions, "budget.csv")
    assert len(budget) == 8 * 9  # 7 measure rows (the split as one) and the row with no
    # profile, each with 3 years x 3 kinds
    new = [r for r in budget if r["titel"] == "Sprachcafé für Seniorinnen"]
    assert {
        (r["jahr"], r["art"]): (r["alt"], r["neu"], r["neu_status"]) for r in new if r["neu"]
    } == {("2025", "aufwand"): ("", "3000", "ok"), ("2025", "wert"): ("", "12", "ok")}
    assert all(r["alt_status"] == "" and r["measure_id_alt"] == "" for r in new)
    dropped = [r for r in budget if r["titel"] == "Arbeit gegen Rassismus" and r["alt"]]
    assert [(r["jahr"], r["alt"], r["neu"], r["neu_status"]) for r in dropped] == [
        ("2024", "12000", "", "")
    ]
    assert {r["page_alt"] for r in budget} <= {"3", ""}  # the budget table's page


def test_totals_per_year_count_what_is_not_stated(editions: Editions) -> None:
    totals = {
        (t.jahr, t.art): (
            t.alt,
            t.neu,
            t.differenz,
            t.alt_fehlend,
            t.neu_fehlend,
            t.alt_zeilen,
            t.neu_zeilen,
        )
        for t in editions.comparison.summen
    }
    d = Decimal
    assert totals == {
        (2023, "aufwand"): (d("803684.09"), d("803684.09"), 0, 2, 2, 7, 8),
        (2023, "ertrag"): (d(136211), d(136211), 0, 4, 4, 7, 8),
        (2024, "aufwand"): (d(721443), d(716236), d(-5207), 1, 2, 7, 8),
        (2024, "ertrag"): (d(146321), d(146321), 0, 4, 4, 7, 8),
        (2025, "aufwand"): (d(627219), d(651719), d(24500), 3, 2, 7, 8),
        (2025, "ertrag"): (d(139295), d(139295), 0, 4, 4, 7, 8),
    }
    by_field = {
        (t.gruppe, t.jahr, t.art): (t.alt, t.neu)
        for t in editions.comparison.summen_handlungsfelder
    }
    # Sprache: Deutschkurse, BAMF, Rucksack/Griffbereit (old) + Sprachcafé (new)
    assert by_field[("Sprache", 2025, "aufwand")] == (
        d(97219 + 60000 + 394000),
        d(97219 + 75500 + 400000 + 3000),
    )
    assert by_field[("ohne Handlungsfeld", 2024, "aufwand")] == (d(113207), d(120000))


def test_districts_added_and_changed(editions: Editions) -> None:
    found = {r["sozialraum"]: r for r in rows(editions, "districts.csv")}
    assert [(name, r["status"]) for name, r in found.items()] == [
        ("Stadtmitte", "unveraendert"),
        ("Hamm- Westen", "unveraendert"),
        ("Uentrop", "geaendert"),
        ("Heessen", "neu"),
        ("Gesamt", "geaendert"),
    ]
    assert (found["Uentrop"]["auslaender_alt"], found["Uentrop"]["auslaender_neu"]) == (
        "1968",
        "2000",
    )
    assert found["Heessen"]["migh_gesamt_alt"] == ""
    assert found["Heessen"]["migh_gesamt_neu"] == "8480"
    assert (
        found["Gesamt"]["deutsche_ohne_migh_alt"],
        found["Gesamt"]["deutsche_ohne_migh_neu"],
    ) == ("44989", "54750")


def test_changes_json_holds_everything_and_the_findings(editions: Editions) -> None:
    data = json.loads(editions.text("changes.json"))
    assert data["summary"] == {
        "nichts_geaendert": False,
        "massnahmen": {
            "unveraendert": 1,
            "geaendert": 3,
            "neu": 1,
            "entfallen": 1,
            "geteilt": 1,
            "zusammengelegt": 0,
        },
        "betraege_geaendert": 3,
        "sozialraeume": {"unveraendert": 2, "geaendert": 2, "neu": 1, "entfallen": 0},
        "befunde": {"neu": 6, "behoben": 4, "offen": 6},
    }
    assert data["jahre"] == {"gemeinsam": [2023, 2024, 2025], "nur_alt": [], "nur_neu": []}
    assert len(data["measures"]) == 7 and len(data["budget"]) == 72
    assert len(data["districts"]) == 5 and data["kandidaten"] == []
    assert data["handlungsfelder"] == {"neu": [], "entfallen": []}
    assert data["uebersicht"] == [
        {
            "massnahme": "Kleine Knirpse",
            "alt": ["Erziehung und Bildung", "Gesundheit"],
            "neu": ["Erziehung und Bildung", "Gesundheit", "Teilhabe und Partizipation"],
            "page_alt": 4,
            "page_neu": 4,
        }
    ]
    findings = [(f["status"], f["code"], f["message"].split("“")[0]) for f in data["findings"]]
    assert findings == [
        ("offen", "kennzahl_mismatch", "Steckbrief „Integrationskurse des BAMF"),
        ("offen", "budget_without_profile", "Haushaltszeile „Elternschule Hamm e.V."),
        (
            "neu",
            "index_page_mismatch",
            "Das Verzeichnis nennt für 4 von 7 Steckbriefen eine "
            "Seite, auf der der Steckbrief nicht steht (3 Einträge nennen übereinstimmend "
            "PDF-Seite + 34), zum Beispiel „Griffbereit",
        ),
        ("neu", "kennzahl_not_in_budget", "Steckbrief „Griffbereit"),
        ("offen", "kennzahl_not_in_budget", "Steckbrief „Integration in Beschäftigung"),
        ("offen", "kennzahl_not_in_budget", "Steckbrief „Kleine Knirpse"),
        ("neu", "kennzahl_not_in_budget", "Steckbrief „Rucksack KiTa"),
        ("neu", "kennzahl_not_in_budget", "Steckbrief „Sprachcafé für Seniorinnen"),
        ("offen", "kennzahl_other_year", "Steckbrief „Kleine Knirpse"),
        ("neu", "kennzahl_other_year", "Steckbrief „Sprachcafé für Seniorinnen"),
        ("neu", "kosten_not_in_budget", "Steckbrief „Sprachcafé für Seniorinnen"),
        ("offen", "sta_lookalike", "Amtsnummer „55"),  # "25" beside "55" (issue 12)
        ("behoben", "kosten_mismatch", "Steckbrief „Kleine Knirpse"),
        # a split measure's findings pair with none of its parts' (matched one to one only)
        ("behoben", "kennzahl_not_in_budget", "Steckbrief „Rucksack KiTa und Griffbereit"),
        ("behoben", "kennzahl_other_year", "Steckbrief „Integration in Beschäftigung"),
        ("behoben", "kosten_not_in_profile", "Steckbrief „Arbeit gegen Rassismus"),
    ]
    pages = {
        (f["status"], f["code"], f["message"][:40]): (f["pages_alt"], f["pages_neu"])
        for f in data["findings"]
    }
    assert pages[("offen", "kennzahl_other_year", data["findings"][8]["message"][:40])] == (
        [3, 10],
        [3, 9],
    )  # Kleine Knirpse: profile on page 10, then 9


def test_report_names_changes_with_pages_in_each_edition(editions: Editions) -> None:
    page, text = editions.text("index.html"), editions.text("report.md")
    for report in (page, text):
        assert "Was sich geändert hat" in report
        assert "Sprachcafé für Seniorinnen" in report and "Arbeit gegen Rassismus" in report
        assert "+15.500\u00a0€" in report and "−5.207\u00a0€" in report
        assert "Nichts hat sich geändert" not in report
    assert (
        "„Allgemeine Integrationskurse im Auftrag des BAMF“ (S.\u00a07) → „Integrationskurse "
        "des BAMF“ (S.\u00a07)" in text
    )
    assert (
        "| Integrationskurse des BAMF | 2025 | Aufwand | 60.000\u00a0€ geplant (S.\u00a03) "
        "| 75.500\u00a0€ geplant (S.\u00a03) | +15.500\u00a0€ |" in text
    )
    assert 'id="vergleich-aufwand-svg" role="img"' in page and "<script" not in page
    assert (editions.out / "charts" / "vergleich-aufwand.svg").is_file()


def test_outputs_are_byte_identical_on_rerun(editions: Editions, tmp_path: Path) -> None:
    written = write_comparison(editions.comparison, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "measures.csv",
        "budget.csv",
        "districts.csv",
        "changes.json",
        "charts/vergleich-aufwand.svg",
        "report.md",
        "index.html",
    ]
    for path in written:
        assert path.read_bytes() == (editions.out / path.relative_to(tmp_path)).read_bytes()
    # no temporary file left; the manifest names the reports' set (hammplan.io.fileset)
    assert [p.name for p in tmp_path.rglob(".*")] == [MANIFEST]
