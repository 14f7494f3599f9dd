"""The index of profiles against where the profiles are printed.

Printed page numbers (folios) may differ from the PDF's page count by a fixed offset (a
cover without a number); the offset most index entries agree on is taken as the document's
own. An entry whose page, less that offset, is not one of its profile's pages sends readers
to the wrong page. One finding tells how many and names them, because a wrong index is one
defect of the plan, not one per line.
"""

from __future__ import annotations

from collections import Counter

from hammplan.curate.findings import Finding, Ref
from hammplan.records.plan import IndexLink, Measure

MIN_AGREEING = 3
"""Entries that must share an offset before it is taken as the document's folio offset."""

SHOWN = 5
"""Wrong entries named in the message (all are in the refs)."""


def check_index_pages(index: list[IndexLink], measures: list[Measure]) -> list[Finding]:
    """One finding for the index entries whose page is not their profile's page."""
    pages = {m.id: m.pages for m in measures}
    linked = [
        (e, pages[e.link.measure_id])
        for e in index
        if e.seite is not None and e.link.measure_id in pages and pages[e.link.measure_id]
    ]
    if not linked:
        return []
    offsets = Counter(entry.seite - own[0] for entry, own in linked if entry.seite is not None)
    offset, agreeing = offsets.most_common(1)[0]
    if agreeing < MIN_AGREEING:
        return []
    wrong = [(e, own) for e, own in linked if e.seite is not None and e.seite - offset not in own]
    if not wrong:
        return []
    shown = "; ".join(
        f"„{e.titel}“: Verzeichnis S. {e.seite}, Steckbrief auf PDF-Seite {own[0]}"
        for e, own in wrong[:SHOWN]
    )
    return [
        Finding(
            code="index_page_mismatch",
            severity="warning",
            message=(
                f"Das Verzeichnis nennt für {len(wrong)} von {len(linked)} Steckbriefen eine "
                f"Seite, auf der der Steckbrief nicht steht ({agreeing} Einträge nennen "
                f"übereinstimmend PDF-Seite + {offset}), zum Beispiel {shown}. Wer dem "
                "Verzeichnis folgt, "
                "landet beim falschen Steckbrief"
            ),
            refs=[Ref(kind="index", id=e.id, page=e.page, field="seite") for e, _ in wrong],
        )
    ]
