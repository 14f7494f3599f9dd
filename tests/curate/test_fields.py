"""Handlungsfelder: variants, the plan's own renaming and garbled names map to one list."""

from __future__ import annotations

import pytest

from hammplan.curate.fields import read_fields
from hammplan.vocabulary import load_vocabulary

FIELDS = load_vocabulary().fields


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Sprache, Qualifizierung und Arbeit", ["Sprache", "Qualifizierung und Arbeit"]),
        ("Teilhabe & Partizipation", ["Teilhabe und Partizipation"]),
        ("Sprache, Teilhabe- und Partizipation,", ["Sprache", "Teilhabe und Partizipation"]),
        ("Bildung und Erziehung", ["Erziehung und Bildung"]),
        ("Interkulturelle Wertesysteme", ["Transkulturelle Wertesysteme"]),
        ("Systementwicklug", ["Systementwicklung"]),
        ("Sprache, Sprache", ["Sprache"]),
    ],
)
def test_cells_map_to_canonical_fields(cell: str, expected: list[str]) -> None:
    assert read_fields(cell, FIELDS).canonical == expected


def test_every_mapping_is_recorded_as_a_repair() -> None:
    reading = read_fields("Teilhabe & Partizipation, Interkulturelle Wertesysteme", FIELDS)
    assert [(r.before, r.after) for r in reading.repairs] == [
        ("Teilhabe & Partizipation", "Teilhabe und Partizipation"),
        ("Interkulturelle Wertesysteme", "Transkulturelle Wertesysteme"),
    ]
    assert all(r.kind == "vocabulary" for r in reading.repairs)


def test_unknown_names_are_reported_not_dropped() -> None:
    reading = read_fields("Sprache, Qualifizier and Andere", FIELDS)
    assert reading.canonical == ["Sprache"]
    assert reading.unknown == ["Qualifizier and Andere"]
