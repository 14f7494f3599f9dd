"""``hammplan compare OLD NEW``: load both editions, compare, write every output.

Everything is composed before the first file is written, and the data files, reports and
chart are published as one set (:func:`hammplan.io.fileset.publish`), so a failed or killed
run leaves the previous comparison whole, never new data beside an old report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hammplan.compare.core import compare_plans
from hammplan.compare.load import load_edition
from hammplan.compare.model import Comparison
from hammplan.limits import Limits
from hammplan.progress import Progress, Silent

OUTPUT_FILES = (
    "measures.csv",
    "budget.csv",
    "districts.csv",
    "changes.json",
    "report.md",
    "index.html",
)


def write_comparison(
    comparison: Comparison,
    out_dir: Path,
    templates: Path | None = None,
    say: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the data files, the reports and the chart to ``out_dir``; the files written."""
    from hammplan.compare.outputs import data_files
    from hammplan.compare.report import compose
    from hammplan.io.files import remove_stale_temporaries
    from hammplan.io.fileset import publish
    from hammplan.render.reports import Reports, report_files

    files: dict[str, str | bytes] = dict(data_files(comparison))
    page, text, charts = compose(comparison, templates, say)
    remove_stale_temporaries(out_dir, list(files))
    return publish(out_dir, files | report_files(Reports(page, text, charts)))


def run_compare(
    old: Path,
    new: Path,
    out_dir: Path,
    vocabulary: Path | None = None,
    limits: Limits | None = None,
    templates: Path | None = None,
    progress: Progress | None = None,
) -> tuple[Comparison, list[Path]]:
    """Compare the editions at ``old`` and ``new`` (data folders, ``plan.json`` files or
    PDFs) and write the outputs to ``out_dir``."""
    progress = progress or Silent()
    progress.step(f"compare: reading {old}")
    before = load_edition(old, vocabulary, limits, progress)
    progress.step(f"compare: reading {new}")
    after = load_edition(new, vocabulary, limits, progress)
    progress.step("compare: matching")
    comparison = compare_plans(before, after)
    return comparison, write_comparison(comparison, out_dir, templates, progress.step)
