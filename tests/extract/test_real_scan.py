"""Pages of a real scan of the plan (printed, scanned at 200 dpi, OCR'd by Tesseract) read
as the plan itself does.

tests/fixtures/integrationsplan-hamm-2024-scan-excerpt.pdf holds nine pages of such a scan:
the population table, the six budget pages, the first overview page and the first profile.
Its text layer is what real recognition gives: rules read as "|" glued to words, "o. A." as
"0.A.", "oA.", "o.Ä.", "©.", words broken into touching pieces on a skewed page. Every
number compared here comes from the bundled plan, never from the test.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hammplan.curate.budget import curate_budget
from hammplan.extract import extract_document
from hammplan.extract.reading import read_pages
from hammplan.publish.cells import single_value
from hammplan.records import ExtractedDocument
from hammplan.records.values import Amount, Text
from hammplan.vocabulary import load_vocabulary
from tests.conftest import PLAN_PDF

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCAN = FIXTURES / "integrationsplan-hamm-2024-scan-excerpt.pdf"


@pytest.fixture(scope="module")
def scan() -> ExtractedDocument:
    return extract_document(SCAN)


def test_scan_pages_are_recognised_as_ocr_and_the_plan_is_not() -> None:
    assert all(page.ocr for page in read_pages(SCAN))
    assert not any(page.ocr for page in read_pages(PLAN_PDF))


def test_every_budget_row_and_header_of_the_scan(
    scan: ExtractedDocument, plan: ExtractedDocument
) -> None:
    assert len(scan.budget_headers) == len(plan.budget_headers)
    assert len(scan.budget_rows) == len(plan.budget_rows)

    # the excerpt numbers its pages from 1: compare pages relative to the first budget page
    def relative(doc: ExtractedDocument) -> list[list[int]]:
        first = doc.budget_rows[0].pages[0]
        return [[p - first for p in r.pages] for r in doc.budget_rows]

    assert relative(scan) == relative(plan)


def test_a_misread_sta_is_flagged(scan: ExtractedDocument, plan: ExtractedDocument) -> None:
    """A skewed page's header places its first columns wrongly, and recognition reads "41" as
    "4": such rows are never silently right; each has a finding on its StA."""
    organisations = load_vocabulary().organisations
    lines, findings = curate_budget(scan.budget_rows, organisations)
    flagged = {
        ref.id for f in findings if f.code in ("sta_unknown", "sta_suspect") for ref in f.refs
    }
    theirs, _ = curate_budget(plan.budget_rows, organisations)
    differing = [a.id for a, b in zip(lines, theirs, strict=True) if a.sta != b.sta]
    assert len(differing) <= 5  # the five rows of one page where "41" reads as "4"
    assert set(differing) <= flagged


def test_budget_amounts_equal_the_plans_or_are_suspect(
    scan: ExtractedDocument, plan: ExtractedDocument
) -> None:
    organisations = load_vocabulary().organisations
    mine, _ = curate_budget(scan.budget_rows, organisations)
    theirs, _ = curate_budget(plan.budget_rows, organisations)
    equal = wrong = 0
    fields = [f for f, v in theirs[0].by_column().items() if isinstance(v, Amount)]
    for a, b in zip(mine, theirs, strict=True):
        for field in fields:
            x, y = a.by_column()[field], b.by_column()[field]
            assert isinstance(x, Amount) and isinstance(y, Amount)
            if (x.status, x.betrag_eur) == (y.status, y.betrag_eur):
                equal += 1
            elif x.status != "suspect" and not (x.status == y.status == "note"):
                wrong += 1
    total = len(theirs) * len(fields)
    assert equal >= 0.95 * total
    assert wrong <= 0.01 * total  # what is not equal says so (suspect), bar a stray note


def test_rule_debris_is_a_recorded_repair(scan: ExtractedDocument) -> None:
    organisations = load_vocabulary().organisations
    lines, _ = curate_budget(scan.budget_rows, organisations)
    repaired = [
        amount
        for line in lines
        for amount in line.by_column().values()
        if isinstance(amount, Amount) and "|" in amount.raw
    ]
    assert repaired
    for amount in repaired:
        assert any("|" in r.before and "|" not in r.after for r in amount.repairs)
        assert amount.status in ("ok", "not_stated", "suspect")
    numbers = [a for a in repaired if a.status == "ok"]
    assert numbers and all(a.betrag_eur is not None and a.betrag_eur > Decimal(0) for a in numbers)


def test_population_table_is_whole(scan: ExtractedDocument, plan: ExtractedDocument) -> None:
    assert len(scan.population) == 1
    mine, theirs = scan.population[0].rows, plan.population[0].rows
    assert [r.district.text for r in mine] == [r.district.text for r in theirs]
    assert [r.is_total for r in mine] == [r.is_total for r in theirs]
    assert [[v.text for v in r.values] for r in mine] == [
        [v.text for v in r.values] for r in theirs
    ]


def test_profile_and_overview_found(scan: ExtractedDocument, plan: ExtractedDocument) -> None:
    assert [p.title for p in scan.profiles] == [plan.profiles[0].title]
    assert len(scan.profiles[0].rows) == len(plan.profiles[0].rows)
    assert scan.overview and len(scan.overview[0].rows) >= 1


def test_funders_and_key_figures_equal_the_plans_or_are_suspect(
    scan: ExtractedDocument, plan: ExtractedDocument
) -> None:
    """Funder and Wert cells: the same text (case aside) or value as the plan's, else suspect
    (a misread "o. A.", "NRw", "6l", "so" for "50", a dropped digit are never values)."""
    vocab = load_vocabulary()
    mine, _ = curate_budget(scan.budget_rows, vocab.organisations, vocab.budget)
    theirs, _ = curate_budget(plan.budget_rows, vocab.organisations, vocab.budget)
    wrong = []
    suspect = 0
    for a, b in zip(mine, theirs, strict=True):
        cells = [("foerdergeber", a.foerdergeber, b.foerdergeber)] + [
            (f"wert_{year}", a.wert(year), b.wert(year)) for year in [v.jahr for v in b.jahre]
        ]
        for name, x, y in cells:
            if x.status == "suspect":
                suspect += 1
                continue
            if isinstance(x, Text) and isinstance(y, Text):
                same = (x.status, (x.text or "").casefold()) == (
                    y.status,
                    (y.text or "").casefold(),
                )
            else:
                same = x.status == y.status and single_value(x) == single_value(y)
            if not same and y.status != "suspect":
                wrong.append((a.id, name, x.raw, y.raw))
    assert wrong == []
    assert suspect >= 4
