"""The "not stated" table: every printed and misread spelling, and nothing else."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hammplan.notstated import NOT_STATED_PATTERNS, NotStated, match_not_stated

CLEAN = [
    ("o. A.", "o. A."),
    ("o.A.", "o. A."),
    ("o. A", "o. A."),
    ("o.A", "o. A."),
    ("O.A.", "o. A."),
    ("k.A.", "k. A."),
    ("k. A.", "k. A."),
    ("k.A", "k. A."),
    ("keine Angabe", "keine Angabe"),
    ("keine Angaben", "keine Angabe"),
    ("keine Angabe(n)", "keine Angabe"),
    ("ohne Angabe", "ohne Angabe"),
]

VARIANTS = [
    ("0. A", "o. A. misread"),
    ("0. A.", "o. A. misread"),
    ("0. A. :", "o. A. misread"),
    ("o. Ą.", "o. A. misread"),
    ("о Ф", "speck"),
    ("A.", "A. remnant"),
    ("Ā", "speck"),
    ("ė,", "speck"),
    ("e í", "speck"),
    ("Бĺ", "speck"),
    ("o.A.:", "o. A."),
    # shapes Tesseract gives on a 200 dpi scan of the plan
    ("oA.", "o. A. OCR"),
    ("0A", "o. A. OCR"),
    ("0A.", "o. A. OCR"),
    ("oA,", "o. A. OCR"),
    ("o0.A.", "o. A. OCR"),
    ("9.A.", "o. A. OCR"),
    ("0A:", "o. A. OCR"),
    ("0.A.", "o. A. misread"),
    ("o.Ä.", "o. A. misread"),
    ("©.", "o. A. OCR speck"),
    ("©", "o. A. OCR speck"),
    ("o®", "o. A. OCR speck"),
    ("0..A.", "o. A. OCR"),
    ("0.", "o. remnant"),
    ("o.", "o. remnant"),
]

NOT_MARKERS = [
    "",
    "   ",
    "Ja",
    "BAMF",
    "KI",
    "Land",
    "2",
    "A",
    "Teilnehmende",
    "1.012.000",
    "Land NRW",
    "Beschlussvorlage",
    "КЈС",
    "e. V.",
    "Std",
    "%",
    "9",
    "90",
    "0,9",
    "OAS",
    "Oase",
    "©2023",
]


@pytest.mark.parametrize(("text", "pattern"), CLEAN)
def test_clean_spellings_match_without_variant(text: str, pattern: str) -> None:
    assert match_not_stated(text) == NotStated(
        pattern=pattern, variant=False, marker="k. A." if "k" in pattern else "o. A."
    )


@pytest.mark.parametrize(("text", "pattern"), VARIANTS)
def test_recognition_variants_match_as_variants(text: str, pattern: str) -> None:
    found = match_not_stated(text)
    assert found is not None
    assert found.pattern == pattern
    assert found.variant is True
    assert found.marker == "o. A."


@pytest.mark.parametrize("text", NOT_MARKERS)
def test_words_codes_and_numbers_are_not_markers(text: str) -> None:
    assert match_not_stated(text) is None


def test_describe_names_the_marker_or_the_variant() -> None:
    assert NotStated(pattern="o. A.", variant=False).describe("o. A.") == "o. A."
    variant = match_not_stated(" o. Ą. ")
    assert variant is not None
    assert variant.describe(" o. Ą. ") == "Erkennungsvariante von o. A.: 'o. Ą.'"


def test_table_is_documented_and_ordered_clean_first() -> None:
    names = [entry.name for entry in NOT_STATED_PATTERNS]
    assert len(names) == len(set(names))
    assert all(entry.why for entry in NOT_STATED_PATTERNS)
    flags = [entry.variant for entry in NOT_STATED_PATTERNS]
    assert flags == sorted(flags), "clean spellings must be tried before variants"
    assert all(isinstance(entry.regex, re.Pattern) for entry in NOT_STATED_PATTERNS)


_SPACE = st.text(alphabet=" \t\n\u00a0\u2009", max_size=6)


@settings(max_examples=200)
@given(spelling=st.sampled_from(CLEAN + VARIANTS), before=_SPACE, after=_SPACE)
def test_surrounding_whitespace_never_changes_the_reading(
    spelling: tuple[str, str], before: str, after: str
) -> None:
    text, pattern = spelling
    found = match_not_stated(before + text + after)
    assert found is not None
    assert found == match_not_stated(text)
    assert found.pattern == pattern


@settings(max_examples=200)
@given(number=st.integers(min_value=0, max_value=10**12), euro=st.sampled_from(["", " €", "€"]))
def test_numbers_are_never_markers(number: int, euro: str) -> None:
    german = f"{number:,}".replace(",", ".")
    assert match_not_stated(german + euro) is None
    assert match_not_stated(str(number)) is None


@settings(max_examples=200)
@given(
    word=st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=20
    )
)
def test_german_words_are_never_markers(word: str) -> None:
    # "oA" / "OOA" is how text recognition reads a small "o. A" (seen in the real scan's
    # Wert cells): the one shape of letters alone that is a marker, and no German word
    assume(re.fullmatch(r"[oO]{1,2}[AÄ]", word) is None)
    assert match_not_stated(word) is None


def test_the_recognition_shape_of_o_a_in_letters_alone_is_a_marker() -> None:
    found = match_not_stated("oA")
    assert found is not None and found.marker == "o. A."
    assert match_not_stated("oa") is None  # a lower-case a is not how "A." is read
