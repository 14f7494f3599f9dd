"""Shared fixtures: the bundled plan, extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.curate.pipeline import curate_plan
from hammplan.extract import extract_document
from hammplan.records import ExtractedDocument
from hammplan.records.plan import CuratedPlan
from hammplan.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
PLAN_PDF = next((ROOT / "data" / "raw").glob("*.pdf"))
FIXTURE_TXT = ROOT / "tests" / "fixtures" / "integrationsplan-hamm-2024.txt"


@pytest.fixture(scope="session")
def plan() -> ExtractedDocument:
    """The bundled plan PDF, extracted (about ten seconds, so only once)."""
    return extract_document(PLAN_PDF)


@pytest.fixture(scope="session")
def plan_text() -> str:
    """The plan's text export, which the PDF was typeset from (kept in tests/fixtures)."""
    return FIXTURE_TXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def curated(plan: ExtractedDocument) -> CuratedPlan:
    """The bundled plan, curated and checked with the default vocabulary."""
    return curate_plan(plan, load_vocabulary())
