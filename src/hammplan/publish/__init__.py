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

One module per format (:mod:`.csvfiles`, :mod:`.excel`, :mod:`.sqlite`, :mod:`.datapackage`,
:mod:`.jsonfiles`, :mod:`.dictionary`); the columns are described once in :mod:`.tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hammplan.io.files import SOURCE_COPY, remove_stale_temporaries
from hammplan.io.fileset import publish
from hammplan.publish.csvfiles import csv_bytes
from hammplan.publish.datapackage import datapackage_bytes
from hammplan.publish.excel import xlsx_bytes
from hammplan.publish.jsonfiles import findings_json, measures_json
from hammplan.publish.metadata import metadata_bytes
from hammplan.publish.rows import flat_rows
from hammplan.publish.sqlite import build_database, database_tables
from hammplan.publish.tables import OUTPUT_FILES, TABLES, tables_for
from hammplan.records.plan import CuratedPlan, plan_name
from hammplan.vocabulary import Publication, load_vocabulary

__all__ = ["OUTPUT_FILES", "TABLES", "write_curated"]


def render_files(
    plan: CuratedPlan,
    plan_json: Callable[[bytes], None] | None = None,
    publication: Publication | None = None,
    pdf: Path | None = None,
) -> dict[str, bytes]:
    """Every output file's bytes, keyed by file name in OUTPUT_FILES order; ``plan_json`` is
    handed plan.json's bytes as soon as they are made. ``publication`` (title, publisher,
    licence) defaults to the bundled vocabulary's. With ``pdf`` (the plan's source) a copy
    ``quelle.pdf`` is written too, and the workbook's page numbers link into it."""
    published = _completed(publication or load_vocabulary().publication, plan)
    files: dict[str, bytes] = {"plan.json": (plan.model_dump_json(indent=2) + "\n").encode("utf-8")}
    if plan_json is not None:
        plan_json(files["plan.json"])
    rows = flat_rows(plan)
    files["measures.json"] = measures_json(plan)
    for table in tables_for(plan.budget_years):
        if table.file is not None:
            files[table.file] = csv_bytes(table, rows[table.name])
    files["findings.json"] = findings_json(plan)
    if pdf is not None:
        files[SOURCE_COPY] = pdf.read_bytes()
    source_copy = SOURCE_COPY if pdf is not None else None
    files["hammplan.xlsx"] = xlsx_bytes(rows, plan, published.title, source_copy)
    tables = database_tables(plan, rows)
    files["hammplan.sqlite"] = build_database(tables)
    files["metadata.json"] = metadata_bytes(plan, tables, published)
    files["datapackage.json"] = datapackage_bytes(plan, rows, files, published)
    order = list(OUTPUT_FILES)
    if SOURCE_COPY in files:
        order.insert(order.index("hammplan.xlsx"), SOURCE_COPY)
    return {name: files[name] for name in order}


def _completed(publication: Publication, plan: CuratedPlan) -> Publication:
    """``publication`` with an empty title or publisher taken from the plan itself (its title
    page's name and city), so the published metadata never name a city the plan does not."""
    title = publication.title or f"{plan_name(plan)} als offene Daten"
    publisher = publication.publisher or plan.edition.stadt or "nicht angegeben"
    return publication.model_copy(update={"title": title, "publisher": publisher})


def write_curated(
    plan: CuratedPlan,
    target_dir: Path,
    plan_json: Callable[[bytes], None] | None = None,
    publication: Publication | None = None,
    pdf: Path | None = None,
) -> list[Path]:
    """Write every curated file of ``plan`` to ``target_dir``; return their paths in order.

    All files are rendered before the first is written, so an error in any renderer (a value
    Excel cannot hold, say) leaves the previous files as they were; they are then published
    as one set (:func:`hammplan.io.fileset.publish`: staged, committed, moved in), so a full
    disk or a kill leaves the previous set whole too. Temporary files a killed run of an older
    version left beside them are removed.
    ``plan_json`` is handed plan.json's bytes, the first rendered, while the rest are still
    to come (``build`` has the report's charts drawn from them meanwhile).
    """
    rendered = render_files(plan, plan_json, publication, pdf)
    remove_stale_temporaries(target_dir, list(rendered))
    return publish(target_dir, rendered)
