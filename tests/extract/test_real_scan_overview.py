"""The overview and the contents page of a real scan of the plan (see test_real_scan.py).

tests/fixtures/integrationsplan-hamm-2024-scan-overview-excerpt.pdf holds three pages of the
scan: the contents page and the first two overview pages. On the second, recognition set the
first row so close under the header that it was read as part of it (a column too many, the
page's rows all leftovers); the contents page's headings ("Handlungsfeld ...") were taken for
a profile. Every expected value comes from the bundled plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.extract import extract_document
from hammplan.records import ExtractedDocument
from hammplan.records.overview import OverviewRow

SCAN = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / ("integrationsplan-hamm-2024-scan-overview-excerpt.pdf")
)


@pytest.fixture(scope="module")
def scan() -> ExtractedDocument:
    return extract_document(SCAN)


def _page(row: OverviewRow) -> int:
    return min(span.page for span in row.measure.spans)


def _marked(row: OverviewRow) -> list[int]:
    return [m.column for m in row.marks if m.marked]


def test_every_overview_row_of_both_pages_with_its_marks(
    scan: ExtractedDocument, plan: ExtractedDocument
) -> None:
    assert len(scan.overview) == 1
    first = min(_page(r) for r in plan.overview[0].rows)
    theirs = [r for r in plan.overview[0].rows if r.measure.text and _page(r) <= first + 1]
    mine = scan.overview[0].rows
    assert len(mine) == len(theirs)
    assert [_marked(r) for r in mine] == [_marked(r) for r in theirs]
    # the excerpt numbers its pages from 1, the overview from 2 (after the contents page)
    assert [_page(r) - 2 for r in mine] == [_page(r) - first for r in theirs]
    assert [len(r.measure.text.split()) for r in mine] == [
        len(r.measure.text.split()) for r in theirs
    ]


def test_nothing_is_left_over(scan: ExtractedDocument) -> None:
    assert [(x.family, x.reason) for x in scan.leftovers] == []
    assert scan.profiles == []
