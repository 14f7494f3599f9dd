"""metadata.json for Datasette: the database's title, source and licence, and for every table
its title, description, label column, facets and the description (with unit) of each column.

``datasette hammplan.sqlite --metadata metadata.json`` (``make serve``) shows the data with
these words; they come from the same column descriptions as the data dictionary.
"""

from __future__ import annotations

from collections.abc import Sequence

from hammplan.publish.database import DbRow, DbTable
from hammplan.publish.jsonfiles import json_bytes
from hammplan.records.plan import CuratedPlan
from hammplan.vocabulary import Publication

DATABASE = "hammplan"
"""The database's name in Datasette: the file name without ``.sqlite``."""


def _column_text(description: str, unit: str | None) -> str:
    return f"{description} (Einheit: {unit})" if unit else description


def _table(table: DbTable) -> dict[str, object]:
    entry: dict[str, object] = {
        "title": table.title,
        "description": table.description,
        "columns": {c.name: _column_text(c.description, c.unit) for c in table.columns},
    }
    if table.label:
        entry["label_column"] = table.label
    if table.facets:
        entry["facets"] = list(table.facets)
    if table.search:
        entry["fts_table"] = f"{table.name}_fts"
        entry["fts_pk"] = "rowid"
    return entry


def metadata_bytes(
    plan: CuratedPlan, tables: Sequence[tuple[DbTable, list[DbRow]]], publication: Publication
) -> bytes:
    """metadata.json for ``tables`` (as :func:`~hammplan.publish.sqlite.database_tables`
    makes them)."""
    source = (
        f"{plan.source.file_name} ({plan.source.page_count} Seiten, sha256 {plan.source.sha256})"
    )
    metadata: dict[str, object] = {
        "title": publication.title,
        "description": (
            f"Maßnahmen, Budget, Sozialräume und Befunde aus {plan.source.file_name}, mit "
            "dem gedruckten Wortlaut und der PDF-Seite jeder Angabe. Herausgeber: "
            f"{publication.publisher}. Erstellt mit hammplan {plan.tool_version}."
        ),
        "license": publication.licence_title,
        "license_url": publication.licence_path,
        "source": source,
        "databases": {
            DATABASE: {
                "title": publication.title,
                "source": source,
                "tables": {table.name: _table(table) for table, _ in tables},
            }
        },
    }
    if publication.source_url:
        metadata["source_url"] = publication.source_url
    return json_bytes(metadata)
