"""hammplan.sqlite for Datasette, written with sqlite-utils and built fresh in memory.

The flat tables keep the columns of the data dictionary (:data:`~.tables.TABLES`) with the
changes that make them read well in Datasette: a euro amount is stored twice, as exact whole
cents (``aufwand_JJJJ_cent``: sort and add up with it) and as the amount shown in euros
(``aufwand_JJJJ``: "42.703,00 €"); counts and page numbers are integers, never "501.0"; list
fields are JSON arrays; findings are numbered. Beside them stand the tables of
:mod:`.database`. Every primary and foreign key is declared where the data keep it (a broken
one would stop Datasette loading) and every foreign key column has an index; titles,
descriptions, budget names, findings and statements have a full-text index.

Built in memory and serialised, so no journal file appears beside the target and the bytes
depend only on the plan.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from hammplan.publish.cells import Cell, Row, csv_text, figure_text, plain_number
from hammplan.publish.database import (
    RELATED,
    DbRow,
    DbTable,
    Value,
    cents,
    euro_text,
    holds,
    related_rows,
)
from hammplan.publish.optional import import_plain
from hammplan.publish.rows import table_keys
from hammplan.publish.tables import EUR, Column, Table, tables_for
from hammplan.records.findings import sort_findings
from hammplan.records.plan import CuratedPlan

_TYPES: dict[str, type] = {
    "string": str,
    "number": float,
    "integer": int,
    "date": str,
    "boolean": int,
}

_SQLITE_INTEGERS = range(-(2**63), 2**63)
"""What an SQLite INTEGER holds (64 bits)."""

TOKENIZE = "unicode61 remove_diacritics 2"
"""Full-text tokens: "Schulsozialarbeit" is found as "schulsozialarbeit", "Träger" as "trager"."""

FLAT_VIEW: dict[str, dict[str, Any]] = {
    "measures": {
        "label": "titel",
        "search": ("titel", "traeger", "beschreibung", "zielgruppe", "sachstand"),
    },
    "budget": {
        "label": "massnahme",
        "search": ("massnahme", "foerdergeber", "kennzahl"),
        "facets": ("sta",),
    },
    "districts": {"label": "sozialraum"},
    "findings": {"label": "message", "search": ("message",), "facets": ("severity", "code")},
    "budget_values": {"facets": ("jahr", "art", "status")},
}
"""How Datasette shows each flat table: label column, full-text columns, facets."""


def _value(value: Cell) -> Value:
    """A cell for SQLite: numbers plain (whole numbers as integers), dates ISO, booleans 0/1.

    A whole number beyond 64 bits (a garbled cell of many digits) is stored as REAL, or as its
    digits (TEXT) beyond the range of a REAL; SQLite cannot hold it as an INTEGER.
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


def _columns(column: Column) -> list[Column]:
    if column.unit == EUR:
        return [
            Column(
                column.name,
                "string",
                f"{column.description} Angezeigt in Euro; zum "
                f"Sortieren und Rechnen: {column.name}_cent.",
                EUR,
            ),
            Column(f"{column.name}_cent", "integer", f"{column.name} in Cent, exakt.", "ct"),
        ]
    return [column]


def flat_table(
    table: Table,
    keys: dict[str, str],
    foreign: bool,
    targets: dict[str, list[DbRow]],
    rows: list[DbRow],
) -> DbTable:
    """The database table of a flat table: its columns, keys and how Datasette shows it."""
    columns = [c for column in table.columns for c in _columns(column)]
    pk: tuple[str, ...] = ()
    if table.name == "findings":
        columns.insert(
            0, Column("id", "integer", "Nummer des Befunds (Fehler zuerst); Primärschlüssel.")
        )
        pk = ("id",)
    elif table.name in keys and table.name != "districts":  # districts holds the total row
        pk = (keys[table.name],)
    links: list[tuple[str, str, str]] = []
    if table.name in ("budget", "budget_values") and foreign:
        links.append(("measure_id", "measures", "id"))
    if table.name == "budget_values" and "budget" in keys:
        links.append(("budget_id", "budget", "id"))
    if table.name == "budget" and holds(rows, "sta", targets["organisations"], "code"):
        links.append(("sta", "organisations", "code"))
    if table.name == "findings" and holds(rows, "code", targets["finding_codes"], "code"):
        links.append(("code", "finding_codes", "code"))
    view = FLAT_VIEW.get(table.name, {})
    return DbTable(
        table.name,
        table.title,
        table.description,
        tuple(columns),
        pk,
        tuple(links),
        view.get("label"),
        view.get("search", ()),
        facets=view.get("facets", ()),
    )


def _flat_rows(plan: CuratedPlan, name: str, rows: list[Row]) -> list[DbRow]:
    """Rows of a flat table for the database: amounts twice, lists as JSON, findings numbered."""
    euros = {
        c.name
        for t in tables_for(plan.budget_years)
        if t.name == name
        for c in t.columns
        if c.unit == EUR
    }
    lists: dict[str, list[list[object]]] = {}
    if name == "measures":
        lists = {
            "handlungsfelder": [list(m.handlungsfelder) for m in plan.measures],
            "kennzahlen": [[figure_text(k) for k in m.kennzahlen] for m in plan.measures],
            "pages": [list(m.pages) for m in plan.measures],
            "budget_rows": [list(m.budget_rows) for m in plan.measures],
        }
    elif name == "findings":
        lists = {"pages": [list(f.pages) for f in sort_findings(plan.findings)]}
    out: list[DbRow] = []
    for n, row in enumerate(rows):
        converted: DbRow = {"id": n + 1} if name == "findings" else {}
        for key, cell in row.items():
            if key in euros:
                amount = cell if isinstance(cell, Decimal) else None
                converted[key] = euro_text(amount)
                converted[f"{key}_cent"] = cents(amount)
            elif key in lists:
                converted[key] = json.dumps(lists[key][n], ensure_ascii=False)
            else:
                converted[key] = _value(cell)
        out.append(converted)
    return out


def database_tables(
    plan: CuratedPlan, rows: dict[str, list[Row]]
) -> list[tuple[DbTable, list[DbRow]]]:
    """Every table of the database with its rows, in an order in which each table comes
    after the tables it links to."""
    keys, foreign = table_keys(plan, rows)
    related = related_rows(plan)
    tables = tables_for(plan.budget_years)
    flat = {t.name: _flat_rows(plan, t.name, rows[t.name]) for t in tables}
    rows_of = {**related, **flat}
    first = [t for t in RELATED if t.name in ("organisations", "handlungsfelder", "finding_codes")]
    later = [t for t in RELATED if t not in first]
    made = [_checked(t, {}, rows_of) for t in first]
    made += [flat_table(t, keys, foreign, related, flat[t.name]) for t in tables]
    keyed = {t.name: t.pk for t in made}
    made += [_checked(t, keyed, rows_of) for t in later]
    return [(t, rows_of[t.name]) for t in made]


def _checked(
    table: DbTable, keyed: dict[str, tuple[str, ...]], rows: dict[str, list[DbRow]]
) -> DbTable:
    """``table`` with only the keys its rows keep: a primary key whose values are unique, and
    foreign keys whose every value names a row of a table keyed by that column."""
    own = rows[table.name]
    pk = table.pk if len({tuple(r[c] for c in table.pk) for r in own}) == len(own) else ()
    kept = tuple(
        fk
        for fk in table.foreign_keys
        if keyed.get(fk[1]) == (fk[2],) and holds(own, fk[0], rows[fk[1]], fk[2])
    )
    return DbTable(
        table.name,
        table.title,
        table.description,
        table.columns,
        pk,
        kept,
        table.label,
        table.search,
        table.sort,
        table.facets,
    )


def _insert(db: Any, table: DbTable, rows: list[DbRow]) -> None:
    """Insert ``rows`` into the table sqlite-utils created for ``table``, in order.

    What ``insert_all`` does for rows whose keys are the table's columns (each value through
    sqlite-utils' own conversion), as one prepared statement: ``insert_all`` builds a
    statement per hundred rows and inspects every value in Python on the way, a third of the
    database's time. Same rows, same row ids, same bytes.
    """
    from sqlite_utils.db import jsonify_if_needed

    names = [c.name for c in table.columns]
    quoted = ", ".join(f"[{name}]" for name in names)
    db.conn.executemany(
        f"INSERT INTO [{table.name}] ({quoted}) VALUES ({', '.join('?' * len(names))})",
        ([jsonify_if_needed(row.get(name)) for name in names] for row in rows),
    )


def build_database(tables: Sequence[tuple[DbTable, list[DbRow]]]) -> bytes:
    """The database of ``tables`` as bytes."""
    db = import_plain("sqlite_utils").Database(memory=True)
    try:
        for table, rows in tables:
            created = db.table(table.name)
            created.create(
                {c.name: _TYPES[c.type] for c in table.columns},
                pk=table.pk[0] if len(table.pk) == 1 else (table.pk or None),
                foreign_keys=list(table.foreign_keys),
                column_order=[c.name for c in table.columns],
            )
            if rows:
                _insert(db, table, rows)
            for column, _, _ in table.foreign_keys:
                created.create_index([column])
            if table.search:
                created.enable_fts(list(table.search), tokenize=TOKENIZE)
        db.conn.commit()
        data: bytes = db.conn.serialize()
        return data
    finally:
        db.close()
