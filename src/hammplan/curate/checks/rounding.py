"""Whole euros against cents: did the plan round the amount, or cut the cents off?

"51.345 €" in a profile for "51.345,87 €" in the budget is not rounded (that would be
51.346 €) but truncated. Both are small, but a reader summing the plan's amounts needs to
know which rule the plan follows, so the finding says which one it is.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from hammplan.curate.findings import Finding, Ref, euro


def whole_euros(
    what: str, kosten: Decimal, aufwand: Decimal, year: int, refs: list[Ref]
) -> Finding:
    """The finding for Kosten and Aufwand less than a euro apart (one of them in cents)."""
    precise, whole = (
        (kosten, aufwand) if kosten != kosten.to_integral_value() else (aufwand, kosten)
    )
    rounded = precise.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    truncated = precise.quantize(Decimal(1), rounding=ROUND_DOWN)
    side = "Steckbrief" if whole == kosten else "Haushalt"
    if whole == truncated and whole != rounded:
        return Finding(
            code="kosten_truncated",
            severity="info",
            message=(
                f"Steckbrief {what}: Kosten {euro(kosten)}, Aufwand {year} des Haushalts "
                f"{euro(aufwand)}: der {side} schneidet die Cents von {euro(precise)} ab "
                f"(gerundet wären es {euro(rounded)}); wer Beträge des Plans summiert, "
                "muss wissen, dass nicht gerundet wurde"
            ),
            refs=refs,
        )
    return Finding(
        code="kosten_rounded",
        severity="info",
        message=(
            f"Steckbrief {what}: Kosten {euro(kosten)}, Aufwand {year} des Haushalts "
            f"{euro(aufwand)}: der {side} rundet {euro(precise)} auf ganze Euro"
            + (" (abgeschnitten wäre dasselbe)" if rounded == truncated else "")
        ),
        refs=refs,
    )
