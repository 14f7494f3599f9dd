"""The district table against itself: columns add up to the total, parts to MigH Gesamt."""

from __future__ import annotations

from decimal import Decimal

from hammplan.curate.findings import Finding, Ref, number
from hammplan.curate.population import COLUMNS
from hammplan.records.plan import District

PARTS = ("auslaender", "eingebuergerte", "aussiedler")
"""The three groups that make up migh_gesamt (Einwohner mit Migrationshintergrund)."""


def _ref(district: District, field: str | None = None) -> Ref:
    return Ref(kind="district", id=district.sozialraum, page=district.page, field=field)


def check_population(districts: list[District]) -> list[Finding]:
    """Row sums (parts -> MigH Gesamt) and column sums (districts -> Gesamt)."""
    findings: list[Finding] = []
    for district in districts:
        parts = [getattr(district, p) for p in PARTS]
        if district.migh_gesamt is None or any(p is None for p in parts):
            continue
        total = sum(parts, Decimal(0))
        if total != district.migh_gesamt:
            findings.append(
                Finding(
                    code="population_migh_mismatch",
                    severity="error",
                    message=(
                        f"{district.sozialraum}: Ausländer + Eingebürgerte + Aussiedler = "
                        f"{number(total)}, aber EW MigH Gesamt ist "
                        f"{number(district.migh_gesamt)}"
                    ),
                    refs=[_ref(district, "migh_gesamt")],
                )
            )
    totals = [d for d in districts if d.ist_gesamt]
    rows = [d for d in districts if not d.ist_gesamt]
    if not totals:
        if rows:
            findings.append(
                Finding(
                    code="population_total_missing",
                    severity="info",
                    message=(
                        "Die Bevölkerungstabelle hat keine Gesamtzeile; Spaltensummen ungeprüft"
                    ),
                    refs=[_ref(rows[0])],
                )
            )
        return findings
    total_row = totals[0]
    for column in COLUMNS:
        values = [getattr(d, column) for d in rows]
        printed = getattr(total_row, column)
        if printed is None or any(v is None for v in values):
            continue
        summed = sum(values, Decimal(0))
        if summed != printed:
            findings.append(
                Finding(
                    code="population_sum_mismatch",
                    severity="error",
                    message=(
                        f"Spalte {column}: die Sozialräume ergeben {number(summed)}, "
                        f"die Zeile {total_row.sozialraum} nennt {number(printed)}"
                    ),
                    refs=[_ref(total_row, column)],
                )
            )
    return findings
