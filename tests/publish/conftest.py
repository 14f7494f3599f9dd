"""Fixtures of the curated-file tests: a small hand-made plan and its files, written once.

Named ``small_plan`` (not ``plan``): the suite's ``plan`` is the bundled plan, extracted, which
``tests/publish/test_published.py`` publishes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.curated_files import small_plan as hand_made_plan

from hammplan.publish import write_curated
from hammplan.records.plan import CuratedPlan


@pytest.fixture
def small_plan() -> CuratedPlan:
    """A small hand-made plan touching every status, sign, and formula-like text."""
    return hand_made_plan()


@pytest.fixture
def written(small_plan: CuratedPlan, tmp_path: Path) -> Path:
    """The plan's files, written once."""
    target = tmp_path / "curated"
    write_curated(small_plan, target)
    return target
