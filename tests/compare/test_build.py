"""``hammplan build --previous``: the main report gets the comparison as its own section."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from hammplan.cli import app
from tests.compare.conftest import Editions

RUNNER = CliRunner()


def test_build_with_previous_adds_the_comparison_section(
    editions: Editions, tmp_path: Path
) -> None:
    data, out = tmp_path / "data", tmp_path / "reports"
    previous = tmp_path / "vorher.pdf"
    shutil.copy(editions.old_pdf, previous)
    args = [
        "build",
        str(editions.new_pdf),
        "--data-dir",
        str(data),
        "--out",
        str(out),
        "--previous",
        str(previous),
    ]
    first = RUNNER.invoke(app, args)
    assert first.exit_code in (0, 1), first.output  # 1: the plan has error findings
    page = (out / "index.html").read_text(encoding="utf-8")
    text = (out / "report.md").read_text(encoding="utf-8")
    assert '<li><a href="#vergleich">Was sich geändert hat</a></li>' in page
    assert '<section id="vergleich" aria-labelledby="vergleich-h">' in page
    assert page.index('id="vergleich"') < page.index('id="methode"')
    assert "7. [Was sich geändert hat](#vergleich)" in text
    section = text[text.index("## Was sich geändert hat") :]
    assert "### Neue Maßnahmen (1)\n\n- „Sprachcafé für Seniorinnen“" in section
    assert "### Entfallene Maßnahmen (1)\n\n- „Arbeit gegen Rassismus“" in section
    assert (out / "charts" / "vergleich-aufwand.svg").is_file()
    # nothing new: render skipped; another previous edition: render runs again
    again = RUNNER.invoke(app, args)
    assert "render: unchanged, skipped" in again.output
    shutil.copy(editions.new_pdf, previous)
    third = RUNNER.invoke(app, args)
    assert "render: ran" in third.output
    assert "Nichts hat sich geändert" in (out / "index.html").read_text(encoding="utf-8")


def test_build_without_previous_has_no_section(editions: Editions, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = RUNNER.invoke(
        app,
        ["build", str(editions.new_pdf), "--data-dir", str(tmp_path / "data"), "--out", str(out)],
    )
    assert result.exit_code in (0, 1), result.output
    assert "vergleich" not in (out / "index.html").read_text(encoding="utf-8")


def test_build_refuses_a_missing_previous_edition_before_any_work(
    editions: Editions, tmp_path: Path
) -> None:
    result = RUNNER.invoke(
        app,
        [
            "build",
            str(editions.new_pdf),
            "--data-dir",
            str(tmp_path / "data"),
            "--previous",
            str(tmp_path / "fehlt"),
        ],
    )
    assert result.exit_code == 2 and "fehlt: no such file or folder" in result.output
    assert not (tmp_path / "data" / "interim" / "extracted.json").exists()
