"""Finding helpers: German numbers (babel), quoting, ordering."""

from __future__ import annotations

from decimal import Decimal

from hammplan.curate.findings import Finding, euro, number, quoted, share, sort_findings


def test_numbers_are_german() -> None:
    assert number(Decimal(74637)) == "74.637"
    assert euro(Decimal("45821.54")) == "45.821,54 €"
    assert euro(Decimal("1012000.00")) == "1.012.000 €"
    assert euro(None) == "?"
    assert share(Decimal("40.996")) == "41,0"


def test_quoted_cuts_long_text() -> None:
    assert quoted("  o.  A. ") == "„o. A.“"
    assert quoted("x" * 200, limit=10) == "„" + "x" * 9 + "…“"


def test_errors_come_first() -> None:
    findings = [
        Finding(code="b", severity="info", message=""),
        Finding(code="a", severity="warning", message=""),
        Finding(code="c", severity="error", message=""),
    ]
    assert [f.code for f in sort_findings(findings)] == ["c", "a", "b"]
