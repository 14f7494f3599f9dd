"""``make report`` and the workflow fail when the outputs are missing or incomplete
(scripts/check-outputs.sh), never pass on the placeholder files alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import ROOT
from tests.faults.harness import copy_built

SCRIPT = ROOT / "scripts" / "check-outputs.sh"


def _check(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), str(data), str(data / "reports")],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_complete_build_passes(built_once: Path, tmp_path: Path) -> None:
    done = _check(copy_built(built_once, tmp_path / "data"))
    assert (done.returncode, done.stderr) == (0, "")


def test_empty_folders_fail(tmp_path: Path) -> None:
    (tmp_path / "curated").mkdir()
    (tmp_path / "curated" / ".gitkeep").touch()
    (tmp_path / "reports").mkdir()
    done = _check(tmp_path)
    assert done.returncode == 1
    assert f"Error: {tmp_path}/reports/index.html is missing or empty" in done.stderr
    assert f"Error: {tmp_path}/curated/plan.json is missing or empty" in done.stderr


def test_a_file_the_manifest_names_missing_fails(built_once: Path, tmp_path: Path) -> None:
    data = copy_built(built_once, tmp_path / "data")
    (data / "reports" / "charts" / "top-massnahmen.svg").unlink()
    done = _check(data)
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: {data}/reports/charts/top-massnahmen.svg is missing, "
        "though the manifest names it\n"
    )
