"""Amt numbers are named only where the plan pairs them with a name; look-alikes are found."""

from __future__ import annotations

import pytest

from hammplan.curate.organisations import look_alike, name_amt_numbers, paired_names

OFFICE = {"sta", "amt"}


def _office(word: str) -> bool:
    return word.lower() in OFFICE


def test_a_number_paired_with_a_name_in_running_text() -> None:
    text = (
        "Ende 2023 führte das KI eine Veranstaltung zur Sensibilisierung für das StA 40 – "
        "Amt für schulische Bildung – durch. Unter dem Titel ..."
    )
    (pair,) = paired_names([(text, 83)], _office)
    assert (pair.code, pair.name, pair.text, pair.page) == (
        "40",
        "Amt für schulische Bildung",
        "StA 40 – Amt für schulische Bildung",
        83,
    )


def test_office_names_with_commas_are_kept_whole() -> None:
    (pair,) = paired_names([("Amt 50 - Amt für Soziales, Wohnen und Pflege; sonst", 2)], _office)
    assert pair.name == "Amt für Soziales, Wohnen und Pflege"


@pytest.mark.parametrize(
    "text", ["Seite 40 – Amt für X", "2023 – 40 Teilnehmende", "StA 40", "StA 40 – 12"]
)
def test_no_name_without_an_office_word_and_a_name(text: str) -> None:
    assert paired_names([(text, 1)], _office) == []


def test_the_most_printed_name_wins() -> None:
    pairs = paired_names(
        [("StA 32 – Ordnungsamt.", 1), ("Amt 32 – Bürgeramt.", 2), ("StA 32 – Ordnungsamt.", 3)],
        _office,
    )
    assert name_amt_numbers(pairs)["32"].name == "Ordnungsamt"


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("04", "40", True),
        ("25", "55", True),
        ("17", "11", True),
        ("40", "41", False),
        ("45", "40", False),
        ("4", "40", False),
        ("KI", "40", False),
        ("40", "40", False),
    ],
)
def test_look_alike_codes(a: str, b: str, alike: bool) -> None:
    assert look_alike(a, b) is alike


def test_a_traeger_cell_or_a_bracket_pairs_number_and_name() -> None:
    pairs = paired_names(
        [("Gemeinsam mit dem Jugendamt (51) und dem Sportamt.", 4)],
        _office,
        traeger=[
            ("40 – Amt für schulische Bildung, KI", 9),
            ("Amt für Soziales, Wohnen und Pflege (StA 50)", 10),
            ("2023 wurde gestartet", 11),
        ],
    )
    assert sorted((p.code, p.name, p.page) for p in pairs) == [
        ("40", "Amt für schulische Bildung", 9),
        ("50", "Amt für Soziales, Wohnen und Pflege", 10),
        ("51", "Jugendamt", 4),
    ]
