"""The plan's city, title and edition, from its title page or the vocabulary, never the code.

The title page's large lines ("Stadt Musterstadt", "Integrationsplan Fortschreibung") name
the city after one of the vocabulary's city words ("Stadt", "Kreis", "Gemeinde"), and the
edition by an edition word ("Fortschreibung") or a year. What the title page does not say the
vocabulary may; what neither says stays unknown (None), and the report says so in general
words rather than invent a name.
"""

from __future__ import annotations

import re

from hammplan.records.plan import PlanEdition
from hammplan.records.provenance import SourceCell
from hammplan.vocabulary import DocumentVocabulary

_YEAR = re.compile(r"(?<![\d.,])\d{4}(?![\d,]|\.\d)")


def _first_page(cells: list[SourceCell]) -> int | None:
    pages = [p for c in cells for p in c.pages]
    return pages[0] if pages else None


def _city(lines: list[str], words: list[str]) -> tuple[str | None, int | None]:
    """The name after a city word on a line of its own ("Stadt Musterstadt"), and the line's
    index."""
    for i, line in enumerate(lines):
        for word in words:
            match = re.match(rf"\s*{re.escape(word)}\s+(?P<name>\S.*?)\s*$", line, re.IGNORECASE)
            if match:
                return match.group("name"), i
    return None, None


def read_edition(title_page: list[SourceCell], vocab: DocumentVocabulary) -> PlanEdition:
    """City, title and edition of the plan, each with where it came from."""
    lines = [" ".join(c.text.split()) for c in title_page]
    city, at = _city(lines, vocab.city_words)
    rest = [line for i, line in enumerate(lines) if i != at]
    title = " ".join(rest) or None
    edition = None
    if title:
        years = _YEAR.findall(title)
        named = [
            w
            for w in vocab.edition_words
            if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", title, re.IGNORECASE)
        ]
        edition = " ".join([*named[:1], *years[:1]]) or None
    source = "plan" if title_page else None
    page = _first_page(title_page)
    return PlanEdition(
        stadt=vocab.city or city,
        stadt_quelle="vocabulary" if vocab.city else (source if city else None),
        titel=vocab.title or title,
        titel_quelle="vocabulary" if vocab.title else (source if title else None),
        ausgabe=vocab.edition or edition,
        ausgabe_quelle="vocabulary" if vocab.edition else (source if edition else None),
        page=page,
        raw=lines,
    )
