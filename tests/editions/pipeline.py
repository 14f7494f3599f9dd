"""A synthetic plan through every stage: extract, validate (curate and publish), render."""

from __future__ import annotations

import csv
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from hammplan.curate.pipeline import curate_plan
from hammplan.extract import extract_document
from hammplan.publish import write_curated
from hammplan.records import ExtractedDocument
from hammplan.records.plan import CuratedPlan
from hammplan.render.reports import render_reports
from hammplan.vocabulary import load_vocabulary
from tests.support.typeset import VARIANTS, Layout, PlanContent, build_plan_pdf


@dataclass
class Run:
    """What every stage made of one plan."""

    doc: ExtractedDocument
    plan: CuratedPlan
    curated: Path
    reports: Path

    def csv_header(self, name: str) -> list[str]:
        with (self.curated / name).open(encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle))

    def csv_rows(self, name: str) -> list[dict[str, str]]:
        with (self.curated / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def xlsx_header(self, sheet: str) -> list[str]:
        book = openpyxl.load_workbook(self.curated / "hammplan.xlsx", read_only=True)
        return [c.value for c in next(book[sheet].iter_rows(max_row=1))]

    def sqlite_columns(self, table: str) -> list[str]:
        """The table's columns as in its CSV: without the exact ``_cent`` twin the database
        adds to each euro column (shown as euros in Datasette, cents for sums)."""
        with sqlite3.connect(self.curated / "hammplan.sqlite") as db:
            names = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
        return [n for n in names if not (n.endswith("_cent") and n[:-5] in names)]

    def package_fields(self, resource: str) -> list[str]:
        package = json.loads((self.curated / "datapackage.json").read_text("utf-8"))
        found = next(r for r in package["resources"] if r["name"] == resource)
        return [f["name"] for f in found["schema"]["fields"]]

    def report(self) -> str:
        return (self.reports / "report.md").read_text("utf-8")

    def html(self) -> str:
        return (self.reports / "index.html").read_text("utf-8")

    def checks(self) -> list[tuple[str, str]]:
        """The cost and key-figure findings: code and the measure they are about."""
        return [
            (f.code, f.refs[0].id)
            for f in self.plan.findings
            if f.code.startswith(("kosten_", "kennzahl_", "budget_year"))
        ]


def run_plan(
    content: PlanContent, folder: Path, layout: Layout = VARIANTS[0], vocabulary: Path | None = None
) -> Run:
    """Typeset ``content`` and run it through every stage into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = build_plan_pdf(folder / "plan.pdf", content, layout)
    vocab = load_vocabulary(vocabulary)
    doc = extract_document(pdf, vocab)
    plan = curate_plan(doc, vocab)
    write_curated(plan, folder / "curated")
    render_reports(plan, folder / "reports")
    return Run(doc, plan, folder / "curated", folder / "reports")
