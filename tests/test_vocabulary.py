"""The vocabulary file: the bundled default and errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.errors import InputError
from hammplan.vocabulary import load_vocabulary


def test_default_vocabulary() -> None:
    vocab = load_vocabulary()
    assert set(vocab.budget.compiled) == {
        "sta",
        "name",
        "aufwand",
        "ertrag",
        "foerdergeber",
        "kennzahl",
        "wert",
    }
    assert any(p.search("STA") for p in vocab.budget.compiled["sta"])
    assert vocab.profile.title_labels[0] == "Titel"
    assert set(vocab.profile.fields) == {
        "titel",
        "traeger",
        "beschreibung",
        "handlungsfelder",
        "zielgruppe",
        "sachstand",
        "kennzahlen",
        "kosten",
    }


@pytest.mark.parametrize(
    ("wording", "field"),
    [
        ("Federführung", "traeger"),
        ("Zuständigkeit", "traeger"),
        ("Ansprechpartner", "traeger"),
        ("Budget", "kosten"),
        ("Mittel", "kosten"),
        ("Haushaltsmittel", "kosten"),
        ("Messgrößen", "kennzahlen"),
        ("Indikatoren", "kennzahlen"),
        ("Zielgruppen", "zielgruppe"),
        ("Umsetzungsstand", "sachstand"),
        ("Kurzbeschreibung", "beschreibung"),
    ],
)
def test_default_vocabulary_knows_common_municipal_wordings(wording: str, field: str) -> None:
    assert load_vocabulary().profile.field_of(wording) == field


def test_default_vocabulary_knows_district_words() -> None:
    sozialraum = load_vocabulary().population.compiled[0]
    assert [bool(sozialraum.search(w)) for w in ("Sozialraum", "Stadtbezirk", "Bezirk", "Amt")] == [
        True,
        True,
        True,
        False,
    ]


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vocab.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_field_names_the_key_and_what_is_allowed(tmp_path: Path) -> None:
    path = _written(
        tmp_path,
        "[profile]\nfuzzy_threshold = 60\n[profile.fields]\n"
        'titel = ["Titel"]\nbudgett = ["Budget"]\n',
    )
    with pytest.raises(InputError) as caught:
        load_vocabulary(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "'profile.fields.budgett'" in message
    assert "'titel', 'traeger', 'beschreibung'" in message and "'kosten'" in message


def test_unknown_budget_column_names_the_key(tmp_path: Path) -> None:
    path = _written(
        tmp_path,
        '[budget]\nmin_share = 0.8\nactual_words = ["Ist"]\n'
        'plan_words = ["Plan"]\n[budget.columns]\nname = ["^name"]\n'
        'aufwand = ["^aufwand"]\nausgabe = ["^ausgabe"]\n',
    )
    with pytest.raises(InputError, match=r"'budget\.columns\.ausgabe'.*'sta', 'name'") as caught:
        load_vocabulary(path)
    assert "\n" not in str(caught.value)


def test_label_for_two_fields_is_refused(tmp_path: Path) -> None:
    path = _written(
        tmp_path,
        "[profile]\nfuzzy_threshold = 60\n[profile.fields]\n"
        'titel = ["Titel"]\nkosten = ["Mittel"]\ntraeger = ["mittel"]\n',
    )
    with pytest.raises(InputError, match="'profile.fields'.*'mittel'.*'kosten'.*'traeger'"):
        load_vocabulary(path)


def test_bad_pattern_is_input_error(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "src/hammplan/vocabularies/default.toml").read_text(
        encoding="utf-8"
    )
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('"^name"', '"^(name"'), encoding="utf-8")
    with pytest.raises(InputError, match="broken.toml"):
        load_vocabulary(broken)
