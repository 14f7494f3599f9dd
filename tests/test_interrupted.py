"""Interrupted builds: ``hammplan build`` killed (SIGKILL, SIGINT) during extract, validate and
render never leaves a broken output, and the next build finishes the job.

The build runs as a separate process (the ``hammplan`` console script) with its stderr on a
pseudo-terminal, so the progress it shows there ("extract: page 1/12", "validate", "render:
content", ...) tells which stage is running when the signal is sent.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

import hammplan.publish
from hammplan.build import BuildSettings
from hammplan.build import build as build_settings
from hammplan.curate.pipeline import curate_plan
from hammplan.io.fileset import MANIFEST, staged
from hammplan.publish import OUTPUT_FILES, write_curated
from hammplan.records.plan import CuratedPlan
from hammplan.render import render_reports
from hammplan.summaries import StageResult
from hammplan.vocabulary import load_vocabulary
from tests.support.curated_files import SHEETS
from tests.support.hostile import Sample, hostile_document
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content

pytestmark = [pytest.mark.filterwarnings("ignore:Glyph .* missing from font"), pytest.mark.slow]

HAMMPLAN = Path(sys.executable).parent / "hammplan"

CHANGED_AMOUNT = "99.999"
"""Aufwand 2023 of the first budget row in the changed plan (the original prints 38.251)."""

TEMPORARY = re.compile(
    r"\.[^/]+\.[a-z0-9_]{8}"
    r"|\.hammplan-(stage-|commit\.json|pending\.json|together-|files\.json\.).*"
)
"""A temporary file of an atomic write (tempfile.mkstemp with prefix ".NAME."), or a stage,
journal, pending journal, group commit or half-written manifest of a set being published
(``hammplan.io.fileset``)."""


def plan_pdfs(folder: Path) -> tuple[Path, Path]:
    """The synthetic plan, and the same plan with one amount changed."""
    content = sample_content()
    rows = [list(row) for row in content.budget_rows]
    assert rows[0][2] == "38.251"
    rows[0][2] = CHANGED_AMOUNT
    changed = dataclasses.replace(content, budget_rows=rows)
    return (
        build_plan_pdf(folder / "original.pdf", content, VARIANTS[0]),
        build_plan_pdf(folder / "changed.pdf", changed, VARIANTS[0]),
    )


def output_folders(data: Path) -> list[Path]:
    return [data / "interim", data / "curated", data / "reports", data / "reports" / "charts"]


def hidden_files(data: Path) -> list[str]:
    return sorted(
        p.relative_to(data).as_posix()
        for folder in output_folders(data)
        if folder.is_dir()
        for p in folder.iterdir()
        if p.name.startswith(".") and p.name != MANIFEST
    )


def check_outputs(data: Path) -> None:
    """Every output of a build is there and opens: JSON parses, CSV reads, SQLite answers,
    Excel loads, HTML ends with </html>, every chart is well-formed SVG."""
    extracted = json.loads((data / "interim" / "extracted.json").read_text(encoding="utf-8"))
    assert len(extracted["budget_rows"]) == 13
    curated = data / "curated"
    # the build's PDF is in raw/, so validate puts a checked copy beside the curated files
    assert sorted(p.name for p in curated.iterdir() if not p.name.startswith(".")) == sorted(
        [*OUTPUT_FILES, "quelle.pdf"]
    )
    for name in OUTPUT_FILES:
        path = curated / name
        if name.endswith(".json"):
            assert json.loads(path.read_text(encoding="utf-8")), name
        elif name.endswith(".csv"):
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows), name
    plan = json.loads((curated / "plan.json").read_text(encoding="utf-8"))
    connection = sqlite3.connect(f"file:{curated / 'hammplan.sqlite'}?mode=ro", uri=True)
    try:
        count = connection.execute('SELECT count(*) FROM "budget"').fetchone()[0]
        assert count == len(plan["budget"]) == 13
        assert connection.execute('SELECT count(*) FROM "measures"').fetchone()[0] == 5
    finally:
        connection.close()
    workbook = load_workbook(curated / "hammplan.xlsx", read_only=True)
    try:
        assert workbook.sheetnames == SHEETS
    finally:
        workbook.close()
    page = (data / "reports" / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    markdown = (data / "reports" / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# ") and len(markdown) > 10_000
    charts = sorted((data / "reports" / "charts").glob("*.svg"))
    assert len(charts) == 8
    for chart in charts:
        ET.fromstring(chart.read_bytes())


@dataclass
class Build:
    """A running ``hammplan build`` whose stderr is a terminal we read."""

    process: subprocess.Popen[bytes]
    terminal: int
    shown: str = ""

    def read(self, seconds: float) -> None:
        """Read what the build showed, for at most ``seconds``."""
        ready, _, _ = select.select([self.terminal], [], [], seconds)
        if ready:
            try:
                self.shown += os.read(self.terminal, 65536).decode("utf-8", "replace")
            except OSError:  # the build ended and closed the terminal
                time.sleep(seconds)

    def wait_for(self, marker: str, timeout: float = 60.0) -> None:
        """Read until the build shows ``marker``."""
        deadline = time.monotonic() + timeout
        while marker not in self.shown:
            assert self.process.poll() is None, f"build ended before {marker!r}: {self.shown!r}"
            assert time.monotonic() < deadline, f"no {marker!r} in {self.shown!r}"
            self.read(0.01)

    def stop(self, sig: signal.Signals) -> int:
        """Send ``sig`` and wait for the end; the exit code (negative: killed by a signal)."""
        self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=60)
            self.read(0.05)
            return code
        finally:
            os.close(self.terminal)


def start(data: Path, *extra: str) -> Build:
    main, terminal = os.openpty()
    process = subprocess.Popen(
        [str(HAMMPLAN), "build", "--data-dir", str(data), "--out", str(data / "reports"), *extra],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    )
    os.close(terminal)
    return Build(process, main)


HELD = "[held]"
"""What a held build shows on its terminal once it stopped at the named function."""

HOLD = """
import sys, threading
module_name, name = sys.argv[1].split(":")
module = __import__(module_name, fromlist=[name])
real = getattr(module, name)

def held(*args, **kwargs):
    sys.stderr.write("\\n[held]\\n")
    sys.stderr.flush()
    threading.Event().wait()  # until a signal ends the build
    return real(*args, **kwargs)

setattr(module, name, held)
from hammplan.cli import main
sys.argv = ["hammplan", *sys.argv[2:]]
main()
"""
"""Runs the build with ``module:function`` replaced by one that shows HELD and waits: the
build is stopped at a known point, however fast or loaded the machine, when the signal
comes."""


def start_held(data: Path, where: str, *extra: str) -> Build:
    """A build that runs until ``where`` (``module:function``) is called, and waits there."""
    main, terminal = os.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLD,
            where,
            "build",
            "--data-dir",
            str(data),
            "--out",
            str(data / "reports"),
            *extra,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    )
    os.close(terminal)
    return Build(process, main)


def build_to_end(data: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(HAMMPLAN), "build", "--data-dir", str(data), "--out", str(data / "reports"), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result


def snapshot(data: Path) -> dict[str, bytes]:
    """The outputs of a build (not the PDF, not the build state) by relative path."""
    files = [
        data / "interim" / "extracted.json",
        *(p for folder in output_folders(data)[1:] for p in folder.glob("*") if p.is_file()),
    ]
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(files)}


KILLS: list[tuple[str, str | None, float]] = [
    ("while starting", None, 0.3),
    ("during extract", "extract: page 1/", 0.0),
    ("during validate", "\x1b[Kvalidate", 0.1),
    ("while validate writes", "\x1b[Kvalidate", 0.25),
    ("while render writes", "render: 8 charts", 0.0),
    ("after 1 s", None, 1.0),
]
"""SIGKILL points: (name, progress to wait for or None for a fixed time, seconds after)."""


@pytest.fixture()
def built(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A data folder whose build of the original plan completed, with the changed plan in
    raw/ (so the next build must redo every stage), and the changed plan's PDF."""
    original, changed = plan_pdfs(tmp_path)
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "plan.pdf").write_bytes(original.read_bytes())
    build_to_end(data)
    check_outputs(data)
    assert hidden_files(data) == []
    (data / "raw" / "plan.pdf").write_bytes(changed.read_bytes())
    yield data, changed


def test_killed_builds_leave_every_output_readable(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    data, changed = built
    left_behind: set[str] = set()
    for name, marker, seconds in KILLS:
        running = start(data, "--force")
        if marker is not None:
            running.wait_for(marker)
        time.sleep(seconds)
        code = running.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL, f"{name}: the build ended before the kill ({code})"
        check_outputs(data)
        hidden = hidden_files(data)
        assert all(TEMPORARY.fullmatch(Path(h).name) for h in hidden), (name, hidden)
        left_behind.update(hidden)

    # killed while render has its reports and is about to write them, held there
    running = start_held(data, "hammplan.render.reports:write_reports", "--force")
    running.wait_for(HELD)
    assert running.stop(signal.SIGKILL) == -signal.SIGKILL
    check_outputs(data)

    # SIGINT (Ctrl-C) ends the build cleanly: no temporary file, no traceback
    running = start_held(data, "hammplan.render.reports:write_reports", "--force")
    running.wait_for(HELD)
    code = running.stop(signal.SIGINT)
    assert code == 130, running.shown
    assert "Traceback" not in running.shown
    check_outputs(data)
    assert hidden_files(data) == []

    # what a hard kill leaves while writing is ignored, and the next build removes it
    planted = [
        "interim/.extracted.json.k1ll3d_0",
        "interim/.build-state.json.abcdefgh",
        "curated/.plan.json.x1y2z3w4",
        "curated/.hammplan.sqlite.a_b_c_d_",
        "reports/.index.html.zzzzzzzz",
        "reports/charts/.top-massnahmen.svg.q9r8s7t6",
    ]
    for name in planted:
        (data / name).write_bytes(b"half a file")
    kept = ["reports/.notiz", "curated/.plan.json.bak"]
    for name in kept:
        (data / name).write_text("not ours", encoding="utf-8")
    assert set(planted) | set(kept) <= set(hidden_files(data))

    build_to_end(data)
    check_outputs(data)
    assert hidden_files(data) == sorted(kept)
    for name in kept:
        (data / name).unlink()
    plan = CuratedPlan.model_validate_json(
        (data / "curated" / "plan.json").read_text(encoding="utf-8")
    )
    assert plan.budget[0].aufwand(2023).raw == CHANGED_AMOUNT
    assert "99.999" in (data / "reports" / "index.html").read_text(encoding="utf-8")
    # the same files as a build of the changed plan that was never interrupted
    fresh = tmp_path / "fresh"
    (fresh / "raw").mkdir(parents=True)
    (fresh / "raw" / "plan.pdf").write_bytes(changed.read_bytes())
    build_to_end(fresh)
    assert snapshot(data) == snapshot(fresh)
    print(f"left behind by SIGKILL: {sorted(left_behind)}")


class Interrupted(BaseException):
    """Stands for a signal arriving while validate writes its files."""


def test_a_stage_interrupted_while_writing_runs_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Interrupted after plan.json of the changed plan was written, with the input then put
    back: validate must run again, although its input equals the last completed run's."""
    original, changed = plan_pdfs(tmp_path)
    data, out = tmp_path / "data", tmp_path / "data" / "reports"
    run_build(original, data, out)
    first = snapshot(data)
    write_curated = hammplan.publish.write_curated

    def write_plan_json_only(
        plan: CuratedPlan,
        target: Path,
        *_options: object,
    ) -> list[Path]:
        write_curated(plan, tmp_path / "elsewhere")  # staged there until the build commits
        (target / "plan.json").write_bytes(
            staged(tmp_path / "elsewhere" / "plan.json").read_bytes()
        )
        raise Interrupted

    monkeypatch.setattr(hammplan.publish, "write_curated", write_plan_json_only)
    with pytest.raises(Interrupted):
        run_build(changed, data, out)
    monkeypatch.undo()
    assert snapshot(data)["curated/plan.json"] != first["curated/plan.json"]
    results = run_build(original, data, out)
    assert results[1].ran  # its input is the first run's, but its output was half replaced
    assert snapshot(data) == first


def test_the_writers_remove_what_a_killed_writer_left(tmp_path: Path) -> None:
    """``hammplan validate`` and ``hammplan render`` on their own clean up too, and only their
    own temporary files."""
    plan = curate_plan(hostile_document([Sample("kurs", "Sprachkurs")]), load_vocabulary())
    curated, reports = tmp_path / "curated", tmp_path / "reports"
    (reports / "charts").mkdir(parents=True)
    curated.mkdir()
    stale = [
        curated / ".plan.json.abcdefgh",
        curated / ".budget.csv.1234_678",
        reports / ".index.html.zzzzzzzz",
        reports / ".report.md.q1w2e3r4",
        reports / "charts" / ".alt.svg.a1b2c3d4",
        reports / "charts" / ".alt.png.a1b2c3d4",
    ]
    kept = [
        curated / ".plan.json.bak",
        curated / ".notes.txt.abcdefgh",
        curated / "plan.json.abcdefgh",
        reports / ".index.html.abc",
        reports / "charts" / ".alt.gif.a1b2c3d4",
    ]
    for path in stale + kept:
        path.write_text("left behind", encoding="utf-8")
    write_curated(plan, curated)
    render_reports(plan, reports)
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


def run_build(pdf: Path, data: Path, out: Path) -> list[StageResult]:
    """The library's build of ``pdf`` into ``data`` and ``out``, with default settings."""
    return build_settings(BuildSettings(pdf=pdf, data_dir=data, out_dir=out))
