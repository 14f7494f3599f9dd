"""``extract_document``: the moment it tells that every page is read."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from hammplan.extract import extract_document
from hammplan.extract.fast import pool
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content


def test_pages_read_is_called_once_after_the_last_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build`` starts its chart process then: the page readers must be gone by then, and
    nothing may be read after."""
    monkeypatch.setattr(pool, "PARALLEL_FROM", 8)
    pdf = build_plan_pdf(tmp_path / "plan.pdf", sample_content(), VARIANTS[0])
    events: list[str] = []
    document = extract_document(
        pdf,
        progress=lambda done, total: events.append(f"{done}/{total}"),
        pages_read=lambda: events.append(
            f"read, {len(multiprocessing.active_children())} workers alive"
        ),
    )
    pages = document.source.page_count
    assert events[-2:] == [f"{pages}/{pages}", "read, 0 workers alive"]
    assert sum(e.startswith("read") for e in events) == 1
    assert document.budget_rows and document.profiles
