"""Exit codes a scheduled job can act on, and error lines it can grep.

0 success (the plan's findings are content); 1 findings at or above ``--fail-on``; 2 bad
input (usage errors included); 3 no plan found; 4 an unexpected failure. Every error is one
line on stderr starting with ``Error:``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hammplan.build
from hammplan.cli import FailOn, _plan_exit, app
from hammplan.extract.fast import pool
from hammplan.extract.layout import PageLayout
from hammplan.limits import PageTimeout
from hammplan.records import ExtractedDocument
from hammplan.summaries import ValidateSummary
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content
from tests.test_cli import _with_extracted

runner = CliRunner()

COUNTS = {"error": 2, "warning": 5, "info": 9}


@pytest.mark.parametrize(
    ("counts", "fail_on", "strict", "code"),
    [
        (COUNTS, None, False, 0),  # build's default: the findings are reported, not failed on
        (COUNTS, FailOn.error, False, 1),
        (COUNTS, FailOn.warning, False, 1),
        ({"error": 0, "warning": 5, "info": 9}, FailOn.error, False, 0),
        ({"error": 0, "warning": 5, "info": 9}, FailOn.warning, False, 1),
        ({"error": 0, "warning": 5, "info": 9}, FailOn.error, True, 1),  # --strict
        ({"error": 0, "warning": 0, "info": 9}, FailOn.warning, False, 0),
    ],
)
def test_findings_fail_only_at_or_above_fail_on(
    counts: dict[str, int], fail_on: FailOn | None, strict: bool, code: int
) -> None:
    assert _plan_exit(ValidateSummary(findings=counts), fail_on, strict) == code


def test_validate_fails_on_errors_by_default_and_on_warnings_when_asked(
    tmp_path: Path, plan: ExtractedDocument
) -> None:
    data = _with_extracted(tmp_path, plan)
    default = runner.invoke(app, ["validate", "--data-dir", str(data), "--json", "-q"])
    summary = json.loads(default.stdout)
    assert summary["findings"]["error"] > 0 and summary["findings"]["warning"] > 0
    assert (default.exit_code, summary["exit_code"]) == (1, 1)
    warning = runner.invoke(
        app, ["validate", "--data-dir", str(data), "-q", "--fail-on", "warning"]
    )
    assert warning.exit_code == 1


@pytest.mark.parametrize(
    "arguments",
    [
        ["extract", "--bogus"],
        ["nosuch"],
        ["validate", "--fail-on", "sometimes"],
        ["extract", "--max-pages", "0"],
    ],
)
def test_usage_errors_are_one_line_and_exit_2(arguments: list[str]) -> None:
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "-h'" in lines[0]  # where to read more
    assert result.stdout == ""


def test_an_unexpected_failure_exits_4_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(hammplan.build, "extract_stage", broken)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    result = runner.invoke(app, ["extract", str(pdf), "--data-dir", str(tmp_path)])
    assert result.exit_code == 4
    assert result.stderr.splitlines() == [
        "Error: unexpected failure, a bug in hammplan (ZeroDivisionError: division by zero); "
        "rerun with --debug for the traceback and please report it"
    ]
    debug = runner.invoke(app, ["--debug", "extract", str(pdf), "--data-dir", str(tmp_path)])
    assert isinstance(debug.exception, ZeroDivisionError)  # the traceback, on request


def test_error_lines_start_at_the_beginning_of_a_log_files_line(tmp_path: Path) -> None:
    """Run as a scheduled job runs it, stderr into a file: ``grep '^Error:'`` finds the line
    (no carriage return or terminal code before it)."""
    log = tmp_path / "job.log"
    with log.open("wb") as handle:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from hammplan.cli import main; main()",
                "extract",
                str(tmp_path / "missing.pdf"),
                "--data-dir",
                str(tmp_path),
            ],
            stderr=handle,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )
    assert done.returncode == 2
    assert log.read_bytes() == f"Error: {tmp_path / 'missing.pdf'}: no such file\n".encode()


def test_every_help_names_every_exit_code() -> None:
    for command in ([], ["extract"], ["validate"], ["render"], ["build"]):
        text = " ".join(runner.invoke(app, [*command, "--help"]).output.split())
        for code in (
            "0 success",
            "1 findings at or above --fail-on",
            "2 bad input",
            "3 no plan found",
            "4 unexpected failure",
        ):
            assert code in text, (command, code)


@pytest.mark.slow
def test_a_build_with_a_skipped_page_exits_1_with_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page over the time limit is skipped; the build says the data are incomplete and
    fails (with the default --fail-on too), and validate names the page as an error."""
    (tmp_path / "raw").mkdir()
    build_plan_pdf(tmp_path / "raw" / "plan.pdf", sample_content(), VARIANTS[0])
    read = pool.read_page_fast

    def slow_on_page_2(page: object, number: int, use_rulings: bool = True) -> PageLayout:
        if number == 2:
            raise PageTimeout
        return read(page, number, use_rulings)

    monkeypatch.setattr(pool, "read_page_fast", slow_on_page_2)
    result = runner.invoke(
        app, ["build", "--data-dir", str(tmp_path), "--out", str(tmp_path / "reports"), "--json"]
    )
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert (summary["read_failures"], summary["exit_code"]) == (1, 1)
    assert "1 parts of the PDF could not be read" in result.stderr
    findings = json.loads((tmp_path / "curated" / "findings.json").read_text("utf-8"))
    [skipped] = [f for f in findings["findings"] if f["code"] == "page_skipped"]
    assert skipped["severity"] == "error" and skipped["refs"][0]["page"] == 2
    again = runner.invoke(
        app, ["build", "--data-dir", str(tmp_path), "--out", str(tmp_path / "reports"), "--json"]
    )  # nothing reruns,
    assert again.exit_code == 1  # and the incomplete data still fail the build
    assert json.loads(again.stdout)["read_failures"] == 1
