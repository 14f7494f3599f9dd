"""Name matching across tables, under generated names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hammplan.curate.names import assign_one_to_one, match_key, similarity

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=3, max_size=12)
NAMES = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(name=NAMES)
def test_a_name_matches_itself_in_any_case_and_punctuation(name: str) -> None:
    shouted = name.upper().replace(" ", " - ")
    assert similarity(match_key(name), match_key(shouted)) == 100


@settings(max_examples=300, deadline=None)
@given(a=NAMES, b=NAMES)
def test_similarity_is_a_symmetric_score(a: str, b: str) -> None:
    forward, backward = (
        similarity(match_key(a), match_key(b)),
        similarity(match_key(b), match_key(a)),
    )
    assert 0 <= forward <= 100
    assert forward == backward


@settings(max_examples=200, deadline=None)
@given(names=st.lists(NAMES, min_size=1, max_size=8, unique=True))
def test_one_to_one_pairs_every_name_with_itself_and_uses_each_candidate_once(
    names: list[str],
) -> None:
    keys = [match_key(n) for n in names]
    if len(set(keys)) != len(keys):
        return
    pairs = assign_one_to_one(keys, list(reversed(keys)), threshold=100)
    assert {i: j for i, (j, _) in pairs.items()} == {i: len(keys) - 1 - i for i in range(len(keys))}


def test_the_plans_own_abbreviations_are_found() -> None:
    from hammplan.curate.names import expand_abbreviations, find_abbreviations

    found = find_abbreviations(
        [
            "der Ausbau der Förderung von Migrantenselbstorganisationen (MSO) durch KOMM-AN",
            "Kommunales Integrationszentrum (KI) Hamm",
            "die Schüler (SuS) und (ABC) allein",
        ]
    )
    assert found == {"mso": "migrantenselbstorganisationen", "ki": "kommunales integrationszentrum"}
    assert expand_abbreviations("förderung der mso", found) == (
        "förderung der migrantenselbstorganisationen"
    )


_REFERENCE_DEFINITION = re.compile(r"((?:[\w-]+\s+){0,5}[\w-]+)\s+\(([A-ZÄÖÜ][A-ZÄÖÜa-z]{1,5})\)")
"""What a definition was first read with, forwards from each word (slow on long texts): the
term's words are the ones this expression captures before the bracket."""


def _reference_terms(text: str) -> list[tuple[list[str], str]]:
    return [(m.group(1).split(), m.group(2)) for m in _REFERENCE_DEFINITION.finditer(text)]


def _terms(text: str) -> list[tuple[list[str], str]]:
    from hammplan.curate.names import _ACRONYM, _words_before

    found = []
    for match in _ACRONYM.finditer(text):
        words = _words_before(text[: match.start()])
        if words:
            found.append((words, match.group(1)))
    return found


TERM_TEXT = st.text(alphabet=st.sampled_from(list("aBcÄö-_1 ,.()\n\tMSOKI")), max_size=60)


@settings(max_examples=500, deadline=None)
@given(text=TERM_TEXT)
def test_words_before_an_abbreviation_are_those_the_reference_expression_reads(text: str) -> None:
    assert _terms(text) == _reference_terms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Förderung von Migrantenselbstorganisationen (MSO)",
        "a b c d e f g h (ABC)",
        "Stadt,Amt (AM)",
        "x.-ab  cd (XY)",
        "foo, (FO)",
        "A (AB) (CD)",
        "(AB) C (CD)",
    ],
)
def test_words_before_an_abbreviation_on_chosen_texts(text: str) -> None:
    assert _terms(text) == _reference_terms(text)
