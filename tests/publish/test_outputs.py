"""The curated files: exact columns, exact values, safe to open, valid, reproducible, atomic."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from frictionless import validate
from tests.conftest import ROOT
from tests.support.budget import PLAN_YEARS, set_value, with_years

from hammplan import publish
from hammplan.errors import OutputError
from hammplan.io.fileset import MANIFEST, recover
from hammplan.publish import write_curated
from hammplan.publish.cells import neutralise_formula
from hammplan.publish.dictionary import data_dictionary_markdown
from hammplan.records.findings import Finding, Ref
from hammplan.records.plan import (
    BudgetLine,
    CuratedPlan,
    District,
    IndexLink,
    Link,
    Measure,
    OverviewLink,
    SourceSummary,
)
from hammplan.records.values import Amount, KeyFigure, KeyFigures, Text

FILES = [
    "plan.json",
    "measures.json",
    "measures.csv",
    "budget.csv",
    "budget_values.csv",
    "districts.csv",
    "findings.csv",
    "findings.json",
    "hammplan.xlsx",
    "hammplan.sqlite",
    "metadata.json",
    "datapackage.json",
]

HYPERLINK = '=HYPERLINK("http://x")'


def _ok(raw: str, value: str, page: int = 12) -> Amount:
    return Amount(raw=raw, status="ok", betrag_eur=Decimal(value), page=page)


def _figures(raw: str, *values: str) -> KeyFigures:
    items = [KeyFigure(raw=v, value=Decimal(v)) for v in values]
    return KeyFigures(raw=raw, status="ok", items=items)


def _text(text: str | None, raw: str | None = None) -> Text:
    return Text(raw=raw if raw is not None else (text or ""), text=text)


def _measure(id_: str, titel: str, **fields: object) -> Measure:
    values: dict[str, object] = {
        "id": id_,
        "titel": titel,
        "traeger": "Kommunales Integrationszentrum",
        "beschreibung": None,
        "handlungsfelder": ["Sprache", "Bildung"],
        "zielgruppe": None,
        "sachstand": None,
        "kennzahlen": [],
        "kosten": Amount(raw="o. A.", status="not_stated"),
        "pages": [40],
    }
    values.update(fields)
    return Measure.model_validate(values)


def _budget(id_: str, measure_id: str | None, **fields: object) -> BudgetLine:
    not_stated = Amount(raw="o. A.", status="not_stated", reason="o. A.")
    values: dict[str, object] = {
        "id": id_,
        "sta": "32",
        "sta_raw": "32",
        "sta_name": "Ordnungsamt",
        "massnahme": f"Maßnahme {id_}",
        "massnahme_raw": f"Maß- nahme {id_}",
        "link": Link(
            measure_id=measure_id,
            score=None if measure_id is None else 97.5,
            method="none" if measure_id is None else "fuzzy",
        ),
        "aufwand_2023": not_stated,
        "ertrag_2023": not_stated,
        "aufwand_2024": not_stated,
        "ertrag_2024": not_stated,
        "aufwand_2025": not_stated,
        "ertrag_2025": not_stated,
        "foerdergeber": _text("Land NRW"),
        "kennzahl": _text("Teilnehmende"),
        "wert_2023": KeyFigures(raw="o. A.", status="not_stated"),
        "wert_2024": KeyFigures(raw="o. A.", status="not_stated"),
        "wert_2025": KeyFigures(raw="o. A.", status="not_stated"),
        "page": 12,
        "pages": [12],
    }
    values.update(fields)
    return BudgetLine.model_validate(with_years(values))


def _district(name: str, values: list[int], total: bool = False) -> District:
    a, e, s, m, d = (Decimal(v) for v in values)
    return District(
        sozialraum=name,
        auslaender=a,
        eingebuergerte=e,
        aussiedler=s,
        migh_gesamt=m,
        deutsche_ohne_migh=d,
        ist_gesamt=total,
        page=7,
    )


def _plan() -> CuratedPlan:
    measures = [
        _measure(
            "m-01",
            HYPERLINK,
            beschreibung='Kurse für Eltern, mit "Kinderbetreuung"\nund Fahrtkosten',
            kennzahlen=[
                KeyFigure(label="Teilnehmende", value=Decimal("501"), raw="Teilnehmende: 501"),
                KeyFigure(label="Kosten", value=Decimal("12.5"), unit="€", raw="12,50 €"),
            ],
            kosten=Amount(
                raw="45.821,54 € (Stand 01.10.2024)",
                status="ok",
                betrag_eur=Decimal("45821.54"),
                stand=date(2024, 10, 1),
            ),
            pages=[40, 41],
            budget_rows=["b-001"],
            index_entry="i-01",
            overview_rows=["o-01"],
        ),
        _measure(
            "m-02",
            "Sprachcafé",
            traeger="@SUM(A1)",
            beschreibung="Seiten\x0cumbruch",
            budget_rows=["b-002"],
        ),
        _measure(
            "m-03",
            "Elternlotsen",
            zielgruppe="+1",
            sachstand="läuft",
            kosten=Amount(raw="Land NRW", status="note", note="Land NRW"),
        ),
    ]
    budget = [
        _budget(
            "b-001",
            "m-01",
            aufwand_2023=_ok("45.821,54 €", "45821.54"),
            ertrag_2023=_ok("-1.500,00 €", "-1500.00"),
            aufwand_2024=_ok("50.000,00 €", "50000.00"),
            wert_2023=_figures("501", "501"),
            wert_2024=_figures("12 Kurse, 80 Personen", "12", "80"),
        ),
        _budget(
            "b-002",
            "m-02",
            aufwand_2023=_ok("1.000,46 €", "1000.46"),
            ertrag_2023=Amount(raw="Land NRW", status="note", note="Land NRW"),
            aufwand_2024=Amount(raw="762.58", status="suspect", reason="dot as decimal point"),
            foerdergeber=_text(None, raw="o. A."),
            kennzahl=_text("-5 % Abbrüche"),
        ),
        _budget("b-003", None, aufwand_2025=_ok("10,00 €", "10.00")),
    ]
    districts = [
        _district("Mitte", [100, 20, 5, 125, 300]),
        _district("Uentrop", [50, 10, 5, 65, 200]),
        _district("Hamm gesamt", [150, 30, 10, 190, 500], total=True),
    ]
    findings = [
        Finding(
            code="amount_suspect",
            severity="error",
            message="762.58 reads like a number with a dot as decimal point",
            refs=[Ref(kind="budget", id="b-002", page=12, field="aufwand_2024")],
        ),
        Finding(
            code="cost_not_stated",
            severity="warning",
            message="=1+1 no costs stated",
            refs=[Ref(kind="measure", id="m-02", page=40), Ref(kind="budget", id="b-002")],
        ),
        Finding(code="hyphenation_repaired", severity="info", message="Maß- nahme joined"),
    ]
    return CuratedPlan(
        budget_years=PLAN_YEARS,
        tool_version="0.1.0",
        source=SourceSummary(file_name="plan.pdf", sha256="0" * 64, page_count=120),
        handlungsfelder=["Sprache", "Bildung"],
        measures=measures,
        budget=budget,
        districts=districts,
        index=[
            IndexLink(
                id="i-01",
                titel="Kurse",
                seite=40,
                seite_raw="40",
                page=118,
                link=Link(measure_id="m-01", score=100.0, method="exact"),
            )
        ],
        overview=[
            OverviewLink(
                id="o-01",
                massnahme="Kurse",
                handlungsfelder=["Sprache"],
                page=20,
                link=Link(measure_id="m-01", score=100.0, method="exact"),
            )
        ],
        findings=findings,
    )


@pytest.fixture
def plan() -> CuratedPlan:
    """A small hand-made plan touching every status, sign, and formula-like text."""
    return _plan()


@pytest.fixture
def written(plan: CuratedPlan, tmp_path: Path) -> Path:
    """The plan's files, written once."""
    target = tmp_path / "curated"
    write_curated(plan, target)
    return target


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != MANIFEST
    }


# -- files -----------------------------------------------------------------------------------


def test_every_file_is_written_and_nothing_else(plan: CuratedPlan, tmp_path: Path) -> None:
    paths = write_curated(plan, tmp_path / "out")
    assert [p.name for p in paths] == FILES
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [*FILES, MANIFEST]
    )  # and the manifest naming them


def test_csv_columns_are_exactly_as_documented(written: Path) -> None:
    assert _header(written / "measures.csv") == [
        "id", "titel", "traeger", "beschreibung", "handlungsfelder", "zielgruppe", "sachstand",
        "kennzahlen", "kosten_betrag_eur", "kosten_raw", "kosten_status", "kosten_stand",
        "pages", "budget_rows",
    ]  # fmt: skip
    values = [
        "aufwand_2023", "ertrag_2023", "aufwand_2024", "ertrag_2024", "aufwand_2025",
        "ertrag_2025", "wert_2023", "wert_2024", "wert_2025",
    ]  # fmt: skip
    assert _header(written / "budget.csv") == [
        "sta", "massnahme", "measure_id", "aufwand_2023", "ertrag_2023", "aufwand_2024",
        "ertrag_2024", "aufwand_2025", "ertrag_2025", "foerdergeber", "kennzahl", "wert_2023",
        "wert_2024", "wert_2025", "page",
        *(f"{v}_{part}" for v in values for part in ("raw", "status")),
        "id", "sta_raw", "sta_name", "massnahme_raw", "link_score",
        "foerdergeber_raw", "foerdergeber_status", "kennzahl_raw", "kennzahl_status",
    ]  # fmt: skip
    assert _header(written / "districts.csv") == [
        "sozialraum", "auslaender", "eingebuergerte", "aussiedler", "migh_gesamt",
        "deutsche_ohne_migh", "page",
    ]  # fmt: skip


def test_budget_values_one_row_per_line_year_and_kind(written: Path) -> None:
    assert _header(written / "budget_values.csv") == [
        "budget_id", "measure_id", "jahr", "art", "betrag_eur", "wert", "einheit", "basis",
        "raw", "status", "page",
    ]  # fmt: skip
    rows = _csv(written / "budget_values.csv")
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
    rows = {r["id"]: r for r in _csv(written / "budget.csv")}
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
    measures = _csv(written / "measures.csv")
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
    districts = _csv(written / "districts.csv")
    assert [d["sozialraum"] for d in districts] == ["Mitte", "Uentrop"]
    assert districts[0] == {
        "sozialraum": "Mitte", "auslaender": "100", "eingebuergerte": "20", "aussiedler": "5",
        "migh_gesamt": "125", "deutsche_ohne_migh": "300", "page": "7",
    }  # fmt: skip


def test_json_files(plan: CuratedPlan, written: Path) -> None:
    assert CuratedPlan.model_validate_json((written / "plan.json").read_text("utf-8")) == plan
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


# -- formula neutralisation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+1", "'+1"),
        ("-5", "'-5"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Land NRW", "Land NRW"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected


def test_formula_texts_are_neutralised_in_csv(written: Path) -> None:
    measures = {m["id"]: m for m in _csv(written / "measures.csv")}
    assert measures["m-01"]["titel"] == "'" + HYPERLINK
    assert measures["m-02"]["traeger"] == "'@SUM(A1)"
    assert measures["m-03"]["zielgruppe"] == "'+1"
    text = (written / "measures.csv").read_text("utf-8")
    assert not any(line.startswith(("=", "@", "+")) for line in text.splitlines())


def test_formula_texts_are_text_and_numbers_numbers_in_xlsx(written: Path) -> None:
    book = openpyxl.load_workbook(written / "hammplan.xlsx")
    assert book.sheetnames == [
        "Maßnahmen",
        "Budget",
        "Budgetwerte",
        "Sozialräume",
        "Befunde",
        "Datenwörterbuch",
    ]
    sheet = book["Maßnahmen"]
    header = [c.value for c in sheet[1]]
    assert header == _header(written / "measures.csv")
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    cells = {
        (row[0].value, name): row[header.index(name)]
        for row in sheet.iter_rows(min_row=2)
        for name in header
    }
    for key, text in (
        (("m-01", "titel"), HYPERLINK),
        (("m-02", "traeger"), "@SUM(A1)"),
        (("m-03", "zielgruppe"), "+1"),
    ):
        assert cells[key].value == "'" + text and cells[key].data_type == "s", key
    assert cells[("m-01", "kosten_betrag_eur")].value == pytest.approx(45821.54)
    assert cells[("m-01", "kosten_betrag_eur")].data_type == "n"
    assert cells[("m-02", "beschreibung")].value == "Seiten\ufffdumbruch"  # XML cannot hold \x0c
    budget = book["Budget"]
    bheader = [c.value for c in budget[1]]
    first = budget[2]
    ertrag = first[bheader.index("ertrag_2023")]
    assert (ertrag.value, ertrag.data_type) == (-1500, "n")
    assert first[bheader.index("kennzahl")].value == "Teilnehmende"
    assert budget[3][bheader.index("kennzahl")].value == "'-5 % Abbrüche"
    befunde = book["Befunde"]
    assert [c.value for c in befunde[1]] == ["code", "severity", "message", "pages", "refs"]
    warning = [c.value for c in befunde[3]]
    assert warning == [
        "cost_not_stated", "warning", "'=1+1 no costs stated", "40",
        "measure:m-02 (S. 40); budget:b-002",
    ]  # fmt: skip
    districts = book["Sozialräume"]
    assert [c.value for c in districts[1]][-1] == "ist_gesamt"
    assert [row[-1].value for row in districts.iter_rows(min_row=2)] == [False, False, True]


# -- SQLite ----------------------------------------------------------------------------------


def test_sqlite_tables_hold_the_numbers(written: Path) -> None:
    with sqlite3.connect(written / "hammplan.sqlite") as db:
        # amounts in exact cents to compute with, and shown in euros
        (aufwand_2023,) = db.execute("SELECT SUM(aufwand_2023_cent) FROM budget").fetchone()
        assert aufwand_2023 == 4582154 + 100046
        (ertrag_2023,) = db.execute("SELECT SUM(ertrag_2023_cent) FROM budget").fetchone()
        assert ertrag_2023 == -150000
        shown = db.execute("SELECT aufwand_2023 FROM budget ORDER BY id").fetchall()
        assert shown[0] == ("45.821,54\u00a0€",)
        joined = db.execute(
            "SELECT m.id, SUM(b.aufwand_2024_cent) FROM budget b JOIN measures m"
            " ON m.id = b.measure_id GROUP BY m.id ORDER BY m.id"
        ).fetchall()
        assert joined == [("m-01", 5000000), ("m-02", None)]
        assert db.execute(
            "SELECT SUM(auslaender), COUNT(*) FROM districts WHERE NOT ist_gesamt"
        ).fetchone() == (150, 2)
        assert db.execute("SELECT auslaender FROM districts WHERE ist_gesamt").fetchone() == (150,)
        assert db.execute("SELECT titel FROM measures WHERE id = 'm-01'").fetchone() == (HYPERLINK,)
        assert db.execute("SELECT kosten_stand FROM measures WHERE id = 'm-01'").fetchone() == (
            "2024-10-01",
        )
        assert db.execute(
            "SELECT severity, COUNT(*) FROM findings GROUP BY 1 ORDER BY 1"
        ).fetchall() == [("error", 1), ("info", 1), ("warning", 1)]
        pks = {
            table: [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[5]]
            for table in ("measures", "budget", "districts", "findings")
        }
        assert pks == {"measures": ["id"], "budget": ["id"], "districts": [], "findings": ["id"]}
        types = {r[1]: r[2] for r in db.execute("PRAGMA table_info(budget)")}
        assert (types["aufwand_2023"], types["aufwand_2023_cent"], types["page"], types["sta"]) == (
            "TEXT",
            "INTEGER",
            "INTEGER",
            "TEXT",
        )
        fks = db.execute("PRAGMA foreign_key_list(budget)").fetchall()
        assert {(r[2], r[3], r[4]) for r in fks} == {
            ("measures", "measure_id", "id"),
            ("organisations", "sta", "code"),
        }


# -- Data Package ----------------------------------------------------------------------------


def _valid(folder: Path) -> None:
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_is_valid_and_describes_every_column(written: Path) -> None:
    _valid(written)
    package = json.loads((written / "datapackage.json").read_text("utf-8"))
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert [r["path"] for r in package["resources"]] == [
        "measures.csv", "budget.csv", "budget_values.csv", "districts.csv", "findings.csv",
    ]  # fmt: skip
    for resource in resources.values():
        schema = resource["schema"]
        assert [f["name"] for f in schema["fields"]] == _header(written / resource["path"])
        assert schema["missingValues"] == [""]
        assert all(f["description"] and f["type"] for f in schema["fields"])
    budget = {f["name"]: f for f in resources["budget"]["schema"]["fields"]}
    assert budget["aufwand_2023"]["unit"] == "EUR" and budget["aufwand_2023"]["type"] == "number"
    assert "unit" not in budget["wert_2023"]
    assert budget["page"]["type"] == "integer"
    measures = {f["name"]: f for f in resources["measures"]["schema"]["fields"]}
    assert measures["kosten_stand"]["type"] == "date"
    assert resources["measures"]["schema"]["primaryKey"] == ["id"]
    assert resources["budget"]["schema"]["primaryKey"] == ["id"]
    assert resources["budget"]["schema"]["foreignKeys"] == [
        {"fields": ["measure_id"], "reference": {"resource": "measures", "fields": ["id"]}}
    ]


def test_datapackage_notices_a_changed_csv(written: Path) -> None:
    path = written / "budget.csv"
    path.write_bytes(path.read_bytes().replace(b"45821.54", b"45821.55"))
    assert not validate(str(written / "datapackage.json")).valid


def test_workbook_and_data_package_carry_the_plans_own_name(
    plan: CuratedPlan, tmp_path: Path
) -> None:
    """The workbook's title is the publication's, from the plan's title page: a plan of
    another kind is not called an Integrationsplan there."""
    plan.edition.titel, plan.edition.stadt = "Teilhabekonzept", "Musterstadt"
    write_curated(plan, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    book = openpyxl.load_workbook(tmp_path / "hammplan.xlsx")
    title = "Teilhabekonzept – Musterstadt als offene Daten"
    assert book.properties.title == package["title"] == title


def test_broken_links_are_not_declared_as_keys(plan: CuratedPlan, tmp_path: Path) -> None:
    plan.budget[2].link = Link(measure_id="m-99", score=80.0, method="fuzzy")
    plan.measures[2].id = "m-01"
    write_curated(plan, tmp_path)
    _valid(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    assert "primaryKey" not in schemas["measures"]
    assert "foreignKeys" not in schemas["budget"]
    with sqlite3.connect(tmp_path / "hammplan.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM measures WHERE id = 'm-01'").fetchone() == (2,)


# -- reproducible and atomic -----------------------------------------------------------------


def test_two_writes_give_identical_bytes(
    plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _snapshot(write_curated(plan, tmp_path / "a")[0].parent)
    # A second later, and with the clock zip entries read a day ahead: any timestamp shows.
    time.sleep(1.1)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 86_400)
    second = _snapshot(write_curated(_plan(), tmp_path / "b")[0].parent)
    monkeypatch.undo()
    assert list(first) == sorted(FILES)
    for name in first:
        assert first[name] == second[name], name
    with zipfile.ZipFile(io.BytesIO(first["hammplan.xlsx"])) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_failed_render_leaves_previous_files_intact(
    plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_curated(plan, tmp_path)
    before = _snapshot(tmp_path)
    plan.measures[0].titel = "Ein neuer Titel"
    set_value(
        plan.budget[0], "aufwand_2023", Amount(raw="1,00 €", status="ok", betrag_eur=Decimal(1))
    )

    def fail(*args: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(publish, "xlsx_bytes", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_curated(plan, tmp_path)
    assert _snapshot(tmp_path) == before
    monkeypatch.undo()
    write_curated(plan, tmp_path)  # the change would have reached the files
    assert _snapshot(tmp_path)["measures.csv"] != before["measures.csv"]


def test_a_rename_that_fails_is_finished_by_the_next_run(
    plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "old"
    write_curated(plan, target)
    before = _snapshot(target)
    plan.measures[0].titel = "Ein neuer Titel"
    new = tmp_path / "new"
    write_curated(plan, new)
    after = _snapshot(new)
    real_replace = os.replace
    calls: list[object] = []

    def replace_then_fail(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(OutputError, match=r"No space left on device\); the next run finishes"):
        write_curated(plan, target)
    monkeypatch.undo()
    now = _snapshot(target)
    mixed = [n for n in FILES if now[n] == after[n] != before[n]]
    assert mixed == ["plan.json", "measures.json"]  # the commit was cut short
    assert recover(target) == [f"{target}: finished publishing the set a stopped run had committed"]
    assert sorted(p.name for p in target.iterdir()) == sorted([*FILES, MANIFEST])
    assert _snapshot(target) == after  # the whole new set, nothing left over


# -- docs ------------------------------------------------------------------------------------


def test_data_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary_markdown(), (
        "docs/data-dictionary.md is stale; regenerate it with: .venv/bin/python -c "
        "'from hammplan.publish.dictionary import data_dictionary_markdown as d; "
        'print(d(), end="")\''
        " > docs/data-dictionary.md"
    )


def test_data_dictionary_names_every_column_and_status() -> None:
    text = data_dictionary_markdown()
    for name in ("measures.csv", "budget.csv", "districts.csv"):
        for column in _header_from_package(name):
            assert f"`{column}`" in text, (name, column)
    for status in ("ok", "not_stated", "note", "suspect"):
        assert f"| `{status}` |" in text


def _header_from_package(name: str) -> list[str]:
    table = next(t for t in publish.TABLES if t.file == name)
    return [c.name for c in table.csv_columns]


def test_plan_json_is_handed_over_before_the_other_files_are_made(
    plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build`` has the charts drawn from plan.json's bytes while the rest are made: they
    are the bytes written, handed over before any other file is rendered."""
    handed: list[bytes] = []
    made_after: list[int] = []
    real_xlsx = publish.xlsx_bytes

    def xlsx(*args: object) -> bytes:
        made_after.append(len(handed))
        return real_xlsx(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(publish, "xlsx_bytes", xlsx)
    write_curated(plan, tmp_path, handed.append)
    assert handed == [(tmp_path / "plan.json").read_bytes()]
    assert made_after == [1]
