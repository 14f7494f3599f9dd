"""The comparison's data files: ``measures.csv``, ``budget.csv``, ``districts.csv`` and
``changes.json``, written the way every curated file is (UTF-8, "," and minimal quoting,
formulas neutralised, numbers plain, absence empty; JSON with umlauts readable).

Column names are the issue's public contract; the README lists them.
"""

from __future__ import annotations

from collections.abc import Sequence

from hammplan.compare.model import Comparison
from hammplan.publish.cells import Row
from hammplan.publish.csvfiles import header_csv_bytes
from hammplan.publish.jsonfiles import json_bytes

MEASURE_COLUMNS = (
    "status",
    "id_alt",
    "id_neu",
    "titel_alt",
    "titel_neu",
    "aehnlichkeit",
    "felder",
    "page_alt",
    "page_neu",
)
BUDGET_COLUMNS = (
    "measure_id_alt",
    "measure_id_neu",
    "titel",
    "jahr",
    "art",
    "alt",
    "neu",
    "differenz",
    "alt_status",
    "neu_status",
    "alt_basis",
    "neu_basis",
    "page_alt",
    "page_neu",
)


def district_header(columns: Sequence[str]) -> list[str]:
    """``sozialraum``, ``status``, old and new value of each column, the pages."""
    return [
        "sozialraum",
        "status",
        *(f"{c}_{side}" for c in columns for side in ("alt", "neu")),
        "page_alt",
        "page_neu",
    ]


def measure_rows(comparison: Comparison) -> list[Row]:
    """Rows of ``measures.csv`` (changed fields joined by "; ")."""
    return [
        {**m.model_dump(include=set(MEASURE_COLUMNS)), "felder": "; ".join(m.felder)}
        for m in comparison.measures
    ]


def budget_rows(comparison: Comparison) -> list[Row]:
    """Rows of ``budget.csv``."""
    return [b.model_dump(include=set(BUDGET_COLUMNS)) for b in comparison.budget]


def district_rows(comparison: Comparison) -> list[Row]:
    """Rows of ``districts.csv``."""
    rows = []
    for d in comparison.districts:
        row: Row = {
            "sozialraum": d.sozialraum,
            "status": d.status,
            "page_alt": d.page_alt,
            "page_neu": d.page_neu,
        }
        for column in comparison.district_columns:
            row[f"{column}_alt"] = d.alt.get(column)
            row[f"{column}_neu"] = d.neu.get(column)
        rows.append(row)
    return rows


def data_files(comparison: Comparison) -> dict[str, bytes]:
    """File name -> content of every data file of the comparison."""
    return {
        "measures.csv": header_csv_bytes(MEASURE_COLUMNS, measure_rows(comparison)),
        "budget.csv": header_csv_bytes(BUDGET_COLUMNS, budget_rows(comparison)),
        "districts.csv": header_csv_bytes(
            district_header(comparison.district_columns), district_rows(comparison)
        ),
        "changes.json": json_bytes(comparison.model_dump(mode="json")),
    }
