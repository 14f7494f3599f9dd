"""Reports made ahead in a forked process (what ``build`` does) are the reports ``render``
makes, errors come back to the caller, and a process never asked goes at once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hammplan.curate.pipeline import curate_plan
from hammplan.errors import InputError
from hammplan.records import ExtractedDocument
from hammplan.records.plan import CuratedPlan
from hammplan.render.attachments import MEASURE_EVIDENCE, boxes_every_report_shows
from hammplan.render.evidence import cut, evidence_key, locate
from hammplan.render.fast import ReportsAhead
from hammplan.render.reports import compose_reports, prepare_templates
from hammplan.render.sources import find_source
from hammplan.render.templating import find_templates
from hammplan.vocabulary import load_vocabulary
from tests.conftest import PLAN_PDF

pytestmark = pytest.mark.slow  # whole builds or the real plan: make test-fast leaves them out


def _bytes(plan: CuratedPlan) -> bytes:
    return plan.model_dump_json().encode("utf-8")


def test_reports_made_ahead_are_the_reports_made_here(curated: CuratedPlan, tmp_path: Path) -> None:
    with ReportsAhead() as ahead:
        ahead.launch()
        ahead.start(_bytes(curated), tmp_path / "plan.json", None)
        assert ahead.asked
        made = ahead.reports()
    here = compose_reports(curated)
    assert made.html == here.html and made.markdown == here.markdown
    assert [c.svg for c in made.charts] == [c.svg for c in here.charts]
    assert len(made.charts) == 8 and "<svg" in made.html


@pytest.mark.parametrize("read_ahead", ["extracted.json", "missing.json"])
def test_evidence_cut_by_the_result_read_ahead_is_the_evidence_render_cuts(
    plan: ExtractedDocument, tmp_path: Path, read_ahead: str
) -> None:
    """The process reads the extraction result while validate curates; one it cannot read
    is read again when the images are cut, as render reads it."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "interim").mkdir()
    shutil.copy(PLAN_PDF, tmp_path / "raw" / PLAN_PDF.name)
    (tmp_path / "interim" / "extracted.json").write_text(plan.model_dump_json(), "utf-8")
    curated = curate_plan(plan, load_vocabulary())
    with ReportsAhead() as ahead:
        ahead.launch()
        ahead.read_ahead(tmp_path / "interim" / read_ahead)
        ahead.start(_bytes(curated), tmp_path / "curated" / "plan.json", None)
        made = ahead.reports()
    here = compose_reports(curated, source=find_source(tmp_path, curated))
    assert made.files == here.files and made.html == here.html
    assert sum(name.startswith("evidence/") for name in made.files) > 100


def test_the_images_of_every_measure_are_cut_from_the_extraction_result_alone(
    plan: ExtractedDocument,
) -> None:
    """What the process cuts while validate curates (each profile's title and Kosten cells)
    holds every measure's title and Kosten image the curated plan asks for: render cuts none
    of them again."""
    curated = curate_plan(plan, load_vocabulary())
    ahead = {box.file_name for box in boxes_every_report_shows(plan)}
    located = locate(plan, curated)
    wanted = [
        located[key]
        for m in curated.measures
        for name in MEASURE_EVIDENCE
        if (key := evidence_key("measure", m.id, name)) in located
    ]
    assert len(wanted) >= len(curated.measures)
    assert all(box.file_name in ahead for boxes in wanted for box in boxes)


def test_cut_takes_the_images_cut_before(plan: ExtractedDocument) -> None:
    first, second = boxes_every_report_shows(plan)[:2]
    ready = {first.file_name: b"cut before", "s999-0000000000.png": b"not asked for"}
    images = cut(PLAN_PDF, [first, second], ready)
    assert images[first.file_name] == b"cut before"
    assert images[second.file_name].startswith(b"\x89PNG")
    assert set(images) == {first.file_name, second.file_name}
    assert cut(PLAN_PDF, [first], {first.file_name: b"cut before"}) == {
        first.file_name: b"cut before"
    }


def test_an_error_in_the_process_is_raised_here(tmp_path: Path, curated: CuratedPlan) -> None:
    with ReportsAhead() as ahead:
        ahead.launch()
        ahead.start(b'{"format_version": 1, "measures": 3', tmp_path / "plan.json", None)
        with pytest.raises(InputError, match=r"plan\.json: invalid JSON at line 1"):
            ahead.reports()
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "report.html.j2").write_text("{% for %}", encoding="utf-8")
    (broken / "report.md.j2").write_text("# {{ report.title }}", encoding="utf-8")
    with ReportsAhead() as ahead:
        ahead.launch()
        ahead.start(_bytes(curated), tmp_path / "plan.json", broken)
        with pytest.raises(InputError, match=r"report\.html\.j2: line 1"):
            ahead.reports()


def test_a_process_never_asked_ends_with_the_context() -> None:
    with ReportsAhead() as ahead:
        ahead.launch()
        process = ahead._process
        assert process.is_alive()
    assert not process.is_alive() and process.exitcode is not None


def test_nothing_is_made_without_launch(tmp_path: Path) -> None:
    with ReportsAhead() as ahead:
        ahead.start(b"{}", tmp_path / "plan.json", None)
        assert not ahead.asked
        with pytest.raises(RuntimeError, match="no reports were asked for"):
            ahead.reports()


def test_the_process_leaves_when_the_build_goes_away() -> None:
    """A build killed before render: the process reads end-of-file and ends by itself."""
    ahead = ReportsAhead()
    ahead.launch()
    assert ahead._connection is not None
    ahead._connection.close()
    ahead._process.join(timeout=60)
    assert ahead._process.exitcode == 0


def test_reports_nobody_waits_for_do_not_hold_the_build(
    curated: CuratedPlan, tmp_path: Path
) -> None:
    """Render failed (or Ctrl-C) after asking: leaving the context waits for the reports,
    which go nowhere, and returns."""
    with ReportsAhead() as ahead:
        ahead.launch()
        ahead.start(_bytes(curated), tmp_path / "plan.json", None)
    assert ahead._process.exitcode == 0


def test_templates_compiled_ahead_fill_the_same_reports(
    curated: CuratedPlan, tmp_path: Path
) -> None:
    """The process compiles the build's templates folder while it waits for the plan."""
    folder = find_templates(None)
    with ReportsAhead(folder) as ahead:
        ahead.launch()
        ahead.start(_bytes(curated), tmp_path / "plan.json", folder)
        made = ahead.reports()
    here = compose_reports(curated, folder)
    assert made.html == here.html and made.markdown == here.markdown


def test_a_template_changed_after_compiling_is_read_again(
    curated: CuratedPlan, tmp_path: Path
) -> None:
    """Environments compiled ahead do not reload by themselves: a template edited meanwhile
    is read anew, and a broken folder is reported by compose_reports as without them."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.html.j2").write_text("<p>{{ report.title }}</p>", encoding="utf-8")
    (folder / "report.md.j2").write_text("erst", encoding="utf-8")
    prepare_templates(folder)
    (folder / "report.md.j2").write_text("danach", encoding="utf-8")
    os.utime(folder / "report.md.j2", (1e9, 2e9))  # a later mtime, however coarse the clock
    assert compose_reports(curated, folder).markdown == "danach"
    (folder / "report.html.j2").write_text("{% for %}", encoding="utf-8")
    prepare_templates(folder)
    with pytest.raises(InputError, match=r"report\.html\.j2: line 1"):
        compose_reports(curated, folder)
