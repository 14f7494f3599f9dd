"""The scheduled rebuild: a valid GitHub Actions workflow that uses the Makefile."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "rebuild.yml"


def test_workflow_is_valid_against_the_github_schema() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_on_push_and_a_schedule_and_uses_the_makefile() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert "push" in triggers
    [cron] = [entry["cron"] for entry in triggers["schedule"]]
    assert len(cron.split()) == 5
    steps = workflow["jobs"]["rebuild"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands == [
        "make install",
        "make lint",
        "make typecheck",
        "make test",
        "make report",
        "make check-outputs",
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for command in commands:
        target = command.split()[1]
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    uploads = [
        step["with"]["path"]
        for step in steps
        if step.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert uploads == ["reports/", "data/curated/"]


def test_make_help_documents_every_target() -> None:
    result = subprocess.run(
        ["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for target in ("install", "report", "test", "bench", "clean"):
        assert re.search(rf"make {target}\s+\S", result.stdout), target


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme
    assert re.search(r"^make test$", ci, re.MULTILINE)
