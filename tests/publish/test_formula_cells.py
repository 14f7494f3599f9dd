"""Printed text that a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM", "+1")
is neutralised in CSV and the workbook; numbers stay numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from tests.support.curated_files import HYPERLINK, SHEETS, csv_header, read_csv

from hammplan.publish.cells import neutralise_formula


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
    measures = {m["id"]: m for m in read_csv(written / "measures.csv")}
    assert measures["m-01"]["titel"] == "'" + HYPERLINK
    assert measures["m-02"]["traeger"] == "'@SUM(A1)"
    assert measures["m-03"]["zielgruppe"] == "'+1"
    text = (written / "measures.csv").read_text("utf-8")
    assert not any(line.startswith(("=", "@", "+")) for line in text.splitlines())


def test_formula_texts_are_text_and_numbers_numbers_in_xlsx(written: Path) -> None:
    book = openpyxl.load_workbook(written / "hammplan.xlsx")
    assert book.sheetnames == SHEETS
    sheet = book["Maßnahmen"]
    header = [c.value for c in sheet[1]]
    assert header == csv_header(written / "measures.csv")
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
