"""The bundled plan's curated folder as it is published: Datasette serves the database with
its metadata (queried over HTTP on 127.0.0.1), Frictionless accepts the data package, and the
workbook explains its columns and links its page numbers to the PDF beside it."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from frictionless import validate
from tests.conftest import PLAN_PDF

from hammplan.publish import write_curated
from hammplan.publish.tables import tables_for
from hammplan.records.plan import CuratedPlan

STARTUP_SECONDS = 60


@pytest.fixture(scope="module")
def folder(curated: CuratedPlan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("curated")
    write_curated(curated, out, pdf=PLAN_PDF)
    return out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def datasette(folder: Path) -> Iterator[str]:
    """Datasette serving hammplan.sqlite with metadata.json, on 127.0.0.1 only; its URL."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(folder / "hammplan.sqlite"),
            "--metadata",
            str(folder / "metadata.json"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--setting",
            "sql_time_limit_ms",
            "5000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                urllib.request.urlopen(f"{url}/-/versions.json", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"datasette did not start: {output[-2000:]}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def _get(url: str, path: str, **query: str) -> object:
    address = f"{url}/hammplan/{path}.json?" + urllib.parse.urlencode(query)
    with urllib.request.urlopen(address, timeout=30) as response:
        return json.loads(response.read())


def test_datasette_serves_amounts_in_euros_and_exact_cents(
    datasette: str, curated: CuratedPlan
) -> None:
    line = next(
        b
        for b in curated.budget
        if b.aufwand(2024).betrag_eur is not None
        and b.aufwand(2024).betrag_eur != b.aufwand(2024).betrag_eur.to_integral_value()
    )
    rows = _get(
        datasette, "budget_values", _shape="array", budget_id=line.id, jahr="2024", art="aufwand"
    )
    assert isinstance(rows, list) and len(rows) == 1
    amount = line.aufwand(2024).betrag_eur
    assert amount is not None
    assert rows[0]["betrag_eur_cent"] == int(amount * 100)
    euros, cents = f"{int(amount):,}".replace(",", "."), f"{int(amount * 100) % 100:02d}"
    assert rows[0]["betrag_eur"] == f"{euros},{cents}\u00a0€"
    assert rows[0]["raw"] == line.aufwand(2024).raw and rows[0]["page"] == line.aufwand(2024).page


def test_datasette_shows_titles_for_links_and_searches_text(
    datasette: str, curated: CuratedPlan
) -> None:
    line = next(b for b in curated.budget if b.link.measure_id)
    measure = next(m for m in curated.measures if m.id == line.link.measure_id)
    found = _get(datasette, "budget", _labels="on", _shape="array", id=line.id)
    assert isinstance(found, list)
    assert found[0]["measure_id"] == {"value": measure.id, "label": measure.titel}
    word = max(measure.titel.split(), key=len).strip('„“"(),.:')
    hits = _get(datasette, "measures", _search=word, _shape="array", _col="titel")
    assert isinstance(hits, list) and measure.titel in [h["titel"] for h in hits]
    error = next(f for f in curated.findings if f.severity == "error")
    word = max(error.message.split(), key=len).strip('„“"(),.:;')
    hits = _get(datasette, "findings", _search=word, _shape="array")
    assert isinstance(hits, list) and error.message in [h["message"] for h in hits]


def test_datasette_has_the_metadata(datasette: str, curated: CuratedPlan) -> None:
    with urllib.request.urlopen(f"{datasette}/-/metadata.json", timeout=30) as response:
        metadata = json.loads(response.read())
    assert metadata["license"] and metadata["license_url"].startswith("https://")
    assert curated.source.file_name in metadata["source"]
    tables = metadata["databases"]["hammplan"]["tables"]
    assert "Einheit: EUR" in tables["budget_values"]["columns"]["betrag_eur"]
    assert tables["measures"]["label_column"] == "titel"
    measures = _get(datasette, "measures", _shape="array", _size="max")
    assert isinstance(measures, list) and len(measures) == len(curated.measures)


def test_every_key_is_indexed_and_every_link_holds(folder: Path) -> None:
    with sqlite3.connect(folder / "hammplan.sqlite") as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%'"
            )
        ]
        assert {
            "budget_values",
            "handlungsfelder",
            "measure_handlungsfelder",
            "kennzahlen",
            "index_entries",
            "overview",
            "statements",
            "finding_refs",
        } <= set(tables)
        links = 0
        for table in tables:
            indexed = {
                db.execute(f"PRAGMA index_info('{index[1]}')").fetchone()[2]
                for index in db.execute(f"PRAGMA index_list('{table}')")
            }
            for fk in db.execute(f"PRAGMA foreign_key_list('{table}')"):
                links += 1
                assert fk[3] in indexed, (table, fk[3])
        assert links >= 10
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_data_package_is_valid_with_licence_enums_and_all_resources(folder: Path) -> None:
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["path"].startswith("https://")
    assert package["sources"][0]["title"] and package["contributors"][0]["role"] == "publisher"
    resources = {r["name"]: r for r in package["resources"]}
    assert {"findings", "budget_values"} <= set(resources)
    for resource in resources.values():
        for field in resource["schema"]["fields"]:
            if field["name"].endswith("status"):
                assert field["constraints"]["enum"] == ["ok", "not_stated", "note", "suspect"]
    severity = next(f for f in resources["findings"]["schema"]["fields"] if f["name"] == "severity")
    assert severity["constraints"]["enum"] == ["error", "warning", "info"]


def test_the_workbook_has_a_data_dictionary_and_linked_page_numbers(
    folder: Path, curated: CuratedPlan
) -> None:
    import openpyxl

    assert (folder / "quelle.pdf").read_bytes() == PLAN_PDF.read_bytes()
    book = openpyxl.load_workbook(folder / "hammplan.xlsx")
    dictionary = list(book["Datenwörterbuch"].iter_rows(values_only=True))
    assert dictionary[0] == ("blatt", "spalte", "typ", "einheit", "werte", "beschreibung")
    described = {(row[0], row[1]) for row in dictionary[1:]}
    tables = tables_for(curated.budget_years)
    assert described == {(t.sheet, c.name) for t in tables for c in t.columns}
    status = next(r for r in dictionary if r[:2] == ("Budget", "aufwand_2024_status"))
    assert status[4] == "ok, not_stated, note, suspect"
    budget = book["Budget"]
    header = [c.value for c in budget[1]]
    pages = [row[header.index("page")] for row in budget.iter_rows(min_row=2)]
    assert [c.value for c in pages] == [b.page for b in curated.budget]
    assert all(c.data_type == "n" for c in pages)
    assert [c.hyperlink.target for c in pages] == [
        f"quelle.pdf#page={b.page}" for b in curated.budget
    ]
