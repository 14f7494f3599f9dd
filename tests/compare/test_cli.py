"""``hammplan compare`` on the command line: data folders, PDFs, the same plan twice, two
unrelated plans, and the errors a user can act on."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hammplan.cli import app
from hammplan.compare.core import UnrelatedEditionsError, compare_plans
from hammplan.compare.run import OUTPUT_FILES
from hammplan.records.plan import CuratedPlan
from tests.compare.conftest import Editions
from tests.conftest import PLAN_PDF

RUNNER = CliRunner()


def data_dir(folder: Path, plan: CuratedPlan) -> Path:
    """A data folder as validate leaves it (only plan.json is read)."""
    (folder / "curated").mkdir(parents=True)
    (folder / "curated" / "plan.json").write_text(plan.model_dump_json(), encoding="utf-8")
    return folder


def unrelated(plan: CuratedPlan) -> CuratedPlan:
    """Another city's plan: other titles, descriptions and Träger for every measure."""
    words = [
        "Bürgerbus",
        "Stadtteilgarten",
        "Radwerkstatt",
        "Lesepaten",
        "Kältebus",
        "Repair-Café",
        "Nachbarschaftsfest",
        "Trinkbrunnen",
    ]
    measures = [
        m.model_copy(
            update={
                "titel": f"{words[i % len(words)]} Nord {i}",
                "beschreibung": f"Ein Angebot für {words[-1 - i % 8]}.",
                "traeger": f"Verein {i}",
            }
        )
        for i, m in enumerate(plan.measures)
    ]
    return plan.model_copy(update={"measures": measures})


def test_data_folders_give_the_library_result(editions: Editions, tmp_path: Path) -> None:
    old = data_dir(tmp_path / "alt", editions.old)
    new = data_dir(tmp_path / "neu", editions.new)
    result = RUNNER.invoke(
        app, ["compare", str(old), str(new), "--out", str(tmp_path / "out"), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["summary"] == editions.comparison.summary.model_dump(mode="json")
    assert summary["years"]["gemeinsam"] == editions.comparison.jahre.gemeinsam
    for name in (
        "measures.csv",
        "budget.csv",
        "districts.csv",
        "changes.json",
        "report.md",
        "index.html",
    ):
        assert (tmp_path / "out" / name).read_bytes() == (editions.out / name).read_bytes()


def test_pdfs_are_extracted_and_validated_first(editions: Editions, tmp_path: Path) -> None:
    result = RUNNER.invoke(
        app, ["compare", str(editions.old_pdf), str(editions.new_pdf), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "measures: 1 unveraendert, 3 geaendert, 1 neu, 1 entfallen, 1 geteilt" in result.output
    assert "3 amounts changed; findings: 6 new, 4 resolved" in result.output
    assert (tmp_path / "budget.csv").read_bytes() == (editions.out / "budget.csv").read_bytes()


def test_a_relative_name_is_looked_for_in_the_data_folder(
    editions: Editions, tmp_path: Path
) -> None:
    data_dir(tmp_path / "data" / "alt", editions.old)
    result = RUNNER.invoke(
        app,
        [
            "compare",
            "alt",
            "alt",
            "--data-dir",
            str(tmp_path / "data"),
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "nothing changed" in result.output


def test_a_plan_compared_with_itself_has_nothing_changed(editions: Editions) -> None:
    same = compare_plans(editions.new, editions.new)
    assert same.summary.nichts_geaendert
    assert {m.status for m in same.measures} == {"unveraendert"}
    assert {b.differenz for b in same.budget} <= {0, None}
    assert {f.status for f in same.findings} == {"offen"}


def test_bundled_plan_compared_with_itself_has_nothing_changed(curated: CuratedPlan) -> None:
    same = compare_plans(curated, curated)
    assert same.summary.nichts_geaendert
    assert same.summary.massnahmen["unveraendert"] == len(curated.measures)
    assert all(m.aehnlichkeit == 100 for m in same.measures)
    assert len(same.districts) == len(curated.districts)
    assert same.summary.befunde == {"neu": 0, "behoben": 0, "offen": len(curated.findings)}


def test_unrelated_plans_are_refused(editions: Editions, tmp_path: Path) -> None:
    other = unrelated(editions.new)
    try:
        compare_plans(editions.old, other)
    except UnrelatedEditionsError as error:
        assert "share 0 of 6 and 7 measures" in str(error)
    else:
        raise AssertionError("unrelated plans were compared")
    old = data_dir(tmp_path / "alt", editions.old)
    new = data_dir(tmp_path / "neu", other)
    result = RUNNER.invoke(app, ["compare", str(old), str(new), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip().endswith("do not look like two editions of one plan")
    assert "Error: " in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_missing_and_broken_editions_are_one_line_errors(
    editions: Editions, tmp_path: Path
) -> None:
    new = data_dir(tmp_path / "neu", editions.new)
    missing = RUNNER.invoke(app, ["compare", str(tmp_path / "nirgends"), str(new)])
    assert missing.exit_code == 2 and "nirgends: no such file or folder" in missing.output
    empty = tmp_path / "leer"
    empty.mkdir()
    no_plan = RUNNER.invoke(app, ["compare", str(empty), str(new)])
    assert no_plan.exit_code == 2 and "no curated/plan.json in this folder" in no_plan.output
    broken = tmp_path / "kaputt.pdf"
    broken.write_text("kein PDF", encoding="utf-8")
    unreadable = RUNNER.invoke(app, ["compare", str(broken), str(new)])
    assert unreadable.exit_code == 2 and "not a readable PDF" in unreadable.output
    assert all(len(r.output.strip().splitlines()) == 1 for r in (missing, no_plan, unreadable))


def test_data_and_reports_are_published_as_one_set(
    editions: Editions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A comparison whose writing fails leaves the previous one whole: new data files never
    stand beside an old report (the manifest names every output)."""
    old = data_dir(tmp_path / "alt", editions.old)
    new = data_dir(tmp_path / "neu", editions.new)
    out = tmp_path / "out"
    args = ["compare", str(old), str(new), "--out", str(out)]
    assert RUNNER.invoke(app, args).exit_code == 0
    manifest = json.loads((out / ".hammplan-files.json").read_text(encoding="utf-8"))
    assert set(OUTPUT_FILES) <= set(manifest["files"])
    before = {name: (out / name).read_bytes() for name in OUTPUT_FILES}

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("hammplan.io.fileset._write_now", full_disk)
    result = RUNNER.invoke(app, [*args[:1], str(new), str(old), *args[3:]])
    assert result.exit_code == 2, result.output
    assert "the previous ones are kept" in result.output
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == before


def test_reading_a_pdf_edition_is_bounded_by_max_seconds(tmp_path: Path) -> None:
    """A PDF edition is read under the same total time limit as ``extract``."""
    result = RUNNER.invoke(
        app,
        ["compare", str(PLAN_PDF), str(PLAN_PDF), "--out", str(tmp_path / "out")]
        + ["--max-seconds", "0.05"],
    )
    assert result.exit_code == 2, result.output
    assert "(--max-seconds)" in result.output
    assert not (tmp_path / "out" / "measures.csv").exists()
