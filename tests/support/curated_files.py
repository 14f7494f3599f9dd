"""A small hand-made curated plan, and readers of the files ``publish`` writes from it.

The plan touches every status, sign and formula-like text the curated files must carry
safely; the tests of ``tests/publish`` (their fixtures are in its ``conftest.py``) check each
file against it.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from hammplan.io.fileset import MANIFEST
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
from tests.support.budget import PLAN_YEARS, with_years

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
"""Every file ``write_curated`` writes, in the order it returns them: the public contract,
written out rather than imported from :data:`hammplan.publish.OUTPUT_FILES`, which orders
``write_curated``'s files, so that the test of the files written does not compare that list
with itself."""

SHEETS = ["Maßnahmen", "Budget", "Budgetwerte", "Sozialräume", "Befunde", "Datenwörterbuch"]
"""The sheets of ``hammplan.xlsx``, in order: written out for the same reason as FILES."""

HYPERLINK = '=HYPERLINK("http://x")'
"""A printed title a spreadsheet would run as a formula: neutralised in CSV and the workbook."""


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


def small_plan() -> CuratedPlan:
    """A small hand-made plan touching every status, sign, and formula-like text."""
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


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file written by ``publish``, by column name."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_header(path: Path) -> list[str]:
    """The column names of a CSV file written by ``publish``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of every file in ``folder`` but the manifest, by name."""
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != MANIFEST
    }
