"""Label matching under generated noise: known labels always found, scores always in range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hammplan.extract.labels import read_label
from hammplan.vocabulary import load_vocabulary

PROFILE = load_vocabulary().profile
LABELS = PROFILE.labels
THRESHOLD = load_vocabulary().profile.fuzzy_threshold


@settings(max_examples=300, deadline=None)
@given(label=st.sampled_from(LABELS), pad=st.text(alphabet=" \t", max_size=3))
def test_a_known_label_with_stray_whitespace_is_exact(label: str, pad: str) -> None:
    reading = read_label(f"{pad}{label}{pad}", LABELS, THRESHOLD)
    assert reading.labels == [label]
    assert reading.match == "exact"


@settings(max_examples=300, deadline=None)
@given(
    label=st.sampled_from(LABELS),
    position=st.integers(min_value=1, max_value=20),
    wrong=st.sampled_from("lI1xq"),
)
def test_one_misread_letter_still_names_the_field(label: str, position: int, wrong: str) -> None:
    at = position % len(label)
    garbled = label[:at] + wrong + label[at + 1 :]
    reading = read_label(garbled, LABELS, THRESHOLD)
    if garbled == label:
        assert reading.match == "exact"
    else:
        # a label or another wording of its field ("Kennzahl" for a garbled "Kennzahlen")
        assert [PROFILE.field_of(lb) for lb in reading.labels] == [PROFILE.field_of(label)]
        assert reading.match in ("fuzzy", "exact", "inline")  # "Sachstand der Umsetzlng"
        assert reading.score is not None and THRESHOLD <= reading.score <= 100


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=80))
def test_any_text_gives_a_reading_with_a_score_in_range(text: str) -> None:
    reading = read_label(text, LABELS, THRESHOLD)
    assert set(reading.labels) <= set(LABELS)
    assert reading.score is None or 0 <= reading.score <= 100
    if reading.match in ("exact", "fuzzy", "combined", "inline"):
        assert reading.labels
