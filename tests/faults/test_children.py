"""Signals to a run and to each of its child processes, at known points (hold points, never
guessed sleeps): children die with their parent, a dead child is named in one line, nothing
hangs, and the published outputs are one complete set from one run."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

import pytest

from hammplan.extract.reading import remove_dead_spills
from tests.conftest import PLAN_PDF
from tests.faults.harness import (
    CHANGED_AMOUNT,
    HAMMPLAN,
    ORIGINAL_AMOUNT,
    command,
    copy_built,
    error_lines,
    gone,
    published_set,
    run,
    start_held,
)

pytestmark = pytest.mark.slow  # each test runs a build or extracts the bundled plan

KILLED = "it was killed by signal 9 SIGKILL (the out-of-memory killer, or someone, stopped it)"


def _spills(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"hammplan-pages-{pid}-*"))


def _extract_held(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``extract`` of the bundled plan (long enough for page reader processes), held in
    its readers."""
    held = start_held(
        [*HAMMPLAN, "extract", str(PLAN_PDF), "--data-dir", str(tmp_path / "d")],
        "page-read",
        tmp_path / "hold",
    )
    readers = held.pids()
    assert held.process.pid not in readers  # the pages are read in child processes
    return held, readers


def test_page_readers_die_with_a_killed_extract(tmp_path: Path) -> None:
    held, readers = _extract_held(tmp_path)
    held.process.kill()
    held.finish()
    assert all(gone(pid) for pid in readers)
    assert _spills(held.process.pid)  # SIGKILL leaves the pages folder, named by the run ...
    assert [p.name for p in remove_dead_spills()] == [
        p.name for p in _spills(held.process.pid)
    ] or not _spills(held.process.pid)  # ... the next run removes it
    assert not _spills(held.process.pid)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stopped_extract_ends_in_one_line_and_leaves_nothing(
    tmp_path: Path, sig: signal.Signals
) -> None:
    held, readers = _extract_held(tmp_path)
    held.process.send_signal(sig)
    code, stderr = held.finish()
    assert code == 128 + sig
    assert error_lines(stderr) == [f"Error: stopped by {sig.name}; the previous outputs are kept"]
    assert all(gone(pid) for pid in readers)
    assert not _spills(held.process.pid)
    assert not (tmp_path / "d" / "interim" / "extracted.json").exists()


def test_a_killed_page_reader_is_named_not_blamed_on_the_pdf(tmp_path: Path) -> None:
    held, readers = _extract_held(tmp_path)
    os.kill(readers[0], signal.SIGKILL)
    code, stderr = held.finish()
    assert code == 2
    assert error_lines(stderr) == [f"Error: a page reader process died: {KILLED}"]
    assert all(gone(pid) for pid in readers)
    assert not _spills(held.process.pid)


@pytest.mark.parametrize(
    "point", ["staged:curated", "staged:reports", "committed", "moving:curated", "moving:reports"]
)
def test_a_build_killed_while_publishing_is_finished_by_the_next(
    built_once: Path, tmp_path: Path, point: str
) -> None:
    """curated/ and reports/ are committed together, once both are staged: killed before
    (curated/ staged, or reports/ staged too) the previous pair stays whole; killed after the
    commit, half way through moving the pair in, the next run finishes the pair."""
    data = copy_built(built_once, tmp_path / "data")
    held = start_held(command(data), point, tmp_path / "hold")
    assert held.pids() == [held.process.pid]
    held.process.kill()
    held.finish()
    if point.startswith("staged:"):
        assert published_set(data, stage_left=True) == f"{ORIGINAL_AMOUNT} / report same"
    done = run(command(data))
    assert done.returncode in (0, 1) and error_lines(done.stderr) == [], done.stderr
    assert published_set(data) == f"{CHANGED_AMOUNT} / report same"


def test_a_killed_report_process_is_named_and_nothing_hangs(
    built_once: Path, tmp_path: Path
) -> None:
    data = copy_built(built_once, tmp_path / "data")
    held = start_held(command(data), "report-process", tmp_path / "hold")
    (reporter,) = held.pids()
    assert reporter != held.process.pid
    os.kill(reporter, signal.SIGKILL)
    code, stderr = held.finish(timeout=60)
    assert code == 2
    assert error_lines(stderr) == [
        f"Error: the report process (render/fast/ahead.py) died: {KILLED}"
    ]
    # curated/ and reports/ are the previous pair, whole; the next build makes the new ones
    assert published_set(data) == f"{ORIGINAL_AMOUNT} / report same"
    done = run(command(data))
    assert done.returncode in (0, 1) and error_lines(done.stderr) == [], done.stderr
    assert published_set(data) == f"{CHANGED_AMOUNT} / report same"


def test_a_killed_chart_worker_is_named(built_once: Path, tmp_path: Path) -> None:
    data = copy_built(built_once, tmp_path / "data")
    held = start_held(command(data, "render"), "chart-worker", tmp_path / "hold")
    workers = held.pids()
    os.kill(workers[0], signal.SIGKILL)
    code, stderr = held.finish(timeout=60)
    assert code == 2
    assert error_lines(stderr) == [f"Error: a chart drawing process died: {KILLED}"]
    assert all(gone(pid) for pid in workers)
    assert published_set(data) == f"{ORIGINAL_AMOUNT} / report same"


def test_chart_workers_and_report_process_die_with_a_killed_build(
    built_once: Path, tmp_path: Path
) -> None:
    data = copy_built(built_once, tmp_path / "data")
    held = start_held(command(data), "chart-worker", tmp_path / "hold")
    workers = held.pids()
    held.process.kill()
    held.finish()
    assert all(gone(pid) for pid in workers)
    done = run(command(data))  # the lock went with them: no wait, no error
    assert done.returncode in (0, 1) and error_lines(done.stderr) == [], done.stderr
    assert published_set(data) == f"{CHANGED_AMOUNT} / report same"
