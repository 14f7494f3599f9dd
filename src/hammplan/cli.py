"""The ``hammplan`` command line: parses arguments, calls the library, reports.

Exit codes (documented in the README): 0 success, 1 unexpected failure, 2 bad input
(missing file, unreadable PDF, bad vocabulary), 3 a readable PDF whose tables cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hammplan import __version__
from hammplan.errors import HammplanError, InputError

app = typer.Typer(
    name="hammplan",
    help="Turn a city's integration plan (PDF) into open data with provenance.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
)

DataDir = Annotated[
    Path, typer.Option("--data-dir", help="Data folder holding raw/, interim/ and curated/.")
]


class _State:
    debug = False


def _fail(error: HammplanError) -> None:
    """Report a known error in one line on stderr and exit with its code."""
    if _State.debug:
        raise error
    typer.echo(f"Error: {error}", err=True)
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


@app.command()
def extract(
    pdf: Annotated[
        Path | None,
        typer.Argument(help="The plan PDF. Default: the one PDF in DATA_DIR/raw/.",
                       show_default=False, metavar="PDF"),
    ] = None,
    data_dir: DataDir = Path("data"),
    vocabulary: Annotated[
        Path | None,
        typer.Option("--vocabulary", help="TOML file of table words (default: bundled).",
                     show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Read every table of the plan into records with provenance.

    Writes DATA_DIR/interim/extracted.json (written to a temporary file, then renamed) and
    prints one summary line (records per table family) on stderr; page progress too when
    stderr is a terminal.
    """
    from hammplan.extract import extract_document, write_extracted
    from hammplan.vocabulary import load_vocabulary

    try:
        source = pdf if pdf is not None else default_pdf(data_dir)
        vocab = load_vocabulary(vocabulary)
        show = not quiet and sys.stderr.isatty()

        def progress(done: int, total: int) -> None:
            if show:
                typer.echo(f"\rreading page {done}/{total}", err=True, nl=done == total)

        document = extract_document(source, vocab, progress)
        target = data_dir / "interim" / "extracted.json"
        write_extracted(document, target)
    except HammplanError as error:
        _fail(error)
        return
    if not quiet:
        typer.echo(
            f"{source.name}: {document.source.page_count} pages, "
            f"{len(document.budget_rows)} budget rows, {len(document.profiles)} profiles, "
            f"{sum(len(t.rows) for t in document.population)} population rows, "
            f"{sum(len(t.rows) for t in document.overview)} overview rows, "
            f"{len(document.index)} index entries, {len(document.leftovers)} leftovers "
            f"-> {target}",
            err=True,
        )


@app.command()
def validate(
    data_dir: DataDir = Path("data"),
    vocabulary: Annotated[
        Path | None,
        typer.Option("--vocabulary", help="TOML file of plan words (default: bundled).",
                     show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON on stdout.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Curate and check the extracted records; write DATA_DIR/curated/.

    Reads DATA_DIR/interim/extracted.json. Writes plan.json, measures.json, measures.csv,
    budget.csv, districts.csv, findings.json, hammplan.xlsx, hammplan.sqlite and
    datapackage.json (each through a temporary file). Exit code 0 without error findings,
    1 with error findings (with --strict: with warnings too), 2 for bad input.
    """
    import json

    from hammplan.curate import load_extracted
    from hammplan.curate.findings import count_by_severity
    from hammplan.curate.outputs import write_curated
    from hammplan.curate.pipeline import curate_plan
    from hammplan.vocabulary import load_vocabulary

    try:
        vocab = load_vocabulary(vocabulary)
        document = load_extracted(data_dir / "interim" / "extracted.json")
        plan = curate_plan(document, vocab)
        written = write_curated(plan, data_dir / "curated")
    except HammplanError as error:
        _fail(error)
        return
    counts = count_by_severity(plan.findings)
    failed = counts["error"] > 0 or (strict and counts["warning"] > 0)
    if as_json:
        typer.echo(json.dumps({
            "measures": len(plan.measures), "budget_rows": len(plan.budget),
            "districts": len(plan.districts), "findings": counts,
            "files": [str(p) for p in written], "exit_code": int(failed),
        }, ensure_ascii=False))
    if not quiet:
        typer.echo(
            f"{len(plan.measures)} measures, {len(plan.budget)} budget rows, "
            f"{len(plan.districts)} district rows; findings: {counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} infos -> {data_dir / 'curated'}",
            err=True,
        )
        for finding in plan.findings:
            if finding.severity == "error":
                pages = ", ".join(map(str, finding.pages))
                typer.echo(f"  error {finding.code} (p. {pages}): {finding.message}", err=True)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    """Console entry point."""
    app()
