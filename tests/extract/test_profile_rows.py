"""What assembled rows make a profile (regression: prose on a scan opened a 47th measure)."""

from __future__ import annotations

from hammplan.extract.profiles import _is_profile
from hammplan.records.profiles import ProfileRow
from tests.support.hostile import cell


def _row(label: str, value: str, fields: list[str], match: str = "exact") -> ProfileRow:
    return ProfileRow(
        label_cell=cell(label, 35),
        labels=[],
        fields=fields,
        match=match,
        value=cell(value, 35, column=1),
    )  # type: ignore[arg-type]


def test_a_title_label_over_prose_with_an_empty_value_is_no_profile() -> None:
    """A scan split "Maßnahmen / Im Rahmen des Integrationsplans ..." into two columns, and
    "Maßnahmen" read as the title label "Maßnahme" with nothing beside it."""
    rows = [
        _row("Maßnahmen", "", ["titel"], "fuzzy"),
        _row(
            "Im Rahmen verschiedenste",
            "des Integrationsplans werden Maßnahmen ...",
            [],
            "unmatched",
        ),
    ]
    assert not _is_profile(rows)


def test_a_title_with_text_or_any_other_field_is_a_profile() -> None:
    assert _is_profile([_row("Titel", "Elternschule", ["titel"])])
    assert _is_profile([_row("Titel", "", ["titel"]), _row("Träger", "KI", ["traeger"])])
    assert _is_profile([_row("Träger", "KI", ["traeger"])])
    assert not _is_profile([])
