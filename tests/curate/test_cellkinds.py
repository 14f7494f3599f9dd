"""Cells whose text is not of their column's kind, on small made-up cells."""

from __future__ import annotations

import pytest
from tests.support.hostile import PRINTED_NAMES, budget_row

from hammplan.curate.budget import curate_budget
from hammplan.curate.cellkinds import (
    dropped_between,
    marker_doubt,
    value_cell_doubt,
    word_cell_doubt,
)
from hammplan.records.budget import BudgetRow
from hammplan.vocabulary import load_vocabulary

SHORT = ["Ja", "Nein", "EU"]


@pytest.mark.parametrize(
    "text",
    [
        "Land NRW",
        "Land",
        "BAMF",
        "Ja",
        "ja",
        "EU",
        "Bund",
        "Beschluss- vorlage",
        "Teilweise",
        "LWL",
        "Stadt Hamm",
        "Teilnehmerentgelte finanziert",
        "KMUs",
    ],
)
def test_words_of_a_funder_column_are_believed(text: str) -> None:
    assert word_cell_doubt(text, SHORT) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("10.A.", "o. A."),
        ("DA", "o. A."),  # near the marker, but none of its shapes
        ("6l", "Ziffer"),
        ("La6d", "Ziffer"),  # a digit among letters
        ("Land NRw", "Kürzel"),  # an acronym with one lowercase letter
        ("lei", "zu kurz"),
        ("Ak", "zu kurz"),  # a few letters, no acronym, no known word
    ],
)
def test_misread_funder_cells_say_why(text: str, why: str) -> None:
    reason = word_cell_doubt(text, SHORT)
    assert reason is not None and why in reason


@pytest.mark.parametrize("text", ["DA", "10.A.", "QA", "1o.A"])
def test_a_key_figure_label_close_to_the_marker_is_doubted(text: str) -> None:
    assert "o. A." in (marker_doubt(text) or "")


@pytest.mark.parametrize(
    "text", ["TN", "Teilnehmende", "o. A.", "0.A.", "Schule", "UE", "DaZ", "o.B."]
)
def test_key_figure_labels_are_believed(text: str) -> None:
    assert marker_doubt(text) is None


@pytest.mark.parametrize(
    "raw",
    [
        "50",
        "1.200",
        "o. A.",
        "0.A.",
        "oA.",
        "",
        "Teilnehmende: 12",
        "Std.",
        "2000 (90% bulgarisch)",
        "keine",
    ],
)
def test_counts_and_markers_of_a_value_column_are_believed(raw: str) -> None:
    assert value_cell_doubt(raw) is None


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("so", "Buchstaben"),
        ("lO", "Buchstaben"),
        ("SB", "Buchstaben"),
        ("0.A. B", "o. A."),
        ("0. A: x", "o. A."),
    ],
)
def test_misread_value_cells_say_why(raw: str, why: str) -> None:
    reason = value_cell_doubt(raw)
    assert reason is not None and why in reason


def test_only_empty_cells_between_two_printed_ones_count_as_dropped() -> None:
    assert dropped_between(["2", "", "o. A."], [True, False, False]) == [1]
    assert dropped_between(["", "", "0."], [False, False, False]) == []
    assert dropped_between(["o. A.", "", "o. A."], [False, False, False]) == []
    assert dropped_between(["2", "3", ""], [True, True, False]) == []


def _row(funder: str, values: tuple[str, str, str]) -> BudgetRow:
    texts = dict.fromkeys(PRINTED_NAMES, "1.000")
    texts |= {
        "sta": "41",
        "name": "Kurs",
        "funder": funder,
        "indicator": "Teilnehmende",
        "value_2023": values[0],
        "value_2024": values[1],
        "value_2025": values[2],
    }
    return budget_row([texts[name] for name in PRINTED_NAMES], 36, 0)


def test_curated_budget_marks_misread_cells_suspect_with_a_reason() -> None:
    vocab = load_vocabulary()
    rows = [_row("| Land NRw", ("50", "so", "0.A. B")), _row("Ja", ("2", "", "o. A."))]
    lines, findings = curate_budget(rows, vocab.organisations, vocab.budget)
    first, second = lines
    assert (first.foerdergeber.status, first.foerdergeber.text) == ("suspect", None)
    assert [first.wert(y).status for y in (2023, 2024, 2025)] == ["ok", "suspect", "suspect"]
    assert all(item.value is None for item in first.wert(2025).items)
    assert second.foerdergeber.text == "Ja"
    assert [second.wert(y).status for y in (2023, 2024, 2025)] == ["ok", "suspect", "not_stated"]
    assert "Ziffer verloren" in (second.wert(2024).reason or "")
    codes = [(f.code, f.refs[0].field) for f in findings]
    assert ("cell_garbled", "foerdergeber") in codes
    assert ("value_suspect", "wert_2024") in codes and ("value_suspect", "wert_2025") in codes
