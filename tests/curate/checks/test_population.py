"""District table checks: row and column sums."""

from __future__ import annotations

from decimal import Decimal

from hammplan.curate.checks.population import check_population
from hammplan.records.plan import District


def district(name: str, a: int, e: int, s: int, m: int, d: int, total: bool = False) -> District:
    return District(
        sozialraum=name,
        auslaender=Decimal(a),
        eingebuergerte=Decimal(e),
        aussiedler=Decimal(s),
        migh_gesamt=Decimal(m),
        deutsche_ohne_migh=Decimal(d),
        ist_gesamt=total,
        page=7,
    )


def test_consistent_table_has_no_findings() -> None:
    rows = [
        district("A", 1, 2, 3, 6, 10),
        district("B", 4, 5, 6, 15, 20),
        district("Gesamt", 5, 7, 9, 21, 30, total=True),
    ]
    assert check_population(rows) == []


def test_row_and_column_contradictions_are_errors() -> None:
    rows = [
        district("A", 1, 2, 3, 7, 10),
        district("B", 4, 5, 6, 15, 20),
        district("Gesamt", 5, 7, 9, 22, 31, total=True),
    ]
    findings = check_population(rows)
    codes = sorted((f.code, f.refs[0].id, f.refs[0].field) for f in findings)
    assert codes == [
        ("population_migh_mismatch", "A", "migh_gesamt"),
        ("population_migh_mismatch", "Gesamt", "migh_gesamt"),
        ("population_sum_mismatch", "Gesamt", "deutsche_ohne_migh"),
    ]
    assert all(f.severity == "error" for f in findings)
    assert "ergeben 30" in next(f.message for f in findings if f.code.endswith("sum_mismatch"))
