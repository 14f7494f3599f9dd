"""hammplan.sqlite for Datasette: one table per view, built fresh in memory."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from hammplan.publish.cells import Cell, Row, csv_text, plain_number
from hammplan.publish.rows import table_keys
from hammplan.publish.tables import TABLES, ColumnType
from hammplan.records.plan import CuratedPlan

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
        number = plain_number(value)
        if isinstance(number, int) and number not in _SQLITE_INTEGERS:
            try:
                return float(number)
            except OverflowError:
                return csv_text(value)
        return number
    return value.isoformat()


def _quoted(name: str) -> str:
    """An SQL identifier in double quotes (all ours are plain ASCII)."""
    return '"' + name.replace('"', '""') + '"'


def sqlite_bytes(plan: CuratedPlan, rows: dict[str, list[Row]]) -> bytes:
    """hammplan.sqlite for Datasette: one table per view, built fresh in memory.

    Built in memory and serialised, so no journal file appears beside the target and the
    bytes depend only on the rows. Primary keys on the id columns (not on districts, whose
    table holds the total row too), budget.measure_id references measures.id where it holds.
    """
    keys, foreign = table_keys(plan, rows)
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
