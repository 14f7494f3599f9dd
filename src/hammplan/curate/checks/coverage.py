"""Measures present in one table and missing from another."""

from __future__ import annotations

from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.curate.text import first_page
from hammplan.records.plan import BudgetLine, IndexLink, Measure, OverviewLink

TABLE_NAMES = {"budget": "im Haushalt", "index": "im Verzeichnis", "overview": "in der Übersicht"}


def check_coverage(
    measures: list[Measure],
    budget: list[BudgetLine],
    index: list[IndexLink],
    overview: list[OverviewLink],
) -> list[Finding]:
    """A finding for each measure the budget, the index or the overview leaves out."""
    findings: list[Finding] = []
    tables = [("budget", bool(budget)), ("index", bool(index)), ("overview", bool(overview))]
    for measure in measures:
        ref = Ref(kind="measure", id=measure.id, page=first_page(measure.pages))
        present = {
            "budget": bool(measure.budget_rows),
            "index": measure.index_entry is not None,
            "overview": bool(measure.overview_rows),
        }
        for table, exists in tables:
            if exists and not present[table]:
                findings.append(
                    Finding(
                        code=f"measure_missing_{table}",
                        severity="warning",
                        message=(
                            f"Maßnahme {quoted(measure.titel)} hat einen Steckbrief, aber keinen "
                            f"Eintrag {TABLE_NAMES[table]}"
                        ),
                        refs=[ref],
                    )
                )
    return findings
