"""Markup and formulas in a plan's text stay text in every output of a comparison."""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.compare.core import compare_plans
from hammplan.compare.run import write_comparison
from tests.render.plan_fixture import make_hostile_plan, make_plan


@pytest.mark.parametrize("hostile", ["old", "new"])
def test_markup_in_either_edition_stays_text(tmp_path: Path, hostile: str) -> None:
    bad = make_hostile_plan()
    bad.measures[1].titel = '=HYPERLINK("http://x")'  # a formula as a title
    old, new = (bad, make_plan()) if hostile == "old" else (make_plan(), bad)
    comparison = compare_plans(old, new)
    assert comparison.summary.massnahmen["neu"] == 2  # titles replaced: not guessed
    write_comparison(comparison, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<u>" not in page
    assert "&lt;script&gt;" in page or "&lt;img" in page
    assert "<script" not in text and "<img" not in text and "<u>" not in text
    measures = (tmp_path / "measures.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in measures and ",=HYPERLINK" not in measures
