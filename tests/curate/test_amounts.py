"""Euro cells as printed in the plan: exact Decimals, as-of dates, markers, notes, suspects."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from hammplan.curate.amounts import (
    number_problem,
    parse_amount,
    parse_amount_with_marker,
    parse_german_number,
)
from hammplan.records.values import AmountPart

JUNE_30_2024 = date(2024, 6, 30)

OK = [
    ("1.012.000", Decimal("1012000"), None),
    ("45.821,54", Decimal("45821.54"), None),
    ("476 €", Decimal("476"), None),
    ("33.915,00 €", Decimal("33915.00"), None),
    ("8442 €", Decimal("8442"), None),
    ("54.285 €", Decimal("54285"), None),
    ("33.000€", Decimal("33000"), None),
    ("1000", Decimal("1000"), None),
    ("0", Decimal("0"), None),
    ("12,50", Decimal("12.50"), None),
    ("5.992,00", Decimal("5992.00"), None),
    ("Stand: 30.06.24: 94.186 €", Decimal("94186"), JUNE_30_2024),
    ("Stand 30.06.2024: 74.000,00 €", Decimal("74000"), JUNE_30_2024),
    ("Stand 30.06.24: 33.000€", Decimal("33000"), JUNE_30_2024),
    ("2024 Stand 30.06.: 51.345 €", Decimal("51345"), JUNE_30_2024),
    ("Stand 30.06.2024: 1.442.494 €", Decimal("1442494"), JUNE_30_2024),
    ("  Stand:\n30.06.24:  8442 €\t", Decimal("8442"), JUNE_30_2024),
]


@pytest.mark.parametrize(("text", "betrag", "stand"), OK)
def test_printed_amounts_are_read_exactly(text: str, betrag: Decimal, stand: date | None) -> None:
    amount = parse_amount(text)
    assert amount.status == "ok"
    assert amount.betrag_eur == betrag
    assert isinstance(amount.betrag_eur, Decimal)
    assert amount.stand == stand
    assert amount.raw == text
    assert amount.page is None
    assert amount.reason is None


def test_cents_are_kept_as_decimal_not_float() -> None:
    amount = parse_amount("45.821,54")
    assert amount.betrag_eur == Decimal("45821.54")
    assert str(amount.betrag_eur) == "45821.54"


NOT_STATED = [
    ("o.A.", "o. A.", None),
    ("o. A.", "o. A.", None),
    ("k.A.", "k. A.", None),
    ("Stand: 30.06.24: o.A.", "o. A.", JUNE_30_2024),
    ("Stand: 30.06.24: o. A.", "o. A.", JUNE_30_2024),
    ("o. Ą.", "Erkennungsvariante von o. A.: 'o. Ą.'", None),
    ("0. A", "Erkennungsvariante von o. A.: '0. A'", None),
    ("ė,", "Erkennungsvariante von o. A.: 'ė,'", None),
    ("", "leere Zelle", None),
    (" \n\t", "leere Zelle", None),
]


@pytest.mark.parametrize(("text", "reason", "stand"), NOT_STATED)
def test_markers_and_empty_cells_are_not_stated(text: str, reason: str, stand: date | None) -> None:
    amount = parse_amount(text)
    assert amount.status == "not_stated"
    assert amount.betrag_eur is None
    assert amount.reason == reason
    assert amount.stand == stand
    assert amount.raw == text


def test_several_labelled_amounts_are_parts_and_summed() -> None:
    text = "Stand 30.06.24: Kulturstrolche:14.100,00€ Kulturrucksack: 42.343,48 €"
    amount = parse_amount(text)
    assert amount.status == "ok"
    assert amount.stand == JUNE_30_2024
    assert [(part.label, part.betrag_eur, part.per) for part in amount.parts] == [
        ("Kulturstrolche", Decimal("14100.00"), None),
        ("Kulturrucksack", Decimal("42343.48"), None),
    ]
    assert amount.betrag_eur == Decimal("56443.48")


def test_a_labelled_part_with_a_malformed_number_makes_the_cell_suspect() -> None:
    amount = parse_amount("Kulturstrolche: 14.10,00 € Kulturrucksack: 42.343,48 €")
    assert amount.status == "suspect"
    assert amount.betrag_eur is None
    assert amount.reason is not None and "14.10,00" in amount.reason


def test_a_rate_per_person_is_a_note_never_a_total() -> None:
    text = (
        "Stand: 30.06.24: Kursgebühren in Höhe von 210 €/pro Person wurden seitens TN und "
        "Stärkungspakt NRW übernommen."
    )
    amount = parse_amount(text)
    assert amount.status == "note"
    assert amount.betrag_eur is None
    assert amount.stand == JUNE_30_2024
    assert amount.parts == [
        AmountPart(raw="210 €/pro Person", betrag_eur=Decimal("210"), per="Person")
    ]
    assert amount.note == text.removeprefix("Stand: 30.06.24: ")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Land NRW", "Land NRW"),
        ("Landesgeförderte Personalkosten", "Landesgeförderte Personalkosten"),
        ("Landes- geförderte\nPersonal-  kosten", "Landes- geförderte Personal- kosten"),
        ("Landesförderprojekt", "Landesförderprojekt"),
        ("Beschlussvorlage", "Beschlussvorlage"),
        ("Teilweise", "Teilweise"),
        ("Ja", "Ja"),
    ],
)
def test_words_are_notes(text: str, note: str) -> None:
    amount = parse_amount(text)
    assert amount.status == "note"
    assert amount.note == note
    assert amount.betrag_eur is None
    assert amount.reason is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("762.58", "Tausendergruppen"),
        ("1.01.000", "Tausendergruppen"),
        ("066", "führende Null"),
        ("006", "führende Null"),
        ("0123", "führende Null"),
        ("12,5", "Nachkommastellen"),
        ("1,2,3", "mehr als ein Dezimalkomma"),
        ("ca. 5.000 €", "mit Wörtern"),
        ("Stand 31.02.24: 5 €", "kein gültiges Datum"),
    ],
)
def test_contradicting_numbers_are_suspect_with_a_reason(text: str, why: str) -> None:
    amount = parse_amount(text)
    assert amount.status == "suspect"
    assert amount.betrag_eur is None
    assert amount.reason is not None and why in amount.reason


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.012.000", Decimal("1012000")),
        ("45.821,54 €", Decimal("45821.54")),
        ("8442 EUR", Decimal("8442")),
        ("0", Decimal("0")),
        ("762.58", None),
        ("066", None),
        ("12,5", None),
        ("1,234.56", None),
        ("5 Euro pro Person", None),
        ("", None),
        ("€", None),
    ],
)
def test_parse_german_number_is_strict(text: str, value: Decimal | None) -> None:
    assert parse_german_number(text) == value


def test_parse_german_number_accepts_other_decimal_places_when_asked() -> None:
    assert parse_german_number("1,5") is None
    assert parse_german_number("1,5", decimal_places=(1, 2)) == Decimal("1.5")
    assert number_problem("1,5") is not None
    assert number_problem("1,5", decimal_places=(1, 2)) is None


_CENTS = st.integers(min_value=0, max_value=10**13).map(lambda cents: Decimal(cents).scaleb(-2))
_WHOLE = st.integers(min_value=0, max_value=10**13).map(Decimal)
_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def _german(value: Decimal, places: int) -> str:
    """The value as the plan prints it, formatted by babel (an independent implementation)."""
    pattern = "#,##0.00" if places == 2 else "#,##0"
    return format_decimal(value, format=pattern, locale="de_DE")


@settings(max_examples=200)
@given(value=_CENTS)
def test_any_german_amount_with_cents_round_trips(value: Decimal) -> None:
    amount = parse_amount(_german(value, 2))
    assert amount.status == "ok"
    assert amount.betrag_eur == value


@settings(max_examples=200)
@given(
    value=st.one_of(_CENTS, _WHOLE),
    stand=_DATES,
    two_digit_year=st.booleans(),
    euro=st.sampled_from(["", " €", "€", " EUR"]),
)
def test_german_amount_with_stand_and_euro_round_trips(
    value: Decimal, stand: date, two_digit_year: bool, euro: str
) -> None:
    places = 0 if value.as_tuple().exponent == 0 else 2
    if two_digit_year and stand.year >= 2069:  # "69" to "99" are the 1900s, as %y reads them
        stand = stand.replace(year=stand.year - 100)
    printed = stand.strftime("%d.%m.%y" if two_digit_year else "%d.%m.%Y")
    amount = parse_amount(f"Stand: {printed}: {_german(value, places)}{euro}")
    assert amount.status == "ok"
    assert amount.betrag_eur == value
    assert amount.stand == stand


@settings(max_examples=300)
@given(text=st.text(max_size=40))
def test_parse_german_number_never_raises(text: str) -> None:
    value = parse_german_number(text)
    assert value is None or value >= 0
    if not any(char in "0123456789" for char in text):
        assert value is None


@settings(max_examples=200)
@given(text=st.text(max_size=40))
def test_parse_amount_never_raises_and_keeps_raw(text: str) -> None:
    amount = parse_amount(text)
    assert amount.raw == text
    assert (amount.betrag_eur is not None) == (amount.status == "ok")
    if amount.status in ("suspect", "not_stated"):
        assert amount.reason


@settings(max_examples=200)
@given(
    head=st.integers(min_value=1, max_value=999),
    groups=st.lists(st.integers(min_value=0, max_value=99999), min_size=1, max_size=3),
    widths=st.lists(st.sampled_from([1, 2, 4, 5]), min_size=1, max_size=3),
)
def test_thousands_groups_of_other_widths_are_suspect(
    head: int, groups: list[int], widths: list[int]
) -> None:
    body = ".".join(
        str(group % 10**width).zfill(width) for group, width in zip(groups, widths, strict=False)
    )
    amount = parse_amount(f"{head}.{body}")
    assert amount.status == "suspect"
    assert amount.reason is not None and "Tausendergruppen" in amount.reason


def test_a_run_of_digits_longer_than_any_budget_is_suspect() -> None:
    amount = parse_amount("9" * 40)
    assert amount.status == "suspect"
    assert amount.betrag_eur is None
    assert "mehr als 15 Stellen" in (amount.reason or "")
    assert parse_amount("999.999.999.999.999").betrag_eur == Decimal("999999999999999")


def test_the_marker_a_cell_was_read_as_comes_with_its_amount() -> None:
    """One reading says both the amount and which marker it was, so a caller that records a
    misread marker as a repair matches the cell no second time."""
    clean, marker = parse_amount_with_marker("o. A.")
    assert clean.status == "not_stated" and marker is not None and not marker.variant
    misread, marker = parse_amount_with_marker("Stand 30.06.24: 0. A")
    assert misread.status == "not_stated" and marker is not None and marker.variant
    assert misread.stand == JUNE_30_2024
    assert parse_amount_with_marker("94.186 €")[1] is None
    assert parse_amount_with_marker("Stand 30.06.24:") == (parse_amount("Stand 30.06.24:"), None)
