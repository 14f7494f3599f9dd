"""Fixtures of the comparison tests: the two typeset editions, read once per session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from hammplan.compare.core import compare_plans
from hammplan.compare.model import Comparison
from hammplan.compare.run import write_comparison
from hammplan.curate.pipeline import curate_plan
from hammplan.extract import extract_document
from hammplan.records.plan import CuratedPlan
from hammplan.vocabulary import load_vocabulary
from tests.compare.editions import new_edition, old_edition
from tests.support.typeset import VARIANTS, build_plan_pdf


@dataclass(frozen=True)
class Editions:
    """The two PDFs, their curated plans, their comparison and the folder it was written to."""

    old_pdf: Path
    new_pdf: Path
    old: CuratedPlan
    new: CuratedPlan
    comparison: Comparison
    out: Path

    def text(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    """Both editions typeset (default layout), read, compared and written once."""
    folder = tmp_path_factory.mktemp("editions")
    vocab = load_vocabulary()
    old_pdf = build_plan_pdf(folder / "plan-alt.pdf", old_edition(), VARIANTS[0])
    new_pdf = build_plan_pdf(folder / "plan-neu.pdf", new_edition(), VARIANTS[0])
    old = curate_plan(extract_document(old_pdf, vocab), vocab)
    new = curate_plan(extract_document(new_pdf, vocab), vocab)
    comparison = compare_plans(old, new)
    out = folder / "compare"
    write_comparison(comparison, out)
    return Editions(old_pdf, new_pdf, old, new, comparison, out)
