"""Measure profiles ("Steckbriefe"): two-column label/value tables, one per measure."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from hammplan.records.provenance import SourceCell

LabelMatch = Literal["exact", "fuzzy", "combined", "inline", "unmatched", "none"]
"""How a row's label cell was read.

exact: the label is a known label. fuzzy: nearest known label of a garbled label (see score).
combined: several known labels run together in one cell ("Titel Träger"). inline: the label
and the start of the value stand in the label cell ("Sachstand seit JJJJ ..."). unmatched:
a label too garbled to name. none: the label cell is empty (a row before the profile's Titel).
"""


class ProfileRow(BaseModel):
    """One label/value row of a profile, after joining its continuation rows."""

    label_cell: SourceCell
    labels: list[str] = Field(default_factory=list)
    fields: list[str] = Field(
        default_factory=list, description="The curated field each label means (vocabulary)."
    )
    match: LabelMatch
    score: float | None = None
    value: SourceCell
    continued: int = 0


class Profile(BaseModel):
    """One measure profile, possibly over several pages.

    ``title`` is the value of its first title row (a label the vocabulary gives for "titel"),
    verbatim, or None when no row is a title row alone (a combined "Titel Träger" row keeps
    title and body in one value).
    """

    title: str | None
    rows: list[ProfileRow]

    @property
    def pages(self) -> list[int]:
        """Pages the profile was printed on."""
        cells = [c for r in self.rows for c in (r.label_cell, r.value)]
        return sorted({p for c in cells for p in c.pages})

    def values(self, field: str) -> list[str]:
        """Texts of all rows matched to ``field`` only (duplicates from recognition included)."""
        return [r.value.text for r in self.rows if r.fields == [field]]
