"""Determinism: two builds of the same plan, in different folders, processes, hash seeds, time
zones and locales, write byte-identical files (so a published file can be checked by its hash
and a rebuild that changes nothing shows no diff)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hammplan.publish import OUTPUT_FILES
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content

pytestmark = pytest.mark.slow  # whole builds or the real plan: make test-fast leaves them out

HAMMPLAN = Path(sys.executable).parent / "hammplan"


def build_in(folder: Path, pdf: bytes, environment: dict[str, str]) -> Path:
    """Build ``pdf`` into ``folder/data`` (reports in ``folder/data/reports``), run from
    ``folder`` as working directory; the data folder."""
    data = folder / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "plan.pdf").write_bytes(pdf)
    result = subprocess.run(
        [str(HAMMPLAN), "build", "--data-dir", str(data), "--out", str(data / "reports")],
        cwd=folder,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return data


def outputs(data: Path) -> dict[str, bytes]:
    """extracted.json, curated/* and reports/** by relative path."""
    files = [
        data / "interim" / "extracted.json",
        *(p for p in sorted((data / "curated").rglob("*")) if p.is_file()),
        *(p for p in sorted((data / "reports").rglob("*")) if p.is_file()),
    ]
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in files}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("determinism")
    pdf = build_plan_pdf(root / "plan.pdf", sample_content(), VARIANTS[0]).read_bytes()
    first = build_in(root / "a", pdf, {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"})
    second = build_in(
        root / "zweiter Ordner mit Ümlaut und längerem Namen" / "b",
        pdf,
        {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8"},
    )
    return first, second


def test_two_builds_write_the_same_bytes(two_builds: tuple[Path, Path]) -> None:
    first, second = (outputs(d) for d in two_builds)
    assert sorted(first) == sorted(second)
    expected = {
        "interim/extracted.json",
        "reports/index.html",
        "reports/report.md",
        *(f"curated/{name}" for name in OUTPUT_FILES),
    }
    assert expected <= set(first)
    assert len([n for n in first if n.startswith("reports/charts/")]) == 8
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_no_folder_of_the_build_is_written_into_its_files(
    two_builds: tuple[Path, Path],
) -> None:
    for data in two_builds:
        for name, content in outputs(data).items():
            for folder in (data, data.parent):
                assert str(folder).encode() not in content, (name, folder)
