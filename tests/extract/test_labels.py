"""Reading profile label cells, garbled ones included."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hammplan.extract.labels import read_label, value_fits
from hammplan.vocabulary import load_vocabulary

LABELS = load_vocabulary().profile.labels


@pytest.mark.parametrize(
    ("text", "labels", "match"),
    [
        ("Titel", ["Titel"], "exact"),
        ("kosten:", ["Kosten"], "exact"),
        ("Titel Träger", ["Titel", "Träger"], "combined"),
        ("Sachstand 2019 wurde mit der Schule ein Projekt", ["Sachstand"], "inline"),
        ("Zieigi uppe", ["Zielgruppe"], "fuzzy"),
        ("Sacristallu", ["Sachstand"], "fuzzy"),
        ("Hei", [], "unmatched"),
        ("- Turnal angule act", [], "unmatched"),
        ("", [], "none"),
        ("  ", [], "none"),
    ],
)
def test_read_label(text: str, labels: list[str], match: str) -> None:
    reading = read_label(text, LABELS, 60)
    assert (reading.labels, reading.match) == (labels, match)


def test_fuzzy_score_is_recorded_and_threshold_applies() -> None:
    assert read_label("Vannahlan", LABELS, 60).score == 63.2
    assert read_label("Vannahlan", LABELS, 70).match == "unmatched"
    assert read_label("Vannahlan", LABELS, 70).score == 63.2


def _fits(value: str) -> Callable[[str], bool]:
    profile = load_vocabulary().profile
    return lambda label: value_fits(profile.field_of(label), value)


@pytest.mark.parametrize("threshold", [60, 30])
def test_a_count_is_never_read_as_an_amount(threshold: int) -> None:
    """However low the threshold, a garbled label next to a count never names Kosten: the
    issue's "Teilnehmende: 501" must not become 501 €."""
    profile = load_vocabulary().profile
    for garbled in ("Mttel", "Kostn", "Budgt", "Haushaltsmitel"):
        reading = read_label(garbled, LABELS, threshold, fits=_fits("Teilnehmende: 501"))
        assert [profile.field_of(label) for label in reading.labels] != ["kosten"], garbled
    reading = read_label("Kostn", LABELS, threshold, fits=_fits("Stand: 30.06.24: 94.186 €"))
    assert reading.labels == ["Kosten"] and reading.match == "fuzzy"


def test_an_exact_label_is_read_whatever_its_value() -> None:
    reading = read_label("Haushaltsmittel", LABELS, 60, fits=_fits("Teilnehmende: 501"))
    assert (reading.labels, reading.match) == (["Haushaltsmittel"], "exact")


@pytest.mark.parametrize(
    ("value", "field", "fits"),
    [
        ("Stand: 30.06.24: 94.186 €", "kosten", True),
        ("74.000,00", "kosten", True),
        ("o. A.", "kosten", True),
        ("0..A.", "kosten", True),  # the misread markers curation knows fit as well
        ("o. Ą.", "kennzahlen", True),
        ("keine Angabe", "kennzahlen", True),
        ("–", "kosten", True),
        ("Teilnehmende: 501", "kosten", False),
        ("Land NRW", "kosten", False),
        ("Teilnehmende: 501", "kennzahlen", True),
        ("keine", "kennzahlen", False),
        ("Teilnehmende: 501", "zielgruppe", True),
    ],
)
def test_value_fits_its_fields_kind(value: str, field: str, fits: bool) -> None:
    assert value_fits(field, value) is fits
