"""``hammplan build``: extract -> validate -> render, each stage skipped when nothing changed.

A stage's key is a hash of what determines its output (:mod:`hammplan.stagekeys`): its input
file, the source of every module the stage imports, the vocabulary and, for render, the
templates. Keys are kept in ``DATA_DIR/interim/build-state.json``; a stage whose key matches,
whose outputs still exist and still are the ones made from its input now (the input identity
the output records; for the reports, their hash) is not run again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hammplan.errors import InputError
from hammplan.io.files import remove_stale_temporaries, source_pdf, source_sha256, write_atomic
from hammplan.io.fileset import recover, remove_group_commits, staged, together
from hammplan.limits import Limits
from hammplan.progress import Progress, Silent
from hammplan.render.fast import ReportsAhead
from hammplan.stagekeys import content_key, file_identity, recorded_source, stage_key
from hammplan.summaries import (
    ExtractSummary,
    RenderSummary,
    StageResult,
    Summary,
    ValidateSummary,
)

if TYPE_CHECKING:  # types only: the stages import their modules where they run
    from hammplan.records.plan import CuratedPlan
    from hammplan.render.drawn import Chart

STATE_FILE = "build-state.json"

REPORTS_HASH = "render.reports"
"""State entry: the hash of the reports the last render of a build wrote (reports record no
input identity of their own; a render run by hand elsewhere changes them)."""


@dataclass(frozen=True)
class BuildSettings:
    """Everything a build needs but its progress: what it reads, where it writes, how."""

    pdf: Path
    data_dir: Path
    out_dir: Path
    vocabulary: Path | None = None
    templates: Path | None = None
    force: bool = False
    """Run every stage, whatever the keys say."""
    limits: Limits = field(default_factory=Limits)
    source_url: str | None = None
    """Where page references of the report link instead of a copy of the PDF beside it."""
    previous: Path | None = None
    """An earlier edition (data folder, ``plan.json`` or PDF): the report gets a section on
    what changed since (:mod:`hammplan.compare.section`)."""


def read_state(data_dir: Path) -> dict[str, str]:
    """Stage keys of the last successful build (empty when there is none or it is unreadable)."""
    path = data_dir / "interim" / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in state.items() if isinstance(k, str) and isinstance(v, str)}


def write_state(data_dir: Path, state: dict[str, str]) -> None:
    """Record stage keys (atomically, so an interrupted build never records a half state)."""
    remove_stale_temporaries(data_dir / "interim", [STATE_FILE])
    write_atomic(
        data_dir / "interim" / STATE_FILE, json.dumps(state, indent=1, sort_keys=True) + "\n"
    )


def run_stage(
    name: str,
    key: str,
    outputs: list[Path],
    state: dict[str, str],
    force: bool,
    run: Callable[[], tuple[list[Path], Summary]],
    starting: Callable[[], None] | None = None,
    current: Callable[[], bool] | None = None,
) -> StageResult:
    """Run ``run`` unless the stage's key is unchanged, its outputs exist and ``current()``
    says they are still what this key made (not replaced by a stage run by hand).

    Before running, the stage's key is dropped from ``state`` and ``starting`` is called (the
    build saves the state then): a run interrupted half-way through writing its files leaves
    no key behind, so the next build runs the stage again even if its input went back to
    what the recorded key was made from.
    """
    if (
        not force
        and state.get(name) == key
        and outputs
        and all(p.exists() for p in outputs)
        and (current is None or current())
    ):
        return StageResult(name=name, ran=False, seconds=0.0, outputs=outputs)
    if name in state:
        del state[name]
        if starting is not None:
            starting()
    started = time.perf_counter()
    written, summary = run()
    state[name] = key
    return StageResult(
        name=name, ran=True, seconds=time.perf_counter() - started, outputs=written, summary=summary
    )


def vocabulary_text(path: Path | None) -> str:
    """The vocabulary file's content, part of the extract and validate keys."""
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the vocabulary file ({exc.strerror})") from exc


def extracted_path(data_dir: Path) -> Path:
    """Where extract writes and validate reads."""
    return data_dir / "interim" / "extracted.json"


def plan_path(data_dir: Path) -> Path:
    """Where validate writes the whole curated plan and render reads it."""
    return data_dir / "curated" / "plan.json"


def extract_stage(
    pdf: Path,
    data_dir: Path,
    vocabulary: Path | None,
    progress: Progress | None = None,
    limits: Limits | None = None,
    pages_read: Callable[[], None] | None = None,
) -> tuple[list[Path], ExtractSummary]:
    """Stage 1: the PDF's tables -> ``interim/extracted.json`` (``pages_read``: see
    :func:`~hammplan.extract.document.extract_document`)."""
    from hammplan.extract import extract_document, write_extracted
    from hammplan.vocabulary import load_vocabulary

    pages = progress.pages if progress is not None else None
    document = extract_document(
        pdf, load_vocabulary(vocabulary), pages, limits=limits, pages_read=pages_read
    )
    target = extracted_path(data_dir)
    remove_stale_temporaries(target.parent, [target.name])
    write_extracted(document, target)
    return [target], ExtractSummary(
        pages=document.source.page_count,
        budget_rows=len(document.budget_rows),
        profiles=len(document.profiles),
        population_rows=sum(len(t.rows) for t in document.population),
        overview_rows=sum(len(t.rows) for t in document.overview),
        index_entries=len(document.index),
        statements=len(document.statements),
        leftovers=len(document.leftovers),
    )


def validate_stage(
    data_dir: Path,
    vocabulary: Path | None,
    plan_json: Callable[[bytes], None] | None = None,
    read_from: Path | None = None,
) -> tuple[list[Path], ValidateSummary]:
    """Stage 2: ``interim/extracted.json`` -> ``curated/`` (findings counted by severity).

    ``plan_json`` is handed the bytes of ``plan.json`` as soon as they are made; ``read_from``
    is the PDF a build was given, the source to link when ``raw/`` does not hold it.
    """
    from hammplan.curate.pipeline import curate_plan
    from hammplan.io.jsonchecks import check_numbers, locate_long_integer
    from hammplan.io.loading import load_extracted
    from hammplan.publish import write_curated
    from hammplan.records.findings import count_by_severity, count_read_failures
    from hammplan.vocabulary import load_vocabulary

    vocab = load_vocabulary(vocabulary)
    source = extracted_path(data_dir)
    try:
        document = load_extracted(source)
    except InputError:
        locate_long_integer(source)  # say where, when that is what the parser refused
        raise
    check_numbers(document, source)
    plan = curate_plan(document, vocab, file_identity(source))  # as build checks it
    pdf = source_pdf(data_dir, plan.source.file_name, plan.source.sha256, read_from)
    written = write_curated(plan, data_dir / "curated", plan_json, vocab.publication, pdf)
    return written, ValidateSummary(
        findings={str(k): n for k, n in count_by_severity(plan.findings).items()},
        read_failures=count_read_failures(plan.findings),
        measures=len(plan.measures),
        budget_rows=len(plan.budget),
        districts=len(plan.districts),
        errors=[
            f"{f.code} (p. {', '.join(map(str, f.pages))}): {f.message}"
            for f in plan.findings
            if f.severity == "error"
        ],
    )


def render_stage(
    data_dir: Path,
    out_dir: Path,
    templates: Path | None,
    progress: Progress | None = None,
    ahead: ReportsAhead | None = None,
    previous: Path | None = None,
    vocabulary: Path | None = None,
    limits: Limits | None = None,
    source_url: str | None = None,
    read_from: Path | None = None,
) -> tuple[list[Path], RenderSummary]:
    """Stage 3: ``curated/plan.json`` -> ``index.html``, ``report.md``, ``charts/``, and
    beside them ``quelle.pdf`` (unless ``source_url`` links the PDF elsewhere) and
    ``evidence/*.png``.

    ``read_from`` is the PDF a build was given: linked and cut from when ``raw/`` does not
    hold it. Reports already being made by ``ahead`` (from the plan this stage reads, with the same
    templates) are taken from there and written; otherwise they are made here. With
    ``previous`` (an earlier edition's data folder or PDF, read with ``vocabulary`` and
    ``limits``) the report gets a section on what changed since.
    """
    step = (progress or Silent()).step
    if previous is None and ahead is not None and ahead.asked:
        from hammplan.render.reports import write_reports

        step("render: content")
        reports = ahead.reports()
        step(f"render: {len(reports.charts)} charts")
        written = write_reports(reports, out_dir, step)
        return written, RenderSummary(files=len(written))
    from hammplan.render import load_curated_plan, render_reports
    from hammplan.render.sources import find_source

    plan = load_curated_plan(staged(plan_path(data_dir)))
    source = find_source(data_dir, plan, source_url, read_from=read_from)
    if previous is None:
        written = render_reports(plan, out_dir, templates, step, source=source)
    else:
        extra, charts = _previous_section(previous, plan, vocabulary, limits)
        written = render_reports(plan, out_dir, templates, step, extra, charts, source)
    return written, RenderSummary(files=len(written))


def _previous_section(
    previous: Path, plan: CuratedPlan, vocabulary: Path | None, limits: Limits | None
) -> tuple[dict[str, object], list[Chart]]:
    """The report section comparing the earlier edition ``previous`` with ``plan`` (for
    ``build --previous``; apart from :func:`render_stage` because it is keyed as
    ``render-previous``: its code includes the comparison and reading the earlier edition)."""
    from hammplan.compare.load import load_edition
    from hammplan.compare.section import report_section

    return report_section(load_edition(previous, vocabulary, limits), plan)


def curated_summary(data_dir: Path) -> ValidateSummary:
    """What validate reported, read back from ``curated/`` for a build that skipped it:
    findings per severity and read failures (``findings.json``), measures and budget rows
    (``measures.json``, ``budget.csv``); what cannot be read stays empty."""
    from hammplan.records.findings import READ_FAILURES

    curated = data_dir / "curated"
    findings: dict[str, int] = {}
    failures = measures = budget_rows = None
    try:
        summary = json.loads((curated / "findings.json").read_text("utf-8"))
        findings = {k: int(v) for k, v in summary["summary"].items()}
        failures = sum(1 for f in summary["findings"] if f["code"] in READ_FAILURES)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    try:
        measures = len(json.loads((curated / "measures.json").read_text("utf-8")))
        with (curated / "budget.csv").open(encoding="utf-8") as handle:
            budget_rows = sum(1 for _ in handle) - 1
    except (OSError, ValueError, TypeError):
        measures = budget_rows = None
    return ValidateSummary(
        findings=findings, read_failures=failures, measures=measures, budget_rows=budget_rows
    )


def earlier_inputs(previous: Path | None) -> list[Path]:
    """What of the earlier edition ``build --previous`` names the render stage's key hashes
    (its ``plan.json`` or PDF); checked before any work, so a missing file or a folder without
    ``plan.json`` is refused at once. Empty without ``--previous``."""
    if previous is None:
        return []
    from hammplan.compare.load import plan_file

    return [plan_file(previous) or previous]


def build(settings: BuildSettings, progress: Progress | None = None) -> list[StageResult]:
    """Run the three stages in order, skipping those whose key is unchanged.

    The state file is written after each stage that ran, and before it with the stage's key
    removed, so an interrupted build resumes at the stage it did not finish. Temporary files
    that a killed build left in the output folders are removed first, and a set of outputs it
    committed but did not finish moving in is finished (:func:`hammplan.io.fileset.recover`).
    """
    from hammplan.render.templating import find_templates

    pdf, data_dir, out_dir = settings.pdf, settings.data_dir, settings.out_dir
    vocabulary, templates, force, limits = (
        settings.vocabulary,
        settings.templates,
        settings.force,
        settings.limits,
    )
    if not pdf.is_file():
        raise InputError(f"{pdf}: no such file")
    progress = progress or Silent()
    tell = progress.step
    for folder in (data_dir / "interim", data_dir / "curated", out_dir, out_dir / "charts"):
        remove_stale_temporaries(folder)  # also where a stage is skipped
    for folder in (data_dir / "curated", out_dir):
        recover(folder)  # a set a killed build committed is finished, a stage removed
    remove_group_commits(data_dir / "curated")  # both folders recovered: no longer needed
    state = read_state(data_dir)
    words = vocabulary_text(vocabulary)
    folder = find_templates(templates)  # a wrong --templates is refused before any work
    earlier = settings.previous
    earlier_files = earlier_inputs(earlier)  # refused now if it cannot be read
    results = []

    fresh: set[str] = set()
    """Stages that ran but whose outputs are not committed yet: not recorded as done until
    they are, so a build killed before the commit runs them again."""

    def save() -> None:
        write_state(data_dir, {k: v for k, v in state.items() if k not in fresh})

    # curated/ and reports/ are staged and then published together: a failure or a kill
    # anywhere leaves the previous pair, never new data beside the previous reports
    with ReportsAhead(folder) as ahead, together():
        # A stage that runs makes a new curated plan likely, which is nearly always rendered
        # next: the report process is started as soon as a core is free (once extract's
        # workers are done, or when validate starts) to import the report code meanwhile,
        # and makes the reports as soon as validate has made plan.json's bytes.
        tell("extract")
        # The build's one read of its PDF for a hash: the key gets it here; extract, validate
        # and the report process find it remembered (io.files.source_sha256)
        pdf_identity = file_identity(pdf, source_sha256)
        known = {pdf: pdf_identity} if pdf_identity is not None else None
        results.append(
            run_stage(
                "extract",
                stage_key("extract", [pdf], f"{words}\0{limits}", known=known),
                [extracted_path(data_dir)],
                state,
                force,
                lambda: extract_stage(pdf, data_dir, vocabulary, progress, limits, ahead.launch),
                save,
                lambda: recorded_source(extracted_path(data_dir), "sha256") == pdf_identity,
            )
        )
        save()
        tell("validate")
        curated = data_dir / "curated"
        validate_outputs = [plan_path(data_dir), curated / "findings.json"]

        def validate() -> tuple[list[Path], Summary]:
            if earlier is not None:  # the report needs the comparison: made by render
                return validate_stage(data_dir, vocabulary, read_from=pdf)
            ahead.launch()
            ahead.read_ahead(extracted_path(data_dir), pdf)
            return validate_stage(
                data_dir,
                vocabulary,
                lambda data: ahead.start(
                    data, plan_path(data_dir), folder, settings.source_url, pdf
                ),
                pdf,
            )

        results.append(
            run_stage(
                "validate",
                stage_key("validate", [extracted_path(data_dir)], words),
                validate_outputs,
                state,
                force,
                validate,
                save,
                lambda: (
                    recorded_source(plan_path(data_dir), "extracted_sha256")
                    == file_identity(extracted_path(data_dir))
                ),
            )
        )
        if results[-1].ran:
            fresh.add("validate")
        save()
        tell("render")
        reports = [out_dir / "index.html", out_dir / "report.md"]
        results.append(
            run_stage(
                "render",
                stage_key(
                    "render" if earlier is None else "render-previous",
                    [staged(plan_path(data_dir)), folder, *earlier_files],
                    str(out_dir.resolve())
                    + f"\0{settings.source_url or ''}"
                    + (f"\0{words}\0{limits}" if earlier else ""),
                ),
                reports,
                state,
                force,
                lambda: render_stage(
                    data_dir,
                    out_dir,
                    templates,
                    progress,
                    ahead,
                    earlier,
                    vocabulary,
                    limits,
                    settings.source_url,
                    pdf,
                ),
                save,
                lambda: state.get(REPORTS_HASH) == content_key(reports),
            )
        )
        if results[-1].ran:
            fresh.update(("render", REPORTS_HASH))
            state[REPORTS_HASH] = content_key([staged(p) for p in reports])
    fresh.clear()
    save()
    if not results[1].ran:
        results[1].summary = curated_summary(data_dir)
    return results
