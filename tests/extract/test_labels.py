"""Reading profile label cells, garbled ones included."""

from __future__ import annotations

import pytest

from hammplan.extract.labels import read_label
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
