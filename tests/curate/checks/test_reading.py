"""What the run could not read is an error finding, never content."""

from __future__ import annotations

from hammplan.curate.checks.order import check_page_order
from hammplan.curate.checks.reading import check_reading
from hammplan.records import (
    BBox,
    BudgetHeader,
    ExtractedDocument,
    Leftover,
    SourceCell,
    SourceInfo,
    Span,
)
from hammplan.records.findings import READ_FAILURES, count_read_failures


def cell(text: str, page: int) -> SourceCell:
    return SourceCell(text=text, spans=[Span(page=page, bbox=BBox(x0=1, top=2, x1=3, bottom=4))])


def document(**fields: object) -> ExtractedDocument:
    source = SourceInfo(file_name="plan.pdf", sha256="0" * 64, page_count=9)
    return ExtractedDocument.model_validate({"tool_version": "0", "source": source, **fields})


def test_a_complete_run_has_no_reading_findings(plan: ExtractedDocument) -> None:
    assert check_reading(plan) == []


def test_skipped_pages_and_unread_tables_are_errors_unknown_tables_warnings() -> None:
    doc = document(
        leftovers=[
            Leftover(
                family="page",
                reason="page 4 not read: it took longer than 0.01 s",
                cells=[],
                page=4,
            ),
            Leftover(
                family="budget",
                reason="header of unexpected width",
                cells=[cell("StA", 6), cell("Aufwand", 6)],
            ),
            Leftover(
                family="unknown",
                reason="table on page 8 of no known family",
                cells=[cell("Telefon", 8)],
            ),
        ]
    )
    findings = check_reading(doc)
    assert [(f.code, f.severity, f.refs[0].kind, f.refs[0].page) for f in findings] == [
        ("page_skipped", "error", "page", 4),
        ("table_unreadable", "error", "table", 6),
        ("table_unknown", "warning", "table", 8),
    ]
    assert findings[0].message == "Seite nicht gelesen: page 4 not read: it took longer than 0.01 s"
    assert "Budgettabelle" in findings[1].message and "„StA Aufwand“" in findings[1].message
    assert count_read_failures(findings) == 2


def test_budget_headers_without_a_single_row_are_an_error() -> None:
    header = BudgetHeader(cells=[cell(name, 12) for name in ("StA", "Name", "Aufwand 2030")])
    [finding] = check_reading(document(budget_headers=[header, header]))
    assert (finding.code, finding.severity, finding.refs[0].page) == (
        "budget_rows_missing",
        "error",
        12,
    )
    assert finding.message == (
        "2 Kopfzeilen einer Budgettabelle gefunden, aber keine Budgetzeile gelesen"
    )
    assert finding.code in READ_FAILURES


def test_rows_not_joined_are_matched_by_kind_and_page_never_by_the_wording() -> None:
    """Rewording a leftover's reason changes no finding: kind and page carry the facts."""
    leftovers = [
        Leftover(family="page_order", reason="Seite kommt zu früh", cells=[], page=7),
        Leftover(
            family="budget",
            reason="Folgezeile ohne Vorgänger",
            cells=[cell("", 7)],
            page=7,
            kind="not_joined",
        ),
        Leftover(family="budget", reason="row on page 3 not joined", cells=[cell("x", 3)]),
    ]
    codes = {f.code: f.message for f in check_page_order(leftovers)}
    assert codes == {
        "page_order": "Die Seiten des PDF stehen nicht in der gedruckten Reihenfolge: "
        "1 Brüche, vor PDF-Seite 7",
        "rows_not_joined": "1 Tabellenzeilen keinem Datensatz zugeordnet, weil ihre Seite "
        "nicht auf die Seite der Zeile davor folgt (PDF-Seite 7)",
    }
    # the page-order leftovers are check_page_order's; the third, without kind, is unread
    assert [f.code for f in check_reading(document(leftovers=leftovers))] == ["table_unreadable"]
