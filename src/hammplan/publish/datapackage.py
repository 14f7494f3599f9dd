"""datapackage.json: a Frictionless tabular data package of the CSV files."""

from __future__ import annotations

import hashlib

from hammplan.publish.cells import Row
from hammplan.publish.jsonfiles import json_bytes
from hammplan.publish.rows import table_keys
from hammplan.publish.tables import tables_for
from hammplan.records.plan import CuratedPlan
from hammplan.vocabulary import Publication


def datapackage_bytes(
    plan: CuratedPlan, rows: dict[str, list[Row]], files: dict[str, bytes], publication: Publication
) -> bytes:
    """datapackage.json: a Frictionless tabular data package of the CSV files, with licence,
    source and publisher; every column of a fixed few values (the status columns, severity,
    art) has them as an ``enum`` constraint.

    Each resource carries the size and SHA-256 of its CSV, so a validator notices a file that
    does not belong to this package (a hand edit, or a copy mixed from two runs).
    """
    keys, foreign = table_keys(plan, rows)
    resources = []
    for table in tables_for(plan.budget_years):
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
            if column.enum:
                field["constraints"] = {"enum": list(column.enum)}
            fields.append(field)
        schema: dict[str, object] = {"fields": fields, "missingValues": [""]}
        if table.name in keys:
            schema["primaryKey"] = [keys[table.name]]
        references = []
        if table.name in ("budget", "budget_values") and foreign:
            references.append(
                {
                    "fields": ["measure_id"],
                    "reference": {"resource": "measures", "fields": ["id"]},
                }
            )
        if table.name == "budget_values" and "budget" in keys:
            references.append(
                {
                    "fields": ["budget_id"],
                    "reference": {"resource": "budget", "fields": [keys["budget"]]},
                }
            )
        if references:
            schema["foreignKeys"] = references
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
        "title": publication.title,
        "description": (
            "Maßnahmen, Budget, Budgetwerte, Sozialräume und Befunde aus dem Integrationsplan, "
            "mit dem gedruckten Wortlaut und der Seite jeder Angabe. Spalten: "
            "docs/data-dictionary.md."
        ),
        "licenses": [
            {
                "name": publication.licence_name,
                "title": publication.licence_title,
                "path": publication.licence_path,
            }
        ],
        "sources": [
            {
                "title": plan.source.file_name,
                "description": f"sha256 {plan.source.sha256}, {plan.source.page_count} Seiten",
                **({"path": publication.source_url} if publication.source_url else {}),
            }
        ],
        "contributors": [
            {"title": publication.publisher, "role": "publisher"},
            {"title": f"hammplan {plan.tool_version}", "role": "author"},
        ],
        "resources": resources,
    }
    return json_bytes(package)
