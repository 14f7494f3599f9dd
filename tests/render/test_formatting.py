"""German formatting through babel: amounts, counts, shares, dates, pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hammplan.render import formatting as fmt

NB = "\u00a0"


def test_euro_shows_cents_only_when_the_amount_has_them() -> None:
    assert fmt.euro(Decimal("1012000")) == f"1.012.000{NB}€"
    assert fmt.euro(Decimal("45821.54")) == f"45.821,54{NB}€"
    assert fmt.euro(Decimal("45821.50")) == f"45.821,50{NB}€"
    assert fmt.euro(Decimal("1057821.54")) == f"1.057.821,54{NB}€"
    assert fmt.euro(0) == f"0{NB}€"


def test_euro_cents_can_be_forced() -> None:
    assert fmt.euro(Decimal("1012000"), cents=True) == f"1.012.000,00{NB}€"
    assert fmt.euro(Decimal("4265.64"), cents=False) == f"4.266{NB}€"


def test_number_and_percent() -> None:
    assert fmt.number(Decimal("107423")) == "107.423"
    assert fmt.number(Decimal("65.5")) == "65,5"
    assert fmt.number(91.5, digits=0) == "92"
    assert fmt.number(Decimal("3"), digits=2) == "3,00"
    assert fmt.percent(Decimal("0.394")) == f"39,4{NB}%"
    assert fmt.percent(0.5, digits=0) == f"50{NB}%"
    assert fmt.percent(Decimal("-0.061")) == f"-6,1{NB}%"


def test_day() -> None:
    assert fmt.day(date(2024, 6, 30)) == "30.06.2024"
    assert fmt.day(date(2025, 1, 2)) == "02.01.2025"


def test_page_joins_runs_of_pages() -> None:
    assert fmt.page(38) == f"S.{NB}38"
    assert fmt.page([39, 38]) == f"S.{NB}38–39"
    assert fmt.page([12, 38, 39, 40, 38]) == f"S.{NB}12, 38–40"
    assert fmt.page([None, 5]) == f"S.{NB}5"
    assert fmt.page([]) == ""
    assert fmt.page(None) == ""
    assert fmt.page(1234) == f"S.{NB}1.234"


def test_axis_number_and_count_phrase() -> None:
    assert fmt.axis_number(1200.0) == "1.200"
    assert fmt.axis_number(0.25) == "0,2"  # one decimal place at most
    assert fmt.axis_number(2.5) == "2,5"
    assert fmt.count_phrase(1, "Maßnahme", "Maßnahmen") == f"1{NB}Maßnahme"
    assert fmt.count_phrase(1200, "Maßnahme", "Maßnahmen") == f"1.200{NB}Maßnahmen"
