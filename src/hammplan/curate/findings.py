"""Wording of finding messages: numbers, amounts, shares and quotes the German way.

The finding records themselves (:class:`~hammplan.records.findings.Finding`, their codes and
order) are in :mod:`hammplan.records.findings`, beside the other records; they are re-exported
here because every check builds findings with these helpers.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from hammplan.records.findings import (
    FINDING_CODES,
    SEVERITY_ORDER,
    Finding,
    Ref,
    Severity,
    count_by_severity,
    sort_findings,
)

__all__ = [
    "FINDING_CODES",
    "SEVERITY_ORDER",
    "Finding",
    "Ref",
    "Severity",
    "count_by_severity",
    "euro",
    "number",
    "quoted",
    "share",
    "sort_findings",
]


def number(value: Decimal | None) -> str:
    """A count or amount the German way ("74.637", "45.821,54"), through babel; "?" if None."""
    if value is None:
        return "?"
    places = "#,##0" if value == value.to_integral_value() else "#,##0.00"
    return format_decimal(value, format=places, locale="de_DE")


def euro(value: Decimal | None) -> str:
    """An amount in euros the German way ("1.012.000 €", "45.821,54 €")."""
    return "?" if value is None else f"{number(value)} €"


def share(value: Decimal) -> str:
    """A percentage with one decimal place, the German way ("41,0")."""
    return format_decimal(value, format="0.0", locale="de_DE")


def quoted(text: str, limit: int = 120) -> str:
    """Text in German quotation marks, cut at ``limit`` characters, for finding messages."""
    text = " ".join(text.split())
    return f"„{text if len(text) <= limit else text[: limit - 1] + '…'}“"
