"""Every finding names its pages and says why it matters."""

from __future__ import annotations

from hammplan.curate.checks.explain import WHY, explain
from hammplan.curate.findings import FINDING_CODES, Finding, Ref

SELF_EXPLAINED = {
    "cell_garbled",
    "index_page_mismatch",
    "kennzahl_in_text",
    "kennzahl_items_mismatch",
    "kennzahl_label_mismatch",
    "kennzahl_label_only",
    "kennzahl_not_in_budget",
    "kennzahl_not_in_profile",
    "kosten_in_text",
    "kosten_rounded",
    "kosten_share_mismatch",
    "kosten_truncated",
    "text_amount_suspect",
    "text_count_conflict",
    "text_share_mismatch",
}
"""Codes whose check writes pages and the reason into the message itself."""


def test_every_code_is_explained_once() -> None:
    assert set(WHY) | SELF_EXPLAINED == set(FINDING_CODES)
    assert not set(WHY) & SELF_EXPLAINED


def test_pages_and_reason_are_added_once() -> None:
    finding = Finding(
        code="kosten_mismatch",
        severity="error",
        message="Kosten 1 €, Aufwand 2 €",
        refs=[Ref(kind="measure", id="m", page=71), Ref(kind="budget", id="b", page=40)],
    )
    explained = explain(finding)
    assert explained.message == (
        "Kosten 1 €, Aufwand 2 € (S. 71; S. 40). Zwei Beträge für "
        "dasselbe Jahr; mindestens einer ist falsch"
    )
    assert explain(explained).message == explained.message
