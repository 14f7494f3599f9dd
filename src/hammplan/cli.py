"""The ``hammplan`` command line: parses arguments, calls the library, reports.

Exit codes (the same for every command, documented in ``--help`` and the README):
0 success; 1 the plan contradicts itself (validate/build: findings of severity error, with
--strict warnings too) or an unexpected failure; 2 bad input (missing file, unreadable PDF,
broken intermediate file, bad vocabulary or templates); 3 a readable PDF whose tables
cannot be read.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from hammplan import __version__
from hammplan.errors import HammplanError, InputError, ResourceError, resource_error
from hammplan.io.locking import writing
from hammplan.io.logtext import printable
from hammplan.limits import (
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_SECONDS,
    DEFAULT_SECONDS_PER_PAGE,
    Limits,
)

EXIT_CODES = (
    "Exit codes: 0 success; 1 the plan has findings of severity error (validate, build; "
    "with --strict also warnings) or an unexpected failure; 2 bad input (missing or broken "
    "file, bad vocabulary or templates); 3 no table of an integration plan in the PDF."
)

app = typer.Typer(
    name="hammplan",
    help="Turn a city's integration plan (PDF) into open data with provenance and a report.",
    epilog=EXIT_CODES,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
)

DataDir = Annotated[
    Path, typer.Option("--data-dir", help="Data folder holding raw/, interim/ and curated/.")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also list every finding and file written.")
]
AsJson = Annotated[
    bool, typer.Option("--json", help="Print a machine-readable summary as JSON on stdout.")
]
Vocabulary = Annotated[
    Path | None,
    typer.Option("--vocabulary", help="TOML file of plan words (default: bundled).",
                 show_default=False),
]
PdfArgument = Annotated[
    Path | None,
    typer.Argument(help="The plan PDF. Default: the one PDF in DATA_DIR/raw/.",
                   show_default=False, metavar="PDF"),
]
OutDir = Annotated[Path, typer.Option("--out", help="Folder for the reports.")]
Templates = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder of report templates (default: templates/).",
                 show_default=False),
]
Strict = Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")]
MaxPages = Annotated[
    int, typer.Option("--max-pages", min=1, help="Refuse a PDF with more pages than this.")
]
Wait = Annotated[
    bool, typer.Option("--wait", help="If another run is writing the same folder, wait for "
                       "it (up to an hour) instead of stopping with an error.")
]
MaxSeconds = Annotated[
    float, typer.Option("--max-seconds", min=0.01,
                        help="Stop reading the PDF (exit 2) once it has taken this long.")
]
PageSeconds = Annotated[
    float, typer.Option("--page-seconds", min=0.01,
                        help="Skip (and report) a page that takes longer to read.")
]


class _State:
    debug = False


class Reporter:
    """Where a command's words go: progress and summary on stderr, JSON on stdout."""

    def __init__(self, quiet: bool, verbose: bool, as_json: bool) -> None:
        self.quiet, self.verbose, self.as_json = quiet, verbose, as_json
        self.live = not quiet and sys.stderr.isatty()
        self.started = time.perf_counter()

    def progress(self, message: str) -> None:
        """A progress line, on a terminal only (scheduled jobs' logs stay clean)."""
        if self.live:
            typer.echo(f"\r\033[K{printable(message)}", err=True, nl=False)

    def pages(self, done: int, total: int) -> None:
        """Page progress of extraction."""
        self.progress(f"extract: page {done}/{total}")

    def say(self, message: str, detail: bool = False) -> None:
        """A summary line (``detail`` lines only with --verbose)."""
        if self.live:
            typer.echo("\r\033[K", err=True, nl=False)
        if not self.quiet and (self.verbose or not detail):
            typer.echo(printable(message), err=True)

    def done(self, summary: dict[str, object], exit_code: int = 0) -> None:
        """Print the JSON summary (with --json) and end with ``exit_code``."""
        if self.live:
            typer.echo("\r\033[K", err=True, nl=False)
        if self.as_json:
            summary = {**summary, "seconds": round(time.perf_counter() - self.started, 3),
                       "exit_code": exit_code}
            typer.echo(json.dumps(summary, ensure_ascii=False, default=str))
        if exit_code:
            raise typer.Exit(exit_code)


def _fail(error: HammplanError) -> None:
    """Report a known error in one line on stderr and exit with its code."""
    if _State.debug:
        raise error
    _error_line(error)
    raise typer.Exit(error.exit_code)


def _error_line(error: HammplanError) -> None:
    if sys.stderr.isatty():  # clear a progress line first
        typer.echo("\r\033[K", err=True, nl=False)
    typer.echo(f"Error: {printable(str(error))}", err=True)


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
        typer.Option("--version", help="Print the version and exit.", is_eager=True,
                     callback=lambda value: _print_version(value)),
    ] = False,
) -> None:
    """hammplan: extract, validate and report a municipal integration plan."""
    _State.debug = debug


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"hammplan {__version__}")
        raise typer.Exit(0)


def _findings_line(findings: object) -> str:
    counts = findings if isinstance(findings, dict) else {}
    return (f"{counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings, "
            f"{counts.get('info', 0)} infos")


def _plan_exit(findings: object, strict: bool) -> int:
    counts = findings if isinstance(findings, dict) else {}
    return int(counts.get("error", 0) > 0 or (strict and counts.get("warning", 0) > 0))


@app.command(epilog="Example: hammplan extract data/raw/plan.pdf --data-dir data")
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
            written, detail = extract_stage(source, data_dir, vocabulary, report.pages,
                                            Limits(max_pages, page_seconds, max_seconds))
    except HammplanError as error:
        _fail(error)
        return
    report.say(
        f"{source.name}: {detail['pages']} pages, {detail['budget_rows']} budget rows, "
        f"{detail['profiles']} profiles, {detail['population_rows']} population rows, "
        f"{detail['overview_rows']} overview rows, {detail['index_entries']} index entries, "
        f"{detail['leftovers']} leftovers -> {written[0]}"
    )
    report.done({"command": "extract", "pdf": str(source), **detail,
                 "files": [str(p) for p in written]})


@app.command(epilog="Example: hammplan validate --data-dir data --json")
def validate(
    data_dir: DataDir = Path("data"),
    vocabulary: Vocabulary = None,
    strict: Strict = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Curate and check the extracted records; write DATA_DIR/curated/.

    Reads DATA_DIR/interim/extracted.json. Writes plan.json, measures.json, measures.csv,
    budget.csv, districts.csv, findings.json, hammplan.xlsx, hammplan.sqlite and
    datapackage.json (each through a temporary file). Exit code 0 without error findings,
    1 with error findings (with --strict: with warnings too), 2 for bad input.
    """
    from hammplan.build import validate_stage

    report = Reporter(quiet, verbose, as_json)
    report.progress("validate: curating and checking")
    try:
        with writing([data_dir], wait, report.say):
            written, detail = validate_stage(data_dir, vocabulary)
    except HammplanError as error:
        _fail(error)
        return
    report.say(
        f"{detail['measures']} measures, {detail['budget_rows']} budget rows, "
        f"{detail['districts']} district rows; findings: {_findings_line(detail['findings'])}"
        f" -> {data_dir / 'curated'}"
    )
    for line in detail["errors"] if isinstance(detail["errors"], list) else []:
        report.say(f"  error {line}")
    for path in written:
        report.say(f"  wrote {path}", detail=True)
    report.done({"command": "validate", **{k: v for k, v in detail.items() if k != "errors"},
                 "files": [str(p) for p in written]},
                _plan_exit(detail["findings"], strict))


@app.command(epilog="Example: hammplan render --data-dir data --out reports")
def render(
    data_dir: DataDir = Path("data"),
    out: OutDir = Path("reports"),
    templates: Templates = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
    wait: Wait = False,
) -> None:
    """Write the HTML and Markdown reports from DATA_DIR/curated/plan.json.

    Writes OUT/index.html (one self-contained page), OUT/report.md and OUT/charts/*.svg,
    each through a temporary file and a rename.
    """
    from hammplan.build import render_stage

    report = Reporter(quiet, verbose, as_json)
    try:
        with writing([out], wait, report.say):
            written, _ = render_stage(data_dir, out, templates, report.progress)
    except HammplanError as error:
        _fail(error)
        return
    report.say(f"{len(written)} files -> {out}")
    for path in written:
        report.say(f"  wrote {path}", detail=True)
    report.done({"command": "render", "files": [str(p) for p in written]})


@app.command(epilog="Example: hammplan build --data-dir data --out reports")
def build(
    pdf: PdfArgument = None,
    data_dir: DataDir = Path("data"),
    out: OutDir = Path("reports"),
    vocabulary: Vocabulary = None,
    templates: Templates = None,
    force: Annotated[bool, typer.Option("--force", help="Rerun every stage.")] = False,
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
    """
    from hammplan.build import build as run_build

    report = Reporter(quiet, verbose, as_json)
    try:
        source = pdf if pdf is not None else default_pdf(data_dir)
        with writing([data_dir, out], wait, report.say):
            results = run_build(source, data_dir, out, vocabulary, templates, force,
                                report.progress, report.pages,
                                Limits(max_pages, page_seconds, max_seconds))
    except HammplanError as error:
        _fail(error)
        return
    findings = results[1].detail.get("findings", {})
    files = [str(p) for r in results if r.ran for p in r.outputs]
    for result in results:
        state = f"ran in {result.seconds:.1f} s" if result.ran else "unchanged, skipped"
        report.say(f"{result.name}: {state}")
    errors = results[1].detail.get("errors")
    for line in errors if isinstance(errors, list) else []:
        report.say(f"  error {line}", detail=True)
    for path in files:
        report.say(f"  wrote {path}", detail=True)
    detail = results[1].detail
    records = (f"{detail['measures']} measures, {detail['budget_rows']} budget rows; "
               if "measures" in detail and "budget_rows" in detail else "")
    report.say(f"{records}findings: {_findings_line(findings)}; {len(files)} files written; "
               f"{time.perf_counter() - report.started:.1f} s")
    report.done({
        "command": "build", "pdf": str(source),
        "stages": {r.name: {"ran": r.ran, "seconds": round(r.seconds, 3)} for r in results},
        "measures": detail.get("measures"), "budget_rows": detail.get("budget_rows"),
        "findings": findings, "files": files,
    }, _plan_exit(findings, strict))


MIN_ADDRESS_SPACE = 288 << 20
"""The least address space (``ulimit -v``) a build needs: numpy's BLAS ends a process that
cannot map its buffers with exit code 1 and no way to catch it (measured: a build of a small
plan needs about 260 MiB of address space, the report process more than 244)."""


def check_memory_limit() -> None:
    """Refuse at once, in one line, under a memory limit no command can work in."""
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY and soft < MIN_ADDRESS_SPACE:
        raise ResourceError(f"the memory limit (ulimit -v {soft >> 10}) is below the "
                            f"{MIN_ADDRESS_SPACE >> 20} MiB hammplan needs; raise it")


class Stopped(HammplanError):
    """The run was stopped by a signal (SIGTERM, SIGHUP); exit 128 + the signal's number."""


def _stop(signum: int, _frame: object) -> None:
    """SIGTERM and SIGHUP end the run like Ctrl-C does: ``finally`` blocks run, so temporary
    folders and incomplete stages go, and the previous outputs stay."""
    error = Stopped(f"stopped by {signal.Signals(signum).name}; the previous outputs are kept")
    error.exit_code = 128 + signum
    raise error


def main() -> None:
    """Console entry point.

    pdfminer logs every repair it makes to a damaged file; the user gets hammplan's one-line
    verdict instead (``--debug`` keeps the tracebacks, not the log noise). A failure the
    commands do not know as hammplan's own is still one line: the machine's (memory, disk,
    files, permissions, a module that cannot be loaded; exit 2) or a bug (exit 1).
    """
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    try:
        check_memory_limit()
        app()
    except HammplanError as known:
        _fail_and_exit(known)
    except Exception as exc:  # noqa: BLE001 - the edge: one line, never a traceback
        if _State.debug:
            raise
        where = " ".join(["hammplan", *[a for a in sys.argv[1:] if not a.startswith("-")][:1]])
        _fail_and_exit(resource_error(exc, where) or HammplanError(
            f"unexpected failure ({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); "
            "rerun with --debug for the traceback"))


def _fail_and_exit(error: HammplanError) -> None:
    if _State.debug:
        raise error
    _error_line(error)
    raise SystemExit(error.exit_code)
