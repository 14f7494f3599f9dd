"""Reading pages in worker processes gives exactly what reading them in one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.errors import InputError
from hammplan.extract import reading
from hammplan.extract.reading import read_pages
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content


def test_parallel_reading_equals_sequential(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "_PARALLEL_FROM", 8)
    pdf = build_plan_pdf(tmp_path / "plan.pdf", sample_content(), VARIANTS[0])
    calls: list[tuple[int, int]] = []
    parallel = read_pages(pdf, progress=lambda done, total: calls.append((done, total)), jobs=2)
    assert len(parallel) >= 8  # else this would not test the workers
    assert parallel == read_pages(pdf, jobs=1)
    assert [p.number for p in parallel] == list(range(1, len(parallel) + 1))
    assert len(calls) > 1 and calls[-1] == (len(parallel), len(parallel))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_pages(tmp_path / "missing.pdf")


def test_sequential_reading_reports_every_page(tmp_path: Path) -> None:
    pdf = build_plan_pdf(tmp_path / "plan.pdf", sample_content(), VARIANTS[0])
    calls: list[tuple[int, int]] = []
    pages = read_pages(pdf, progress=lambda done, total: calls.append((done, total)), jobs=1)
    assert calls == [(n, len(pages)) for n in range(1, len(pages) + 1)]
