"""The command line: exit codes, messages, outputs."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from hammplan.cli import app
from hammplan.records import ExtractedDocument
from hammplan.records.plan import CuratedPlan
from hammplan.render.formatting import euro
from tests.conftest import PLAN_PDF

runner = CliRunner()


def test_extract_missing_file_is_input_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(tmp_path / "nope.pdf"), "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "nope.pdf: no such file" in result.output
    assert not (tmp_path / "interim").exists()


def test_extract_not_a_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "plan.pdf"
    bad.write_text("not a pdf")
    result = runner.invoke(app, ["extract", str(bad), "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a readable PDF" in result.output


def test_extract_empty_raw_folder_names_it(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    result = runner.invoke(app, ["extract", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "expected exactly one PDF, found no PDF" in result.output


def test_extract_bad_vocabulary(tmp_path: Path) -> None:
    vocab = tmp_path / "v.toml"
    vocab.write_text("[budget]\nheader = 1\n")
    result = runner.invoke(
        app, ["extract", str(PLAN_PDF), "--data-dir", str(tmp_path), "--vocabulary", str(vocab)]
    )
    assert result.exit_code == 2
    assert "not a valid vocabulary file" in result.output


def test_extract_default_pdf_writes_json(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(PLAN_PDF, tmp_path / "raw" / PLAN_PDF.name)
    result = runner.invoke(app, ["extract", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "46 budget rows, 46 profiles" in result.output
    written = json.loads((tmp_path / "interim" / "extracted.json").read_text(encoding="utf-8"))
    assert written["source"]["page_count"] == 119
    assert len(written["budget_rows"]) == 46
    assert not [p for p in (tmp_path / "interim").iterdir() if p.name.startswith(".")]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == "hammplan 0.1.0"


def test_extract_pdf_without_plan_tables_exits_3(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    prose = tmp_path / "letter.pdf"
    canvas = Canvas(str(prose))
    canvas.drawString(72, 720, "Sehr geehrte Damen und Herren, dies ist kein Integrationsplan.")
    canvas.save()
    result = runner.invoke(app, ["extract", str(prose), "--data-dir", str(tmp_path)])
    assert result.exit_code == 3
    assert "no table of an integration plan found in 1 pages" in result.output
    assert "'Handlungsfelder' row" in result.output
    assert not (tmp_path / "interim" / "extracted.json").exists()


def _with_extracted(tmp_path: Path, document: ExtractedDocument) -> Path:
    (tmp_path / "interim").mkdir()
    (tmp_path / "interim" / "extracted.json").write_text(
        document.model_dump_json(), encoding="utf-8"
    )
    return tmp_path


def test_validate_writes_curated_files_and_fails_on_the_plans_errors(
    tmp_path: Path, plan: ExtractedDocument
) -> None:
    data = _with_extracted(tmp_path, plan)
    result = runner.invoke(app, ["validate", "--data-dir", str(data), "--json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout.splitlines()[0])
    assert summary["measures"] == 46
    assert summary["findings"]["error"] > 0
    assert summary["exit_code"] == 1
    names = sorted(p.name for p in (data / "curated").iterdir())
    assert names == [
        ".hammplan-files.json",
        "budget.csv",
        "budget_values.csv",
        "datapackage.json",
        "districts.csv",
        "findings.csv",
        "findings.json",
        "hammplan.sqlite",
        "hammplan.xlsx",
        "measures.csv",
        "measures.json",
        "metadata.json",
        "plan.json",
    ]
    findings = json.loads((data / "curated" / "findings.json").read_text(encoding="utf-8"))
    assert findings["summary"] == summary["findings"]
    assert "error kosten_mismatch" in result.stderr


def test_validate_without_extraction_is_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "extracted.json: not found; run 'hammplan extract' first" in result.output
    assert not (tmp_path / "curated").exists()


def test_validate_names_the_broken_field(tmp_path: Path) -> None:
    (tmp_path / "interim").mkdir()
    (tmp_path / "interim" / "extracted.json").write_text(
        '{"tool_version": "0", "source": {"file_name": "x.pdf", "sha256": "0", '
        '"page_count": "many"}}',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "source.page_count" in result.output
    assert "Traceback" not in result.output


def test_render_without_curated_data_is_input_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["render", "--data-dir", str(tmp_path), "--out", str(tmp_path / "reports")]
    )
    assert result.exit_code == 2
    assert "plan.json" in result.output and "hammplan validate" in result.output
    assert not (tmp_path / "reports").exists()


def test_render_names_the_hand_edited_field(tmp_path: Path, curated: CuratedPlan) -> None:
    data = json.loads(curated.model_dump_json())
    data["measures"][3]["kosten"]["status"] = "unknown"
    (tmp_path / "curated").mkdir()
    (tmp_path / "curated" / "plan.json").write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(
        app, ["render", "--data-dir", str(tmp_path), "--out", str(tmp_path / "reports")]
    )
    assert result.exit_code == 2
    assert "measures[3].kosten.status" in result.output
    assert "Traceback" not in result.output


def test_render_writes_the_reports(tmp_path: Path, curated: CuratedPlan) -> None:
    (tmp_path / "curated").mkdir()
    (tmp_path / "curated" / "plan.json").write_text(curated.model_dump_json(), encoding="utf-8")
    result = runner.invoke(
        app, ["render", "--data-dir", str(tmp_path), "--out", str(tmp_path / "reports"), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert str(tmp_path / "reports" / "index.html") in summary["files"]
    page = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "Kommunale Schulsozialarbeit" in page
    assert "1.012.000" in page
    # The headline totals are the curated data's sums, German-formatted, with their gaps.
    for year in curated.years:
        stated = [
            b.aufwand(year).betrag_eur for b in curated.budget if b.aufwand(year).status == "ok"
        ]
        total = sum((v for v in stated if v is not None), Decimal(0))
        assert euro(total) in page, year
    assert f"aus {len(stated)} von {len(curated.budget)} Zeilen" in page
    assert f">{len(curated.measures)}<" in page
