"""The Data Package: valid, every column described, a changed file noticed, keys only where
they hold, named after the plan."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
from frictionless import validate
from tests.support.curated_files import csv_header

from hammplan.publish import write_curated
from hammplan.records.plan import CuratedPlan, Link


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
        assert [f["name"] for f in schema["fields"]] == csv_header(written / resource["path"])
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
    small_plan: CuratedPlan, tmp_path: Path
) -> None:
    """The workbook's title is the publication's, from the plan's title page: a plan of
    another kind is not called an Integrationsplan there."""
    small_plan.edition.titel, small_plan.edition.stadt = "Teilhabekonzept", "Musterstadt"
    write_curated(small_plan, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    book = openpyxl.load_workbook(tmp_path / "hammplan.xlsx")
    title = "Teilhabekonzept – Musterstadt als offene Daten"
    assert book.properties.title == package["title"] == title


def test_broken_links_are_not_declared_as_keys(small_plan: CuratedPlan, tmp_path: Path) -> None:
    small_plan.budget[2].link = Link(measure_id="m-99", score=80.0, method="fuzzy")
    small_plan.measures[2].id = "m-01"
    write_curated(small_plan, tmp_path)
    _valid(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    assert "primaryKey" not in schemas["measures"]
    assert "foreignKeys" not in schemas["budget"]
    with sqlite3.connect(tmp_path / "hammplan.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM measures WHERE id = 'm-01'").fetchone() == (2,)
