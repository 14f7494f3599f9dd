"""Writing the curated plan as open data: JSON, CSV, Excel, SQLite and a Frictionless package.

Every file is a view of one :class:`CuratedPlan`, so the views can never disagree; the column
descriptions live in one table (:data:`TABLES`) from which the Data Package schema, the SQLite
column types, the Excel sheets and ``docs/data-dictionary.md`` are all made.

Three promises hold for every file written here:

* Atomic: all files are rendered in memory first, and each is then written to a temporary file
  in the target folder and renamed over the old one. A failure while rendering leaves every
  previous file untouched; no reader ever sees half a file, and no temporary file is left.
* Deterministic: the same plan gives the same bytes (fixed timestamps in the xlsx, an SQLite
  database built fresh in memory, sorted keys where no order is given), so a re-run that changes
  nothing shows no diff and a published file can be checked by its hash.
* Safe to open: text cells that a spreadsheet would run as a formula are neutralised in the
  CSV and Excel files (see :func:`neutralise_formula`); number columns stay numbers.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import sys
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from hammplan.curate.findings import FINDING_CODES, Finding, count_by_severity, sort_findings
from hammplan.curate.models import BUDGET_YEARS, BudgetLine, CuratedPlan, District, Measure
from hammplan.curate.values import Amount, KeyFigure, KeyFigures, Text

# --------------------------------------------------------------------------------------------
# The one table of columns
# --------------------------------------------------------------------------------------------

ColumnType = Literal["string", "number", "integer", "date", "boolean"]


@dataclass(frozen=True)
class Column:
    """One column of a flat table, described once for CSV, Excel, SQLite and the docs."""

    name: str
    type: ColumnType
    description: str
    unit: str | None = None
    in_csv: bool = True
    """False for a column kept only in Excel and SQLite (districts.ist_gesamt)."""


@dataclass(frozen=True)
class Table:
    """One flat view of the plan: a CSV file (if ``file``), an Excel sheet, an SQLite table."""

    name: str
    file: str | None
    sheet: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def csv_columns(self) -> tuple[Column, ...]:
        """The columns of the CSV file, in order."""
        return tuple(c for c in self.columns if c.in_csv)


STATUS_TEXT: dict[str, str] = {
    "ok": "Wert wie gedruckt (nach dokumentierten Reparaturen wie Silbentrennung).",
    "not_stated": (
        'Der Plan nennt den Wert nicht: "o. A.", "k. A." (auch in Varianten der Texterkennung) '
        "oder eine leere Zelle. Die Zahlenspalte bleibt leer."
    ),
    "note": (
        'Worte statt einer Zahl ("Land NRW", "Beschlussvorlage"); die Worte stehen in der '
        "_raw-Spalte, die Zahlenspalte bleibt leer."
    ),
    "suspect": (
        'Sieht aus wie eine Zahl, widerspricht aber ihrer Form oder ihrem Zusammenhang ("762.58", '
        '"066"). Es wird nie geraten: die Zahlenspalte bleibt leer, ein Befund nennt den Grund.'
    ),
}
"""The four values of every *_status column, explained once for the data dictionary."""

SEVERITY_TEXT: dict[str, str] = {
    "error": "Der Plan widerspricht sich, oder einer Zahl kann nicht vertraut werden.",
    "warning": "Wahrscheinlich falsch oder fehlend; lohnt einen Blick.",
    "info": "Eine Reparatur oder Beobachtung, der Nachvollziehbarkeit halber festgehalten.",
}

_EUR = "EUR"


def _value_columns(name: str) -> tuple[Column, ...]:
    """The raw and status companions of one budget value column (kept beside the number)."""
    return (
        Column(f"{name}_raw", "string", f"Zelle {name} wortgetreu, wie gedruckt."),
        Column(
            f"{name}_status",
            "string",
            f"Status der Zelle {name}: ok, not_stated, note oder suspect.",
        ),
    )


def _budget_value_columns() -> tuple[tuple[str, str, str | None], ...]:
    """The nine value columns of a budget row, in printed order: name, description, unit."""
    amounts = tuple(
        (
            f"{kind}_{year}",
            f"{label} {year} in Euro; leer, wenn nicht als Betrag genannt "
            f"(siehe {kind}_{year}_status).",
            _EUR,
        )
        for year in BUDGET_YEARS
        for kind, label in (("aufwand", "Aufwand"), ("ertrag", "Ertrag (Einnahmen)"))
    )
    values = tuple(
        (
            f"wert_{year}",
            f"Wert der Kennzahl {year}; nur gefüllt, wenn die Zelle genau einen Zahlenwert "
            f"enthält (sonst siehe wert_{year}_raw).",
            None,
        )
        for year in BUDGET_YEARS
    )
    return amounts + values


_BUDGET_VALUES = _budget_value_columns()

TABLES: tuple[Table, ...] = (
    Table(
        name="measures",
        file="measures.csv",
        sheet="Maßnahmen",
        title="Maßnahmen",
        description="Eine Zeile je Maßnahme, aus ihrem Steckbrief, mit Verweisen auf das Budget.",
        columns=(
            Column("id", "string", "Kennung der Maßnahme; Primärschlüssel."),
            Column("titel", "string", "Titel der Maßnahme laut Steckbrief."),
            Column("traeger", "string", "Träger der Maßnahme laut Steckbrief."),
            Column("beschreibung", "string", "Beschreibung der Maßnahme laut Steckbrief."),
            Column(
                "handlungsfelder",
                "string",
                'Handlungsfelder der Maßnahme, getrennt durch "; ".',
            ),
            Column("zielgruppe", "string", "Zielgruppe laut Steckbrief."),
            Column("sachstand", "string", "Sachstand laut Steckbrief."),
            Column(
                "kennzahlen",
                "string",
                'Kennzahlen des Steckbriefs als "Bezeichnung: Wert Einheit", getrennt durch "; ".',
            ),
            Column(
                "kosten_betrag_eur",
                "number",
                "Kosten laut Steckbrief in Euro; leer, wenn nicht als Betrag genannt "
                "(siehe kosten_status).",
                unit=_EUR,
            ),
            Column("kosten_raw", "string", "Kostenangabe wortgetreu, wie gedruckt."),
            Column(
                "kosten_status",
                "string",
                "Status der Kostenangabe: ok, not_stated, note oder suspect.",
            ),
            Column(
                "kosten_stand",
                "date",
                "Stichtag, der bei den Kosten gedruckt ist (JJJJ-MM-TT).",
            ),
            Column("pages", "string", 'PDF-Seiten (ab 1) des Steckbriefs, getrennt durch "; ".'),
            Column(
                "budget_rows",
                "string",
                'Kennungen der zugehörigen Budgetzeilen (budget.csv, id), getrennt durch "; ".',
            ),
        ),
    ),
    Table(
        name="budget",
        file="budget.csv",
        sheet="Budget",
        title="Budget",
        description=(
            "Eine Zeile je Zeile der Budgettabellen: Aufwand und Ertrag je Jahr, Fördergeber, "
            "Kennzahl, verknüpft mit der Maßnahme."
        ),
        columns=(
            Column("sta", "string", "Kürzel der städtischen Dienststelle (Spalte StA)."),
            Column("massnahme", "string", "Name der Maßnahme, wie in der Budgettabelle."),
            Column(
                "measure_id",
                "string",
                "Kennung der verknüpften Maßnahme (measures.csv, id); leer, wenn keine "
                "Maßnahme zugeordnet werden konnte.",
            ),
            *(
                Column(name, "number", description, unit=unit)
                for name, description, unit in _BUDGET_VALUES
                if not name.startswith("wert_")
            ),
            Column("foerdergeber", "string", "Fördergeber laut Budgettabelle."),
            Column(
                "kennzahl",
                "string",
                "Bezeichnung der Kennzahl, deren Werte in wert_2023 bis wert_2025 stehen.",
            ),
            *(
                Column(name, "number", description, unit=unit)
                for name, description, unit in _BUDGET_VALUES
                if name.startswith("wert_")
            ),
            Column("page", "integer", "PDF-Seite (ab 1), auf der die Zeile beginnt."),
            *(column for name, _, _ in _BUDGET_VALUES for column in _value_columns(name)),
            Column("id", "string", "Kennung der Budgetzeile; Primärschlüssel."),
            Column("sta_raw", "string", "StA-Zelle wortgetreu, wie gedruckt."),
            Column("sta_name", "string", "Name der Dienststelle zum StA-Kürzel, soweit bekannt."),
            Column("massnahme_raw", "string", "Maßnahmen-Zelle wortgetreu, wie gedruckt."),
            Column(
                "link_score",
                "number",
                "Ähnlichkeit (0 bis 100) des Namens mit dem Titel der verknüpften Maßnahme; "
                "100 bei genauer Übereinstimmung, leer ohne Verknüpfung.",
            ),
        ),
    ),
    Table(
        name="districts",
        file="districts.csv",
        sheet="Sozialräume",
        title="Sozialräume",
        description=(
            "Bevölkerung nach Migrationsstatus je Sozialraum. Die Summenzeile der Tabelle "
            "steht nur in plan.json, Excel und SQLite (ist_gesamt)."
        ),
        columns=(
            Column("sozialraum", "string", "Name des Sozialraums."),
            Column("auslaender", "integer", "Ausländerinnen und Ausländer (Anzahl Personen)."),
            Column("eingebuergerte", "integer", "Eingebürgerte (Anzahl Personen)."),
            Column("aussiedler", "integer", "Aussiedlerinnen und Aussiedler (Anzahl Personen)."),
            Column(
                "migh_gesamt",
                "integer",
                "Personen mit Migrationshintergrund insgesamt (Anzahl Personen).",
            ),
            Column(
                "deutsche_ohne_migh",
                "integer",
                "Deutsche ohne Migrationshintergrund (Anzahl Personen).",
            ),
            Column("page", "integer", "PDF-Seite (ab 1) der Tabelle."),
            Column(
                "ist_gesamt",
                "boolean",
                "Wahr für die gedruckte Summenzeile, die districts.csv weglässt.",
                in_csv=False,
            ),
        ),
    ),
    Table(
        name="findings",
        file=None,
        sheet="Befunde",
        title="Befunde",
        description=(
            "Was der Plan nicht nennt, entstellt oder sich widersprechend nennt, als Datensätze "
            "(auch in findings.json, dort mit den Verweisen als Objekte)."
        ),
        columns=(
            Column("code", "string", "Stabiler Code des Befunds; wird nie umbenannt."),
            Column("severity", "string", "Schwere: error, warning oder info."),
            Column("message", "string", "Der Befund in Worten."),
            Column("pages", "string", 'PDF-Seiten, auf die er verweist, getrennt durch "; ".'),
            Column(
                "refs",
                "string",
                'Betroffene Datensätze als "Art:Kennung.Feld (S. Seite)", getrennt durch "; ".',
            ),
        ),
    ),
)
"""Every flat table, its columns in order and their German descriptions: the one source."""

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

XLSX_TIMESTAMP = datetime(1980, 1, 1)
"""Creation and modification time written into the xlsx (and its zip entries): fixed, so the
same plan gives the same bytes; 1980-01-01 is the earliest time a zip entry can carry."""

OUTPUT_FILES: tuple[str, ...] = (
    "plan.json",
    "measures.json",
    "measures.csv",
    "budget.csv",
    "districts.csv",
    "findings.json",
    "hammplan.xlsx",
    "hammplan.sqlite",
    "datapackage.json",
)
"""Every file :func:`write_curated` writes, in the order written (the package last)."""

# --------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------

Cell = str | int | float | Decimal | date | bool | None
Row = dict[str, Cell]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (OWASP "CSV injection").

    Excel, LibreOffice and Google Sheets run a cell starting with ``= + - @`` as a formula, and
    some skip a leading tab or carriage return before looking, so a crafted or garbled cell of
    the plan could run a command or leak data when a reader opens our CSV. The apostrophe makes
    it text; only text values pass through here, never our number columns, so ``-1500`` stays a
    number.
    """
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _decimal_text(value: Decimal) -> str:
    """A decimal as plain text with a "." point and no exponent; whole numbers without ".0"
    (the same rule as the JSON numbers of plan.json), cents kept exactly."""
    whole = value.to_integral_value()
    if value == whole:  # digits as text, not through int: no limit of 4300 digits
        text = format(whole, "f")
        return "0" if text == "-0" else text
    return format(value, "f")


def _plain_number(value: Decimal | float | int) -> int | float:
    """A number for Excel and SQLite: whole numbers as int, others as float."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    decimal = value if isinstance(value, Decimal) else Decimal(repr(value))
    return int(decimal) if decimal == decimal.to_integral_value() else float(decimal)


def _csv_text(value: Cell) -> str:
    """One CSV cell: numbers plain, dates ISO, text neutralised, absence empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, float):
        return _decimal_text(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return neutralise_formula(value)


def _joined(values: Iterable[object]) -> str | None:
    """List values as one "; "-separated text, or None for an empty list."""
    text = "; ".join(str(v) for v in values)
    return text or None


def _figure_text(figure: KeyFigure) -> str:
    """A key figure as "label: value unit"; its printed text when it holds no number."""
    if figure.value is None:
        return figure.raw
    text = _decimal_text(figure.value)
    if figure.unit:
        text = f"{text} {figure.unit}"
    return f"{figure.label}: {text}" if figure.label else text


def _single_value(figures: KeyFigures) -> Decimal | None:
    """The value of a Wert cell when it holds exactly one number, else None (see raw)."""
    values = [item.value for item in figures.items if item.value is not None]
    return values[0] if len(values) == 1 else None


def _text(value: Text) -> str | None:
    """A repaired text, or None when the plan does not state it."""
    return value.text


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------


def _measure_row(measure: Measure) -> Row:
    """A measure flattened to the columns of measures.csv."""
    kosten = measure.kosten
    return {
        "id": measure.id,
        "titel": measure.titel,
        "traeger": measure.traeger,
        "beschreibung": measure.beschreibung,
        "handlungsfelder": _joined(measure.handlungsfelder),
        "zielgruppe": measure.zielgruppe,
        "sachstand": measure.sachstand,
        "kennzahlen": _joined(_figure_text(k) for k in measure.kennzahlen),
        "kosten_betrag_eur": kosten.betrag_eur,
        "kosten_raw": kosten.raw,
        "kosten_status": kosten.status,
        "kosten_stand": kosten.stand,
        "pages": _joined(measure.pages),
        "budget_rows": _joined(measure.budget_rows),
    }


def _budget_cell(line: BudgetLine, name: str) -> Amount | KeyFigures:
    """The curated value behind one of the nine value columns."""
    cell: Amount | KeyFigures = getattr(line, name)
    return cell


def _budget_row(line: BudgetLine) -> Row:
    """A budget line flattened to the columns of budget.csv."""
    row: Row = {
        "sta": line.sta,
        "massnahme": line.massnahme,
        "measure_id": line.link.measure_id,
        "foerdergeber": _text(line.foerdergeber),
        "kennzahl": _text(line.kennzahl),
        "page": line.page,
        "id": line.id,
        "sta_raw": line.sta_raw,
        "sta_name": line.sta_name,
        "massnahme_raw": line.massnahme_raw,
        "link_score": line.link.score,
    }
    for name, _, _ in _BUDGET_VALUES:
        cell = _budget_cell(line, name)
        if isinstance(cell, Amount):
            row[name] = cell.betrag_eur
        else:
            row[name] = _single_value(cell)
        row[f"{name}_raw"] = cell.raw
        row[f"{name}_status"] = cell.status
    return row


def _district_row(district: District) -> Row:
    """A district (or the total row) flattened to the columns of districts.csv."""
    return {
        "sozialraum": district.sozialraum,
        "auslaender": district.auslaender,
        "eingebuergerte": district.eingebuergerte,
        "aussiedler": district.aussiedler,
        "migh_gesamt": district.migh_gesamt,
        "deutsche_ohne_migh": district.deutsche_ohne_migh,
        "page": district.page,
        "ist_gesamt": district.ist_gesamt,
    }


def _ref_text(finding: Finding) -> str | None:
    """A finding's refs as one text: "kind:id.field (S. page)", "; "-separated."""
    parts = []
    for ref in finding.refs:
        text = f"{ref.kind}:{ref.id}"
        if ref.field:
            text += f".{ref.field}"
        if ref.page is not None:
            text += f" (S. {ref.page})"
        parts.append(text)
    return _joined(parts)


def _finding_row(finding: Finding) -> Row:
    """A finding flattened for the Befunde sheet and the findings table."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "pages": _joined(finding.pages),
        "refs": _ref_text(finding),
    }


def _check_row(table: Table, row: Row) -> Row:
    """Fail loudly if a row builder and the column table drift apart."""
    names = [c.name for c in table.columns]
    if set(row) != set(names):
        raise ValueError(f"{table.name}: row keys {sorted(row)} differ from columns {names}")
    return {name: row[name] for name in names}


def _rows(plan: CuratedPlan) -> dict[str, list[Row]]:
    """Every flat table of the plan, rows in plan order (findings: errors first)."""
    built: dict[str, list[Row]] = {
        "measures": [_measure_row(m) for m in plan.measures],
        "budget": [_budget_row(b) for b in plan.budget],
        "districts": [_district_row(d) for d in plan.districts],
        "findings": [_finding_row(f) for f in sort_findings(plan.findings)],
    }
    return {
        name: [_check_row(TABLES_BY_NAME[name], row) for row in rows]
        for name, rows in built.items()
    }


def _csv_rows(table: Table, rows: list[Row]) -> list[Row]:
    """The rows of a table's CSV file: the districts' total row is left out."""
    return [r for r in rows if not r.get("ist_gesamt")]


# --------------------------------------------------------------------------------------------
# Renderers: plan -> bytes
# --------------------------------------------------------------------------------------------


def _json_bytes(data: object) -> bytes:
    """JSON as UTF-8 with umlauts readable, two-space indent, and a final newline.

    Integers are written in full however long (a garbled cell can read as thousands of
    digits), as plan.json writes them; Python otherwise refuses to print one of over 4300.
    """
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    finally:
        sys.set_int_max_str_digits(limit)
    return (text + "\n").encode("utf-8")


def _json_value(value: Decimal | None) -> int | float | None:
    """A decimal as a JSON number (whole numbers as integers), as plan.json writes it."""
    return None if value is None else _plain_number(value)


def _measures_json(plan: CuratedPlan) -> bytes:
    """measures.json: each measure with its profile fields and links, lists kept as lists."""
    return _json_bytes(
        [
            {
                "id": m.id,
                "titel": m.titel,
                "traeger": m.traeger,
                "beschreibung": m.beschreibung,
                "handlungsfelder": m.handlungsfelder,
                "zielgruppe": m.zielgruppe,
                "sachstand": m.sachstand,
                "kennzahlen": [
                    {"label": k.label, "value": _json_value(k.value), "unit": k.unit}
                    for k in m.kennzahlen
                ],
                "kosten": {
                    "raw": m.kosten.raw,
                    "betrag_eur": _json_value(m.kosten.betrag_eur),
                    "status": m.kosten.status,
                    "stand": m.kosten.stand.isoformat() if m.kosten.stand else None,
                },
                "pages": m.pages,
                "budget_rows": m.budget_rows,
                "index_entry": m.index_entry,
                "overview_rows": m.overview_rows,
            }
            for m in plan.measures
        ]
    )


def _findings_json(plan: CuratedPlan) -> bytes:
    """findings.json: counts by severity, then every finding with its refs, errors first."""
    return _json_bytes(
        {
            "summary": count_by_severity(plan.findings),
            "findings": [f.model_dump(mode="json") for f in sort_findings(plan.findings)],
        }
    )


_CSV_SPECIAL = frozenset(',"\r\n')


def _csv_field(text: str) -> str:
    """One field with minimal quoting (RFC 4180): quoted when it holds a comma, a quote or a
    line break of either kind. Python's csv writer (3.11) leaves a lone carriage return
    unquoted when lines end in "\\n", and every reader then breaks the row there."""
    if _CSV_SPECIAL.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def _csv_bytes(table: Table, rows: list[Row]) -> bytes:
    """A CSV file: UTF-8 without BOM, comma, minimal quoting, "\\n" line ends, header first."""
    columns = table.csv_columns
    lines = [",".join(_csv_field(c.name) for c in columns)]
    for row in _csv_rows(table, rows):
        lines.append(",".join(_csv_field(_csv_text(row[c.name])) for c in columns))
    return "".join(line + "\n" for line in lines).encode("utf-8")


_EXCEL_MAX = Decimal("9.99999999999999E+307")
"""The largest number an Excel cell holds; a larger one (a garbled cell of thousands of
digits) is written as its digits, as text."""


def _xlsx_value(value: Cell, illegal: re.Pattern[str]) -> Cell:
    """An Excel cell value: numbers plain, text neutralised and stripped of characters XML
    cannot hold (``illegal``: openpyxl refuses them; they are replaced by U+FFFD so the gap
    stays visible)."""
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        if abs(Decimal(value)) > _EXCEL_MAX:
            return _csv_text(value)
        return _plain_number(value)
    if isinstance(value, str):
        return str(illegal.sub("\ufffd", neutralise_formula(value)))
    return value


def _xlsx_bytes(rows: dict[str, list[Row]], plan: CuratedPlan) -> bytes:
    """hammplan.xlsx: one sheet per table, bold frozen header, fixed document timestamps.

    openpyxl is imported here, not with this module: it takes a fifth of a second, which
    ``build`` would otherwise pay before plan.json (and the charts drawn from it) can start.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in TABLES:
        sheet = workbook.create_sheet(table.sheet)
        sheet.append([c.name for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in rows[table.name]:
            sheet.append([_xlsx_value(row[c.name], ILLEGAL_CHARACTERS_RE)
                          for c in table.columns])
        for index, column in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            if column.unit == _EUR:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "#,##0.00"
            elif column.type == "date":
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "yyyy-mm-dd"
            longest = max(
                [len(column.name), *(len(_csv_text(r[column.name])) for r in rows[table.name])]
            )
            sheet.column_dimensions[letter].width = min(60, longest + 2)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    properties = workbook.properties
    properties.creator = f"hammplan {plan.tool_version}"
    properties.title = f"Integrationsplan: {plan.source.file_name}"
    properties.created = XLSX_TIMESTAMP
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_time_zip(buffer.getvalue(), workbook)


def _fixed_time_zip(data: bytes, workbook: Any) -> bytes:
    """Repack an xlsx with fixed zip entry times and a fixed modification time.

    openpyxl stamps docProps/core.xml with the time of saving and each zip entry with the time
    it was written; both would make every run differ. Entry order and content stay as saved.
    """
    from openpyxl.xml.constants import ARC_CORE  # type: ignore[import-untyped]
    from openpyxl.xml.functions import tostring  # type: ignore[import-untyped]

    workbook.properties.modified = XLSX_TIMESTAMP
    core: bytes = tostring(workbook.properties.to_tree())
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=XLSX_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            content = core if info.filename == ARC_CORE else source.read(info)
            target.writestr(entry, content)
    return out.getvalue()


_SQL_TYPES: dict[ColumnType, str] = {
    "string": "TEXT",
    "number": "REAL",
    "integer": "INTEGER",
    "date": "TEXT",
    "boolean": "INTEGER",
}


_SQLITE_INTEGERS = range(-(2**63), 2**63)
"""What an SQLite INTEGER holds (64 bits)."""


def _sql_value(value: Cell) -> str | int | float | None:
    """A cell for SQLite: numbers plain, dates ISO, booleans 0/1, text verbatim.

    A whole number beyond 64 bits (a garbled cell of many digits) is stored as REAL, or as its
    digits (TEXT) beyond the range of a REAL; sqlite3 would refuse it as an INTEGER.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal | float | int):
        number = _plain_number(value)
        if isinstance(number, int) and number not in _SQLITE_INTEGERS:
            try:
                return float(number)
            except OverflowError:
                return _csv_text(value)
        return number
    return value.isoformat()


def _quoted(name: str) -> str:
    """An SQL identifier in double quotes (all ours are plain ASCII)."""
    return '"' + name.replace('"', '""') + '"'


def _keys(plan: CuratedPlan, rows: dict[str, list[Row]]) -> tuple[dict[str, str], bool]:
    """Which tables have a unique key column, and whether budget.measure_id -> measures.id
    holds; a key is only declared where the data keeps it (a broken one would stop Datasette
    loading and make the Data Package invalid)."""
    keys: dict[str, str] = {}
    for table, column in (("measures", "id"), ("budget", "id"), ("districts", "sozialraum")):
        values = [r[column] for r in _csv_rows(TABLES_BY_NAME[table], rows[table])]
        if all(v not in (None, "") for v in values) and len(set(values)) == len(values):
            keys[table] = column
    measure_ids = {m.id for m in plan.measures}
    linked = {b.link.measure_id for b in plan.budget if b.link.measure_id is not None}
    foreign = "measures" in keys and linked <= measure_ids
    return keys, foreign


def _sqlite_bytes(plan: CuratedPlan, rows: dict[str, list[Row]]) -> bytes:
    """hammplan.sqlite for Datasette: one table per view, built fresh in memory.

    Built in memory and serialised, so no journal file appears beside the target and the
    bytes depend only on the rows. Primary keys on the id columns (not on districts, whose
    table holds the total row too), budget.measure_id references measures.id where it holds.
    """
    keys, foreign = _keys(plan, rows)
    connection = sqlite3.connect(":memory:")
    try:
        for table in TABLES:
            definitions = []
            for column in table.columns:
                definition = f"{_quoted(column.name)} {_SQL_TYPES[column.type]}"
                if table.name != "districts" and keys.get(table.name) == column.name:
                    definition += " PRIMARY KEY"
                if table.name == "budget" and column.name == "measure_id" and foreign:
                    definition += ' REFERENCES "measures" ("id")'
                definitions.append(definition)
            connection.execute(f"CREATE TABLE {_quoted(table.name)} ({', '.join(definitions)})")
            placeholders = ", ".join("?" for _ in table.columns)
            connection.executemany(
                f"INSERT INTO {_quoted(table.name)} VALUES ({placeholders})",
                [[_sql_value(r[c.name]) for c in table.columns] for r in rows[table.name]],
            )
        connection.execute('CREATE INDEX "budget_measure_id" ON "budget" ("measure_id")')
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _datapackage(plan: CuratedPlan, rows: dict[str, list[Row]], files: dict[str, bytes]) -> bytes:
    """datapackage.json: a Frictionless tabular data package of the three CSV files.

    Each resource carries the size and SHA-256 of its CSV, so a validator notices a file that
    does not belong to this package (a hand edit, or a copy mixed from two runs).
    """
    keys, foreign = _keys(plan, rows)
    resources = []
    for table in TABLES:
        if table.file is None:
            continue
        fields: list[dict[str, object]] = []
        for column in table.csv_columns:
            field: dict[str, object] = {
                "name": column.name,
                "type": column.type,
                "description": column.description,
            }
            if column.unit:
                field["unit"] = column.unit
            fields.append(field)
        schema: dict[str, object] = {"fields": fields, "missingValues": [""]}
        if table.name in keys:
            schema["primaryKey"] = [keys[table.name]]
        if table.name == "budget" and foreign:
            schema["foreignKeys"] = [
                {
                    "fields": ["measure_id"],
                    "reference": {"resource": "measures", "fields": ["id"]},
                }
            ]
        content = files[table.file]
        resources.append(
            {
                "name": table.name,
                "path": table.file,
                "profile": "tabular-data-resource",
                "title": table.title,
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(content),
                "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
                "schema": schema,
            }
        )
    package = {
        "profile": "tabular-data-package",
        "name": "hammplan-integrationsplan",
        "title": "Kommunaler Integrationsplan als offene Daten",
        "description": (
            "Maßnahmen, Budget und Sozialräume aus dem Integrationsplan, mit dem gedruckten "
            "Wortlaut und der Seite jeder Angabe. Spalten: docs/data-dictionary.md."
        ),
        "sources": [
            {
                "title": plan.source.file_name,
                "description": f"sha256 {plan.source.sha256}, {plan.source.page_count} Seiten",
            }
        ],
        "contributors": [{"title": f"hammplan {plan.tool_version}", "role": "author"}],
        "resources": resources,
    }
    return _json_bytes(package)


def _render(plan: CuratedPlan,
            plan_json: Callable[[bytes], None] | None = None) -> dict[str, bytes]:
    """Every output file's bytes, keyed by file name in OUTPUT_FILES order; ``plan_json`` is
    handed plan.json's bytes as soon as they are made."""
    files: dict[str, bytes] = {
        "plan.json": (plan.model_dump_json(indent=2) + "\n").encode("utf-8")}
    if plan_json is not None:
        plan_json(files["plan.json"])
    rows = _rows(plan)
    files["measures.json"] = _measures_json(plan)
    for table in TABLES:
        if table.file is not None:
            files[table.file] = _csv_bytes(table, rows[table.name])
    files["findings.json"] = _findings_json(plan)
    files["hammplan.xlsx"] = _xlsx_bytes(rows, plan)
    files["hammplan.sqlite"] = _sqlite_bytes(plan, rows)
    files["datapackage.json"] = _datapackage(plan, rows, files)
    return {name: files[name] for name in OUTPUT_FILES}


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def write_curated(plan: CuratedPlan, target_dir: Path,
                  plan_json: Callable[[bytes], None] | None = None) -> list[Path]:
    """Write every curated file of ``plan`` to ``target_dir``; return their paths in order.

    All files are rendered before the first is written, so an error in any renderer (a value
    Excel cannot hold, say) leaves the previous files as they were; they are then published
    as one set (:func:`hammplan.fileset.publish`: staged, committed, moved in), so a full disk
    or a kill leaves the previous set whole too. Temporary files a killed run of an older
    version left beside them are removed.
    ``plan_json`` is handed plan.json's bytes, the first rendered, while the rest are still
    to come (``build`` has the report's charts drawn from them meanwhile).
    """
    from hammplan.build import remove_stale_temporaries
    from hammplan.fileset import publish

    rendered = _render(plan, plan_json)
    remove_stale_temporaries(target_dir, list(rendered))
    return publish(target_dir, rendered)


# --------------------------------------------------------------------------------------------
# Data dictionary
# --------------------------------------------------------------------------------------------

_TYPE_TEXT: dict[ColumnType, str] = {
    "string": "Text",
    "number": "Zahl",
    "integer": "ganze Zahl",
    "date": "Datum",
    "boolean": "wahr/falsch",
}


def _markdown_table(header: Sequence[str], body: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table (cells must not contain "|")."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(cells) + " |" for cells in body)
    return lines


def _column_cells(column: Column) -> tuple[str, str, str, str]:
    """One row of a column table in the data dictionary."""
    unit = column.unit or ""
    description = column.description
    if not column.in_csv:
        description += " (nicht in der CSV-Datei)"
    return f"`{column.name}`", _TYPE_TEXT[column.type], unit, description


def data_dictionary_markdown() -> str:
    """docs/data-dictionary.md, made from :data:`TABLES` so the docs and data never drift."""
    lines = [
        "# Datenwörterbuch",
        "",
        "<!-- Erzeugt aus hammplan.curate.outputs.TABLES; nicht von Hand ändern. Neu erzeugen:",
        ".venv/bin/python -c 'from hammplan.curate.outputs import data_dictionary_markdown as d;"
        ' print(d(), end="")\' > docs/data-dictionary.md -->',
        "",
        "`hammplan validate` schreibt nach `DATA_DIR/curated/`:",
        "",
        *_markdown_table(
            ("Datei", "Inhalt"),
            (
                ("`plan.json`", "der ganze kuratierte Plan (pydantic-Modell `CuratedPlan`)"),
                ("`measures.json`", "Maßnahmen mit Listen als Listen und Kosten als Objekt"),
                ("`measures.csv`", "Maßnahmen, eine Zeile je Maßnahme"),
                ("`budget.csv`", "Budgetzeilen, eine Zeile je gedruckter Zeile"),
                ("`districts.csv`", "Sozialräume, ohne Summenzeile"),
                ("`findings.json`", "Befunde mit Zählung nach Schwere"),
                ("`hammplan.xlsx`", "Blätter " + ", ".join(f'"{t.sheet}"' for t in TABLES)),
                ("`hammplan.sqlite`", "Tabellen " + ", ".join(t.name for t in TABLES)),
                ("`datapackage.json`", "Frictionless Data Package der drei CSV-Dateien"),
            ),
        ),
        "",
        "## Formate",
        "",
        "- CSV: UTF-8 ohne BOM, Komma als Trennzeichen, Zeilenende `\\n`, eine Kopfzeile "
        "mit den unten genannten Spaltennamen.",
        '- Zahlen mit Punkt als Dezimalzeichen ("45821.54"), ohne Tausendertrennzeichen; '
        "ganze Zahlen ohne Nachkommastellen. Eine leere Zelle heißt: kein Wert.",
        '- Listen in einer Zelle sind durch "; " getrennt. Seiten sind PDF-Seiten, ab 1 gezählt.',
        "- Textzellen, die mit `=`, `+`, `-`, `@`, Tabulator oder Wagenrücklauf beginnen, "
        "bekommen in CSV und Excel ein vorangestelltes `'`, damit eine Tabellenkalkulation sie "
        "nicht als Formel ausführt (OWASP: CSV Injection). Zahlenspalten sind davon nicht "
        "betroffen. JSON und SQLite enthalten den Text unverändert.",
        "- Beträge in Euro tragen im Data Package die Eigenschaft `unit: EUR`; das Package nennt "
        "Größe und SHA-256 jeder CSV-Datei, ein Validator erkennt so fremde oder geänderte "
        "Dateien.",
        "- Steuerzeichen, die XML nicht erlaubt, stehen in Excel als U+FFFD; CSV, JSON und "
        "SQLite enthalten sie unverändert.",
        "",
        "## Status-Werte",
        "",
        "Jede `_status`-Spalte nennt, was die gedruckte Zelle enthält; der Wortlaut steht "
        "immer in der zugehörigen `_raw`-Spalte.",
        "",
        *_markdown_table(("Status", "Bedeutung"), ((f"`{k}`", v) for k, v in STATUS_TEXT.items())),
        "",
    ]
    for table in TABLES:
        where = [f"Excel-Blatt „{table.sheet}“", f"SQLite-Tabelle `{table.name}`"]
        if table.file:
            where.insert(0, f"`{table.file}`")
        lines += [
            f"## {table.title}",
            "",
            table.description,
            "",
            "Enthalten in: " + ", ".join(where) + ".",
            "",
            *_markdown_table(
                ("Spalte", "Typ", "Einheit", "Beschreibung"),
                (_column_cells(c) for c in table.columns),
            ),
            "",
        ]
    lines += [
        "## Schwere der Befunde",
        "",
        *_markdown_table(
            ("Schwere", "Bedeutung"), ((f"`{k}`", v) for k, v in SEVERITY_TEXT.items())
        ),
        "",
        '`findings.json` hat die Form `{"summary": {"error": n, "warning": n, "info": n}, '
        '"findings": [...]}`; jeder Befund hat `code`, `severity`, `message` und `refs` '
        "(je `kind`, `id`, `page`, `field`). Die Befunde sind nach Schwere, Code und Seite "
        "geordnet.",
        "",
        "## Befund-Codes",
        "",
        *_markdown_table(
            ("Code", "Bedeutung"), ((f"`{k}`", v) for k, v in sorted(FINDING_CODES.items()))
        ),
        "",
    ]
    return "\n".join(lines)
