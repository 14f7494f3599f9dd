"""What changed in a measure's profile between two editions, field by field.

Fields are compared as a reader sees them: white space and line breaks do not count, list
fields (Handlungsfelder, Kennzahlen) by their items, Kosten by amount and as-of date where
both state one, else by the printed text.
"""

from __future__ import annotations

from typing import get_args

from hammplan.compare.model import FieldChange
from hammplan.records.plan import Measure
from hammplan.vocabulary import ProfileField

PROFILE_FIELDS: tuple[ProfileField, ...] = get_args(ProfileField)
"""The profile's fields in printed order, as the vocabulary names them."""
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
        return _squeeze(measure.kosten.raw)
    value = getattr(measure, name)
    return _squeeze(value if isinstance(value, str) else None)


def joined_fields(measures: list[Measure], name: str) -> str | None:
    """A field of one measure, or of several (a split or merger: each text once, joined with
    " | ")."""
    texts = dict.fromkeys(t for m in measures if (t := field_text(m, name)))
    return " | ".join(texts) or None


def _same_kosten(old: list[Measure], new: list[Measure]) -> bool:
    """Kosten of one measure each side that state the same amount and as-of date (however
    printed: "80.000 €" is "80.000,00 €")."""
    if len(old) != 1 or len(new) != 1:
        return False
    a, b = old[0].kosten, new[0].kosten
    return (
        a.status == b.status == "ok"
        and a.betrag_eur is not None
        and (a.betrag_eur, a.stand) == (b.betrag_eur, b.stand)
    )


def field_changes(old: list[Measure], new: list[Measure]) -> list[FieldChange]:
    """Fields that differ between the old and the new measure(s) (several for a split or a
    merger, taken together), with old and new text."""
    changes = []
    for name in PROFILE_FIELDS:
        a, b = joined_fields(old, name), joined_fields(new, name)
        if a != b and not (name == "kosten" and _same_kosten(old, new)):
            changes.append(FieldChange(feld=name, alt=a, neu=b))
    return changes
