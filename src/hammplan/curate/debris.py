"""Ruling lines that text recognition read as characters ("|"), removed from a cell's text.

A scan's text layer reads a table's vertical rules as "|" beside the cell text ("762.584 |",
"| 1.442.494", "KJC |"). Extraction keeps them verbatim (they also told it where a column
ends); curation removes them before a cell is parsed, and records the removal as a repair.
"""

from __future__ import annotations

from hammplan.records.values import Repair
from hammplan.vocabulary import RULE_DEBRIS


def strip_debris(text: str) -> tuple[str, list[Repair]]:
    """The cell's text without rule debris, and the repair that says so (none if clean)."""
    if not any(ch in RULE_DEBRIS for ch in text):
        return text, []
    cleaned = " ".join("".join(" " if ch in RULE_DEBRIS else ch for ch in text).split())
    return cleaned, [
        Repair(
            kind="recognition",
            before=text,
            after=cleaned,
            detail="Linienrest der Texterkennung („|“) entfernt",
        )
    ]


EDGE_RULES = frozenset("|¦‖│┃")
"""What a vertical rule beside a cell is read as. The brackets and backslash that
:data:`~hammplan.vocabulary.RULE_DEBRIS` also counts are left at a field's edges: printed text
may end in them."""


def strip_edge_debris(text: str) -> tuple[str, list[Repair]]:
    """The text without words of nothing but rule debris at its start and end ("Kultursensible
    Seniorenarbeit |"), and the repair that says so (none if there are none).

    For running text (profile fields), where a "|" inside the text may be the plan's own:
    only the rules beside the cell, read as words at its edges, go.
    """
    words = text.split()
    first, last = 0, len(words)
    while first < last and all(ch in EDGE_RULES for ch in words[first]):
        first += 1
    while last > first and all(ch in EDGE_RULES for ch in words[last - 1]):
        last -= 1
    if (first, last) == (0, len(words)):
        return text, []
    cleaned = " ".join(words[first:last])
    return cleaned, [
        Repair(
            kind="recognition",
            before=text,
            after=cleaned,
            detail="Linienrest der Texterkennung („|“) am Rand entfernt",
        )
    ]
