"""Page order as evidence: which page follows which in reading order.

A table row broken over a page continues on the next page, so whether a continuation row
(a profile row with an empty label, a budget row with an empty StA) may join the row above
depends on the two pages being neighbours in reading order. The PDF's page order is not proof
of that: a plan scanned or merged in the wrong order, or with a page missing, puts another
measure's row above. The printed page numbers in the running headers or footers ("Seite 37")
are the evidence: a page whose printed number is not its predecessor's plus one breaks the
order, and nothing is joined across such a break (nor across a gap in the PDF's own order).
"""

from __future__ import annotations

import re

from hammplan.extract.layout import EdgeKey, Edges, PageLayout

_DIGITS = re.compile(r"\d+")


def _varying_group(texts: list[str]) -> int | None:
    """Which run of digits changes between the texts of one running line (its page number)."""
    groups = [_DIGITS.findall(text) for text in texts]
    if not groups or len({len(g) for g in groups}) != 1:
        return None
    varying = [i for i in range(len(groups[0])) if len({g[i] for g in groups}) > 1]
    return varying[-1] if varying else None


def printed_numbers(edges: list[Edges], keys: set[EdgeKey]) -> list[int | None]:
    """The printed page number of each page (None where none is printed).

    A page number is the run of digits that changes from page to page in a running header or
    footer (``keys``, see :func:`~hammplan.extract.layout.furniture_keys`), so a footer that
    prints the plan's year beside "Seite 37" gives 37, not the year.
    """
    texts: dict[EdgeKey, list[str]] = {}
    for page in edges:
        for key, text in page:
            if key in keys:
                texts.setdefault(key, []).append(text)
    varying = {
        key: group for key, found in texts.items() if (group := _varying_group(found)) is not None
    }
    numbers: list[int | None] = []
    for page in edges:
        number = None
        for key, text in page:
            if key in varying and number is None:
                number = int(_DIGITS.findall(text)[varying[key]])
        numbers.append(number)
    return numbers


def order_break(before: PageLayout | None, page: PageLayout) -> str | None:
    """Why ``page`` does not follow ``before`` in reading order, or None when it does.

    Pages without a printed number follow their predecessor in the PDF's order.
    """
    if before is None:
        return None
    if page.number != before.number + 1:
        return f"page {page.number} read after page {before.number}"
    if before.printed is None or page.printed is None or page.printed == before.printed + 1:
        return None
    return (
        f"page {page.number} is printed as page {page.printed} but follows printed "
        f"page {before.printed}: pages out of order or missing"
    )


def continues(before: PageLayout | None, page: PageLayout, top: bool) -> bool:
    """Whether a continuation row on ``page`` may join a row that stands on ``before``.

    On the same page it may; on another page only when it is the ``top`` row of its table and
    ``page`` comes right after ``before`` in reading order.
    """
    if before is None:
        return False
    if page.number == before.number:
        return True
    return top and page.number == before.number + 1 and page.order_break is None
