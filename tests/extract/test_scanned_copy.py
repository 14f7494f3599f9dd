"""A printed-and-scanned copy with an OCR text layer reads as the original does.

tests/support/scan.py makes such a copy: each page becomes one bitmap (ruling lines and fills
only as pixels) under invisible words whose positions wobble as OCR output does (0.8 pt), on
lines whose font size varies by up to 15 % (OCR sizes a line by its letters' height).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.extract import extract_document
from hammplan.records import ExtractedDocument
from tests.conftest import PLAN_PDF
from tests.support.compare import layout_free, record_texts
from tests.support.scan import scan_copy
from tests.support.typeset import VARIANTS, build_plan_pdf, sample_content

pytestmark = pytest.mark.slow  # whole builds or the real plan: make test-fast leaves them out

CONTENT = sample_content()
# fill-coloured marks are pixels only in a scan; those layouts are checked unscanned
SCANNABLE = [v for v in VARIANTS if v.mark_style == "x"]


@pytest.mark.parametrize("layout", SCANNABLE, ids=[v.name for v in SCANNABLE])
def test_scanned_variant_matches_original(layout: object, tmp_path: Path) -> None:
    source = build_plan_pdf(tmp_path / "plan.pdf", CONTENT, layout)  # type: ignore[arg-type]
    scanned = scan_copy(source, tmp_path / "scan.pdf", jitter=0.8, seed=7, size_jitter=0.15)
    original = layout_free(record_texts(extract_document(source)))
    copy = layout_free(record_texts(extract_document(scanned)))
    assert copy == original
    assert copy["budget_rows"] == CONTENT.budget_rows


@pytest.fixture(scope="module")
def scanned_plan(tmp_path_factory: pytest.TempPathFactory) -> ExtractedDocument:
    target = tmp_path_factory.mktemp("scan") / "plan-scan.pdf"
    return extract_document(
        scan_copy(PLAN_PDF, target, dpi=72, jitter=0.8, seed=3, size_jitter=0.15)
    )


@pytest.mark.parametrize(
    "family", ["budget_headers", "budget_rows", "profiles", "population", "index", "leftovers"]
)
def test_scanned_plan_matches_original(
    plan: ExtractedDocument, scanned_plan: ExtractedDocument, family: str
) -> None:
    assert record_texts(scanned_plan)[family] == record_texts(plan)[family]


def test_scanned_plan_overview_measures(
    plan: ExtractedDocument, scanned_plan: ExtractedDocument
) -> None:
    names = [[r.measure.text for r in t.rows] for t in plan.overview]
    assert [[r.measure.text for r in t.rows] for t in scanned_plan.overview] == names
