"""Charts drawn ahead in a forked process (what ``build`` does) are the charts ``render``
draws, errors come back to the caller, and a process never asked to draw goes at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.curate.models import CuratedPlan
from hammplan.errors import InputError
from hammplan.render.ahead import ChartsAhead
from hammplan.render.charts import build_charts


def test_charts_drawn_ahead_are_the_charts_drawn_here(curated: CuratedPlan,
                                                      tmp_path: Path) -> None:
    with ChartsAhead() as ahead:
        ahead.launch()
        ahead.start(curated.model_dump_json().encode("utf-8"), tmp_path / "plan.json")
        assert ahead.asked
        drawn = ahead.charts()
    assert [c.svg for c in drawn] == [c.svg for c in build_charts(curated)]
    assert [c.rows for c in drawn] == [c.rows for c in build_charts(curated)]


def test_an_error_in_the_process_is_raised_here(tmp_path: Path) -> None:
    with ChartsAhead() as ahead:
        ahead.launch()
        ahead.start(b'{"format_version": 1, "measures": 3', tmp_path / "plan.json")
        with pytest.raises(InputError, match=r"plan\.json: invalid JSON at line 1"):
            ahead.charts()


def test_a_process_never_asked_ends_with_the_context() -> None:
    with ChartsAhead() as ahead:
        ahead.launch()
        process = ahead._process
        assert process.is_alive()
    assert not process.is_alive() and process.exitcode is not None


def test_nothing_is_drawn_without_launch(tmp_path: Path) -> None:
    with ChartsAhead() as ahead:
        ahead.start(b"{}", tmp_path / "plan.json")
        assert not ahead.asked
        with pytest.raises(RuntimeError, match="no charts were asked for"):
            ahead.charts()


def test_the_process_leaves_when_the_build_goes_away() -> None:
    """A build killed before render: the process reads end-of-file and ends by itself."""
    ahead = ChartsAhead()
    ahead.launch()
    assert ahead._connection is not None
    ahead._connection.close()
    ahead._process.join(timeout=60)
    assert ahead._process.exitcode == 0


def test_charts_nobody_waits_for_do_not_hold_the_build(curated: CuratedPlan,
                                                        tmp_path: Path) -> None:
    """Render failed (or Ctrl-C) after asking: leaving the context waits for the drawing,
    whose result goes nowhere, and returns."""
    with ChartsAhead() as ahead:
        ahead.launch()
        ahead.start(curated.model_dump_json().encode("utf-8"), tmp_path / "plan.json")
    assert ahead._process.exitcode == 0
