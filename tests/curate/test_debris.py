"""Rules that a scan's text recognition read as words ("|"), removed from a profile field's
edges with the repair recorded, and a "|" inside the text left as printed."""

from __future__ import annotations

from hammplan.curate.debris import strip_edge_debris
from hammplan.curate.text import clean_text


def test_a_rule_beside_a_title_is_dropped_and_recorded() -> None:
    text = clean_text("Kultursensible Seniorenarbeit |", [96])
    assert text.text == "Kultursensible Seniorenarbeit"
    assert text.raw == "Kultursensible Seniorenarbeit |"
    assert [(r.before, r.after) for r in text.repairs] == [
        ("Kultursensible Seniorenarbeit |", "Kultursensible Seniorenarbeit")
    ]


def test_rules_on_both_edges_go_and_one_inside_stays() -> None:
    assert strip_edge_debris("|| Sprache | Bildung │")[0] == "Sprache | Bildung"


def test_brackets_and_backslashes_at_the_edges_are_printed_text() -> None:
    assert strip_edge_debris("[ Projekt ~x~ \\")[0] == "[ Projekt ~x~ \\"


def test_a_cell_of_nothing_but_a_rule_is_not_stated() -> None:
    text = clean_text("|")
    assert (text.status, text.text) == ("not_stated", None)
    assert len(text.repairs) == 1


def test_a_not_stated_marker_beside_a_rule_is_still_read() -> None:
    assert clean_text("o. A. |").status == "not_stated"


def test_clean_text_is_untouched() -> None:
    assert strip_edge_debris("Kultursensible Seniorenarbeit") == (
        "Kultursensible Seniorenarbeit",
        [],
    )
