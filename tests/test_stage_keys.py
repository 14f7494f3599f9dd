"""Cache keys that cannot lie: a stage's code key follows its imports, and a stage run by hand
between two builds is noticed by the next build."""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hammplan import stagekeys
from hammplan.cli import app
from hammplan.io import files
from hammplan.stagekeys import (
    PACKAGE,
    STAGE_ENTRIES,
    compute_code_key,
    recorded_source,
    stage_files,
    stage_modules,
)
from tests.support.typeset import VARIANTS, PlanContent, build_plan_pdf, sample_content

runner = CliRunner()
STAGES = ("extract", "validate", "render")


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("src") / "hammplan"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("stage", STAGES)
def test_a_change_to_any_module_a_stage_imports_changes_its_key(
    stage: str, package_copy: Path
) -> None:
    before = compute_code_key(stage, package_copy)
    files = stage_files(stage, package_copy)
    assert len(files) > 10
    for path in files:
        original = path.read_bytes()
        path.write_bytes(original + b"\n# changed\n")
        try:
            assert compute_code_key(stage, package_copy) != before, path
        finally:
            path.write_bytes(original)
    assert compute_code_key(stage, package_copy) == before


def test_a_module_no_stage_imports_leaves_the_keys_alone(package_copy: Path) -> None:
    before = {stage: compute_code_key(stage, package_copy) for stage in STAGES}
    dictionary = package_copy / "publish" / "dictionary.py"  # docs only, no stage uses it
    original = dictionary.read_bytes()
    dictionary.write_bytes(original + b"\n# changed\n")
    try:
        assert {stage: compute_code_key(stage, package_copy) for stage in STAGES} == before
    finally:
        dictionary.write_bytes(original)


def test_render_s_key_covers_what_the_hand_kept_list_missed() -> None:
    """render's context made slugs with a module of curate the old list of render's sources
    did not name; the slugs (now in hammplan.slugs), the finding records and the loader are
    in render's key because render imports them."""
    names = {p.relative_to(PACKAGE).as_posix() for p in stage_files("render")}
    assert {
        "slugs.py",
        "records/findings.py",
        "records/plan.py",
        "io/loading.py",
        "render/charts/budget.py",
    } <= names
    assert not any(name.startswith(("extract/", "curate/", "publish/")) for name in names)
    assert "vocabularies/default.toml" in {
        p.relative_to(PACKAGE).as_posix() for p in stage_files("validate")
    }


def _function_imports(function: str) -> set[str]:
    tree = ast.parse((PACKAGE / "build.py").read_text(encoding="utf-8"))
    [node] = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function]
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.ImportFrom) and child.module:
            found.add(child.module)
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_the_entries_reach_every_module_the_stage_function_imports(stage: str) -> None:
    modules = stage_modules(STAGE_ENTRIES[stage])
    assert _function_imports(f"{stage}_stage") <= set(modules)


def test_recorded_source_reads_the_head_of_an_output(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        json.dumps(
            {
                "format_version": 1,
                "source": {
                    "file_name": "a {b}.pdf",
                    "sha256": "ab" * 32,
                    "extracted_sha256": "cd" * 32,
                },
                "measures": [{"source": {}}] * 3,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    assert recorded_source(path, "extracted_sha256") == "cd" * 32
    assert recorded_source(path, "sha256") == "ab" * 32
    assert recorded_source(path, "nothing") is None
    assert recorded_source(tmp_path / "missing.json", "sha256") is None


def another_plan() -> PlanContent:
    """The sample plan with fewer budget rows: another plan, as far as the outputs tell."""
    content = sample_content()
    return dataclasses.replace(content, budget_rows=content.budget_rows[:-2])


def _build(data_dir: Path, *extra: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        [
            "build",
            "--data-dir",
            str(data_dir),
            "--out",
            str(data_dir / "reports"),
            "--json",
            "-q",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    summary: dict[str, object] = json.loads(result.stdout)
    return summary


def _outputs(data_dir: Path) -> dict[str, bytes]:
    folders = [data_dir / "curated", data_dir / "reports"]
    return {
        p.relative_to(data_dir).as_posix(): p.read_bytes()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_a_build_after_a_hand_run_extract_of_another_pdf_republishes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    ours = build_plan_pdf(data / "raw" / "plan.pdf", sample_content(), VARIANTS[0])
    other = build_plan_pdf(tmp_path / "other.pdf", another_plan(), VARIANTS[1])
    _build(data)
    published = _outputs(data)
    extracted = (data / "interim" / "extracted.json").read_bytes()

    hand = runner.invoke(app, ["extract", str(other), "--data-dir", str(data), "-q"])
    assert hand.exit_code == 0, hand.output
    assert recorded_source(
        data / "interim" / "extracted.json", "sha256"
    ) == stagekeys.file_identity(other)
    summary = _build(data)
    assert summary["pdf"] == str(ours)
    assert _ran(summary) == {"extract": True, "validate": False, "render": False}
    assert (data / "interim" / "extracted.json").read_bytes() == extracted
    assert _outputs(data) == published  # validate never saw the other PDF's records

    hand = runner.invoke(app, ["extract", str(other), "--data-dir", str(data), "-q"])
    hand = runner.invoke(app, ["validate", "--data-dir", str(data), "-q"])
    assert _outputs(data) != published
    summary = _build(data)
    assert _ran(summary) == {"extract": True, "validate": True, "render": False}
    assert _outputs(data) == published  # the same plan.json again: the reports stand
    assert _ran(_build(data)) == {"extract": False, "validate": False, "render": False}


def _ran(summary: dict[str, object]) -> dict[str, bool]:
    stages = summary["stages"]
    assert isinstance(stages, dict)
    return {name: bool(stage["ran"]) for name, stage in stages.items()}


@pytest.mark.slow
def test_a_build_after_a_hand_run_render_of_another_plan_renders_again(tmp_path: Path) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    for folder, seed in ((data, 0), (elsewhere, 7)):
        (folder / "raw").mkdir(parents=True)
        content = another_plan() if seed else sample_content()
        build_plan_pdf(folder / "raw" / "plan.pdf", content, VARIANTS[0])
    _build(data)
    published = _outputs(data)
    _build(elsewhere)
    hand = runner.invoke(
        app, ["render", "--data-dir", str(elsewhere), "--out", str(data / "reports"), "-q"]
    )
    assert hand.exit_code == 0, hand.output
    assert _outputs(data) != published
    assert _ran(_build(data)) == {"extract": False, "validate": False, "render": True}
    assert _outputs(data) == published


def test_a_source_pdf_is_hashed_again_only_when_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hash of a source PDF is remembered by the file's state: the same file is not read
    again, a file rewritten (even to the same size) or replaced is."""
    reads: list[Path] = []
    real = files.sha256_of
    monkeypatch.setattr(files, "sha256_of", lambda path: reads.append(path) or real(path))
    monkeypatch.setattr(files, "_SOURCES", {})
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7 one")
    first = files.source_sha256(pdf)
    assert first == real(pdf) and files.source_sha256(tmp_path / "." / "plan.pdf") == first
    assert len(reads) == 1
    replacement = tmp_path / "new.pdf"
    replacement.write_bytes(b"%PDF-1.7 two")  # same size
    replacement.replace(pdf)
    assert files.source_sha256(pdf) == real(pdf) != first
    assert len(reads) == 2
    stat = pdf.stat()
    time.sleep(0.05)  # past the file system clock's tick (a few milliseconds)
    pdf.write_bytes(b"%PDF-1.7 six")  # in place, same size, its times put back
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert files.source_sha256(pdf) == real(pdf)  # the change time still tells
    assert len(reads) == 3


def test_a_known_input_is_keyed_by_its_hash_without_reading_it(tmp_path: Path) -> None:
    """``build`` hands the key its PDF's hash: the same key as from reading the file."""
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.7 plan")
    read = stagekeys.content_key([pdf], "extract")
    assert stagekeys.content_key([pdf], "extract", {pdf: files.sha256_of(pdf)}) == read
    assert stagekeys.content_key([pdf], "extract", {pdf: "0" * 64}) != read
