"""Text fields: printed text made readable, with every repair kept beside the verbatim text."""

from __future__ import annotations

from hammplan.curate.homoglyphs import fold_homoglyphs
from hammplan.curate.hyphenation import repair_hyphenation
from hammplan.curate.notstated import match_not_stated
from hammplan.records.values import Repair, Text


def clean_text(raw: str, pages: list[int] | None = None) -> Text:
    """Repair line-break hyphens and look-alike letters; "o. A." and empty become not stated."""
    pages = list(pages or [])
    if not raw.strip():
        return Text(raw=raw, text=None, status="not_stated", pages=pages)
    marker = match_not_stated(raw)
    if marker is not None:
        repairs = []
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
    text, hyphen_repairs = repair_hyphenation(raw)
    text, glyph_repairs = fold_homoglyphs(text)
    return Text(
        raw=raw, text=" ".join(text.split()), pages=pages, repairs=[*hyphen_repairs, *glyph_repairs]
    )


def first_page(pages: list[int], default: int | None = None) -> int | None:
    """The first of ``pages``, or ``default`` when there are none."""
    return pages[0] if pages else default
