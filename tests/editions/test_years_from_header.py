"""The budget table's years, kinds and bases are read from its printed header.

A plan with four budget years and no Ertrag column is read as printed, ruled and unruled:
every row's cells, each under its printed year, kind and basis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.extract import extract_document
from tests.editions.plans import FOUR_YEARS, four_years_no_income, narrow
from tests.support.typeset import VARIANTS, build_plan_pdf


@pytest.mark.parametrize("layout", [VARIANTS[0], VARIANTS[1]], ids=lambda v: v.name)
def test_four_years_without_income(tmp_path: Path, layout: object) -> None:
    content = four_years_no_income()
    pdf = build_plan_pdf(tmp_path / "four.pdf", content, narrow(layout, 12))  # type: ignore[arg-type]
    doc = extract_document(pdf)
    assert [[c.text for c in r.cells()] for r in doc.budget_rows] == content.budget_rows
    first, second, third, fourth = FOUR_YEARS
    expected = [("aufwand", first, "ist", "30.06"), ("aufwand", second, "ist", "30.06"),
                ("aufwand", third, "plan", None), ("aufwand", fourth, "plan", None),
                ("wert", first, "ist", "30.06"), ("wert", second, "ist", "30.06"),
                ("wert", third, "plan", None), ("wert", fourth, "plan", None)]
    for row in doc.budget_rows:
        assert [(c.role, c.year, c.basis, c.as_of) for c in row.values] == expected
        assert row.value("ertrag", first) is None
    last = doc.budget_rows[-1]
    assert last.value("aufwand", fourth).text == content.budget_rows[-1][5]  # type: ignore[union-attr]
    assert doc.leftovers == []
