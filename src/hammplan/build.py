"""``hammplan build``: extract -> validate -> render, each stage skipped when nothing changed.

A stage's key is a hash of what determines its output: its input file, the source of the
code that computes it (the stage's modules and the record models they use), the vocabulary
and, for render, the templates. Keys are kept in ``DATA_DIR/interim/build-state.json``; a
stage whose key matches and whose outputs still exist is not run again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from hammplan import __version__
from hammplan.errors import InputError
from hammplan.io.files import remove_stale_temporaries, write_atomic
from hammplan.io.fileset import recover
from hammplan.limits import Limits
from hammplan.render.ahead import ReportsAhead

STAGE_CODE: dict[str, tuple[str, ...]] = {
    "extract": ("extract", "speed", "records", "io", "limits.py", "vocabulary.py",
                "vocabularies"),
    "validate": ("curate", "publish", "records", "io", "vocabulary.py", "vocabularies"),
    "render": ("render", "speed", "records", "io"),
}
"""Package paths whose source decides each stage's output."""

STATE_FILE = "build-state.json"

def _files_under(root: Path) -> list[Path]:
    """Source files (.py, .toml, .j2) at or below ``root``."""
    if root.is_file():
        return [root]
    return [p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".j2")]


def _hash_relative(root: Path, paths: list[Path], digest: hashlib._Hash) -> None:
    """Feed files (names relative to ``root``, then bytes) into ``digest`` in a fixed order."""
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())


def stage_key(stage: str, inputs: list[Path], settings: str = "") -> str:
    """The key of one stage run: its code, its input files and its settings."""
    package = Path(str(resources.files("hammplan")))
    code = [f for part in STAGE_CODE[stage] for f in _files_under(package / part)]
    digest = hashlib.sha256(f"{stage}\0{__version__}\0{settings}\0".encode())
    _hash_relative(package, code, digest)
    for path in inputs:
        if not path.exists():
            digest.update(b"missing:" + path.name.encode())
            continue
        if path.is_dir():
            _hash_relative(path, [p for p in path.rglob("*") if p.is_file()], digest)
        else:
            digest.update(path.name.encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class StageResult:
    """What one stage did: ran or skipped, how long, what it wrote, what it reported."""

    name: str
    ran: bool
    seconds: float
    outputs: list[Path] = field(default_factory=list)
    detail: dict[str, object] = field(default_factory=dict)


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
    write_atomic(data_dir / "interim" / STATE_FILE,
                 json.dumps(state, indent=1, sort_keys=True) + "\n")


def run_stage(
    name: str, key: str, outputs: list[Path], state: dict[str, str], force: bool,
    run: Callable[[], tuple[list[Path], dict[str, object]]],
    starting: Callable[[], None] | None = None,
) -> StageResult:
    """Run ``run`` unless the stage's key is unchanged and its outputs exist.

    Before running, the stage's key is dropped from ``state`` and ``starting`` is called (the
    build saves the state then): a run interrupted half-way through writing its files leaves
    no key behind, so the next build runs the stage again even if its input went back to
    what the recorded key was made from.
    """
    if not force and state.get(name) == key and outputs and all(p.exists() for p in outputs):
        return StageResult(name=name, ran=False, seconds=0.0, outputs=outputs)
    if name in state:
        del state[name]
        if starting is not None:
            starting()
    started = time.perf_counter()
    written, detail = run()
    state[name] = key
    return StageResult(name=name, ran=True, seconds=time.perf_counter() - started,
                       outputs=written, detail=detail)


def vocabulary_text(path: Path | None) -> str:
    """The vocabulary file's content, part of the extract and validate keys."""
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the vocabulary file ({exc.strerror})") from exc


Say = Callable[[str], None]


def extracted_path(data_dir: Path) -> Path:
    """Where extract writes and validate reads."""
    return data_dir / "interim" / "extracted.json"


def plan_path(data_dir: Path) -> Path:
    """Where validate writes the whole curated plan and render reads it."""
    return data_dir / "curated" / "plan.json"


def extract_stage(pdf: Path, data_dir: Path, vocabulary: Path | None,
                  progress: Callable[[int, int], None] | None = None,
                  limits: Limits | None = None,
                  pages_read: Callable[[], None] | None = None,
                  ) -> tuple[list[Path], dict[str, object]]:
    """Stage 1: the PDF's tables -> ``interim/extracted.json`` (``pages_read``: see
    :func:`~hammplan.extract.document.extract_document`)."""
    from hammplan.extract import extract_document, write_extracted
    from hammplan.vocabulary import load_vocabulary

    document = extract_document(pdf, load_vocabulary(vocabulary), progress, limits=limits,
                                pages_read=pages_read)
    target = extracted_path(data_dir)
    remove_stale_temporaries(target.parent, [target.name])
    write_extracted(document, target)
    detail: dict[str, object] = {
        "pages": document.source.page_count,
        "budget_rows": len(document.budget_rows),
        "profiles": len(document.profiles),
        "population_rows": sum(len(t.rows) for t in document.population),
        "overview_rows": sum(len(t.rows) for t in document.overview),
        "index_entries": len(document.index),
        "statements": len(document.statements),
        "leftovers": len(document.leftovers),
    }
    return [target], detail


def validate_stage(data_dir: Path, vocabulary: Path | None,
                   plan_json: Callable[[bytes], None] | None = None,
                   ) -> tuple[list[Path], dict[str, object]]:
    """Stage 2: ``interim/extracted.json`` -> ``curated/`` (findings counted by severity).

    ``plan_json`` is handed the bytes of ``plan.json`` as soon as they are made.
    """
    from hammplan.curate.pipeline import curate_plan
    from hammplan.io.jsonchecks import check_numbers, locate_long_integer
    from hammplan.io.loading import load_extracted
    from hammplan.publish import write_curated
    from hammplan.records.findings import count_by_severity
    from hammplan.vocabulary import load_vocabulary

    vocab = load_vocabulary(vocabulary)
    source = extracted_path(data_dir)
    try:
        document = load_extracted(source)
    except InputError:
        locate_long_integer(source)  # say where, when that is what the parser refused
        raise
    check_numbers(document, source)
    plan = curate_plan(document, vocab)
    written = write_curated(plan, data_dir / "curated", plan_json)
    detail: dict[str, object] = {
        "measures": len(plan.measures), "budget_rows": len(plan.budget),
        "districts": len(plan.districts), "findings": count_by_severity(plan.findings),
        "errors": [f"{f.code} (p. {', '.join(map(str, f.pages))}): {f.message}"
                   for f in plan.findings if f.severity == "error"],
    }
    return written, detail


def render_stage(data_dir: Path, out_dir: Path, templates: Path | None,
                 say: Say | None = None, ahead: ReportsAhead | None = None
                 ) -> tuple[list[Path], dict[str, object]]:
    """Stage 3: ``curated/plan.json`` -> ``index.html``, ``report.md``, ``charts/``.

    Reports already being made by ``ahead`` (from the plan this stage reads, with the same
    templates) are taken from there and written; otherwise they are made here.
    """
    if ahead is not None and ahead.asked:
        from hammplan.render.reports import write_reports

        tell = say or (lambda _message: None)
        tell("render: content")
        reports = ahead.reports()
        tell(f"render: {len(reports.charts)} charts")
        written = write_reports(reports, out_dir, say)
    else:
        from hammplan.render import load_curated_plan, render_reports

        written = render_reports(load_curated_plan(plan_path(data_dir)), out_dir, templates,
                                 say)
    return written, {"files": len(written)}


def findings_of(data_dir: Path) -> dict[str, int]:
    """Findings per severity from ``curated/findings.json`` (for a build whose validate was
    skipped); empty when the file cannot be read."""
    try:
        summary = json.loads((data_dir / "curated" / "findings.json").read_text("utf-8"))
        return {k: int(v) for k, v in summary["summary"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def records_of(data_dir: Path) -> dict[str, int]:
    """Record counts from ``curated/measures.json`` and ``budget.csv`` (for a build whose
    validate was skipped); empty when the files cannot be read."""
    try:
        measures = json.loads((data_dir / "curated" / "measures.json").read_text("utf-8"))
        with (data_dir / "curated" / "budget.csv").open(encoding="utf-8") as handle:
            budget_rows = sum(1 for _ in handle) - 1
        return {"measures": len(measures), "budget_rows": budget_rows}
    except (OSError, ValueError, TypeError):
        return {}


def build(
    pdf: Path, data_dir: Path, out_dir: Path, vocabulary: Path | None = None,
    templates: Path | None = None, force: bool = False, say: Say | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits | None = None,
) -> list[StageResult]:
    """Run the three stages in order, skipping those whose key is unchanged.

    The state file is written after each stage that ran, and before it with the stage's key
    removed, so an interrupted build resumes at the stage it did not finish. Temporary files
    that a killed build left in the output folders are removed first, and a set of outputs it
    committed but did not finish moving in is finished (:func:`hammplan.io.fileset.recover`).
    """
    from hammplan.render.templating import find_templates

    if not pdf.is_file():
        raise InputError(f"{pdf}: no such file")
    tell = say or (lambda _message: None)
    for folder in (data_dir / "interim", data_dir / "curated", out_dir, out_dir / "charts"):
        remove_stale_temporaries(folder)  # also where a stage is skipped
    for folder in (data_dir / "curated", out_dir):
        recover(folder)  # a set a killed build committed is finished, a stage removed
    state = read_state(data_dir)
    settings = vocabulary_text(vocabulary)
    folder = find_templates(templates)  # a wrong --templates is refused before any work
    results = []

    def save() -> None:
        write_state(data_dir, state)

    with ReportsAhead() as ahead:
        # A stage that runs makes a new curated plan likely, which is nearly always rendered
        # next: the report process is started as soon as a core is free (once extract's
        # workers are done, or when validate starts) to import the report code meanwhile,
        # and makes the reports as soon as validate has made plan.json's bytes.
        tell("extract")
        results.append(run_stage(
            "extract", stage_key("extract", [pdf], f"{settings}\0{limits or Limits()}"),
            [extracted_path(data_dir)], state, force,
            lambda: extract_stage(pdf, data_dir, vocabulary, progress, limits, ahead.launch),
            save))
        save()
        tell("validate")
        curated = data_dir / "curated"
        validate_outputs = [plan_path(data_dir), curated / "findings.json"]

        def validate() -> tuple[list[Path], dict[str, object]]:
            ahead.launch()
            return validate_stage(
                data_dir, vocabulary,
                lambda data: ahead.start(data, plan_path(data_dir), folder))

        results.append(run_stage(
            "validate", stage_key("validate", [extracted_path(data_dir)], settings),
            validate_outputs, state, force, validate, save))
        save()
        tell("render")
        results.append(run_stage(
            "render", stage_key("render", [plan_path(data_dir), folder],
                                str(out_dir.resolve())),
            [out_dir / "index.html", out_dir / "report.md"], state, force,
            lambda: render_stage(data_dir, out_dir, templates, say, ahead), save))
    save()
    if not results[1].ran:
        results[1].detail["findings"] = findings_of(data_dir)
        results[1].detail.update(records_of(data_dir))
    return results
