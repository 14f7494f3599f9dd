"""Pages out of order, and the table rows that were therefore joined to nothing.

Extraction joins a row broken over a page only when the next page follows in reading order
(printed page numbers are the evidence, see ``extract/pageorder.py``). It keeps both the
breaks in the order and the rows it would not join as leftovers; here they become warnings,
so a plan bound in the wrong order or missing a page is never read quietly; rows that could
not be placed are an error (the data of their measures are incomplete).
"""

from __future__ import annotations

from decimal import Decimal

from hammplan.curate.findings import Finding, number
from hammplan.records.document import Leftover


def unjoined(leftover: Leftover) -> bool:
    """Whether extraction left ``leftover`` as a row not joined across a page: its ``kind``
    says so (extract/profiles.py, extract/budget.py); the reason is prose for people."""
    return leftover.kind == "not_joined"


def _pages(leftovers: list[Leftover]) -> list[int]:
    """The PDF pages the leftovers stand on (extraction records each one's page)."""
    return sorted({left.page for left in leftovers if left.page is not None})


def _listed(pages: list[int], limit: int = 8) -> str:
    shown = ", ".join(str(p) for p in pages[:limit])
    return shown + (" …" if len(pages) > limit else "")


def check_page_order(leftovers: list[Leftover]) -> list[Finding]:
    """A ``page_order`` warning for breaks in the printed page order and a ``rows_not_joined``
    error for the rows left unjoined across a break or a gap (a read failure: ``build``
    fails, as for a skipped page)."""
    findings: list[Finding] = []
    breaks = _pages([left for left in leftovers if left.family == "page_order"])
    if breaks:
        findings.append(
            Finding(
                code="page_order",
                severity="warning",
                message=(
                    f"Die Seiten des PDF stehen nicht in der gedruckten Reihenfolge: "
                    f"{number_of(breaks)} Brüche, vor PDF-Seite {_listed(breaks)}"
                ),
            )
        )
    rows = [left for left in leftovers if unjoined(left)]
    if rows:  # the data of their measures are incomplete: an error, as a skipped page is
        findings.append(
            Finding(
                code="rows_not_joined",
                severity="error",
                message=(
                    f"{number_of(rows)} Tabellenzeilen keinem Datensatz zugeordnet, "
                    "weil ihre Seite nicht auf die Seite der Zeile davor folgt "
                    f"(PDF-Seite {_listed(_pages(rows))})"
                ),
            )
        )
    return findings


def number_of(items: list[Leftover] | list[int]) -> str:
    """How many, the German way ("1.024")."""
    return number(Decimal(len(items)))
