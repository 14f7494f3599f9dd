"""Text fields: printed text made readable, with every repair kept beside the verbatim text."""

from __future__ import annotations

from hammplan.curate.debris import strip_edge_debris
from hammplan.curate.hyphenation import repair_hyphenation
from hammplan.homoglyphs import fold_homoglyphs
from hammplan.notstated import NotStated, match_not_stated
from hammplan.records.values import Repair, Text


def clean_text(raw: str, pages: list[int] | None = None) -> Text:
    """Drop rules read as words at the edges (scans), repair line-break hyphens and look-alike
    letters; "o. A." and empty become not stated."""
    return clean_text_with_marker(raw, pages)[0]


def clean_text_with_marker(
    raw: str, pages: list[int] | None = None
) -> tuple[Text, NotStated | None]:
    """:func:`clean_text`, and the "not stated" marker the text was read as (None when it was
    not read as one): a caller that judges which marker it was (a speck is no marker in a
    column of words) asks the one reading, instead of matching the text a second time."""
    pages = list(pages or [])
    edged, debris_repairs = strip_edge_debris(raw)
    if not edged.strip():
        empty = Text(raw=raw, text=None, status="not_stated", pages=pages, repairs=debris_repairs)
        return empty, None
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
        absent = Text(raw=raw, text=None, status="not_stated", pages=pages, repairs=repairs)
        return absent, marker
    text, hyphen_repairs = repair_hyphenation(edged)
    text, glyph_repairs = fold_homoglyphs(text)
    cleaned = Text(
        raw=raw,
        text=" ".join(text.split()),
        pages=pages,
        repairs=[*debris_repairs, *hyphen_repairs, *glyph_repairs],
    )
    return cleaned, None


def first_page(pages: list[int], default: int | None = None) -> int | None:
    """The first of ``pages``, or ``default`` when there are none."""
    return pages[0] if pages else default
