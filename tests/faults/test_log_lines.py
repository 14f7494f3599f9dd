"""Log lines escape what comes from outside: a file name or PDF text cannot forge a line."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from hammplan.cli import app
from hammplan.io.logtext import is_escaped, printable
from tests.support.hostile_pdfs import good_plan

runner = CliRunner()


def test_every_control_line_break_and_bidi_character_is_escaped() -> None:
    assert printable("a\nError: b\r\t\x1b[31m\x7f\x85\u2028\u202eZ") == (
        "a\\nError: b\\r\\t\\x1b[31m\\x7f\\x85\\u2028\\u202eZ"
    )
    assert printable("Größe: 1.234 € – ok") == "Größe: 1.234 € – ok"
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        assert (printable(char) != char) == is_escaped(char), hex(code)


def test_a_file_name_with_a_newline_forges_no_error_line(tmp_path: Path) -> None:
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    pdf = raw / "plan\nError: forged.pdf"
    good_plan(pdf)
    result = runner.invoke(app, ["extract", "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("plan\\nError: forged.pdf: ")
    assert not any(line.lstrip("\r").startswith("Error:") for line in lines)


def test_an_error_naming_such_a_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(tmp_path / "x\nError: also forged.pdf"), "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "x\\nError: also forged.pdf: no such file" in result.stderr
