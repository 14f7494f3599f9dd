"""Options that the ``hammplan`` commands share, declared once (typer ``Annotated`` aliases).

Kept apart from :mod:`hammplan.cli` so the command module stays a short list of commands that
parse, call the library and report.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class FailOn(StrEnum):
    """The lowest severity of finding that makes validate or build exit 1."""

    error = "error"
    warning = "warning"


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
    typer.Option(
        "--vocabulary", help="TOML file of plan words (default: bundled).", show_default=False
    ),
]
PdfArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The plan PDF. Default: the one PDF in DATA_DIR/raw/.",
        show_default=False,
        metavar="PDF",
    ),
]
OutDir = Annotated[Path, typer.Option("--out", help="Folder for the reports.")]
SourceUrl = Annotated[
    str | None,
    typer.Option(
        "--source-url",
        help="Link page references to the PDF at this URL instead "
        "of copying it beside the report as quelle.pdf.",
        show_default=False,
    ),
]
Templates = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Folder of report templates (default: ./templates/, else the bundled).",
        show_default=False,
    ),
]
Strict = Annotated[
    bool,
    typer.Option("--strict", hidden=True, help="Same as --fail-on warning (kept for old scripts)."),
]
ValidateFailOn = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit 1 when there are findings of this severity "
        "or worse (warning: also on warnings).",
    ),
]
BuildFailOn = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        show_default=False,
        help="Exit 1 when there are findings of this severity or worse. Default: "
        "report the plan's findings and succeed.",
    ),
]
MaxPages = Annotated[
    int, typer.Option("--max-pages", min=1, help="Refuse a PDF with more pages than this.")
]
Wait = Annotated[
    bool,
    typer.Option(
        "--wait",
        help="If another run is writing the same folder, wait for "
        "it (up to an hour) instead of stopping with an error.",
    ),
]
MaxSeconds = Annotated[
    float,
    typer.Option(
        "--max-seconds", min=0.01, help="Stop reading the PDF (exit 2) once it has taken this long."
    ),
]
PageSeconds = Annotated[
    float,
    typer.Option(
        "--page-seconds", min=0.01, help="Skip (and report) a page that takes longer to read."
    ),
]
