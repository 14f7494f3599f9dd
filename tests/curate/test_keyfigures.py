"""Kennzahlen and Wert cells as printed in the plan, cut into labelled figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hammplan.curate.keyfigures import UNITS, label_year, parse_key_figures
from hammplan.records.values import KeyFigures

Row = tuple[str | None, Decimal | None, str | None, str]


def rows(figures: KeyFigures) -> list[Row]:
    """(label, value, unit, status) of every figure, for compact assertions."""
    return [(item.label, item.value, item.unit, item.status) for item in figures.items]


CASES: list[tuple[str, str, list[Row]]] = [
    ("Teilnehmende: 501", "ok", [("Teilnehmende", Decimal(501), None, "ok")]),
    ("Teilnehmende : 501", "ok", [("Teilnehmende", Decimal(501), None, "ok")]),
    (
        "Beratungen: 76 Begleitungen: 55 Std Tel. Beratung: 70 Std",
        "ok",
        [
            ("Beratungen", Decimal(76), None, "ok"),
            ("Begleitungen", Decimal(55), "Std", "ok"),
            ("Tel. Beratung", Decimal(70), "Std", "ok"),
        ],
    ),
    (
        "Anzahl Verfahren Beruf:252 Anzahl Verfahren Bildung: 96",
        "ok",
        [
            ("Anzahl Verfahren Beruf", Decimal(252), None, "ok"),
            ("Anzahl Verfahren Bildung", Decimal(96), None, "ok"),
        ],
    ),
    (
        "Besucher:innen: Kulturstrolche:750 Kulturrucksack: 550",
        "ok",
        [
            ("Besucher:innen Kulturstrolche", Decimal(750), None, "ok"),
            ("Besucher:innen Kulturrucksack", Decimal(550), None, "ok"),
        ],
    ),
    ("Teilnehmer: innen: 145", "ok", [("Teilnehmer:innen", Decimal(145), None, "ok")]),
    ("Teilnehmer:innen : 50", "ok", [("Teilnehmer:innen", Decimal(50), None, "ok")]),
    (
        "Anzahl betreute Fälle in 2023: 29 Anzahl betreute Fälle in 2024: o.A.",
        "ok",
        [
            ("Anzahl betreute Fälle in 2023", Decimal(29), None, "ok"),
            ("Anzahl betreute Fälle in 2024", None, None, "not_stated"),
        ],
    ),
    ("Lots:innen: k.A.", "not_stated", [("Lots:innen", None, None, "not_stated")]),
    ("147", "ok", [(None, Decimal(147), None, "ok")]),
    ("2500", "ok", [(None, Decimal(2500), None, "ok")]),
    ("1000", "ok", [(None, Decimal(1000), None, "ok")]),
    ("2.500", "ok", [(None, Decimal(2500), None, "ok")]),
    (
        "46 Std. 78 Std. 74 Std.",
        "ok",
        [
            (None, Decimal(46), "Std.", "ok"),
            (None, Decimal(78), "Std.", "ok"),
            (None, Decimal(74), "Std.", "ok"),
        ],
    ),
    ("066", "suspect", [(None, None, None, "suspect")]),
    ("006", "suspect", [(None, None, None, "suspect")]),
    (
        "bei Zuge- zogenen Familien 65 %, bei Neu- geborenen 69 %",
        "ok",
        [
            ("bei Zuge- zogenen Familien", Decimal(65), "%", "ok"),
            ("bei Neu- geborenen", Decimal(69), "%", "ok"),
        ],
    ),
    (
        "Anzahl Erwachsene Geflüchtete im SGB-II Bezug:1275 davon im Sprachkurs: 473",
        "ok",
        [
            ("Anzahl Erwachsene Geflüchtete im SGB-II Bezug", Decimal(1275), None, "ok"),
            ("davon im Sprachkurs", Decimal(473), None, "ok"),
        ],
    ),
    ("Beratungen:196", "ok", [("Beratungen", Decimal(196), None, "ok")]),
    (
        "Bestellung Stck insgesamt : 500",
        "ok",
        [("Bestellung Stck insgesamt", Decimal(500), None, "ok")],
    ),
    ("Dauer: 1,5 Std", "ok", [("Dauer", Decimal("1.5"), "Std", "ok")]),
    (
        "Gruppe 1: 12 Gruppe 2: 7",
        "ok",
        [("Gruppe 1", Decimal(12), None, "ok"), ("Gruppe 2", Decimal(7), None, "ok")],
    ),
    ("Beratungen in 2024 120", "ok", [("Beratungen in 2024", Decimal(120), None, "ok")]),
    (
        "Durchgeführte Besuche (davon 91 betreut): 863",
        "ok",
        [("Durchgeführte Besuche (davon 91 betreut)", Decimal(863), None, "ok")],
    ),
    ("Besuche (davon: betreut): 12", "ok", [("Besuche (davon: betreut)", Decimal(12), None, "ok")]),
]


@pytest.mark.parametrize(("text", "status", "expected"), CASES)
def test_printed_cells_become_figures(text: str, status: str, expected: list[Row]) -> None:
    figures = parse_key_figures(text)
    assert figures.status == status
    assert rows(figures) == expected
    assert figures.raw == text
    assert figures.page is None


def test_a_bracket_after_a_value_is_kept_in_the_note() -> None:
    figures = parse_key_figures("Begleitungen: 2000 (90% bulgarisch)")
    assert rows(figures) == [("Begleitungen", Decimal(2000), None, "ok")]
    assert figures.items[0].note == "(90% bulgarisch)"
    bare = parse_key_figures("863 (91)")
    assert rows(bare) == [(None, Decimal(863), None, "ok")]
    assert bare.items[0].note == "(91)"


def test_each_figure_keeps_its_printed_text() -> None:
    figures = parse_key_figures("Beratungen: 76 Begleitungen: 55 Std Tel. Beratung: 70 Std")
    assert [item.raw for item in figures.items] == [
        "Beratungen: 76",
        "Begleitungen: 55 Std",
        "Tel. Beratung: 70 Std",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("k.A.", "k. A."),
        ("o.A.", "o. A."),
        ("o. A.", "o. A."),
        ("Ā", "Erkennungsvariante von o. A.: 'Ā'"),
        ("0. A. :", "Erkennungsvariante von o. A.: '0. A. :'"),
        ("", "leere Zelle"),
    ],
)
def test_a_marker_alone_is_not_stated_without_items(text: str, reason: str) -> None:
    figures = parse_key_figures(text)
    assert figures.status == "not_stated"
    assert figures.items == []
    assert figures.reason == reason


@pytest.mark.parametrize("text", ["066", "006", "Teilnehmende: 0123"])
def test_a_leading_zero_is_suspect_with_a_reason(text: str) -> None:
    figures = parse_key_figures(text)
    assert figures.status == "suspect"
    assert figures.reason is not None and "führende Null" in figures.reason
    assert all(item.value is None for item in figures.items)


def test_one_suspect_figure_makes_the_cell_suspect() -> None:
    figures = parse_key_figures("Teilnehmende: 50 Gruppen: 1.01.000")
    assert figures.status == "suspect"
    assert [item.status for item in figures.items] == ["ok", "suspect"]
    assert figures.reason is not None and "1.01.000" in figures.reason


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Familien", ["Familien"]),
        (
            "Bildungsangebote in StdBeratung von Eltern in Std",
            ["Bildungsangebote in Std", "Beratung von Eltern in Std"],
        ),
        ("SGB-II Bezug", ["SGB-II Bezug"]),
    ],
)
def test_words_only_keep_their_labels_without_values(text: str, labels: list[str]) -> None:
    # An empty list would read like "k. A."; the labels say what the plan means to count.
    figures = parse_key_figures(text)
    assert figures.status == "note"
    assert [item.label for item in figures.items] == labels
    assert all(item.status == "not_stated" and item.value is None for item in figures.items)
    assert figures.reason == "Bezeichnungen ohne Zahl"


def test_label_year_is_the_year_a_label_names() -> None:
    assert label_year("Anzahl betreute Fälle in 2023") == 2023
    assert label_year("Durchgeführte Besuche in % in 2023 bei Neugeborenen") == 2023
    assert label_year("Teilnehmende") is None
    assert label_year(None) is None


def test_trailing_label_with_words_is_a_note_figure() -> None:
    figures = parse_key_figures(
        "Durchgeführte Besuche in % in 2023: bei Zugezogene Familien 65 %, bei Neugeborenen "
        "69 % Anzahl der Besuche in 2024: wurde noch nicht ermittelt"
    )
    assert figures.status == "ok"
    assert rows(figures) == [
        ("Durchgeführte Besuche in % in 2023 bei Zugezogene Familien", Decimal(65), "%", "ok"),
        ("Durchgeführte Besuche in % in 2023 bei Neugeborenen", Decimal(69), "%", "ok"),
        ("Anzahl der Besuche in 2024", None, None, "note"),
    ]
    assert figures.items[2].note == "wurde noch nicht ermittelt"


_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ", min_size=2, max_size=12
)
_LABEL = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_COUNT = st.integers(min_value=0, max_value=10**9)


def _printed(value: int, german: bool) -> str:
    """A count as the plan prints it: plain, or with "." between groups of three."""
    return f"{value:,}".replace(",", ".") if german else str(value)


def _plain_label(label: str) -> bool:
    """A generated label the cell grammar can carry: no marker words, no unit word first."""
    words = label.split()
    return words[0] not in UNITS and not {"Angabe", "Angaben"} & set(words)


@settings(max_examples=200)
@given(label=_LABEL, value=_COUNT, german=st.booleans(), space=st.sampled_from(["", " "]))
def test_label_and_count_round_trip(label: str, value: int, german: bool, space: str) -> None:
    assume(_plain_label(label))
    figures = parse_key_figures(f"{label}{space}:{space or ' '}{_printed(value, german)}")
    assert figures.status == "ok"
    assert rows(figures) == [(label, Decimal(value), None, "ok")]


@settings(max_examples=200)
@given(first=_LABEL, second=_LABEL, a=_COUNT, b=_COUNT, german=st.booleans())
def test_two_labelled_counts_round_trip(
    first: str, second: str, a: int, b: int, german: bool
) -> None:
    assume(_plain_label(first) and _plain_label(second))
    text = f"{first}: {_printed(a, german)} {second}: {_printed(b, german)}"
    figures = parse_key_figures(text)
    assert rows(figures) == [
        (first, Decimal(a), None, "ok"),
        (second, Decimal(b), None, "ok"),
    ]


@settings(max_examples=200)
@given(text=st.text(max_size=60))
def test_never_raises_and_status_follows_items(text: str) -> None:
    figures = parse_key_figures(text)
    assert figures.raw == text
    statuses = {item.status for item in figures.items}
    if "suspect" in statuses:
        assert figures.status == "suspect"
        assert figures.reason
    elif "ok" in statuses:
        assert figures.status == "ok"
    for item in figures.items:
        assert (item.value is not None) == (item.status == "ok")
