"""Evidence (render/evidence.py): a record's field is shown from the printed cell it was read
from."""

from __future__ import annotations

import pytest

from hammplan.curate.pipeline import curate_plan
from hammplan.records import ExtractedDocument
from hammplan.render.evidence import evidence_key, locate
from hammplan.vocabulary import load_vocabulary

pytestmark = pytest.mark.slow  # the real plan: make test-fast leaves it out


def _spaced(text: str) -> str:
    return " ".join(text.split())


def test_a_measure_field_is_shown_from_its_own_row(plan: ExtractedDocument) -> None:
    """Two rows of a profile may print the same words ("o.A." as Kennzahlen and as Kosten):
    the image of a field is the cell of the row the field was read from, not the first cell
    with its words."""
    curated = curate_plan(plan, load_vocabulary())
    located = locate(plan, curated)
    checked = same_words_elsewhere = 0
    for measure, profile in zip(curated.measures, plan.profiles, strict=False):
        for field, text in measure.source.items():
            key = evidence_key("measure", measure.id, field)
            own = [
                row.value
                for row in profile.rows
                if field in row.fields and _spaced(row.value.text) == _spaced(text.raw)
            ]
            if not own or key not in located:
                continue
            span = own[0].spans[0]
            box = located[key][0]
            assert (box.page, box.top, box.x0) == (span.page, span.bbox.top, span.bbox.x0), key
            checked += 1
            same_words_elsewhere += any(
                field not in row.fields and _spaced(row.value.text) == _spaced(text.raw)
                for row in profile.rows
            )
    assert checked > 100
    assert same_words_elsewhere >= 1  # the case this is about occurs in the bundled plan
