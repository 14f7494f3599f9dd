"""Rows: each record of the curated plan flattened to the columns of its table."""

from __future__ import annotations

from hammplan.publish.cells import Row, figure_text, joined, single_value, text_value
from hammplan.publish.tables import BUDGET_VALUES, TABLES_BY_NAME, TEXT_COLUMNS, Table
from hammplan.records.findings import Finding, sort_findings
from hammplan.records.plan import BudgetLine, CuratedPlan, District, Measure
from hammplan.records.values import Amount, KeyFigures, Text


def _measure_row(measure: Measure) -> Row:
    """A measure flattened to the columns of measures.csv."""
    kosten = measure.kosten
    return {
        "id": measure.id,
        "titel": measure.titel,
        "traeger": measure.traeger,
        "beschreibung": measure.beschreibung,
        "handlungsfelder": joined(measure.handlungsfelder),
        "zielgruppe": measure.zielgruppe,
        "sachstand": measure.sachstand,
        "kennzahlen": joined(figure_text(k) for k in measure.kennzahlen),
        "kosten_betrag_eur": kosten.betrag_eur,
        "kosten_raw": kosten.raw,
        "kosten_status": kosten.status,
        "kosten_stand": kosten.stand,
        "pages": joined(measure.pages),
        "budget_rows": joined(measure.budget_rows),
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
        "foerdergeber": text_value(line.foerdergeber),
        "kennzahl": text_value(line.kennzahl),
        "page": line.page,
        "id": line.id,
        "sta_raw": line.sta_raw,
        "sta_name": line.sta_name,
        "massnahme_raw": line.massnahme_raw,
        "link_score": line.link.score,
    }
    for name in TEXT_COLUMNS:
        text: Text = getattr(line, name)
        row[f"{name}_raw"] = text.raw
        row[f"{name}_status"] = text.status
    for name, _, _ in BUDGET_VALUES:
        cell = _budget_cell(line, name)
        if isinstance(cell, Amount):
            row[name] = cell.betrag_eur
        else:
            row[name] = single_value(cell)
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
    return joined(parts)


def _finding_row(finding: Finding) -> Row:
    """A finding flattened for the Befunde sheet and the findings table."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "pages": joined(finding.pages),
        "refs": _ref_text(finding),
    }


def _check_row(table: Table, row: Row) -> Row:
    """Fail loudly if a row builder and the column table drift apart."""
    names = [c.name for c in table.columns]
    if set(row) != set(names):
        raise ValueError(f"{table.name}: row keys {sorted(row)} differ from columns {names}")
    return {name: row[name] for name in names}


def flat_rows(plan: CuratedPlan) -> dict[str, list[Row]]:
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


def csv_rows(table: Table, rows: list[Row]) -> list[Row]:
    """The rows of a table's CSV file: the districts' total row is left out."""
    return [r for r in rows if not r.get("ist_gesamt")]


def table_keys(plan: CuratedPlan, rows: dict[str, list[Row]]) -> tuple[dict[str, str], bool]:
    """Which tables have a unique key column, and whether budget.measure_id -> measures.id
    holds; a key is only declared where the data keeps it (a broken one would stop Datasette
    loading and make the Data Package invalid)."""
    keys: dict[str, str] = {}
    for table, column in (("measures", "id"), ("budget", "id"), ("districts", "sozialraum")):
        values = [r[column] for r in csv_rows(TABLES_BY_NAME[table], rows[table])]
        if all(v not in (None, "") for v in values) and len(set(values)) == len(values):
            keys[table] = column
    measure_ids = {m.id for m in plan.measures}
    linked = {b.link.measure_id for b in plan.budget if b.link.measure_id is not None}
    foreign = "measures" in keys and linked <= measure_ids
    return keys, foreign
