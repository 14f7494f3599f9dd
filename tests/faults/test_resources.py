"""Little memory, a full disk, too few open files, no permission, and two writers at once:
each ends with exit 2 and one line naming the resource, and the published outputs are one
complete set from one run."""

from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path

import pytest

from tests.faults.harness import (
    CHANGED_AMOUNT,
    ORIGINAL_AMOUNT,
    can_run_unprivileged,
    command,
    copy_built,
    error_lines,
    published_set,
    run,
    start_held,
)

OLD = f"{ORIGINAL_AMOUNT} / report same"
"""The previous build's curated/ and reports/, each complete: a build publishes both together
after both are staged, so one that fails anywhere (here: in render, after validate had staged
its set) leaves the previous pair; the next build makes both again."""


@pytest.mark.parametrize(
    ("limit", "value", "line", "left"),
    [
        (
            resource.RLIMIT_FSIZE,
            64 << 10,
            "cannot set read pages aside (File too large); set TMPDIR to a folder with room",
            OLD,
        ),
        (resource.RLIMIT_NOFILE, 16, "hammplan build: too many open files (ulimit -n)", OLD),
        (
            resource.RLIMIT_AS,
            250_000 << 10,
            "the memory limit (ulimit -v 250000) is below the 288 MiB hammplan needs; raise it",
            OLD,
        ),
    ],
    ids=["file-size", "open-files", "memory"],
)
def test_a_build_under_a_limit_ends_in_one_line(
    built_once: Path, tmp_path: Path, limit: int, value: int, line: str, left: str
) -> None:
    data = copy_built(built_once, tmp_path / "data")
    done = run(command(data), limits={limit: value}, timeout=120)
    assert done.returncode == 2, done.stderr
    (error,) = error_lines(done.stderr)
    assert error.startswith("Error: ") and error.endswith(line), error
    assert len(done.stderr.splitlines()) == 1
    assert published_set(data) == left
    again = run(command(data), timeout=120)
    assert again.returncode in (0, 1) and error_lines(again.stderr) == [], again.stderr
    assert published_set(data) == f"{CHANGED_AMOUNT} / report same"


@pytest.mark.parametrize(("verb", "kib"), [("validate", 256), ("render", 48)])
def test_a_full_disk_while_publishing_keeps_the_previous_set(
    built_once: Path, tmp_path: Path, verb: str, kib: int
) -> None:
    """RLIMIT_FSIZE as a full disk where the curated files (a SQLite database, the PDF copy)
    and the reports (a page of 100 KB and more) are written. For validate the limit leaves
    room for the temporary sheets openpyxl writes while the workbook is built, so it is the
    publishing of the set that runs out of room."""
    data = copy_built(built_once, tmp_path / "data")
    assert run(command(data, "extract"), timeout=120).returncode == 0
    if verb == "render":
        assert run(command(data, "validate"), timeout=120).returncode in (0, 1)
    before = published_set(data)
    done = run(command(data, verb), limits={resource.RLIMIT_FSIZE: kib << 10}, timeout=120)
    assert done.returncode == 2, done.stderr
    folder = data / ("curated" if verb == "validate" else "reports")
    assert error_lines(done.stderr) == [
        f"Error: {folder}: cannot write the new files there (File too large); the previous "
        "ones are kept"
    ]
    assert published_set(data) == before


@pytest.mark.skipif(not can_run_unprivileged(), reason="root without setpriv (util-linux)")
def test_no_permission_is_one_line_naming_the_folder(built_once: Path, tmp_path: Path) -> None:
    """A data folder whose curated/ may be read but not written."""
    data = copy_built(built_once, tmp_path / "data")
    (data / "curated").chmod(0o555)
    try:
        done = run(command(data, "validate"), unprivileged=True, timeout=120)
    finally:
        (data / "curated").chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert error_lines(done.stderr) == [
        f"Error: {data / 'curated'}: cannot write there (Permission denied)"
    ]
    assert published_set(data) == f"{ORIGINAL_AMOUNT} / report same"


@pytest.mark.skipif(not can_run_unprivileged(), reason="root without setpriv (util-linux)")
def test_an_unreadable_pdf_is_one_line_naming_it(built_once: Path, tmp_path: Path) -> None:
    data = copy_built(built_once, tmp_path / "data")
    pdf = data / "raw" / "plan.pdf"
    pdf.chmod(0o000)
    done = run(command(data, "extract"), unprivileged=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert error_lines(done.stderr) == [f"Error: {pdf}: permission denied"]


def test_a_second_writer_stops_in_one_line_naming_the_first(
    built_once: Path, tmp_path: Path
) -> None:
    data = copy_built(built_once, tmp_path / "data")
    first = start_held(command(data), "staged:curated", tmp_path / "hold")
    first.pids()
    started = time.monotonic()
    second = run(command(data), timeout=60)
    assert second.returncode == 2
    assert error_lines(second.stderr) == [
        f"Error: {data}: another hammplan run (process {first.process.pid}) is writing "
        "there; run again later, or add --wait"
    ]
    assert time.monotonic() - started < 30
    first.process.kill()
    first.finish()


@pytest.mark.slow
def test_four_builds_of_two_plans_at_once_never_mix(
    built_once: Path, plans: tuple[Path, Path], tmp_path: Path
) -> None:
    """Four builds at once into one data folder, two of each plan, with --wait: they take
    turns, each ends well, and what is published is one complete set from the last."""
    data = copy_built(built_once, tmp_path / "data")
    runs = [
        subprocess.Popen(
            [*command(data, "build", "--wait"), str(plans[i % 2])],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(4)
    ]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in runs]
    for code, stderr in results:
        assert code in (0, 1) and error_lines(stderr) == [], stderr
    shown = published_set(data)
    assert shown in (f"{ORIGINAL_AMOUNT} / report same", f"{CHANGED_AMOUNT} / report same")
    waited = sum("waiting for another hammplan run" in stderr for _, stderr in results)
    assert waited >= 1
