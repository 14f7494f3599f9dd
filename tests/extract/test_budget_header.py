"""What a budget header cell says: its column, year, and whether the figures are actual or
planned; and how the document's headers agree on what one copy lost."""

from __future__ import annotations

import pytest

from hammplan.extract.budget import budget_layout
from hammplan.extract.headers import budget_header_score, read_column
from hammplan.records.budget import BudgetColumn, BudgetHeader
from hammplan.records.provenance import SourceCell
from hammplan.vocabulary import load_vocabulary

VOCAB = load_vocabulary().budget


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aufwand (€) 2023 Stand 30.06", ("aufwand", 2023, "ist", "30.06")),
        ("Ertrag (€) 2025 geplant", ("ertrag", 2025, "plan", None)),
        ("Wert 2023", ("wert", 2023, None, None)),
        ("StA Name der Maß-", ("name", None, None, None)),  # a doubled word before its own
        ("Ausgaben 2031 Ist 31.12.", ("aufwand", 2031, "ist", "31.12")),
        ("Einnahmen 2032 Ansatz", ("ertrag", 2032, "plan", None)),
        ("Aufwand Stand 30.06.2024", ("aufwand", None, "ist", "30.06.2024")),
        ("Förderge- ber", ("foerdergeber", None, None, None)),
        ("(€)", (None, None, None, None)),
    ],
)
def test_read_column(text: str, expected: tuple[object, ...]) -> None:
    column = read_column(text, VOCAB)
    assert (column.role, column.year, column.basis, column.as_of) == expected


def test_a_header_needs_a_name_and_a_years_column() -> None:
    assert budget_header_score(["StA", "Name", "Aufwand 2030", "Wert 2030"], VOCAB) == 1
    assert budget_header_score(["StA", "Fördergeber", "Kennzahl"], VOCAB) == 0
    assert budget_header_score(["StA", "Name", "Aufwand", "Seite", "Text"], VOCAB) == 0.6


def _header(*texts: str) -> BudgetHeader:
    return BudgetHeader(
        cells=[SourceCell(text=t) for t in texts], columns=[read_column(t, VOCAB) for t in texts]
    )


def test_headers_agree_and_fill_what_one_copy_lost() -> None:
    full = (
        "StA",
        "Name",
        "Aufwand 2030 Stand 30.06",
        "Ertrag 2030 Stand 30.06",
        "Aufwand 2031 geplant",
        "Ertrag",
        "Wert",
        "Wert",
    )
    garbled = (
        "StA",
        "Name",
        "Aufwand 2030 Stand 30.06",
        "Ertrag",
        "Aufwand 2031 geplant",
        "Ertrag",
        "Wert",
        "Wert",
    )
    (columns,) = budget_layout([_header(*full), _header(*garbled), _header(*full)]).values()
    assert [(c.role, c.year, c.basis) for c in columns] == [
        ("sta", None, None),
        ("name", None, None),
        ("aufwand", 2030, "ist"),
        ("ertrag", 2030, "ist"),
        ("aufwand", 2031, "plan"),
        ("ertrag", 2031, "plan"),  # from its Aufwand neighbour, basis from its year
        ("wert", 2030, "ist"),
        ("wert", 2031, "plan"),
    ]  # the n-th Wert takes the n-th year
    assert isinstance(columns[0], BudgetColumn)
