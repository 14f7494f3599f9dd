"""Recognising a table family by its header row."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hammplan.extract.grid import GridRow, assign_columns, column_starts, column_starts_n
from hammplan.extract.layout import Line, PageLayout, words_text


def header_matches(texts: Sequence[str], patterns: Sequence[re.Pattern[str]]) -> int:
    """How many header cells begin with their column's pattern (cells and patterns in order).

    Only the first word counts, so "StA StA Name der Maß-" (a duplicated word from text
    recognition) still reads as the name column when it stands in the second cell.
    """
    if len(texts) != len(patterns):
        return 0
    hits = 0
    for text, pattern in zip(texts, patterns, strict=True):
        words = text.split()
        if any(pattern.search(w) for w in words[:2]):
            hits += 1
    return hits


def is_header_row(row: GridRow, patterns: Sequence[re.Pattern[str]], min_matches: int) -> bool:
    """Whether a ruled row is the header the patterns describe."""
    return header_matches([c.text for c in row], patterns) >= min_matches


def text_header(
    page: PageLayout, band: Sequence[Line], patterns: Sequence[re.Pattern[str]], min_matches: int
) -> list[float] | None:
    """Column starts of ``band`` when it is the header the patterns describe, else None."""
    words = [w for line in band for w in line.words]
    for starts in (column_starts(band, page.gutter), column_starts_n(band, len(patterns))):
        if starts is None or len(starts) != len(patterns):
            continue
        columns = assign_columns(words, starts, page.space_width)
        texts = [words_text(col) for col in columns]  # by lines: OCR baselines wobble
        if header_matches(texts, patterns) >= min_matches:
            return starts
    return None
