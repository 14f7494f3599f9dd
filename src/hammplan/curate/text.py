"""Text fields: printed text made readable, with every repair kept beside the verbatim text."""

from __future__ import annotations

from hammplan.curate.debris import strip_edge_debris
from hammplan.curate.hyphenation import repair_hyphenation
from hammplan.homoglyphs import fold_homoglyphs
from hammplan.notstated import match_not_stated
from hammplan.records.values import Repair, Text


def clean_text(raw: str, pages: list[int] | None = None) -> Text:
    """Drop rules read as words at the edges (scans), repair line-break hyphens and look-alike
    letters; "o. A." and empty become not stated."""
    pages = list(pages or [])
    edged, debris_repairs = strip_edge_debris(raw)
    if not edged.strip():
        return Text(raw=raw, text=None, status="not_stated", pages=pages, repairs=debris_repairs)
    marker = match_not_stated(edged)
    if marker is not None:
        repairs = list(debris_repairs)
        if marker.variant:
            repairs.append(
                Repair(
                    kind="recognition",
                    before=raw,
                    after="o. A.",
                    detail=f"read as not stated ({marker.pattern})",
                )
            )
        return Text(raw=raw, text=None, status="not_stated", pages=pages, repairs=repairs)
    text, hyphen_repairs = repair_hyphenation(edged)
    text, glyph_repairs = fold_homoglyphs(text)
    return Text(
        raw=raw,
        text=" ".join(text.split()),
        pages=pages,
        repairs=[*debris_repairs, *hyphen_repairs, *glyph_repairs],
    )


def first_page(pages: list[int], default: int | None = None) -> int | None:
    """The first of ``pages``, or ``default`` when there are none."""
    return pages[0] if pages else default
