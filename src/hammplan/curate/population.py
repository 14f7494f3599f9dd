"""The population table by district -> districts, columns mapped by their printed headers."""

from __future__ import annotations

import re

from hammplan.curate.amounts import parse_german_number
from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.records.plan import District
from hammplan.records.population import PopulationTable
from hammplan.vocabulary import PopulationColumns

COLUMNS: tuple[str, ...] = (
    "auslaender",
    "eingebuergerte",
    "aussiedler",
    "migh_gesamt",
    "deutsche_ohne_migh",
)


def map_columns(header: list[str], patterns: PopulationColumns) -> dict[str, int]:
    """Curated column -> position among the value columns (header without the first cell)."""
    mapping: dict[str, int] = {}
    for name in COLUMNS:
        pattern = re.compile(getattr(patterns, name), re.IGNORECASE)
        for position, text in enumerate(header):
            squashed = re.sub(r"-\s+", "", " ".join(text.split()))
            if position not in mapping.values() and pattern.search(squashed):
                mapping[name] = position
                break
    return mapping


def curate_population(
    tables: list[PopulationTable], patterns: PopulationColumns
) -> tuple[list[District], list[Finding]]:
    """Districts (and total rows) of every population table, numbers parsed strictly."""
    districts: list[District] = []
    findings: list[Finding] = []
    for table in tables:
        header = [c.text for c in table.header[1:]]
        mapping = map_columns(header, patterns)
        page = next((p for c in table.header for p in c.pages), None)
        for missing in (c for c in COLUMNS if c not in mapping):
            findings.append(
                Finding(
                    code="population_column_missing",
                    severity="error",
                    message=(
                        "Bevölkerungstabelle: keine Spaltenüberschrift passt zu "
                        f"{quoted(missing)} (Überschriften: {', '.join(map(quoted, header))})"
                    ),
                    refs=[Ref(kind="district", id="header", page=page)],
                )
            )
        for row in table.rows:
            name = " ".join(row.district.text.split())
            values: dict[str, object] = {}
            raw: dict[str, str] = {}
            row_page = row.district.pages[0] if row.district.pages else page
            for column in COLUMNS:
                position = mapping.get(column)
                cell = (
                    row.values[position]
                    if position is not None and position < len(row.values)
                    else None
                )
                raw[column] = cell.text if cell is not None else ""
                number = parse_german_number(raw[column]) if raw[column] else None
                if cell is not None and number is None:
                    findings.append(
                        Finding(
                            code="value_suspect",
                            severity="error",
                            message=(
                                f"Bevölkerungstabelle, {name}: {column} "
                                f"{quoted(raw[column])} ist keine Zahl"
                            ),
                            refs=[Ref(kind="district", id=name, page=row_page, field=column)],
                        )
                    )
                values[column] = number
            districts.append(
                District(sozialraum=name, ist_gesamt=row.is_total, page=row_page, raw=raw, **values)
            )
    return districts, findings
