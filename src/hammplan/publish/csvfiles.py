"""The CSV files: UTF-8 without BOM, comma, minimal quoting, header first."""

from __future__ import annotations

from hammplan.publish.cells import Row, csv_text
from hammplan.publish.rows import csv_rows
from hammplan.publish.tables import Table

_CSV_SPECIAL = frozenset(',"\r\n')


def _csv_field(text: str) -> str:
    """One field with minimal quoting (RFC 4180): quoted when it holds a comma, a quote or a
    line break of either kind. Python's csv writer (3.11) leaves a lone carriage return
    unquoted when lines end in "\\n", and every reader then breaks the row there."""
    if _CSV_SPECIAL.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def csv_bytes(table: Table, rows: list[Row]) -> bytes:
    """A CSV file: UTF-8 without BOM, comma, minimal quoting, "\\n" line ends, header first."""
    columns = table.csv_columns
    lines = [",".join(_csv_field(c.name) for c in columns)]
    for row in csv_rows(table, rows):
        lines.append(",".join(_csv_field(csv_text(row[c.name])) for c in columns))
    return "".join(line + "\n" for line in lines).encode("utf-8")
