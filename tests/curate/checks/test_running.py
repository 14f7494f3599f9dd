"""German numbers in running text: one strict reading for every check of a profile's text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support.plans import measure

from hammplan.curate.amounts import MAX_DIGITS
from hammplan.curate.checks.running import NUMBER, counts_in, read_number
from hammplan.curate.checks.textnumbers import check_shares_of_parts
from hammplan.vocabulary import load_vocabulary

WORDS = load_vocabulary().running_text


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("96", Decimal(96)),
        ("1.250", Decimal(1250)),
        ("38,5", Decimal("38.5")),
        ("42.343,48", Decimal("42343.48")),
        ("1.012.000", Decimal(1012000)),
        ("0", Decimal(0)),
        ("0,5", Decimal("0.5")),
        ("1250", Decimal(1250)),
        ("9" * MAX_DIGITS, Decimal("9" * MAX_DIGITS)),
    ],
)
def test_a_well_formed_german_number_is_read(token: str, value: Decimal) -> None:
    assert read_number(token) == value


@pytest.mark.parametrize(
    "token",
    [
        "007",  # a leading zero: a code or a misreading, not a count
        "01",
        "0.500",
        "1.2.3",  # dots not between groups of three
        "1.25",  # "1,25" or "1.250"? not to be guessed
        "12.3456",
        "12,5,3",  # two decimal commas
        "1" * 30,  # a 30-digit run: recognition noise, not a figure
        "1" * (MAX_DIGITS + 1),
        "1" + ".000" * 5,  # 16 digits in thousands groups
        "1," + "5" * (MAX_DIGITS + 1),
        "",
        "zwölf",
    ],
)
def test_what_is_no_german_number_is_refused(token: str) -> None:
    assert read_number(token) is None


def test_a_token_is_never_part_of_a_word_or_a_longer_number_and_a_date_is_none() -> None:
    text = "Am 13.08.2023 kamen 1.518 Gäste in Raum B12, 3.500,50 € und 38,5 %. Dann 1.2.3 Ende."
    tokens = [m.group() for m in NUMBER.finditer(text)]
    assert tokens == ["13.08.2023", "1.518", "3.500,50", "38,5", "1.2.3"]
    assert [read_number(t) for t in tokens] == [
        None,
        Decimal(1518),
        Decimal("3500.50"),
        Decimal("38.5"),
        None,
    ]


def test_counts_refuse_leading_zeros_and_absurd_runs_and_skip_shares() -> None:
    text = f"Es kamen 007 Agenten, {'1' * 30} Zeichen, 38,5 % und 12 Prozent, 1.2.3 und 40 Gäste."
    assert [v for v, _, _ in counts_in(text, WORDS)] == [Decimal(40)]


def test_counts_skip_amounts_and_per_unit_figures_in_the_vocabularys_words() -> None:
    text = "Es gab 500 Euro, 20 EUR, 12/Monat und 35 Ehrenamtliche in Europa 7 Europäer."
    assert [v for v, _, _ in counts_in(text, WORDS)] == [Decimal(35), Decimal(7)]


def test_a_share_with_a_decimal_comma_is_read_exactly() -> None:
    right = measure(sachstand="Von 200 Personen hatten 77 (38,5 %) einen Abschluss.")
    assert check_shares_of_parts([right], WORDS) == []
    wrong = measure(sachstand="Von 200 Personen hatten 77 (38,4 %) einen Abschluss.")
    [finding] = check_shares_of_parts([wrong], WORDS)
    assert "77 von 200 sind 38,5 %" in finding.message and "„77 (38,4 %)“" in finding.message


def test_a_whole_that_is_no_number_is_no_whole() -> None:
    dated = measure(sachstand="Bericht von 12.06.2023: Davon hatten 3 (50 %) Abschlüsse.")
    assert check_shares_of_parts([dated], WORDS) == []
    zeros = measure(sachstand="Insgesamt von 020 Personen hatten 3 (50 %) Abschlüsse.")
    assert check_shares_of_parts([zeros], WORDS) == []


def _german(value: Decimal, places: int) -> str:
    """The value as a plan prints it, formatted by babel (an independent implementation)."""
    return format_decimal(
        value, format="#,##0." + "0" * places if places else "#,##0", locale="de_DE"
    )


@settings(max_examples=200)
@given(
    whole=st.integers(min_value=0, max_value=10**MAX_DIGITS - 1),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_every_german_number_babel_prints_is_found_and_read(whole: int, decimals: int) -> None:
    value = Decimal(whole).scaleb(-decimals)
    printed = _german(value, decimals)
    [token] = [m.group() for m in NUMBER.finditer(f"Es waren {printed} Gäste.")]
    assert token == printed
    assert read_number(token) == value


@settings(max_examples=300)
@given(text=st.text(alphabet="0123456789.,% ", max_size=40))
def test_every_count_is_a_strictly_read_number(text: str) -> None:
    for value, start, end in counts_in(text, WORDS):
        token = text[start:end]
        assert read_number(token) == value
        assert token == "0" or token.startswith("0,") or not token.startswith("0")
