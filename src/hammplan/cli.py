"""The ``hammplan`` command line: parses arguments, calls the library, reports.

Exit codes (the same for every command, documented in ``--help`` and the README):
0 success (the plan's own findings are content, not failure); 1 findings at or above
``--fail-on`` (validate fails on errors by default, build only when ``--fail-on`` is given),
or a run that could not read part of its PDF; 2 bad input (missing file, unreadable PDF,
broken intermediate file, bad vocabulary or templates, a wrong option); 3 no plan found in a
readable PDF; 4 an unexpected failure (a bug). Every error is one line on stderr that starts
with ``Error:``, usage errors included; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path
from typing import Annotated

import typer

from hammplan import __version__
from hammplan.cli_group import EXIT_CODES, Commands, RunState
from hammplan.cli_options import (
    AsJson,
    BuildFailOn,
    DataDir,
    FailOn,
    MaxPages,
    MaxSeconds,
    OutDir,
    PageSeconds,
    PdfArgument,
    Quiet,
    SourceUrl,
    Strict,
    Templates,
    ValidateFailOn,
    Verbose,
    Vocabulary,
    Wait,
)
from hammplan.errors import (
    EXIT_FINDINGS,
    HammplanError,
    InputError,
    ResourceError,
)
from hammplan.io.locking import writing
from hammplan.io.runguard import check_memory_limit, stop_on_signals
from hammplan.io.terminal import Reporter, error_line
from hammplan.limits import (
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_SECONDS,
    DEFAULT_SECONDS_PER_PAGE,
    Limits,
)
from hammplan.summaries import ValidateSummary, json_fields

app = typer.Typer(
    cls=Commands,
    name="hammplan",
    help="Turn a city's integration plan (PDF) into open data with provenance and a report.",
    epilog=EXIT_CODES,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
)


def _fail(error: HammplanError) -> None:
    """Report a known error in one line on stderr and exit with its code."""
    if RunState.debug:
        raise error
    error_line(str(error))
    raise typer.Exit(error.exit_code)


def default_pdf(data_dir: Path) -> Path:
    """The single PDF in ``DATA_DIR/raw``; an error naming the folder when there is none or more."""
    raw = data_dir / "raw"
    pdfs = sorted(raw.glob("*.pdf"))
    if len(pdfs) != 1:
        found = "no PDF" if not pdfs else f"{len(pdfs)} PDFs"
        raise InputError(f"{raw}: expected exactly one PDF, found {found}; name the PDF to read")
    return pdfs[0]


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            is_eager=True,
            callback=lambda value: _print_version(value),
        ),
    ] = False,
) -> None:
    """hammplan: extract, validate and report a municipal integration plan."""
    RunState.debug = debug


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"hammplan {__version__}")
        raise typer.Exit(0)


def _findings_line(findings: dict[str, int]) -> str:
    return (
        f"{findings.get('error', 0)} errors, {findings.get('warning', 0)} warnings, "
        f"{findings.get('info', 0)} infos"
    )


def _say_read_failures(report: Reporter, summary: ValidateSummary) -> None:
    """A line that the data are incomplete, when the run could not read part of its PDF."""
    if summary.read_failures:
        report.say(
            f"{summary.read_failures} parts of the PDF could not be read (skipped "
            "pages, unreadable tables; see findings page_skipped, table_unreadable, "
            "budget_rows_missing): the data are incomplete"
        )


def _plan_exit(summary: ValidateSummary, fail_on: FailOn | None, strict: bool = False) -> int:
    """1 when there are findings at or above ``fail_on`` (``--strict``: warnings) or parts of
    the PDF the run could not read, else 0."""
    if summary.read_failures:
        return EXIT_FINDINGS
    counts = summary.findings
    level = FailOn.warning if strict else fail_on
    failing = {
        None: 0,
        FailOn.error: counts.get("error", 0),
        FailOn.warning: counts.get("error", 0) + counts.get("warning", 0),
    }[level]
    return EXIT_FINDINGS if failing > 0 else 0


@app.command(epilog=f"{EXIT_CODES} Example: hammplan extract data/raw/plan.pdf --data-dir data")
def extract(
    pdf: PdfArgument = None,
    data_dir: DataDir = Path("data"),
    vocabulary: Vocabulary = None,
    max_pages: MaxPages = DEFAULT_MAX_PAGES,
    page_seconds: PageSeconds = DEFAULT_SECONDS_PER_PAGE,
    max_seconds: MaxSeconds = DEFAULT_MAX_SECONDS,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Read every table of the plan into records with provenance.

    Writes DATA_DIR/interim/extracted.json (through a temporary file and a rename) and
    prints one summary line (records per table family) on stderr; page progress too when
    stderr is a terminal.
    """
    from hammplan.build import extract_stage

    report = Reporter(quiet, verbose, as_json)
    try:
        source = pdf if pdf is not None else default_pdf(data_dir)
        with writing([data_dir], wait, report.say):
            written, read = extract_stage(
                source,
                data_dir,
                vocabulary,
                report,
                Limits(max_pages, page_seconds, max_seconds=max_seconds),
            )
    except HammplanError as error:
        _fail(error)
        return
    report.say(
        f"{source.name}: {read.pages} pages, {read.budget_rows} budget rows, "
        f"{read.profiles} profiles, {read.population_rows} population rows, "
        f"{read.overview_rows} overview rows, {read.index_entries} index entries, "
        f"{read.leftovers} leftovers -> {written[0]}"
    )
    report.done(
        {
            "command": "extract",
            "pdf": str(source),
            **json_fields(read),
            "files": [str(p) for p in written],
        }
    )


@app.command(epilog=f"{EXIT_CODES} Example: hammplan validate --data-dir data --json")
def validate(
    data_dir: DataDir = Path("data"),
    vocabulary: Vocabulary = None,
    fail_on: ValidateFailOn = FailOn.error,
    strict: Strict = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Curate and check the extracted records; write DATA_DIR/curated/.

    Reads DATA_DIR/interim/extracted.json. Writes plan.json, measures.json, measures.csv,
    budget.csv, districts.csv, findings.json, hammplan.xlsx, hammplan.sqlite and
    datapackage.json (each through a temporary file), also when there are findings. Exit code
    0 without findings at or above --fail-on (default error), 1 with them, 2 for bad input.
    """
    from hammplan.build import validate_stage

    report = Reporter(quiet, verbose, as_json)
    report.step("validate: curating and checking")
    try:
        with writing([data_dir], wait, report.say):
            written, plan = validate_stage(data_dir, vocabulary)
    except HammplanError as error:
        _fail(error)
        return
    report.say(
        f"{plan.measures} measures, {plan.budget_rows} budget rows, "
        f"{plan.districts} district rows; findings: {_findings_line(plan.findings)}"
        f" -> {data_dir / 'curated'}"
    )
    _say_read_failures(report, plan)
    for line in plan.errors:
        report.say(f"  error {line}")
    for path in written:
        report.say(f"  wrote {path}", detail=True)
    report.done(
        {"command": "validate", **json_fields(plan), "files": [str(p) for p in written]},
        _plan_exit(plan, fail_on, strict),
    )


@app.command(epilog=f"{EXIT_CODES} Example: hammplan render --data-dir data --out reports")
def render(
    data_dir: DataDir = Path("data"),
    out: OutDir = Path("reports"),
    templates: Templates = None,
    source_url: SourceUrl = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Write the HTML and Markdown reports from DATA_DIR/curated/plan.json.

    Writes OUT/index.html (one self-contained page), OUT/report.md and OUT/charts/*.svg,
    each through a temporary file and a rename. Beside them: OUT/quelle.pdf, a copy of the
    plan's PDF from DATA_DIR/raw/ that every page reference links to (or --source-url), and
    OUT/evidence/*.png, the printed cells the findings and measures rest on.
    """
    from hammplan.build import render_stage

    report = Reporter(quiet, verbose, as_json)
    try:
        with writing([out], wait, report.say):
            written, _ = render_stage(data_dir, out, templates, report, source_url=source_url)
    except HammplanError as error:
        _fail(error)
        return
    report.say(f"{len(written)} files -> {out}")
    for path in written:
        report.say(f"  wrote {path}", detail=True)
    report.done({"command": "render", "files": [str(p) for p in written]})


@app.command(epilog=f"{EXIT_CODES} Example: hammplan build --data-dir data --out reports")
def build(
    pdf: PdfArgument = None,
    data_dir: DataDir = Path("data"),
    out: OutDir = Path("reports"),
    vocabulary: Vocabulary = None,
    templates: Templates = None,
    source_url: SourceUrl = None,
    force: Annotated[bool, typer.Option("--force", help="Rerun every stage.")] = False,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="An earlier edition (data folder or PDF): the report "
            "gets a section on what changed since.",
            show_default=False,
        ),
    ] = None,
    fail_on: BuildFailOn = None,
    strict: Strict = False,
    max_pages: MaxPages = DEFAULT_MAX_PAGES,
    page_seconds: PageSeconds = DEFAULT_SECONDS_PER_PAGE,
    max_seconds: MaxSeconds = DEFAULT_MAX_SECONDS,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Extract, validate and render in one go, skipping stages whose inputs are unchanged.

    A stage is skipped when the hash of its input, of its code and of its settings equals
    the last build's (kept in DATA_DIR/interim/build-state.json) and its outputs exist.
    With --previous the report gets a section comparing the plan with that earlier edition
    (as `hammplan compare` does).
    """
    from hammplan.build import BuildSettings
    from hammplan.build import build as run_build

    report = Reporter(quiet, verbose, as_json)
    try:
        source = pdf if pdf is not None else default_pdf(data_dir)
        with writing([data_dir, out], wait, report.say):
            results = run_build(
                BuildSettings(
                    pdf=source,
                    data_dir=data_dir,
                    out_dir=out,
                    vocabulary=vocabulary,
                    templates=templates,
                    force=force,
                    limits=Limits(max_pages, page_seconds, max_seconds=max_seconds),
                    previous=previous,
                    source_url=source_url,
                ),
                report,
            )
    except HammplanError as error:
        _fail(error)
        return
    plan = results[1].summary
    assert isinstance(plan, ValidateSummary)  # build always fills validate's summary
    files = [str(p) for r in results if r.ran for p in r.outputs]
    for result in results:
        state = f"ran in {result.seconds:.1f} s" if result.ran else "unchanged, skipped"
        report.say(f"{result.name}: {state}")
    for line in plan.errors:
        report.say(f"  error {line}", detail=True)
    for path in files:
        report.say(f"  wrote {path}", detail=True)
    records = (
        f"{plan.measures} measures, {plan.budget_rows} budget rows; "
        if plan.measures is not None and plan.budget_rows is not None
        else ""
    )
    _say_read_failures(report, plan)
    report.say(
        f"{records}findings: {_findings_line(plan.findings)}; {len(files)} files "
        f"written; {time.perf_counter() - report.started:.1f} s"
    )
    report.done(
        {
            "command": "build",
            "pdf": str(source),
            "stages": {r.name: {"ran": r.ran, "seconds": round(r.seconds, 3)} for r in results},
            "measures": plan.measures,
            "budget_rows": plan.budget_rows,
            "findings": plan.findings,
            "files": files,
            "read_failures": plan.read_failures,
        },
        _plan_exit(plan, fail_on, strict),
    )


EditionArgument = Annotated[
    Path,
    typer.Argument(
        help="A data folder that validate wrote (DIR/curated/plan.json), "
        "its plan.json, or a plan PDF (extracted and validated first).",
        show_default=False,
    ),
]


@app.command(
    epilog=f"{EXIT_CODES} Example: hammplan compare old-data/ "
    "data/raw/plan-neu.pdf --out reports/compare"
)
def compare(
    old: EditionArgument,
    new: EditionArgument,
    out: Annotated[Path, typer.Option("--out", help="Folder for the comparison.")] = Path(
        "reports/compare"
    ),
    data_dir: DataDir = Path("data"),
    vocabulary: Vocabulary = None,
    templates: Templates = None,
    max_pages: MaxPages = DEFAULT_MAX_PAGES,
    page_seconds: PageSeconds = DEFAULT_SECONDS_PER_PAGE,
    max_seconds: MaxSeconds = DEFAULT_MAX_SECONDS,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Compare two editions of a plan: what is new, dropped, changed, and where the money went.

    OLD and NEW are data folders (DIR/curated/plan.json) or plan PDFs; a relative path that
    does not exist is looked for in --data-dir. Writes OUT/measures.csv, budget.csv,
    districts.csv, changes.json, index.html, report.md and charts/, published as one set (a
    failed run leaves the previous comparison whole). Exit 0 also when things changed; 2 when
    an edition cannot be read, or when the two share too few measures to be editions of one
    plan.
    """
    from hammplan.compare.run import run_compare

    report = Reporter(quiet, verbose, as_json)

    def located(path: Path) -> Path:
        return path if path.exists() or path.is_absolute() else data_dir / path

    try:
        with writing([out], wait, report.say):
            comparison, written = run_compare(
                located(old),
                located(new),
                out,
                vocabulary,
                Limits(max_pages, page_seconds, max_seconds=max_seconds),
                templates,
                report,
            )
    except HammplanError as error:
        _fail(error)
        return
    summary = comparison.summary
    counts = ", ".join(f"{n} {name}" for name, n in summary.massnahmen.items() if n)
    verdict = (
        "nothing changed"
        if summary.nichts_geaendert
        else (
            f"measures: {counts}; {summary.betraege_geaendert} amounts changed; findings: "
            f"{summary.befunde['neu']} new, {summary.befunde['behoben']} resolved"
        )
    )
    report.say(f"{verdict} -> {out}")
    for path in written:
        report.say(f"  wrote {path}", detail=True)
    report.done(
        {
            "command": "compare",
            "old": str(old),
            "new": str(new),
            "summary": summary.model_dump(mode="json"),
            "years": comparison.jahre.model_dump(mode="json"),
            "files": [str(p) for p in written],
        }
    )


def main() -> None:
    """Console entry point.

    pdfminer logs every repair it makes to a damaged file; the user gets hammplan's one-line
    verdict instead (``--debug`` keeps the tracebacks, not the log noise). SIGTERM and SIGHUP
    stop a run like Ctrl-C (:func:`_stop`); a memory limit no command can work in is refused
    before anything starts.
    """
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    stop_on_signals()
    try:
        check_memory_limit()
    except ResourceError as error:
        error_line(str(error))
        raise SystemExit(error.exit_code) from None
    try:
        app()
    except SystemExit as end:
        if end.code in (None, 0, 1):
            # A run that ended normally has written and closed everything. Python's own
            # shutdown would otherwise search the run's whole heap for garbage (the extracted
            # plan, the curated plan, the reports): a tenth of a second after a build, for
            # nothing. A stopped or failed run is left to the usual shutdown, which closes what
            # it left open.
            gc.freeze()
        raise
