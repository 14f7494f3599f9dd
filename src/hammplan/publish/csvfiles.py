"""The CSV files: UTF-8 without BOM, comma, minimal quoting, header first."""

from __future__ import annotations

from collections.abc import Sequence

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
    return header_csv_bytes([c.name for c in table.csv_columns], csv_rows(table, rows))


def header_csv_bytes(header: Sequence[str], rows: Sequence[Row]) -> bytes:
    """A CSV file of ``rows`` under ``header`` (values looked up by column name, absent ones
    empty), written as :func:`csv_bytes` writes the curated files."""
    lines = [",".join(_csv_field(name) for name in header)]
    for row in rows:
        lines.append(",".join(_csv_field(csv_text(row.get(name))) for name in header))
    return "".join(line + "\n" for line in lines).encode("utf-8")
