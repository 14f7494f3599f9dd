"""What recognition of a scan gets wrong in words, repaired only where the plan itself (or
the vocabulary) says what was printed, and every repair recorded (issue 17).

The shapes come from a real scan of the plan: "Kl Hamm" and "kl Hamm" where the plan prints
"KI Hamm", "Kjc" for "KJC", "Besuchein %" for "Besuche in %", "| ja" for the funder "Ja".
"""

from __future__ import annotations

from tests.support.hostile import PRINTED_NAMES, budget_row
from tests.support.plans import budget_line, measure

from hammplan.curate.budget import curate_budget
from hammplan.curate.spelling import respell
from hammplan.vocabulary import load_vocabulary


def test_an_acronym_read_with_l_for_i_or_small_letters_takes_the_plans_spelling() -> None:
    measures = [
        measure("a", traeger="Kl Hamm"),
        measure("b", traeger="KI Hamm, AWO"),
        measure("c", traeger="kl Hamm mit freien Trägern"),
        measure("d", traeger="KI Hamm"),
        measure("e", traeger="Kjc"),
        measure("f", traeger="KJC"),
    ]
    respell(measures, [])
    assert [m.traeger for m in measures] == [
        "KI Hamm",
        "KI Hamm, AWO",
        "KI Hamm mit freien Trägern",
        "KI Hamm",
        "KJC",
        "KJC",
    ]
    [repair] = measures[0].source["traeger"].repairs
    assert (repair.kind, repair.before, repair.after) == ("recognition", "Kl", "KI")
    assert "2 times" in repair.detail  # "KI" as printed, before any repair
    assert measures[1].source["traeger"].repairs == []


def test_words_are_no_acronyms_unless_the_plan_prints_one() -> None:
    measures = [
        measure("a", beschreibung="So geht es. Im Sozialraum SO wohnen viele, so heißt es."),
        measure("b", traeger="Kl Hamm"),  # no "KI" in this plan: nothing to go by
        measure("c", beschreibung="Ein Kurs wird geplant, auch al dente."),
    ]
    respell(measures, [])
    assert measures[0].beschreibung == "So geht es. Im Sozialraum SO wohnen viele, so heißt es."
    assert measures[1].traeger == "Kl Hamm"
    assert measures[2].beschreibung == "Ein Kurs wird geplant, auch al dente."


def test_a_key_figure_name_run_together_is_split_as_the_plan_prints_it() -> None:
    profile = measure(kennzahlen="Durchgeführte Besuche in %: 65", sachstand="nach dem Kurs")
    line = budget_line(kennzahl="Durchgeführte Besuchein %")
    other = budget_line("b002", kennzahl="Besuche nachdem Kurs")
    respell([profile], [line, other])
    assert line.kennzahl.text == "Durchgeführte Besuche in %"
    assert line.kennzahl.raw == "Durchgeführte Besuchein %"
    [repair] = line.kennzahl.repairs
    assert (repair.kind, repair.before, repair.after) == ("recognition", "Besuchein", "Besuche in")
    # a word printed elsewhere as two ("nach dem") is split in a budget label only
    assert other.kennzahl.text == "Besuche nach dem Kurs"
    assert profile.sachstand == "nach dem Kurs"


def test_running_text_keeps_words_that_are_also_printed_as_two() -> None:
    profile = measure(sachstand="Seitdem wird, nachdem es begann, gelernt. Seit dem Jahr nach dem")
    respell([profile], [])
    assert profile.sachstand == "Seitdem wird, nachdem es begann, gelernt. Seit dem Jahr nach dem"


def test_a_funder_word_of_the_vocabulary_in_another_case_takes_its_spelling() -> None:
    vocab = load_vocabulary()
    texts = dict.fromkeys(PRINTED_NAMES, "1.000")
    texts |= {"sta": "41", "name": "Kurs", "funder": "| ja", "indicator": "Teilnehmende"}
    texts |= {"value_2023": "1", "value_2024": "2", "value_2025": "3"}
    row = budget_row([texts[name] for name in PRINTED_NAMES], 36, 0)
    [line], _ = curate_budget([row], vocab.organisations, vocab.budget)
    funder = line.foerdergeber
    assert (funder.raw, funder.text, funder.status) == ("| ja", "Ja", "ok")
    assert [(r.kind, r.before, r.after) for r in funder.repairs][-1] == ("vocabulary", "ja", "Ja")
