"""Sentences with figures in the running text: everything on a page outside its tables.

A sentence is kept when it holds a percentage or an approximate count ("knapp 75.000",
"ca. 39 %"); the words that mark them come from the vocabulary, so nothing here knows the
plan's topics. Sentences may run over a line break but not over a page.
"""

from __future__ import annotations

import re

from hammplan.extract.chunk import Chunk
from hammplan.extract.layout import Line, PageLayout, words_bbox
from hammplan.records.provenance import SourceCell, Span
from hammplan.records.statements import Statement

_SENTENCE = re.compile(r".+?(?:[.!?](?=\s+[A-ZÄÖÜ\"„])|$)")
"""A sentence ends at . ! or ? before a capital or digit (so "ca. 39" stays whole)."""


def _table_bands(chunks: list[Chunk]) -> list[tuple[float, float]]:
    """Vertical extents of a page's table parts."""
    bands = []
    for chunk in chunks:
        boxes = [
            cell.box or words_bbox(cell.words)
            for row in chunk.header + chunk.rows
            for cell in row
            if cell.box is not None or cell.words
        ]
        if boxes:
            top = min(b.top for b in boxes)
            bottom = max(b.bottom for b in boxes)
            bands.append((top - 1, bottom + 1))
    return bands


def _prose_lines(page: PageLayout, bands: list[tuple[float, float]]) -> list[Line]:
    return [
        line
        for line in page.lines
        if not any(top <= (line.top + line.bottom) / 2 <= bottom for top, bottom in bands)
    ]


def page_statements(
    page: PageLayout, chunks: list[Chunk], figure: re.Pattern[str]
) -> list[Statement]:
    """Sentences of one page outside its table ``chunks`` that ``figure`` matches (compile
    the vocabulary's pattern with ``re.IGNORECASE``)."""
    lines = _prose_lines(page, _table_bands(chunks))
    if not lines:
        return []
    words = [w for line in lines for w in line.words]
    starts: list[int] = []
    offset = 0
    for word in words:
        starts.append(offset)
        offset += len(word.text) + 1
    text = " ".join(w.text for w in words)
    found: list[Statement] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if not figure.search(sentence):
            continue
        inside = [w for w, s in zip(words, starts, strict=True) if match.start() <= s < match.end()]
        found.append(
            Statement(
                sentence=SourceCell(
                    text=sentence, spans=[Span(page=page.number, bbox=words_bbox(inside))]
                )
            )
        )
    return found
