"""docs/data-dictionary.md, made from the one table of columns so the docs and data never
drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hammplan.publish.database import RELATED
from hammplan.publish.excel import DICTIONARY_SHEET
from hammplan.publish.tables import SEVERITY_TEXT, STATUS_TEXT, TABLES, Column, ColumnType
from hammplan.records.findings import FINDING_CODES

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
        "<!-- Erzeugt aus hammplan.publish.tables.TABLES; nicht von Hand ändern. Neu erzeugen:",
        ".venv/bin/python -c 'from hammplan.publish.dictionary import data_dictionary_markdown"
        ' as d; print(d(), end="")\' > docs/data-dictionary.md -->',
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
                ("`budget_values.csv`", "Budgetwerte, eine Zeile je Budgetzeile, Jahr und Art"),
                ("`findings.csv`", "Befunde, eine Zeile je Befund"),
                ("`findings.json`", "Befunde mit Zählung nach Schwere"),
                (
                    "`quelle.pdf`",
                    "Kopie der Quelle, wenn sie in `DATA_DIR/raw/` liegt; die "
                    "Seitenzahlen der Excel-Datei verweisen auf ihre Seiten",
                ),
                (
                    "`hammplan.xlsx`",
                    "Blätter "
                    + ", ".join(f'"{t.sheet}"' for t in TABLES)
                    + f', "{DICTIONARY_SHEET}"',
                ),
                (
                    "`hammplan.sqlite`",
                    "für Datasette: Tabellen "
                    + ", ".join(t.name for t in TABLES)
                    + ", "
                    + ", ".join(t.name for t in RELATED)
                    + "; Beträge in Cent (`*_cent`) und in Euro zur Anzeige",
                ),
                (
                    "`metadata.json`",
                    "Metadaten für Datasette: Titel, Quelle, Lizenz, Beschreibung jeder Spalte",
                ),
                (
                    "`datapackage.json`",
                    "Frictionless Data Package der CSV-Dateien, mit Lizenz und Quelle",
                ),
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
