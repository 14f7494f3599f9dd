"""Reading pages in worker processes gives exactly what reading them in one process gives."""

from __future__ import annotations

import gc
import tempfile
import weakref
from pathlib import Path

import pdfplumber
import pytest

from hammplan.errors import InputError
from hammplan.extract import reading
from hammplan.extract.fast import pool
from hammplan.extract.layout import PageLayout
from hammplan.extract.reading import read_pages
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content


def test_parallel_reading_equals_sequential(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "PARALLEL_FROM", 8)
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


def test_pages_stream_one_block_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Iterating holds the block being handed out, not the pages before it, and the files
    pages were set aside in are gone once the iteration ends."""
    monkeypatch.setattr(pool, "BLOCK", 2)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    pdf = build_plan_pdf(tmp_path / "plan.pdf", sample_content(), VARIANTS[0])
    alive: list[weakref.ref[PageLayout]] = []
    numbers = []
    for page in reading.iter_pages(pdf, jobs=1):
        page_number = page.number
        numbers.append(page_number)
        alive.append(weakref.ref(page))
        del page
        gc.collect()
        held = [ref().number for ref in alive if ref() is not None]  # type: ignore[union-attr]
        this_block = numbers[-2:] if page_number % 2 == 0 else numbers[-1:]
        assert held == this_block
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 4
    assert not list(tmp_path.glob("hammplan-pages-*"))


def test_unreadable_file_leaves_nothing_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n not a pdf at all")
    with pytest.raises(InputError, match="not a readable PDF"):
        reading.iter_pages(bad)
    assert not list(tmp_path.glob("hammplan-pages-*"))


def test_pages_one_at_a_time_are_pdfplumbers_pages(tmp_path: Path) -> None:
    """Workers walk the page tree instead of keeping pdfplumber's list of every page; the
    pages are numbered and placed the same, asked for in any order."""
    pdf_path = build_plan_pdf(tmp_path / "plan.pdf", sample_content(), VARIANTS[0])
    with pdfplumber.open(pdf_path) as pdf:
        listed = pdf.pages
        source = pool.Pages(pdf)
        assert pool.count_pages(pdf) == len(listed) > 4
        for number in (3, 4, 1, len(listed), 2):
            page = source.page(number)
            same = listed[number - 1]
            assert (page.page_number, page.initial_doctop, page.bbox) == (
                same.page_number,
                same.initial_doctop,
                same.bbox,
            )
            assert page.extract_words() == same.extract_words()
        with pytest.raises(IndexError, match=f"no page {len(listed) + 1}"):
            source.page(len(listed) + 1)
