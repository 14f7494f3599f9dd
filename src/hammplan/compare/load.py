"""An edition to compare, from a data folder that ``validate`` wrote or from a plan PDF.

A PDF is extracted and curated as ``validate`` would (same vocabulary, limits and one-line
errors), in memory: nothing is written next to it, and nothing of it outlives the command.
"""

from __future__ import annotations

from pathlib import Path

from hammplan.errors import InputError
from hammplan.limits import Limits
from hammplan.progress import Progress
from hammplan.records.plan import CuratedPlan


def plan_file(path: Path) -> Path | None:
    """The ``plan.json`` that ``path`` names (a data folder, its ``curated/`` folder or the
    file itself); None when ``path`` is some other file (a PDF)."""
    if path.is_dir():
        for candidate in (path / "curated" / "plan.json", path / "plan.json"):
            if candidate.is_file():
                return candidate
        raise InputError(
            f"{path}: no curated/plan.json in this folder "
            "(run `hammplan validate --data-dir` on it first, or name a PDF)"
        )
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    return path if path.suffix.lower() == ".json" else None


def load_edition(
    path: Path,
    vocabulary: Path | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> CuratedPlan:
    """The curated plan of a data folder, a ``plan.json`` or a PDF (extracted and curated)."""
    from hammplan.io.loading import load_curated_plan

    found = plan_file(path)
    if found is not None:
        return load_curated_plan(found)
    from hammplan.curate.pipeline import curate_plan
    from hammplan.extract import extract_document
    from hammplan.vocabulary import load_vocabulary

    vocab = load_vocabulary(vocabulary)
    pages = progress.pages if progress is not None else None
    return curate_plan(extract_document(path, vocab, pages, limits=limits), vocab)
