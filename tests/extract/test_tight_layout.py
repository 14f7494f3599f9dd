"""A budget table without rules whose columns stand a point apart (tests/support/typeset.py
TIGHT): pdfplumber runs neighbouring cells into one word, amounts are right-aligned and the
widest wrap inside their cell. Every amount, not-stated value and Fördergeber as printed."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from hammplan.curate.amounts import parse_amount
from hammplan.curate.budget import curate_budget
from hammplan.extract import extract_document
from hammplan.records import ExtractedDocument
from hammplan.records.values import Amount
from hammplan.vocabulary import load_vocabulary
from tests.support.hostile import CURATED_OF, PRINTED_NAMES
from tests.support.typeset import TIGHT, build_plan_pdf, sample_content

CONTENT = sample_content()


@pytest.fixture(scope="module")
def tight_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_plan_pdf(tmp_path_factory.mktemp("tight") / "tight.pdf", CONTENT, TIGHT)


@pytest.fixture(scope="module")
def tight(tight_pdf: Path) -> ExtractedDocument:
    return extract_document(tight_pdf)


def test_the_layout_is_as_tight_as_intended(tight_pdf: Path) -> None:
    """Words of neighbouring columns run together, and amounts wrap: otherwise this file
    would test nothing new."""
    with pdfplumber.open(tight_pdf) as pdf:
        words = {w["text"] for page in pdf.pages for w in page.extract_words()}
    assert "80.544Land" in words
    assert any(w.startswith("A.o.") for w in words)
    assert "213.431,0" in words and "213.431,09" not in words


def test_every_row_and_cell_as_printed(tight: ExtractedDocument) -> None:
    assert len(tight.budget_rows) == len(CONTENT.budget_rows)
    for row, printed in zip(tight.budget_rows, CONTENT.budget_rows, strict=True):
        for column, cell, text in zip(PRINTED_NAMES, row.cells(), printed, strict=True):
            if column.startswith(("expense", "income")):
                # an amount wrapped in its cell keeps its line break as a space (verbatim)
                assert cell.text.replace(" ", "") == text.replace(" ", ""), column
            else:
                assert cell.text == text, column


def test_every_amount_not_stated_value_and_funder_as_printed(tight: ExtractedDocument) -> None:
    lines, _ = curate_budget(tight.budget_rows, load_vocabulary().organisations)
    rejoined = 0
    for line, printed in zip(lines, CONTENT.budget_rows, strict=True):
        cells = dict(zip(PRINTED_NAMES, printed, strict=True))
        for field, amount in line.by_column().items():
            if not isinstance(amount, Amount):
                continue
            source = CURATED_OF[field]
            expected = parse_amount(cells[source])
            assert (amount.status, amount.betrag_eur) == (expected.status, expected.betrag_eur), (
                field
            )
            if amount.raw != cells[source]:
                assert [r.kind for r in amount.repairs] == ["continuation"]
                rejoined += 1
        assert line.foerdergeber.raw == cells["funder"]
    assert rejoined == 3  # "213.431,0"+"9", "132.00"+"0", "762.58"+"4"
