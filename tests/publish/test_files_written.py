"""The curated files: every one written, exact columns, exact values, UTF-8 CSV, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.curated_files import FILES, HYPERLINK, csv_header, read_csv

from hammplan.io.fileset import MANIFEST
from hammplan.publish import write_curated
from hammplan.records.plan import CuratedPlan


def test_every_file_is_written_and_nothing_else(small_plan: CuratedPlan, tmp_path: Path) -> None:
    paths = write_curated(small_plan, tmp_path / "out")
    assert [p.name for p in paths] == FILES
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [*FILES, MANIFEST]
    )  # and the manifest naming them


def test_csv_columns_are_exactly_as_documented(written: Path) -> None:
    assert csv_header(written / "measures.csv") == [
        "id", "titel", "traeger", "beschreibung", "handlungsfelder", "zielgruppe", "sachstand",
        "kennzahlen", "kosten_betrag_eur", "kosten_raw", "kosten_status", "kosten_stand",
        "pages", "budget_rows",
    ]  # fmt: skip
    values = [
        "aufwand_2023", "ertrag_2023", "aufwand_2024", "ertrag_2024", "aufwand_2025",
        "ertrag_2025", "wert_2023", "wert_2024", "wert_2025",
    ]  # fmt: skip
    assert csv_header(written / "budget.csv") == [
        "sta", "massnahme", "measure_id", "aufwand_2023", "ertrag_2023", "aufwand_2024",
        "ertrag_2024", "aufwand_2025", "ertrag_2025", "foerdergeber", "kennzahl", "wert_2023",
        "wert_2024", "wert_2025", "page",
        *(f"{v}_{part}" for v in values for part in ("raw", "status")),
        "id", "sta_raw", "sta_name", "massnahme_raw", "link_score",
        "foerdergeber_raw", "foerdergeber_status", "kennzahl_raw", "kennzahl_status",
    ]  # fmt: skip
    assert csv_header(written / "districts.csv") == [
        "sozialraum", "auslaender", "eingebuergerte", "aussiedler", "migh_gesamt",
        "deutsche_ohne_migh", "page",
    ]  # fmt: skip


def test_budget_values_one_row_per_line_year_and_kind(written: Path) -> None:
    assert csv_header(written / "budget_values.csv") == [
        "budget_id", "measure_id", "jahr", "art", "betrag_eur", "wert", "einheit", "basis",
        "raw", "status", "page",
    ]  # fmt: skip
    rows = read_csv(written / "budget_values.csv")
    assert len(rows) == 3 * 3 * 3  # three lines, three years, three kinds
    first = [r for r in rows if r["budget_id"] == "b-001"]
    assert [(r["jahr"], r["art"], r["basis"]) for r in first[:3]] == [
        ("2023", "aufwand", "ist 30.06"),
        ("2023", "ertrag", "ist 30.06"),
        ("2023", "wert", "ist 30.06"),
    ]
    by_key = {(r["budget_id"], r["jahr"], r["art"]): r for r in rows}
    assert by_key["b-001", "2023", "aufwand"]["betrag_eur"] == "45821.54"
    assert by_key["b-001", "2023", "aufwand"]["einheit"] == "EUR"
    assert by_key["b-001", "2023", "ertrag"]["raw"] == "'-1.500,00 €"
    assert by_key["b-001", "2023", "wert"]["wert"] == "501"
    assert by_key["b-001", "2024", "wert"]["wert"] == ""  # two figures: raw only
    assert by_key["b-002", "2024", "aufwand"]["status"] == "suspect"
    assert by_key["b-003", "2025", "aufwand"]["basis"] == "plan"
    assert by_key["b-003", "2025", "aufwand"]["measure_id"] == ""


def test_csv_files_are_utf8_without_bom_with_newline_endings(written: Path) -> None:
    for name in ("measures.csv", "budget.csv", "districts.csv"):
        data = (written / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), name
        assert b"\r\n" not in data, name
        assert data.endswith(b"\n"), name
        data.decode("utf-8")
    assert "Sprachcafé".encode() in (written / "measures.csv").read_bytes()


def test_budget_values_round_trip(written: Path) -> None:
    rows = {r["id"]: r for r in read_csv(written / "budget.csv")}
    assert list(rows) == ["b-001", "b-002", "b-003"]
    first, second, third = rows["b-001"], rows["b-002"], rows["b-003"]
    assert first["aufwand_2023"] == "45821.54"
    assert first["aufwand_2023_raw"] == "45.821,54 €"
    assert first["aufwand_2023_status"] == "ok"
    assert first["ertrag_2023"] == "-1500"  # a number of ours: never neutralised
    assert first["ertrag_2023_raw"] == "'-1.500,00 €"  # printed text: neutralised
    assert first["aufwand_2024"] == "50000"
    assert first["wert_2023"] == "501"
    assert first["wert_2024"] == ""  # two numbers in the cell: only raw says what was printed
    assert first["wert_2024_raw"] == "12 Kurse, 80 Personen"
    assert first["measure_id"] == "m-01" and first["link_score"] == "97.5"
    assert first["massnahme_raw"] == "Maß- nahme b-001" and first["sta_name"] == "Ordnungsamt"
    assert first["page"] == "12"
    assert second["aufwand_2023"] == "1000.46"
    assert (second["ertrag_2023"], second["ertrag_2023_status"]) == ("", "note")
    assert second["ertrag_2023_raw"] == "Land NRW"
    assert (second["aufwand_2024"], second["aufwand_2024_status"]) == ("", "suspect")
    assert second["aufwand_2024_raw"] == "762.58"
    assert (second["aufwand_2025"], second["aufwand_2025_status"]) == ("", "not_stated")
    assert second["foerdergeber"] == ""
    assert second["kennzahl"] == "'-5 % Abbrüche"
    assert (third["measure_id"], third["link_score"], third["aufwand_2025"]) == ("", "", "10")


def test_measure_and_district_values_round_trip(written: Path) -> None:
    measures = read_csv(written / "measures.csv")
    assert [m["id"] for m in measures] == ["m-01", "m-02", "m-03"]
    first = measures[0]
    assert first["beschreibung"] == 'Kurse für Eltern, mit "Kinderbetreuung"\nund Fahrtkosten'
    assert first["handlungsfelder"] == "Sprache; Bildung"
    assert first["kennzahlen"] == "Teilnehmende: 501; Kosten: 12.5 €"
    assert first["kosten_betrag_eur"] == "45821.54"
    assert first["kosten_raw"] == "45.821,54 € (Stand 01.10.2024)"
    assert (first["kosten_status"], first["kosten_stand"]) == ("ok", "2024-10-01")
    assert (first["pages"], first["budget_rows"]) == ("40; 41", "b-001")
    assert measures[1]["beschreibung"] == "Seiten\x0cumbruch"
    assert (measures[2]["kosten_betrag_eur"], measures[2]["kosten_status"]) == ("", "note")
    districts = read_csv(written / "districts.csv")
    assert [d["sozialraum"] for d in districts] == ["Mitte", "Uentrop"]
    assert districts[0] == {
        "sozialraum": "Mitte", "auslaender": "100", "eingebuergerte": "20", "aussiedler": "5",
        "migh_gesamt": "125", "deutsche_ohne_migh": "300", "page": "7",
    }  # fmt: skip


def test_json_files(small_plan: CuratedPlan, written: Path) -> None:
    assert CuratedPlan.model_validate_json((written / "plan.json").read_text("utf-8")) == small_plan
    assert len(json.loads((written / "plan.json").read_text("utf-8"))["districts"]) == 3
    measures = json.loads((written / "measures.json").read_text("utf-8"))
    assert list(measures[0]) == [
        "id", "titel", "traeger", "beschreibung", "handlungsfelder", "zielgruppe", "sachstand",
        "kennzahlen", "kosten", "pages", "budget_rows", "index_entry", "overview_rows",
    ]  # fmt: skip
    assert measures[0]["titel"] == HYPERLINK  # JSON is data, not a spreadsheet: verbatim
    assert measures[0]["kennzahlen"][1] == {
        "label": "Kosten",
        "value": 12.5,
        "unit": "€",
        "status": "ok",
    }
    assert measures[0]["kosten"] == {
        "raw": "45.821,54 € (Stand 01.10.2024)",
        "betrag_eur": 45821.54,
        "status": "ok",
        "stand": "2024-10-01",
    }
    assert measures[1]["kosten"]["betrag_eur"] is None
    assert measures[0]["handlungsfelder"] == ["Sprache", "Bildung"]
    assert (measures[0]["index_entry"], measures[0]["overview_rows"]) == ("i-01", ["o-01"])
    findings = json.loads((written / "findings.json").read_text("utf-8"))
    assert findings["summary"] == {"error": 1, "warning": 1, "info": 1}
    assert [f["severity"] for f in findings["findings"]] == ["error", "warning", "info"]
    assert findings["findings"][1]["refs"][0] == {
        "kind": "measure", "id": "m-02", "page": 40, "field": None,
    }  # fmt: skip
