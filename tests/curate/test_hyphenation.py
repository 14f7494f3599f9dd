"""Line-break hyphens joined, elision hyphens kept, every join recorded."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hammplan.curate.hyphenation import ELISION_WORDS, PHRASE_WORDS, repair_hyphenation
from hammplan.records.values import Repair


@pytest.mark.parametrize(
    ("text", "repaired", "joins"),
    [
        ("Arbeit gegen Ras- sismus", "Arbeit gegen Rassismus", [("Ras- sismus", "Rassismus")]),
        ("Le- seförderung", "Leseförderung", [("Le- seförderung", "Leseförderung")]),
        ("Kontaktauf- nahme", "Kontaktaufnahme", [("Kontaktauf- nahme", "Kontaktaufnahme")]),
        (
            "Landes- geförderte Personal- kosten",
            "Landesgeförderte Personalkosten",
            [("Landes- geförderte", "Landesgeförderte"), ("Personal- kosten", "Personalkosten")],
        ),
        (
            "Durch-ge- führte Besu- che in %",
            "Durch-geführte Besuche in %",
            [("Durch-ge- führte", "Durch-geführte"), ("Besu- che", "Besuche")],
        ),
        (
            "Flucht- und Zuwande- rungshintergrund",
            "Flucht- und Zuwanderungshintergrund",
            [("Zuwande- rungshintergrund", "Zuwanderungshintergrund")],
        ),
        (
            "Kontaktauf- nahme, Sprechstunden",
            "Kontaktaufnahme, Sprechstunden",
            [("Kontaktauf- nahme", "Kontaktaufnahme")],
        ),
        (
            "bei Zuge- zogenen Familien",
            "bei Zugezogenen Familien",
            [("Zuge- zogenen", "Zugezogenen")],
        ),
        (
            "Zu- ge- zogene",
            "Zugezogene",
            [("Zu- ge", "Zuge"), ("Zuge- zogene", "Zugezogene")],
        ),
    ],
)
def test_line_break_hyphens_are_joined_and_recorded(
    text: str, repaired: str, joins: list[tuple[str, str]]
) -> None:
    result, repairs = repair_hyphenation(text)
    assert result == repaired
    assert repairs == [Repair(kind="hyphenation", before=b, after=a) for b, a in joins]


@pytest.mark.parametrize(
    "text",
    [
        "Integrative Sprach- und Leseförderung",
        "Anerkennung von Bildungs- und Berufsabschlüssen",
        "Teilhabe- und Partizipation",
        "Vor- bzw. Nachteile",
        "Kinder- sowie Jugendhilfe",
        "mittel- oder langfristig",
        "Sprach- Bildungsprogramme",
        "Migrations- Flucht",
        "Sich- Ausprobieren",
        "Seite 12- 14",
        "Pause - danach",
    ],
)
def test_elision_and_capitalised_hyphens_stay(text: str) -> None:
    assert repair_hyphenation(text) == (text, [])


def test_whitespace_is_collapsed_without_a_repair() -> None:
    assert repair_hyphenation("  Arbeit \n gegen\tRas-\nsismus  ") == (
        "Arbeit gegen Rassismus",
        [Repair(kind="hyphenation", before="Ras- sismus", after="Rassismus")],
    )
    assert repair_hyphenation("Sprache   und\n\nBildung") == ("Sprache und Bildung", [])


_TEXT = st.text(alphabet="aAbBeEuünNdD- \n.,", max_size=60)
_LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=1, max_size=10)
_UPPER_WORD = st.builds(
    lambda head, tail: head + tail, st.sampled_from("ABCDEFGHIJKLMNOPRSTUVWZÄÖÜ"), _LOWER
)


@settings(max_examples=200)
@given(text=st.text(max_size=60))
def test_text_without_a_broken_hyphen_only_loses_extra_whitespace(text: str) -> None:
    assume(re.search(r"-\s", text) is None)
    assert repair_hyphenation(text) == (" ".join(text.split()), [])


@settings(max_examples=200)
@given(text=_TEXT)
def test_repair_is_idempotent(text: str) -> None:
    once, _ = repair_hyphenation(text)
    assert repair_hyphenation(once) == (once, [])


@settings(max_examples=200)
@given(left=_UPPER_WORD, word=st.sampled_from(sorted(ELISION_WORDS)), right=_UPPER_WORD)
def test_a_hyphen_before_a_conjunction_is_never_removed(left: str, word: str, right: str) -> None:
    text = f"{left}- {word} {right}"
    assert repair_hyphenation(text) == (text, [])


@settings(max_examples=200)
@given(left=_UPPER_WORD, right=_LOWER)
def test_a_word_cut_before_lowercase_letters_is_joined(left: str, right: str) -> None:
    # after a whole word, "- ein" / "- die" is a dash before a phrase (PHRASE_WORDS), not a cut
    assume(right not in ELISION_WORDS and right not in PHRASE_WORDS)
    result, repairs = repair_hyphenation(f"{left}- {right}")
    assert result == left + right
    assert repairs == [Repair(kind="hyphenation", before=f"{left}- {right}", after=left + right)]


@settings(max_examples=200)
@given(text=_TEXT)
def test_every_join_removes_exactly_one_hyphen(text: str) -> None:
    result, repairs = repair_hyphenation(text)
    collapsed = " ".join(text.split())
    assert result.count("-") == collapsed.count("-") - len(repairs)
    assert len(result) == len(collapsed) - 2 * len(repairs)
