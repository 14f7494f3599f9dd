"""The words the running-text checks look for come from the vocabulary: change a word in
``[running_text]`` and what a check finds changes with it; leave a key out and the file is
refused by name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.support.plans import budget_line, measure

from hammplan.curate.checks.costshares import check_cost_shares
from hammplan.curate.checks.running import counts_in, sentences
from hammplan.curate.checks.textgaps import check_figures_in_text
from hammplan.curate.checks.textnumbers import (
    check_counted_items,
    check_shares_of_parts,
    check_two_counts,
)
from hammplan.errors import InputError
from hammplan.vocabulary import RunningTextVocabulary, load_vocabulary

WORDS = load_vocabulary().running_text


def _with(**changes: object) -> RunningTextVocabulary:
    """The bundled running-text words with some keys replaced (validated as a file's would be)."""
    return RunningTextVocabulary.model_validate(WORDS.model_dump() | changes)


def _counts(text: str, words: RunningTextVocabulary) -> list[int]:
    return [int(value) for value, _, _ in counts_in(text, words)]


def test_abbreviations_decide_where_a_sentence_ends() -> None:
    text = "Stand ca. Mitte Mai. Danach mehr."
    assert sentences(text, WORDS.abbreviations) == ["Stand ca. Mitte Mai.", "Danach mehr."]
    without = _with(abbreviations=["z.B."])
    assert sentences(text, without.abbreviations) == ["Stand ca.", "Mitte Mai.", "Danach mehr."]


def test_number_words_are_the_vocabularys() -> None:
    text = "An vier Schulen und dreizehn Kitas."
    assert _counts(text, WORDS) == [4]
    assert _counts(text, _with(number_words={"dreizehn": 13})) == [13]


def test_share_and_amount_words_are_the_vocabularys() -> None:
    text = "Es waren 12 vH und 30 Taler für 40 Gäste."
    assert _counts(text, WORDS) == [12, 30, 40]
    assert _counts(text, _with(percent_words=["vH"], euro_words=["Taler"])) == [40]


def test_whole_words_are_the_vocabularys() -> None:
    profile = measure(sachstand="Gezählt: Summe 350 Personen. Davon hatten 96 (28 %) Abschlüsse.")
    assert check_shares_of_parts([profile], WORDS) == []
    [finding] = check_shares_of_parts([profile], _with(whole_words=["Summe"]))
    assert "96 von 350 sind 27,4 %" in finding.message


def test_year_words_are_the_vocabularys() -> None:
    profile = measure(
        traeger="Träger für das Jahr 2024: Verein A, Verein B, Verein C, Verein D",
        sachstand="2024: 5 Träger sind beteiligt.",
    )
    assert check_two_counts([profile], WORDS) == []
    [finding] = check_two_counts([profile], _with(year_words=["für das Jahr"]))
    assert finding.code == "text_count_conflict" and "„2024: 5 Träger“" in finding.message


def test_cost_share_words_are_the_vocabularys() -> None:
    profile = measure(beschreibung="Das Land trägt 80 % der Projektkosten.")
    line = budget_line(aufwand={2024: "50.000"}, ertrag={2024: "27.000"})
    assert check_cost_shares([profile], [line], WORDS) == []
    [finding] = check_cost_shares([profile], [line], _with(cost_share_words=["der Projektkosten"]))
    assert "„80 % der Projektkosten“" in finding.message and "54,0 %" in finding.message


def test_gender_suffixes_are_removed_before_a_label_is_sought() -> None:
    profile = measure(kennzahlen="Paten:innen: k.A.", sachstand="Derzeit 35 Teilnehmerinnen.")
    assert check_figures_in_text([profile], WORDS) == []
    [finding] = check_figures_in_text([profile], _with(gender_suffixes=[]))
    assert finding.code == "kennzahl_in_text" and "nennt 35" in finding.message


def test_label_count_words_are_not_sought() -> None:
    profile = measure(kennzahlen="Anzahl Paten: k.A.", sachstand="Die Anzahl ist derzeit 35.")
    assert check_figures_in_text([profile], WORDS) == []
    [finding] = check_figures_in_text([profile], _with(label_count_words=[]))
    assert "„Anzahl Paten: k.A.“" in finding.message


def test_plural_endings_are_the_vocabularys() -> None:
    profile = measure(kennzahlen="Kitas: 1", sachstand="In der Sonnenkita und der Mondkita.")
    assert check_counted_items([profile], WORDS) == []
    [finding] = check_counted_items([profile], _with(plural_endings={"s": ""}))
    assert "nennen 2: Sonnenkita, Mondkita" in finding.message


def _toml(section: dict[str, Any]) -> str:
    """``section`` as the ``[running_text]`` of a vocabulary file (JSON strings are TOML's)."""

    def value(item: object) -> str:
        if isinstance(item, dict):
            return "{ " + ", ".join(f"{json.dumps(k)} = {value(v)}" for k, v in item.items()) + " }"
        return json.dumps(item)

    return "[running_text]\n" + "".join(f"{key} = {value(v)}\n" for key, v in section.items())


ENGLISH = WORDS.model_dump() | {
    "abbreviations": ["approx."],
    "number_words": {"four": 4},
    "percent_words": ["%", "percent"],
    "euro_words": ["€", "euros"],
    "whole_words": ["total", "of"],
}
"""Another language variant of a plan: only the vocabulary file differs."""


def test_a_vocabulary_file_changes_what_the_checks_find(tmp_path: Path) -> None:
    path = tmp_path / "english.toml"
    path.write_text(_toml(ENGLISH), encoding="utf-8")
    english = load_vocabulary(path).running_text
    assert english.whole_words == ["total", "of"]
    text = "In 2023, a total 350 young people. Of them, approx. 96 (28 percent) had a degree."
    german = "In 2023 wurden insgesamt 350 junge Menschen. Davon hatten 96 (28 Prozent) Abschlüsse."
    [finding] = check_shares_of_parts([measure(sachstand=text)], english)
    assert "96 von 350 sind 27,4 %" in finding.message
    assert check_shares_of_parts([measure(sachstand=text)], WORDS) == []
    assert check_shares_of_parts([measure(sachstand=german)], english) == []
    assert len(check_shares_of_parts([measure(sachstand=german)], WORDS)) == 1
    assert _counts("They run four courses for 20 euros.", english) == [4]


def test_a_running_text_section_without_a_new_key_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "partial.toml"
    older = {key: WORDS.model_dump()[key] for key in ("generic_names", "present_words", "meanings")}
    path.write_text(_toml(older), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_vocabulary(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: not a valid vocabulary file: key ")
    assert "'running_text.abbreviations': Field required" in message


@pytest.mark.parametrize(
    ("change", "key", "reason"),
    [
        ({"abbreviations": ["z. B."]}, "running_text.abbreviations", "(for 'z. B.' give 'B.')"),
        ({"abbreviations": ["ca"]}, "running_text.abbreviations", "one word ending in '.'"),
        ({"number_words": {"vier": -4}}, "running_text.number_words", "count >= 0"),
        ({"number_words": {"vier": 4, "Vier": 4}}, "running_text.number_words", "given twice"),
        ({"percent_words": ["%", " "]}, "running_text.percent_words", "a word is blank"),
    ],
)
def test_a_bad_running_text_word_names_its_key(
    tmp_path: Path, change: dict[str, Any], key: str, reason: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(_toml(WORDS.model_dump() | change), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_vocabulary(path)
    assert f"key {key!r}" in str(caught.value) and reason in str(caught.value)


def test_a_file_without_the_section_reads_the_bundled_words(tmp_path: Path) -> None:
    path = tmp_path / "other.toml"
    path.write_text('[index]\nheading = "Steckbriefe"\n', encoding="utf-8")
    assert load_vocabulary(path).running_text == WORDS
