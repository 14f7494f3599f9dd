"""Numbers in a profile's running text: shares beside parts, named items, two counts."""

from __future__ import annotations

from tests.support.plans import measure

from hammplan.curate.checks.running import counts_in, sentences
from hammplan.curate.checks.textnumbers import (
    check_counted_items,
    check_shares_of_parts,
    check_two_counts,
)
from hammplan.vocabulary import load_vocabulary

WORDS = load_vocabulary().running_text


def test_sentences_do_not_end_at_abbreviations() -> None:
    assert sentences(
        "Ein Anteil von ca. 38 % (steigend). Derzeit 35 Ehrenamtliche tätig.", WORDS.abbreviations
    ) == [
        "Ein Anteil von ca. 38 % (steigend).",
        "Derzeit 35 Ehrenamtliche tätig.",
    ]


def test_counts_skip_years_shares_and_amounts_and_read_number_words() -> None:
    found = [
        int(v)
        for v, _, _ in counts_in(
            "2023 nahmen 1.518 Menschen, 12 % und 3.500 € an vier Schulen teil", WORDS
        )
    ]
    assert found == [1518, 4]


def test_a_share_that_its_parts_contradict_is_an_error() -> None:
    profile = measure(
        sachstand="In 2023 wurden insgesamt 350 junge Menschen in Ausbildung "
        "integriert. Davon hatten 96 (28 Prozent) einen "
        "Migrationshintergrund.",
        page=76,
    )
    [finding] = check_shares_of_parts([profile], WORDS)
    assert (finding.code, finding.severity) == ("text_share_mismatch", "error")
    assert "96 von 350 sind 27,4 %" in finding.message and "„96 (28 Prozent)“" in finding.message
    assert (finding.refs[0].page, finding.refs[0].field) == (76, "sachstand")


def test_a_share_that_rounds_right_is_no_finding() -> None:
    profile = measure(sachstand="Insgesamt 350 Personen. Davon hatten 96 (27 %) Abschlüsse.")
    assert check_shares_of_parts([profile], WORDS) == []
    decimals = measure(sachstand="Von 350 Personen hatten 96 (27,4 %) Abschlüsse.")
    assert check_shares_of_parts([decimals], WORDS) == []


def test_a_count_below_the_items_the_text_names_is_an_error() -> None:
    profile = measure(
        titel="Rucksack Schule",
        kennzahlen="Schulen: 2",
        page=108,
        beschreibung="Das Programm Rucksack-Schule läuft an zwei Grundschulen. Es wurde in der "
        "Hermann-Gmeiner-Schule und Ludgerischule eingeführt.",
        sachstand="An der Wilhelm-Busch-Schule und an der Josefschule wird es fortgeführt.",
    )
    [finding] = check_counted_items([profile], WORDS)
    assert (finding.code, finding.severity) == ("kennzahl_items_mismatch", "error")
    assert "„Schulen: 2“" in finding.message and "nennen 4" in finding.message
    for name in ("Hermann-Gmeiner-Schule", "Ludgerischule", "Wilhelm-Busch-Schule", "Josefschule"):
        assert name in finding.message
    assert "Grundschule" not in finding.message.replace("Grundschulen", "")


def test_a_count_at_least_the_named_items_is_no_finding() -> None:
    profile = measure(
        kennzahlen="Schulen: 4", sachstand="An der Josefschule und der Ludgerischule."
    )
    assert check_counted_items([profile], WORDS) == []


def test_a_list_and_a_count_of_the_same_thing_must_agree() -> None:
    profile = measure(
        traeger="Durchführungsträger im Jahr 2024; Organisation durch KI: Verein A, Verein B "
        "e.V., Verein C (VC), Verein D",
        sachstand="2023: 19 Durchführungsträger, davon 7 MSO 2024: 5 Durchführungsträger, "
        "davon 2 MSO",
    )
    [finding] = check_two_counts([profile], WORDS)
    assert (finding.code, finding.severity) == ("text_count_conflict", "error")
    assert "4 Durchführungsträger im Jahr 2024" in finding.message
    assert "„2024: 5 Durchführungsträger“" in finding.message
    assert [r.field for r in finding.refs] == ["traeger", "sachstand"]
    agreeing = profile.model_copy(
        update={
            "source": {
                **profile.source,
                "sachstand": profile.source["sachstand"].model_copy(
                    update={"text": "2024: 4 Durchführungsträger"}
                ),
            }
        }
    )
    assert check_two_counts([agreeing], WORDS) == []
