"""``hammplan build``: the whole path in one command, each stage run only when needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hammplan.build import BuildSettings, build
from hammplan.cli import app
from hammplan.io import files
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content

pytestmark = pytest.mark.slow  # whole builds or the real plan: make test-fast leaves them out

runner = CliRunner()


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """A data folder whose raw/ holds a small synthetic plan."""
    (tmp_path / "raw").mkdir()
    build_plan_pdf(tmp_path / "raw" / "plan.pdf", sample_content(), VARIANTS[0])
    return tmp_path


def run_build(data_dir: Path, *extra: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        [
            "build",
            "--data-dir",
            str(data_dir),
            "--out",
            str(data_dir / "reports"),
            "--json",
            *extra,
        ],
    )
    assert result.exit_code in (0, 1), result.output
    summary: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["exit_code"] == result.exit_code
    return summary


def ran(summary: dict[str, object]) -> dict[str, bool]:
    stages = summary["stages"]
    assert isinstance(stages, dict)
    return {name: bool(stage["ran"]) for name, stage in stages.items()}


def test_second_build_does_nothing_and_force_redoes_everything(data_dir: Path) -> None:
    first = run_build(data_dir)
    assert ran(first) == {"extract": True, "validate": True, "render": True}
    assert (data_dir / "reports" / "index.html").is_file()
    assert (data_dir / "curated" / "budget.csv").is_file()
    files = first["files"]
    assert isinstance(files, list) and str(data_dir / "reports" / "index.html") in files
    second = run_build(data_dir)
    assert ran(second) == {"extract": False, "validate": False, "render": False}
    assert second["files"] == []
    assert second["findings"] == first["findings"]
    assert isinstance(first["measures"], int) and first["measures"] > 0
    assert (second["measures"], second["budget_rows"]) == (first["measures"], first["budget_rows"])
    assert ran(run_build(data_dir, "--force")) == {
        "extract": True,
        "validate": True,
        "render": True,
    }


def test_a_changed_input_reruns_its_stage_and_those_after(data_dir: Path) -> None:
    run_build(data_dir)
    html = (data_dir / "reports" / "index.html").read_bytes()
    (data_dir / "reports" / "index.html").unlink()
    assert ran(run_build(data_dir)) == {"extract": False, "validate": False, "render": True}
    assert (data_dir / "reports" / "index.html").read_bytes() == html
    vocabulary = data_dir / "words.toml"
    vocabulary.write_text(
        '[claims]\nmigration_words = ["Zuwanderung"]\ntolerance_percent = 5.0\n', encoding="utf-8"
    )
    summary = run_build(data_dir, "--vocabulary", str(vocabulary))
    assert ran(summary)["extract"] is True
    assert ran(summary)["validate"] is True


def test_build_without_pdf_is_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "expected exactly one PDF" in result.output
    assert not (tmp_path / "interim").exists()


def test_every_command_takes_the_shared_options() -> None:
    for command in ("extract", "validate", "render", "build"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        for option in ("--data-dir", "--quiet", "--verbose", "--json"):
            assert option in result.output, (command, option)
        assert "Example: hammplan " + command in result.output


def test_build_makes_reports_ahead_and_never_imports_matplotlib(data_dir: Path) -> None:
    """The reports are made in the process forked once extract's readers are done; the
    build's own process only writes them (so a cold build pays for neither matplotlib nor the
    report's text in its own time), and they are the reports ``render`` writes on its own."""
    script = (
        "import sys\nfrom pathlib import Path\nfrom hammplan.build import BuildSettings, build\n"
        "data = Path(sys.argv[1])\n"
        "results = build(BuildSettings(data / 'raw' / 'plan.pdf', data, data / 'reports'))\n"
        "print([r.ran for r in results],\n"
        "      [m in sys.modules for m in ('matplotlib', 'hammplan.render.context')])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert done.stdout.split("\n")[0] == "[True, True, True] [False, False]"
    built = {p.name: p.read_bytes() for p in (data_dir / "reports").rglob("*") if p.is_file()}
    result = runner.invoke(
        app, ["render", "--data-dir", str(data_dir), "--out", str(data_dir / "alone")]
    )
    assert result.exit_code == 0, result.output
    alone = {p.name: p.read_bytes() for p in (data_dir / "alone").rglob("*") if p.is_file()}
    images = [name for name in built if name.endswith(".png")]
    # ten reports, the PDF copy, the manifest and the evidence images
    assert len(built) == 12 + len(images) and "quelle.pdf" in built and images
    assert ".hammplan-files.json" in built
    assert built == alone


def test_a_pdf_kept_outside_the_data_folder_is_still_the_report_s_source(tmp_path: Path) -> None:
    """``build elsewhere/plan.pdf``: the report links and cuts from the PDF it was given, as
    it does from ``raw/`` (it used to lose ``quelle.pdf`` and every evidence image)."""
    pdf = tmp_path / "elsewhere" / "plan.pdf"
    pdf.parent.mkdir()
    build_plan_pdf(pdf, sample_content(), VARIANTS[0])
    data, out = tmp_path / "data", tmp_path / "reports"
    args = ["build", str(pdf), "--data-dir", str(data), "--out", str(out), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert not (data / "raw").exists()
    assert (out / "quelle.pdf").read_bytes() == pdf.read_bytes()
    assert 'href="quelle.pdf#page=' in (out / "index.html").read_text(encoding="utf-8")
    assert sorted((out / "evidence").glob("*.png"))  # cut from it too


def _count_hashing(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Have every hashing of a file, in this process and in those it forks, append the file's
    path to ``log``; nothing is remembered from earlier tests."""
    real = files.sha256_of

    def counted(path: Path) -> str:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{Path(path).resolve()}\n")
        return real(path)

    for module in list(sys.modules.values()):
        if module.__name__.startswith("hammplan") and getattr(module, "sha256_of", None) is real:
            monkeypatch.setattr(module, "sha256_of", counted)
    monkeypatch.setattr(files, "_SOURCES", {})


@pytest.mark.parametrize("where", ["raw", "elsewhere"])
def test_a_cold_build_reads_its_pdf_for_a_hash_once(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: a build hashed its PDF four times (its stage key, the identity extract
    records, validate's and the report process's search for the source to link); now once,
    also when the PDF stands outside the data folder. The report process is forked, so the
    hashes are counted in a file."""
    data = tmp_path / "data"
    pdf = (data / "raw" if where == "raw" else tmp_path / "elsewhere") / "plan.pdf"
    pdf.parent.mkdir(parents=True)
    build_plan_pdf(pdf, sample_content(), VARIANTS[0])
    log = tmp_path / "hashed.txt"
    _count_hashing(monkeypatch, log)
    results = build(BuildSettings(pdf, data, tmp_path / "reports"))
    assert [r.ran for r in results] == [True, True, True]
    hashed = log.read_text(encoding="utf-8").splitlines()
    assert hashed.count(str(pdf.resolve())) == 1
    assert len(hashed) > 1  # the other files of the keys are hashed, and counted
    assert (tmp_path / "reports" / "quelle.pdf").read_bytes() == pdf.read_bytes()
