"""The same plan content set in many layouts must give the same records.

tests/support/typeset.py sets a synthetic plan (real texts of the Hamm plan) ruled and
unruled, A4 and Letter, portrait and landscape, in Helvetica, Times, Courier and DejaVu, with
other column widths and paddings, middle-aligned cells, headers not repeated, and rows broken
over pages. Each variant is extracted and compared with the content it was set from.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from hammplan.extract import extract_document
from hammplan.records import ExtractedDocument
from tests.support.compare import layout_free, record_texts
from tests.support.typeset import VARIANTS, Layout, PlanContent, build_plan_pdf, sample_content

pytestmark = pytest.mark.slow  # whole builds or the real plan: make test-fast leaves them out

CONTENT = sample_content()


@pytest.fixture(scope="module", params=VARIANTS, ids=[v.name for v in VARIANTS])
def variant(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Layout, ExtractedDocument]:
    layout: Layout = request.param
    path = build_plan_pdf(tmp_path_factory.mktemp(layout.name) / "plan.pdf", CONTENT, layout)
    return layout, extract_document(path)


def _expected_profiles(content: PlanContent) -> list[list[tuple[str, str]]]:
    """Profiles as extraction should give them: empty-label rows joined to the row above."""
    profiles = []
    for rows in content.profiles:
        joined: list[tuple[str, str]] = []
        for label, value in rows:
            if not label and joined:
                joined[-1] = (joined[-1][0], f"{joined[-1][1]} {value}")
            else:
                joined.append((label, value))
        profiles.append(joined)
    return profiles


def test_budget_rows(variant: tuple[Layout, ExtractedDocument]) -> None:
    _, doc = variant
    assert [[c.text for c in r.cells()] for r in doc.budget_rows] == CONTENT.budget_rows


def test_budget_headers(variant: tuple[Layout, ExtractedDocument]) -> None:
    layout, doc = variant
    assert doc.budget_headers, "no budget header recognised"
    for header in doc.budget_headers:
        assert [c.text for c in header.cells] == CONTENT.budget_header
    if not layout.header_repeat:
        assert len(doc.budget_headers) == 1


def test_profiles(variant: tuple[Layout, ExtractedDocument]) -> None:
    _, doc = variant
    got = [[(r.label_cell.text, r.value.text) for r in p.rows] for p in doc.profiles]
    assert got == _expected_profiles(CONTENT)
    assert [p.title for p in doc.profiles] == [rows[0][1] for rows in CONTENT.profiles]


def test_population(variant: tuple[Layout, ExtractedDocument]) -> None:
    _, doc = variant
    (table,) = doc.population
    assert [c.text for c in table.header] == CONTENT.population_header
    assert [
        [r.district.text, *[v.text for v in r.values]] for r in table.rows
    ] == CONTENT.population_rows
    assert [r.is_total for r in table.rows] == [False] * (len(table.rows) - 1) + [True]


def test_overview(variant: tuple[Layout, ExtractedDocument]) -> None:
    layout, doc = variant
    (table,) = doc.overview
    assert [c.text for c in table.column_header][1:-1] == CONTENT.overview_columns
    sections = " ".join(c.text for c in table.section_header[1:] if c.text)
    assert sections == " ".join(name for name, _ in CONTENT.overview_sections)
    got = [(r.measure.text, [m.marked for m in r.marks]) for r in table.rows]
    assert got == CONTENT.overview_rows
    marks = [m for r in table.rows for m in r.marks if m.marked]
    if layout.mark_style == "fill":
        assert {(m.how, m.cell.text) for m in marks} == {("fill", "")}
        assert all(m.colour is not None and min(m.colour) < 0.97 for m in marks)
    else:
        assert {(m.how, m.cell.text) for m in marks} == {("text", "x")}


def test_index(variant: tuple[Layout, ExtractedDocument]) -> None:
    _, doc = variant
    got = [(e.letter, e.title.text, e.page_cell.text) for e in doc.index]
    assert got == CONTENT.index_entries


def test_nothing_left_over(variant: tuple[Layout, ExtractedDocument]) -> None:
    _, doc = variant
    assert [
        (left.family, left.reason, [c.text for c in left.cells]) for left in doc.leftovers
    ] == []


def test_provenance_pages_are_real(variant: tuple[Layout, ExtractedDocument]) -> None:
    _, doc = variant
    for row in doc.budget_rows:
        for cell in row.cells():
            for span in cell.spans:
                assert 1 <= span.page <= doc.source.page_count


def test_all_variants_agree(tmp_path: Path) -> None:
    """Records (without page and box) are the same in every layout, not just each close."""
    texts: list[dict[str, Any]] = []
    for layout in VARIANTS:
        path = build_plan_pdf(tmp_path / f"{layout.name}.pdf", CONTENT, layout)
        texts.append(record_texts(extract_document(path)))
    for other in texts[1:]:
        assert layout_free(other) == layout_free(texts[0])


def test_recognition_errors_in_header_words(tmp_path: Path) -> None:
    """Header words garbled by recognition still name their tables (patterns need most
    columns; labels and headings a fuzzy match)."""
    garbled = dataclasses.replace(
        CONTENT,
        budget_header=[
            "StA",
            "Name der Maß- nahme",
            "Aufwaud (€) 2023 Stand 30.06",
            *CONTENT.budget_header[3:],
        ],
        population_header=["Sozialraum", "Auslander:innen", *CONTENT.population_header[2:]],
    )
    path = build_plan_pdf(tmp_path / "garbled.pdf", garbled, VARIANTS[1])
    doc = extract_document(path)
    assert [[c.text for c in r.cells()] for r in doc.budget_rows] == CONTENT.budget_rows
    assert doc.budget_headers[0].cells[2].text == "Aufwaud (€) 2023 Stand 30.06"
    assert len(doc.population[0].rows) == len(CONTENT.population_rows)
