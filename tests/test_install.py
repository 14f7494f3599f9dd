"""A non-editable install works: the wheel holds the templates and vocabularies, and
``hammplan build`` runs from it in a fresh environment, outside the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content


def _version() -> str:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version: str = project["project"]["version"]
    return version


@pytest.mark.slow
def test_the_wheel_builds_a_plan_outside_the_repository(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy, so building leaves the checkout as it was
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    wheels = tmp_path / "wheels"
    # As pip install . and pipx build it: in an isolated build environment with the build
    # backend pyproject.toml asks for.
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(wheels),
            str(source),
        ],
        timeout=600,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    [wheel] = wheels.glob("hammplan-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for data in (
        "hammplan/templates/report.html.j2",
        "hammplan/templates/report.md.j2",
        "hammplan/vocabularies/default.toml",
        "hammplan/py.typed",
    ):
        assert data in names

    fresh = tmp_path / "fresh"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True, timeout=120
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(fresh / "bin" / "python"),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    # The dependencies come from the test environment, as a path entry (its .pth files, the
    # editable hammplan among them, are not run): only the wheel provides hammplan.
    [site] = (fresh / "lib").glob("python3*/site-packages")
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    work = tmp_path / "elsewhere"
    (work / "data" / "raw").mkdir(parents=True)
    build_plan_pdf(work / "data" / "raw" / "plan.pdf", sample_content(), VARIANTS[0])
    hammplan = str(fresh / "bin" / "hammplan")
    where = subprocess.run(
        [str(fresh / "bin" / "python"), "-c", "import hammplan; print(hammplan.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert where.stdout.startswith(str(site))
    version = subprocess.run(
        [hammplan, "--version"], cwd=work, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"hammplan {_version()}"
    built = subprocess.run(
        [hammplan, "build", "--data-dir", "data", "--out", "reports"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    assert (work / "reports" / "index.html").stat().st_size > 10_000
    assert (work / "data" / "curated" / "hammplan.xlsx").is_file()
    assert not (work / "templates").exists()
