"""The plan's title page: the lines set larger than its body text, kept as printed.

City, title and edition of a plan are data of the plan ("Stadt Musterstadt",
"Integrationsplan Fortschreibung"); curation reads them from these lines, never from code.
"""

from __future__ import annotations

from statistics import median

from hammplan.extract.layout import PageLayout, words_bbox
from hammplan.records.provenance import SourceCell, Span

TITLE_SIZE = 1.15
"""A title line's words are at least this much larger than the page's median word."""

MAX_LINES = 8
"""A title page names city, title and edition in a few lines; more is a body page."""


def title_lines(page: PageLayout) -> list[SourceCell]:
    """The lines of ``page`` set in a larger font than most of its words, top to bottom; all
    of its first lines when every line is set alike (a title page of one size)."""
    lines = [line for line in page.lines if line.words]
    if not lines:
        return []
    body = median(w.size for line in lines for w in line.words)
    large = [line for line in lines if median(w.size for w in line.words) >= TITLE_SIZE * body]
    chosen = (large or lines)[:MAX_LINES]
    return [
        SourceCell(text=line.text, spans=[Span(page=page.number, bbox=words_bbox(line.words))])
        for line in sorted(chosen, key=lambda line: line.top)
    ]
