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
