"""Page order is evidence: a row broken over a page joins only the row it continues.

A plan whose pages are reversed, shuffled or missing one must never give one measure another's
Kosten or Sachstand: rows are joined over a page break only when the printed page numbers say
the next page follows (``extract/pageorder.py``), and the breaks are reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.curate.checks.order import check_page_order
from hammplan.extract import extract_document
from hammplan.extract.layout import PageLayout
from hammplan.extract.pageorder import continues, order_break, printed_numbers
from hammplan.records import ExtractedDocument
from tests.conftest import PLAN_PDF
from tests.support.reorder import page_count, reordered, reversed_copy, shuffled_copy
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content


def _page(number: int, printed: int | None) -> PageLayout:
    return PageLayout(number, 595.0, 842.0, [], 2.5, printed=printed)


def test_the_page_number_is_the_run_of_digits_that_changes() -> None:
    key = ("integrationsplan # - seite #", 47)
    edges = [
        [(("kopf", 2), "Kopf")] + [(key, f"Integrationsplan 2024 - Seite {n}")]
        for n in (36, 37, 38)
    ] + [[(("titelblatt", 10), "Titelblatt")]]
    assert printed_numbers(edges, {key}) == [36, 37, 38, None]


def test_a_page_follows_only_its_printed_predecessor() -> None:
    assert order_break(_page(4, 37), _page(5, 38)) is None
    assert order_break(_page(4, None), _page(5, 12)) is None  # nothing printed: PDF order
    assert order_break(_page(4, 38), _page(5, 37)) == (
        "page 5 is printed as page 37 but follows printed page 38: pages out of order or missing"
    )
    later = _page(5, 40)
    later.order_break = order_break(_page(4, 38), later)
    assert later.order_break is not None
    assert not continues(_page(4, 38), later, top=True)
    assert continues(_page(4, 38), _page(5, 39), top=True)
    assert not continues(_page(4, 38), _page(5, 39), top=False)  # not the top row of its page
    assert not continues(_page(3, 36), _page(5, 37), top=True)  # a page between
    assert continues(_page(5, 37), _page(5, 37), top=False)  # the same page


def _rows(document: ExtractedDocument) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return {
        p.title or "": [(tuple(r.labels), r.value.text) for r in p.rows] for p in document.profiles
    }


def _foreign_rows(original: ExtractedDocument, copy: ExtractedDocument) -> list[str]:
    """Rows of ``copy`` whose value is not (a part of) the same profile's row in the
    original: text from another measure."""
    wanted = _rows(original)
    foreign = []
    for title, rows in _rows(copy).items():
        for labels, value in rows:
            own = [v for lab, v in wanted.get(title, []) if lab == labels]
            if not any(value in v for v in own):
                foreign.append(f"{title}: {labels} {value[:60]!r}")
    budget = {row.sta.text + row.name.text for row in original.budget_rows}
    for row in copy.budget_rows:
        if not any(row.sta.text + row.name.text in whole for whole in budget):
            foreign.append(f"budget {row.sta.text} {row.name.text[:60]!r}")
    return foreign


@pytest.mark.parametrize("how", ["reversed", "shuffled-1", "shuffled-2"])
def test_the_plan_out_of_order_joins_no_row_to_another_measure(
    plan: ExtractedDocument, tmp_path: Path, how: str
) -> None:
    copy = tmp_path / f"{how}.pdf"
    if how == "reversed":
        reversed_copy(PLAN_PDF, copy)
    else:
        shuffled_copy(PLAN_PDF, copy, seed=int(how[-1]))
    document = extract_document(copy)
    assert _foreign_rows(plan, document) == []
    breaks = [left for left in document.leftovers if left.family == "page_order"]
    assert len(breaks) > page_count(PLAN_PDF) // 2  # nearly every page, either way
    unjoined = [left for left in document.leftovers if left.kind == "not_joined"]
    assert unjoined
    codes = {f.code: f for f in check_page_order(document.leftovers)}
    assert set(codes) == {"page_order", "rows_not_joined"}
    assert f"{len(breaks)} Brüche" in codes["page_order"].message
    # the profiles that stand on their own pages are all still whole
    whole = [
        p
        for p in document.profiles
        if _rows(plan).get(p.title or "")
        == _rows(ExtractedDocument(tool_version="", source=document.source, profiles=[p]))[
            p.title or ""
        ]
    ]
    assert len(whole) >= len(plan.profiles) // 3


def test_the_plan_in_order_has_no_break(plan: ExtractedDocument) -> None:
    assert [left for left in plan.leftovers if left.family == "page_order"] == []
    assert [left for left in plan.leftovers if left.kind == "not_joined"] == []
    assert check_page_order(plan.leftovers) == []


@pytest.fixture(scope="module")
def split_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic plan with a budget row broken over a page ("Seite N" footers)."""
    layout = next(v for v in VARIANTS if v.split_row_across_pages)
    return build_plan_pdf(tmp_path_factory.mktemp("split") / "plan.pdf", sample_content(), layout)


def test_a_synthetic_plan_reversed_keeps_the_broken_row_apart(
    split_plan: Path, tmp_path: Path
) -> None:
    content = sample_content()
    whole = extract_document(split_plan)
    assert [r.continued for r in whole.budget_rows].count(1) == 1
    document = extract_document(reversed_copy(split_plan, tmp_path / "reversed.pdf"))
    assert _foreign_rows(whole, document) == []
    assert all(r.continued == 0 for r in document.budget_rows)
    unjoined = [left.family for left in document.leftovers if left.kind == "not_joined"]
    assert unjoined.count("budget") == 1  # the broken row's second half
    assert len(document.budget_rows) == len(content.budget_rows)


def test_nothing_is_joined_across_a_missing_page(split_plan: Path, tmp_path: Path) -> None:
    """Leave out the page the broken row begins on: its second half now follows another
    page of the budget table in the PDF, yet its printed number says a page is missing."""
    whole = extract_document(split_plan)
    broken = next(r for r in whole.budget_rows if r.continued)
    first_page = broken.sta.spans[0].page
    order = [i for i in range(page_count(split_plan)) if i != first_page - 1]
    document = extract_document(reordered(split_plan, order, tmp_path / "gap.pdf"))
    assert _foreign_rows(whole, document) == []
    assert all(r.continued == 0 for r in document.budget_rows)
    assert [left.reason for left in document.leftovers if left.family == "page_order"] == [
        f"page {first_page} is printed as page {first_page + 1} but follows printed page "
        f"{first_page - 1}: pages out of order or missing"
    ]
    assert any(left.kind == "not_joined" for left in document.leftovers)
