"""Rows: each record of the curated plan flattened to the columns of its table."""

from __future__ import annotations

from hammplan.publish.cells import Row, figure_text, joined, single_value, text_value
from hammplan.publish.tables import (
    EUR,
    TEXT_COLUMNS,
    Table,
    budget_value_columns,
    table_named,
    year_columns,
)
from hammplan.records.findings import Finding, sort_findings
from hammplan.records.plan import ARTEN, BudgetLine, BudgetYear, CuratedPlan, District, Measure
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


def _budget_row(line: BudgetLine, names: list[str]) -> Row:
    """A budget line flattened to the columns of budget.csv (``names``: its value columns;
    a value the line lacks is empty)."""
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
    for text_name in TEXT_COLUMNS:
        text: Text = getattr(line, text_name)
        row[f"{text_name}_raw"] = text.raw
        row[f"{text_name}_status"] = text.status
    cells = line.by_column()
    for name in names:
        cell = cells.get(name)
        if cell is None:
            row[name] = row[f"{name}_raw"] = row[f"{name}_status"] = None
            continue
        row[name] = cell.betrag_eur if isinstance(cell, Amount) else single_value(cell)
        row[f"{name}_raw"] = cell.raw
        row[f"{name}_status"] = cell.status
    return row


def _unit(cell: KeyFigures) -> str | None:
    """The unit of a key figure cell that holds exactly one figure."""
    figures = [f for f in cell.items if f.value is not None]
    return figures[0].unit if len(figures) == 1 and single_value(cell) is not None else None


def _budget_value_rows(line: BudgetLine, years: list[BudgetYear]) -> list[Row]:
    """A budget line's values, one row per printed year and kind (budget_values.csv)."""
    basis = {y.jahr: y.basis_text for y in years}
    rows: list[Row] = []
    for values in line.jahre:
        for kind in ARTEN:
            cell = getattr(values, kind)
            if cell is None:
                continue
            amount = isinstance(cell, Amount)
            rows.append(
                {
                    "budget_id": line.id,
                    "measure_id": line.link.measure_id,
                    "jahr": values.jahr,
                    "art": kind,
                    "betrag_eur": cell.betrag_eur if amount else None,
                    "wert": None if amount else single_value(cell),
                    "einheit": EUR if amount else _unit(cell),
                    "basis": basis.get(values.jahr) or None,
                    "raw": cell.raw,
                    "status": cell.status,
                    "page": cell.page if cell.page is not None else line.page,
                }
            )
    return rows


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
    names = [name for name, _, _ in budget_value_columns(year_columns(plan.budget_years))]
    built: dict[str, list[Row]] = {
        "measures": [_measure_row(m) for m in plan.measures],
        "budget": [_budget_row(b, names) for b in plan.budget],
        "budget_values": [r for b in plan.budget for r in _budget_value_rows(b, plan.budget_years)],
        "districts": [_district_row(d) for d in plan.districts],
        "findings": [_finding_row(f) for f in sort_findings(plan.findings)],
    }
    return {
        name: [_check_row(table_named(plan.budget_years, name), row) for row in rows]
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
        values = [r[column] for r in csv_rows(table_named(plan.budget_years, table), rows[table])]
        if all(v not in (None, "") for v in values) and len(set(values)) == len(values):
            keys[table] = column
    measure_ids = {m.id for m in plan.measures}
    linked = {b.link.measure_id for b in plan.budget if b.link.measure_id is not None}
    foreign = "measures" in keys and linked <= measure_ids
    return keys, foreign
