"""What the run itself could not read: findings of severity error, never content.

A page skipped over the time limit, table content no record could take, a budget header with
no budget row under it: each means the curated data are incomplete for a reason that is not
the plan's. They are errors in ``validate`` and make ``build`` fail (see
:data:`~hammplan.records.findings.READ_FAILURES`), so a broken run never looks cleaner than
a good one.
"""

from __future__ import annotations

from hammplan.curate.checks.order import unjoined
from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.records.document import ExtractedDocument, Leftover

FAMILY_NAMES = {
    "budget": "Budgettabelle",
    "profile": "Steckbrief",
    "population": "Bevölkerungstabelle",
    "index": "Verzeichnis",
    "overview": "Übersicht",
}
"""Table families whose leftovers are content the run could not read (German names)."""


def _page(leftover: Leftover) -> int | None:
    if leftover.page is not None:
        return leftover.page
    pages = [page for cell in leftover.cells for page in cell.pages]
    return pages[0] if pages else None


def _ref(leftover: Leftover, number: int) -> Ref:
    return Ref(kind="table", id=f"{leftover.family}-{number}", page=_page(leftover))


def check_reading(doc: ExtractedDocument) -> list[Finding]:
    """An error finding for each skipped page, each leftover of a known table family and a
    budget that has headers but no rows; a warning for each table of no known family."""
    findings: list[Finding] = []
    for number, leftover in enumerate(doc.leftovers, start=1):
        text = quoted(" ".join(c.text for c in leftover.cells)) if leftover.cells else ""
        if leftover.family == "page_order" or unjoined(leftover):
            continue  # reported by checks/order.py (page_order, rows_not_joined)
        if leftover.family == "page":
            findings.append(
                Finding(
                    code="page_skipped",
                    severity="error",
                    message=f"Seite nicht gelesen: {leftover.reason}",
                    refs=[
                        Ref(kind="page", id=f"p{_page(leftover) or number}", page=_page(leftover))
                    ],
                )
            )
        elif leftover.family in FAMILY_NAMES:
            findings.append(
                Finding(
                    code="table_unreadable",
                    severity="error",
                    message=(
                        f"{FAMILY_NAMES[leftover.family]}: Inhalt nicht gelesen "
                        f"({leftover.reason}) {text}"
                    ).rstrip(),
                    refs=[_ref(leftover, number)],
                )
            )
        else:
            findings.append(
                Finding(
                    code="table_unknown",
                    severity="warning",
                    message=f"Tabelle keiner bekannten Art ({leftover.reason}) {text}".rstrip(),
                    refs=[_ref(leftover, number)],
                )
            )
    if doc.budget_headers and not doc.budget_rows:
        pages = sorted({p for h in doc.budget_headers for c in h.cells for p in c.pages})
        findings.append(
            Finding(
                code="budget_rows_missing",
                severity="error",
                message=(
                    f"{len(doc.budget_headers)} Kopfzeilen einer Budgettabelle gefunden, "
                    "aber keine Budgetzeile gelesen"
                ),
                refs=[Ref(kind="table", id="budget", page=pages[0] if pages else None)],
            )
        )
    return findings
