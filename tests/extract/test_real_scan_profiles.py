"""Profiles and running text of a real scan of the plan (see test_real_scan.py).

tests/fixtures/integrationsplan-hamm-2024-scan-profile-excerpt.pdf holds eight pages of the
scan: two pages of running text (an OCR layer makes every word a run of its own, and words
such as "Handlungsfeld" or "Maßnahmen" at the head of a line read as labels), a profile over
four pages whose Sachstand runs over three, and one over two pages whose text lines begin a
few points left of where the page before had them (the page sits askew). Running text is no
table, and no word of a profile is lost at a page break. Every expected text comes from the
bundled plan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hammplan.extract import extract_document
from hammplan.records import ExtractedDocument
from hammplan.records.profiles import Profile

SCAN = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "integrationsplan-hamm-2024-scan-profile-excerpt.pdf"
)
PROSE_PAGES = 2
"""The excerpt's first pages: running text only."""


@pytest.fixture(scope="module")
def scan() -> ExtractedDocument:
    return extract_document(SCAN)


def _words(profile: Profile) -> list[str]:
    text = " ".join(f"{row.label_cell.text} {row.value.text}" for row in profile.rows)
    return re.findall(r"\w{4,}", text.casefold())


def _pages(profile: Profile) -> set[int]:
    return {span.page for row in profile.rows for span in row.value.spans}


def test_running_text_is_no_table(scan: ExtractedDocument) -> None:
    assert not [p for p in scan.profiles if min(_pages(p)) <= PROSE_PAGES]
    assert [leftover for leftover in scan.leftovers if leftover.family == "profile"] == []


def test_profiles_over_page_breaks_lose_no_word(
    scan: ExtractedDocument, plan: ExtractedDocument
) -> None:
    theirs = {p.title: p for p in plan.profiles}
    assert len(scan.profiles) == 2
    for mine in scan.profiles:
        assert mine.title in theirs
        plan_profile = theirs[mine.title]
        assert [r.fields for r in mine.rows if r.fields] == [
            r.fields for r in plan_profile.rows if r.fields
        ]
        # the profile's pages follow each other as the plan's do
        assert len(_pages(mine)) == len(_pages(plan_profile))
        read = set(_words(mine))
        printed = _words(plan_profile)
        lost = [w for w in printed if w not in read]
        assert len(printed) > 300
        assert len(lost) <= 0.01 * len(printed), lost  # a letter misread here and there
