"""A funding share stated in a profile ("Eine Zuwendung von 80 % der Kosten aus
Landesmitteln") against the budget row's Ertrag as a share of its Aufwand, year by year.

A stated rule that one year of the budget does not follow is worth a look (warning): the
year may be incomplete ("Stand 30.06"), or the text or the table is out of date.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hammplan.curate.checks.running import (
    page_of,
    phrases,
    profile_sentences,
    read_number,
    sentence_ref,
    share_group,
)
from hammplan.curate.findings import Finding, Ref, euro, quoted, share
from hammplan.records.plan import BudgetLine, Measure
from hammplan.vocabulary import RunningTextVocabulary


def _cost_share(words: RunningTextVocabulary) -> re.Pattern[str]:
    """A share of the costs: "80 % der Kosten", "50 Prozent der Gesamtkosten"."""
    return re.compile(rf"{share_group('share', words)}\s+{phrases(words.cost_share_words)}")


TOLERANCE = Decimal(1)
"""Percentage points a year's Ertrag/Aufwand may differ from the stated share (rounding)."""


def check_cost_shares(
    measures: list[Measure], budget: list[BudgetLine], words: RunningTextVocabulary
) -> list[Finding]:
    """Each "N % der Kosten" against Ertrag / Aufwand of every budget year that states both."""
    cost_share = _cost_share(words)
    by_id = {line.id: line for line in budget}
    findings: list[Finding] = []
    for measure in measures:
        lines = [by_id[i] for i in measure.budget_rows if i in by_id]
        if len(lines) != 1:
            continue
        line = lines[0]
        for sentence in profile_sentences(measure, words, ("beschreibung", "sachstand")):
            for match in cost_share.finditer(sentence.text):
                stated = read_number(match.group("share"))
                if stated is None:
                    continue
                for year in (values.jahr for values in line.jahre):
                    aufwand, ertrag = line.aufwand(year), line.ertrag(year)
                    if aufwand.status != "ok" or ertrag.status != "ok":
                        continue
                    if not aufwand.betrag_eur or ertrag.betrag_eur is None:
                        continue
                    actual = ertrag.betrag_eur * 100 / aufwand.betrag_eur
                    if abs(actual - stated) <= TOLERANCE:
                        continue
                    findings.append(
                        Finding(
                            code="kosten_share_mismatch",
                            severity="warning",
                            message=(
                                f"Steckbrief {quoted(measure.titel)} ({page_of(sentence.page)}) "
                                f"nennt {quoted(match.group(0))}; im Haushalt "
                                f"({page_of(line.page)}) deckt der Ertrag {year} "
                                f"({euro(ertrag.betrag_eur)}) {share(actual)} % des Aufwands "
                                f"({euro(aufwand.betrag_eur)}). Der genannte Anteil gilt in "
                                f"diesem Jahr nicht, oder eine der Zahlen ist überholt"
                            ),
                            refs=[
                                sentence_ref(measure, sentence),
                                Ref(
                                    kind="budget",
                                    id=line.id,
                                    page=line.page,
                                    field=f"ertrag_{year}",
                                ),
                            ],
                        )
                    )
    return findings
