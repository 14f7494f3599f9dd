"""Where a piece of text came from: page and bounding box, in PDF points.

Coordinates follow pdfplumber: origin at the top-left of the page, ``top`` grows downwards.
A cell that wraps over a page break has one span per page, in reading order.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class BBox(BaseModel):
    """A rectangle on a page, in points from the top-left corner."""

    model_config = ConfigDict(frozen=True)

    x0: float
    top: float
    x1: float
    bottom: float


class Span(BaseModel):
    """One rectangle on one page (1-based page number)."""

    model_config = ConfigDict(frozen=True)

    page: int = Field(ge=1)
    bbox: BBox


class SourceCell(BaseModel):
    """A table cell as printed: its verbatim text and every place it was read from.

    ``text`` joins the cell's printed lines with single spaces and nothing else: no hyphen
    repair, no recognition fixes. Those belong to the curation stage, which records them.
    """

    text: str
    spans: list[Span] = Field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        """Pages this cell was read from, in order, without repeats."""
        return list(dict.fromkeys(s.page for s in self.spans))

    def joined(self, other: SourceCell) -> SourceCell:
        """This cell continued by ``other`` (a wrapped line or the rest after a page break)."""
        text = " ".join(t for t in (self.text, other.text) if t)
        return SourceCell(text=text, spans=[*self.spans, *other.spans])
