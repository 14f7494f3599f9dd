"""Stable, URL-safe ids made from printed names: record ids in curate, anchors in render.

Neutral: both stages use it, and it imports no stage.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str, limit: int = 100, fallback: str = "massnahme") -> str:
    """A stable, URL-safe id: "Förderfonds Interkultur" -> "foerderfonds-interkultur".

    Cut at a hyphen before ``limit`` characters; ``fallback`` when nothing is left.
    """
    lowered = text.casefold().translate(_TRANSLIT)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0]
    return words or fallback


def unique_ids(slugs: list[str]) -> list[str]:
    """Slugs made unique by a numeric suffix in order of appearance ("x", "x-2", ...)."""
    seen: dict[str, int] = {}
    result = []
    for s in slugs:
        seen[s] = seen.get(s, 0) + 1
        result.append(s if seen[s] == 1 else f"{s}-{seen[s]}")
    return result
