"""Name matching across tables, under generated names."""

from __future__ import annotations

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
    forward, backward = similarity(match_key(a), match_key(b)), similarity(match_key(b),
                                                                         match_key(a))
    assert 0 <= forward <= 100
    assert forward == backward


@settings(max_examples=200, deadline=None)
@given(names=st.lists(NAMES, min_size=1, max_size=8, unique=True))
def test_one_to_one_pairs_every_name_with_itself_and_uses_each_candidate_once(
        names: list[str]) -> None:
    keys = [match_key(n) for n in names]
    if len(set(keys)) != len(keys):
        return
    pairs = assign_one_to_one(keys, list(reversed(keys)), threshold=100)
    assert {i: j for i, (j, _) in pairs.items()} == {
        i: len(keys) - 1 - i for i in range(len(keys))}


def test_the_plans_own_abbreviations_are_found() -> None:
    from hammplan.curate.names import expand_abbreviations, find_abbreviations

    found = find_abbreviations([
        "der Ausbau der Förderung von Migrantenselbstorganisationen (MSO) durch KOMM-AN",
        "Kommunales Integrationszentrum (KI) Hamm", "die Schüler (SuS) und (ABC) allein"])
    assert found == {"mso": "migrantenselbstorganisationen",
                     "ki": "kommunales integrationszentrum"}
    assert expand_abbreviations("förderung der mso", found) == (
        "förderung der migrantenselbstorganisationen")
