"""Districts (Sozialräume) of two editions: new, dropped, and changed figures per column.

Districts are paired by name as a reader would (hyphenation, case and punctuation do not
count: "Nord- Westen" is "Nord-Westen"); the total row pairs with the total row. The value
columns are read from the model: every field of a district that holds a number.
"""

from __future__ import annotations

import typing
from decimal import Decimal

from hammplan.compare.model import DistrictChange
from hammplan.curate.names import match_key
from hammplan.records.plan import District

TOTAL_KEY = "\0gesamt"


def district_columns() -> list[str]:
    """Names of the number fields of :class:`District`, in model order."""

    def holds_number(annotation: object) -> bool:
        if annotation is Decimal:
            return True
        return any(holds_number(a) for a in typing.get_args(annotation))

    return [name for name, info in District.model_fields.items() if holds_number(info.annotation)]


def _key(district: District) -> str:
    return TOTAL_KEY if district.ist_gesamt else match_key(district.sozialraum)


def _values(district: District | None, columns: list[str]) -> dict[str, Decimal | None]:
    return {c: getattr(district, c) if district is not None else None for c in columns}


def district_changes(old: list[District], new: list[District]) -> list[DistrictChange]:
    """One row per district of either edition: new edition's order, then dropped ones."""
    columns = district_columns()
    before = {_key(d): d for d in old}
    after = {_key(d): d for d in new}
    changes = []
    for key in [*after, *(k for k in before if k not in after)]:
        a, b = before.get(key), after.get(key)
        values_a, values_b = _values(a, columns), _values(b, columns)
        differing = [c for c in columns if values_a[c] != values_b[c]]
        status = (
            "neu"
            if a is None
            else "entfallen"
            if b is None
            else "geaendert"
            if differing
            else "unveraendert"
        )
        shown = b if b is not None else a
        changes.append(
            DistrictChange(
                sozialraum=shown.sozialraum if shown is not None else "",
                status=status,
                alt=values_a,
                neu=values_b,
                spalten=differing if a is not None and b is not None else [],
                page_alt=a.page if a else None,
                page_neu=b.page if b else None,
            )
        )
    return changes
