"""Matching measures across editions: mergers, and pairs below the threshold named, not
guessed."""

from __future__ import annotations

from hammplan.compare.core import compare_plans
from hammplan.compare.matching import CANDIDATE_THRESHOLD, MATCH_THRESHOLD
from hammplan.records.plan import CuratedPlan
from tests.compare.conftest import Editions


def retitled(plan: CuratedPlan, title: str, new_title: str) -> CuratedPlan:
    measures = [
        m.model_copy(update={"titel": new_title}) if m.titel == title else m for m in plan.measures
    ]
    return plan.model_copy(update={"measures": measures})


def test_the_reverse_of_a_split_is_a_merger(editions: Editions) -> None:
    back = compare_plans(editions.new, editions.old)
    rows = {m.status: m for m in back.measures if m.status in ("zusammengelegt", "geteilt")}
    assert list(rows) == ["zusammengelegt"]
    merged = rows["zusammengelegt"]
    assert (merged.id_alt, merged.id_neu) == (
        "rucksack-kita;griffbereit",
        "rucksack-kita-und-griffbereit",
    )
    assert [
        (m.status, m.titel_alt or m.titel_neu)
        for m in back.measures
        if m.status in ("neu", "entfallen")
    ] == [("neu", "Arbeit gegen Rassismus"), ("entfallen", "Sprachcafé für Seniorinnen")]


def test_a_new_title_over_the_same_text_is_a_candidate_not_a_match(editions: Editions) -> None:
    new = retitled(editions.old, "Arbeit gegen Rassismus", "Vielfalt leben in Hamm")
    found = compare_plans(editions.old, new)
    statuses = {
        (m.status, m.titel_alt or m.titel_neu) for m in found.measures if m.status != "unveraendert"
    }
    assert statuses == {("neu", "Vielfalt leben in Hamm"), ("entfallen", "Arbeit gegen Rassismus")}
    (candidate,) = found.kandidaten
    assert (candidate.titel_alt, candidate.titel_neu) == (
        "Arbeit gegen Rassismus",
        "Vielfalt leben in Hamm",
    )
    assert CANDIDATE_THRESHOLD <= candidate.aehnlichkeit < MATCH_THRESHOLD
