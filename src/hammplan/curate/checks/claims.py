"""The running text's own figures ("ca. 39 %", "knapp 75.000") against the district table."""

from __future__ import annotations

import re
from decimal import Decimal

from hammplan.curate.checks.running import number_group, phrases, read_number, share_group
from hammplan.curate.findings import Finding, Ref, number, share
from hammplan.records.plan import District, StatsClaim
from hammplan.vocabulary import ClaimsVocabulary, RunningTextVocabulary


def _share(words: RunningTextVocabulary) -> re.Pattern[str]:
    """A share the text states: "ca. 39 %", "41%"."""
    return re.compile(share_group("share", words))


def _count(words: RunningTextVocabulary) -> re.Pattern[str]:
    """A rounded count the text states, not a share: "knapp 75.000", "rund 74 Tausend"."""
    qualifiers = phrases([*words.about_words, *words.below_words, *words.above_words])
    return re.compile(
        rf"\b(?P<qualifier>{qualifiers})\s+{number_group('count')}"
        rf"(?:\s+(?P<thousand>{phrases(words.thousand_words)}))?"
        rf"(?![\d,.]*\s?{phrases(words.percent_words)})",
        re.IGNORECASE,
    )


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


def _count_holds(
    qualifier: str,
    claimed: Decimal,
    actual: Decimal,
    tolerance: float,
    words: RunningTextVocabulary,
) -> bool:
    """Whether ``actual`` is what "``qualifier`` ``claimed``" says: a below word ("knapp")
    claims a little under, an above word ("über") more, an about word ("ca.") within the
    tolerance."""
    slack = claimed * Decimal(str(tolerance)) / 100
    said = " ".join(qualifier.casefold().split())
    if said in {word.casefold() for word in words.below_words}:
        return claimed - slack <= actual <= claimed
    if said in {word.casefold() for word in words.above_words}:
        return actual >= claimed
    return abs(actual - claimed) <= slack


def check_claims(
    claims: list[StatsClaim],
    districts: list[District],
    vocab: ClaimsVocabulary,
    words: RunningTextVocabulary,
) -> list[Finding]:
    """Each share or count the text claims about the population, confirmed or contradicted
    (numbers read as every running-text check reads them)."""
    totals = _totals(districts)
    share_pattern, count_pattern = _share(words), _count(words)
    findings: list[Finding] = []
    for claim in claims:
        text = claim.text
        ref = Ref(kind="statement", id=claim.id, page=claim.page)
        if any(word in text for word in vocab.other_scope_words):
            continue
        topic = [*vocab.migration_words, *(w for ws in vocab.count_words.values() for w in ws)]
        if not any(word.casefold() in text.casefold() for word in topic):
            continue
        migh, rest = totals.get("migh_gesamt"), totals.get("deutsche_ohne_migh")
        for match in share_pattern.finditer(text):
            if migh is None or rest is None:
                break
            claimed = read_number(match.group("share"))
            if claimed is None:
                continue
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
        for match in count_pattern.finditer(text):
            stated = read_number(match.group("count"))
            if stated is None:
                continue
            claimed = stated * (1000 if match.group("thousand") else 1)
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
            ok = _count_holds(
                match.group("qualifier"), claimed, actual, vocab.tolerance_percent, words
            )
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
