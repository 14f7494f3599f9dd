"""Fixtures of the report tests: the hand-made curated plan, and its reports rendered once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from hammplan.records.plan import CuratedPlan
from hammplan.render import render_reports
from tests.render.plan_fixture import make_hostile_plan, make_plan


@dataclass(frozen=True)
class Rendered:
    """Reports written to ``out``: the files, and the HTML and Markdown as text."""

    out: Path
    files: list[Path]
    html: str
    markdown: str


def _render(plan: CuratedPlan, out: Path) -> Rendered:
    files = render_reports(plan, out)
    return Rendered(
        out,
        files,
        (out / "index.html").read_text(encoding="utf-8"),
        (out / "report.md").read_text(encoding="utf-8"),
    )


@pytest.fixture
def curated() -> CuratedPlan:
    """The fixture plan (a fresh copy per test)."""
    return make_plan()


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The fixture plan's reports, rendered once per session."""
    return _render(make_plan(), tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="session")
def rendered_hostile(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The reports of a plan whose texts try to inject markup."""
    return _render(make_hostile_plan(), tmp_path_factory.mktemp("hostile"))
