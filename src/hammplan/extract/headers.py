"""Recognising a table family by its header row."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hammplan.extract.columns import column_bounds, cut_words, has_gaps, split_at_gaps
from hammplan.extract.grid import GridRow, assign_columns, column_starts, column_starts_n
from hammplan.extract.layout import Line, PageLayout, words_text
from hammplan.extract.ocr import is_debris


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


def without_debris(lines: Sequence[Line]) -> list[Line]:
    """Header lines without the rules recognition read as "|" (a header's columns are where
    its words stand; the rules would each count as a column of their own)."""
    return [Line(kept) for line in lines
            if (kept := [w for w in line.words if not is_debris(w)])]


def text_header(
    page: PageLayout, band: Sequence[Line], patterns: Sequence[re.Pattern[str]], min_matches: int
) -> list[float] | None:
    """Column starts of ``band`` when it is the header the patterns describe, else None.

    Tried in turn: runs of words apart by more than the gutter; the words split at the widest
    gaps into as many columns as there are patterns; the same with letters instead of words,
    for headers whose neighbouring columns ran together into one word ("ErtragAufwand").
    """
    band = without_debris(band)

    def candidates() -> Iterator[list[float] | None]:
        yield column_starts(band, page.gutter)
        yield column_starts_n(band, len(patterns))
        if any(has_gaps(w) for line in band for w in line.words):
            yield column_starts_n([Line([p for w in line.words for p in split_at_gaps(w, page)])
                                   for line in band], len(patterns))

    for starts in candidates():
        if starts is None or len(starts) != len(patterns):
            continue
        bounds = column_bounds(band, starts, page)
        words = [w for line in band for w in cut_words(line.words, bounds, page)]
        columns = assign_columns(words, [b.x for b in bounds], 0.0)
        texts = [words_text(col) for col in columns]  # by lines: OCR baselines wobble
        if header_matches(texts, patterns) >= min_matches:
            return starts
    return None
