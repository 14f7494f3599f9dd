"""What changed in a measure's profile between two editions, field by field.

Fields are compared as a reader sees them: white space and line breaks do not count, list
fields (Handlungsfelder, Kennzahlen) by their items, Kosten by amount and as-of date where
both state one, else by the printed text.
"""

from __future__ import annotations

from hammplan.compare.model import FieldChange
from hammplan.curate.models import Measure

PROFILE_FIELDS = ("titel", "traeger", "beschreibung", "handlungsfelder", "zielgruppe",
                  "sachstand", "kennzahlen", "kosten")
"""The profile fields compared, in the order a profile prints them."""


def _squeeze(text: str | None) -> str | None:
    return " ".join(text.split()) if text and text.strip() else None


def field_text(measure: Measure, name: str) -> str | None:
    """One field of ``measure`` as one line of text (None when the plan states nothing)."""
    if name == "handlungsfelder":
        return "; ".join(measure.handlungsfelder) or None
    if name == "kennzahlen":
        if measure.kennzahlen_cell is not None:
            return _squeeze(measure.kennzahlen_cell.raw)
        return "; ".join(_squeeze(k.raw) or "" for k in measure.kennzahlen) or None
    if name == "kosten":
        kosten = measure.kosten
        if kosten.status == "ok" and kosten.betrag_eur is not None:
            stand = f" (Stand {kosten.stand.isoformat()})" if kosten.stand else ""
            return f"{kosten.betrag_eur} €{stand}"
        return _squeeze(kosten.raw)
    value = getattr(measure, name)
    return _squeeze(value if isinstance(value, str) else None)


def joined_fields(measures: list[Measure], name: str) -> str | None:
    """A field of one measure, or of several (a split or merger) joined with " | "."""
    texts = [field_text(m, name) for m in measures]
    return " | ".join(t for t in texts if t) or None


def field_changes(old: list[Measure], new: list[Measure]) -> list[FieldChange]:
    """Fields that differ between the old and the new measure(s) (several for a split or a
    merger, taken together), with old and new text."""
    changes = []
    for name in PROFILE_FIELDS:
        a, b = joined_fields(old, name), joined_fields(new, name)
        if a != b:
            changes.append(FieldChange(feld=name, alt=a, neu=b))
    return changes
