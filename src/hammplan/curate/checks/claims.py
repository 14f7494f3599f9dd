"""The running text's own figures ("ca. 39 %", "knapp 75.000") against the district table."""

from __future__ import annotations

import re
from decimal import Decimal

from hammplan.curate.findings import Finding, Ref, number, share
from hammplan.records.plan import District, StatsClaim
from hammplan.vocabulary import ClaimsVocabulary

_SHARE = re.compile(r"(\d{1,3}(?:,\d+)?)\s?%")
_COUNT = re.compile(
    r"\b(knapp|ca\.|circa|rund|etwa|fast|über)\s+(\d{1,3}(?:\.\d{3})+|\d+)(?:\s+(Tausend))?(?![\d,.]*\s?(?:%|Prozent))",
    re.IGNORECASE,
)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def _totals(districts: list[District]) -> dict[str, Decimal]:
    total = next((d for d in districts if d.ist_gesamt), None)
    columns = ("auslaender", "eingebuergerte", "aussiedler", "migh_gesamt", "deutsche_ohne_migh")
    result: dict[str, Decimal] = {}
    for column in columns:
        if total is not None and getattr(total, column) is not None:
            result[column] = getattr(total, column)
        else:
            values = [getattr(d, column) for d in districts if not d.ist_gesamt]
            if values and all(v is not None for v in values):
                result[column] = sum(values, Decimal(0))
    return result


def _count_holds(qualifier: str, claimed: Decimal, actual: Decimal, tolerance: float) -> bool:
    slack = claimed * Decimal(str(tolerance)) / 100
    qualifier = qualifier.casefold()
    if qualifier in ("knapp", "fast"):
        return claimed - slack <= actual <= claimed
    if qualifier == "über":
        return actual >= claimed
    return abs(actual - claimed) <= slack


def check_claims(
    claims: list[StatsClaim], districts: list[District], vocab: ClaimsVocabulary
) -> list[Finding]:
    """Each share or count the text claims about the population, confirmed or contradicted."""
    totals = _totals(districts)
    findings: list[Finding] = []
    for claim in claims:
        text = claim.text
        ref = Ref(kind="statement", id=claim.id, page=claim.page)
        if any(word in text for word in vocab.other_scope_words):
            continue
        words = [*vocab.migration_words, *(w for ws in vocab.count_words.values() for w in ws)]
        if not any(word.casefold() in text.casefold() for word in words):
            continue
        migh, rest = totals.get("migh_gesamt"), totals.get("deutsche_ohne_migh")
        for match in _SHARE.finditer(text):
            if migh is None or rest is None:
                break
            claimed = _number(match.group(1))
            actual = migh * 100 / (migh + rest)
            ok = abs(actual - claimed) <= 1
            findings.append(
                Finding(
                    code="claim_confirmed" if ok else "claim_share_mismatch",
                    severity="info" if ok else "error",
                    message=(
                        f"Der Text nennt {match.group(0).strip()} mit Migrationshintergrund; "
                        f"die Tabelle der Sozialräume ergibt {share(actual)} % ({number(migh)} "
                        f"von {number(migh + rest)} Einwohner:innen)"
                    ),
                    refs=[ref],
                )
            )
        for match in _COUNT.finditer(text):
            claimed = _number(match.group(2)) * (1000 if match.group(3) else 1)
            following = text[match.end() : match.end() + 80].casefold()
            column = next(
                (
                    c
                    for c, words in vocab.count_words.items()
                    if any(w.casefold() in following for w in words)
                ),
                None,
            )
            if column is None or column not in totals:
                continue
            actual = totals[column]
            ok = _count_holds(match.group(1), claimed, actual, vocab.tolerance_percent)
            findings.append(
                Finding(
                    code="claim_confirmed" if ok else "claim_count_mismatch",
                    severity="info" if ok else "error",
                    message=(
                        f"Der Text nennt „{match.group(0)}“ ({column}); die Tabelle der "
                        f"Sozialräume ergibt {number(actual)}"
                    ),
                    refs=[ref],
                )
            )
    return findings
