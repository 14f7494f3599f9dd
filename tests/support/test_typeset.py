"""Tests of the synthetic-PDF generator itself, so extraction tests can trust its output."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest

from .typeset import (
    BOILERPLATE,
    LONG_VALUE_CHARS,
    VARIANTS,
    Layout,
    PlanContent,
    build_plan_pdf,
    overview_page_numbers,
    sample_content,
)

CONTENT = sample_content()
BY_NAME = {v.name: v for v in VARIANTS}
BUDGET_MARK = "Förderge-"  # first word of a budget header cell, found nowhere else


def all_texts(c: PlanContent) -> Iterator[str]:
    yield from c.budget_header
    for row in [*c.budget_rows, c.population_header, *c.population_rows, c.overview_columns]:
        yield from row
    for profile in c.profiles:
        for pair in profile:
            yield from pair
    yield from (t for t, _ in c.overview_sections)
    yield from (name for name, _ in c.overview_rows)
    for entry in c.index_entries:
        yield from entry


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("plans")
    return {v.name: build_plan_pdf(out / f"{v.name}.pdf", CONTENT, v) for v in VARIANTS}


_WORDS: dict[tuple[str, int], list[str]] = {}


def words(page: pdfplumber.page.Page) -> list[str]:
    """Words of a page, cached because every test asks again."""
    key = (page.pdf.stream.name, page.page_number)
    if key not in _WORDS:
        # A tight x_tolerance keeps words of neighbouring cells apart even in unruled tables.
        _WORDS[key] = [w["text"] for w in page.extract_words(x_tolerance=1)]
    return _WORDS[key]


def pages_with(pdf: pdfplumber.pdf.PDF, word: str) -> list[int]:
    return [i for i, p in enumerate(pdf.pages) if word in words(p)]


def budget_and_overview_pages(pdf: pdfplumber.pdf.PDF) -> range:
    (overview,) = pages_with(pdf, "Integrationsabschnitte")
    return range(pages_with(pdf, BUDGET_MARK)[0], overview + 1)


def test_sample_content_is_well_formed() -> None:
    c = CONTENT
    assert len(c.budget_header) == 13 and all(len(r) == 13 for r in c.budget_rows)
    assert len(c.budget_rows) >= 12 and len(c.profiles) >= 4
    assert len(c.population_rows) == 10 and c.population_rows[-1][0] == "Gesamt"
    assert sum(n for _, n in c.overview_sections) == len(c.overview_columns)
    assert all(len(flags) == len(c.overview_columns) for _, flags in c.overview_rows)
    assert any(label == "" for p in c.profiles for label, _ in p)
    assert any(len(v) > LONG_VALUE_CHARS for p in c.profiles for _, v in p)
    for text in all_texts(c):
        assert text == text.strip() and "\n" not in text and "  " not in text, repr(text)
        text.encode("cp1252")  # the standard PDF fonts only cover WinAnsi


def test_variant_names_are_unique_and_cover_the_options() -> None:
    assert len(BY_NAME) == len(VARIANTS) >= 9
    assert {v.font for v in VARIANTS} >= {"Helvetica", "Times-Roman", "Courier"}
    assert {v.ruled for v in VARIANTS} == {True, False}
    assert {v.valign for v in VARIANTS} == {"TOP", "MIDDLE"}
    assert {v.mark_style for v in VARIANTS} == {"x", "fill"}


@pytest.mark.parametrize("layout", VARIANTS, ids=lambda v: v.name)
def test_pages_have_size_orientation_and_footer(pdfs: dict[str, Path], layout: Layout) -> None:
    with pdfplumber.open(pdfs[layout.name]) as pdf:
        wide_pages = budget_and_overview_pages(pdf)
        for i, page in enumerate(pdf.pages):
            assert sorted((page.width, page.height)) == pytest.approx(sorted(layout.pagesize))
            wide = i in wide_pages and layout.budget_landscape or layout.all_landscape
            assert (page.width > page.height) == wide, f"page {i + 1}"
            footer = page.crop((0, page.height - 40, page.width, page.height)).extract_text()
            assert footer == f"Seite {i + 1}"


@pytest.mark.parametrize("layout", VARIANTS, ids=lambda v: v.name)
def test_words_are_exactly_the_content_words(pdfs: dict[str, Path], layout: Layout) -> None:
    """No hyphenation, no split or merged words: the PDF's words are the content's words."""
    expected = {w for t in [*all_texts(CONTENT), *BOILERPLATE] for w in t.split(" ") if w}
    with pdfplumber.open(pdfs[layout.name]) as pdf:
        expected |= {p for p in overview_page_numbers(CONTENT) if p} | {"x", "Seite"}
        expected |= {str(i + 1) for i in range(len(pdf.pages))}  # footers
        found = {w for p in pdf.pages for w in words(p)}
    assert found - expected == set()
    assert expected - found <= {"x"}


@pytest.mark.parametrize("layout", VARIANTS, ids=lambda v: v.name)
def test_grid_policy(pdfs: dict[str, Path], layout: Layout) -> None:
    marks = sum(sum(flags) for _, flags in CONTENT.overview_rows)
    with pdfplumber.open(pdfs[layout.name]) as pdf:
        overview = pages_with(pdf, "Integrationsabschnitte")[0]
        for i, page in enumerate(pdf.pages):
            if i == 0:  # title page: prose only
                assert not page.lines and not page.rects
            elif layout.ruled:
                assert page.lines, f"page {i + 1} of a ruled layout has no grid"
            else:
                assert not page.lines and not page.curves
                fills = marks if i == overview and layout.mark_style == "fill" else 0
                assert len(page.rects) == fills, f"page {i + 1}"
        if layout.mark_style == "fill":
            rects = pdf.pages[overview].rects
            assert len(rects) == marks + (1 if layout.ruled else 0)  # marks (+ header fill)
        else:
            assert words(pdf.pages[overview]).count("x") == marks


@pytest.mark.parametrize("layout", [v for v in VARIANTS if v.ruled], ids=lambda v: v.name)
def test_ruled_budget_table_round_trips(pdfs: dict[str, Path], layout: Layout) -> None:
    """pdfplumber's own table finder recovers every cell text (joining lines with spaces)."""
    c, rows = CONTENT, []
    with pdfplumber.open(pdfs[layout.name]) as pdf:
        pages = budget_and_overview_pages(pdf)[:-1]
        for i in pages:
            for table in pdf.pages[i].extract_tables():
                rows += [[" ".join((cell or "").split()) for cell in row] for row in table]
    body = [r for r in rows if r != c.budget_header]
    assert len(rows) - len(body) == (len(pages) if layout.header_repeat else 1)
    if not layout.split_row_across_pages:
        assert body == c.budget_rows
        return
    # One row is cut by the page break: its two halves, joined cell by cell, give the original row.
    assert len(body) == len(c.budget_rows) + 1
    k = next(i for i, r in enumerate(body) if r[0] == "")
    merged = [" ".join(filter(None, pair)) for pair in zip(body[k - 1], body[k], strict=True)]
    assert body[: k - 1] + [merged] + body[k + 1 :] == c.budget_rows


def test_population_table_round_trips(pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(pdfs["default_a4"]) as pdf:
        (table,) = pdf.pages[1].extract_tables()
    cells = [[" ".join((cell or "").split()) for cell in row] for row in table]
    assert cells == [CONTENT.population_header, *CONTENT.population_rows]


@pytest.mark.parametrize("layout", VARIANTS, ids=lambda v: v.name)
def test_header_repetition(pdfs: dict[str, Path], layout: Layout) -> None:
    with pdfplumber.open(pdfs[layout.name]) as pdf:
        headed = pages_with(pdf, BUDGET_MARK)
        last_row = pages_with(pdf, "213.431,09")  # a cell of the last budget row
    if layout.budget_rows_per_page:
        assert len(headed) == math.ceil(len(CONTENT.budget_rows) / layout.budget_rows_per_page)
    elif not layout.header_repeat:
        assert len(headed) == 1 and last_row[0] > headed[0]  # the table goes on without a header
    else:
        assert headed[-1] == last_row[0]


@pytest.mark.parametrize("layout", VARIANTS, ids=lambda v: v.name)
def test_profiles_start_pages_and_long_value_breaks(pdfs: dict[str, Path], layout: Layout) -> None:
    with pdfplumber.open(pdfs[layout.name]) as pdf:
        titles = pages_with(pdf, "Titel")
        assert len(titles) == len(CONTENT.profiles)
        for i in titles:
            assert words(pdf.pages[i])[0] == "Titel"
        first, last = pages_with(pdf, "Machtgefüge,"), pages_with(pdf, "Demokratieförderung.")
        assert len(first) == len(last) == 1 and last[0] > first[0]
        # The continued value opens the page in a row whose label cell is empty.
        page = pdf.pages[last[0]]
        assert page.extract_words(x_tolerance=1)[0]["x0"] > page.width * 0.2
