"""measures.json and findings.json: JSON views of the plan beside plan.json."""

from __future__ import annotations

import json
import sys

from hammplan.publish.cells import number_or_none
from hammplan.records.findings import count_by_severity, sort_findings
from hammplan.records.plan import CuratedPlan


def json_bytes(data: object) -> bytes:
    """JSON as UTF-8 with umlauts readable, two-space indent, and a final newline.

    Integers are written in full however long (a garbled cell can read as thousands of
    digits), as plan.json writes them; Python otherwise refuses to print one of over 4300.
    """
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    finally:
        sys.set_int_max_str_digits(limit)
    return (text + "\n").encode("utf-8")


def measures_json(plan: CuratedPlan) -> bytes:
    """measures.json: each measure with its profile fields and links, lists kept as lists."""
    return json_bytes(
        [
            {
                "id": m.id,
                "titel": m.titel,
                "traeger": m.traeger,
                "beschreibung": m.beschreibung,
                "handlungsfelder": m.handlungsfelder,
                "zielgruppe": m.zielgruppe,
                "sachstand": m.sachstand,
                "kennzahlen": [
                    {
                        "label": k.label,
                        "value": number_or_none(k.value),
                        "unit": k.unit,
                        "status": k.status,
                    }
                    for k in m.kennzahlen
                ],
                "kosten": {
                    "raw": m.kosten.raw,
                    "betrag_eur": number_or_none(m.kosten.betrag_eur),
                    "status": m.kosten.status,
                    "stand": m.kosten.stand.isoformat() if m.kosten.stand else None,
                },
                "pages": m.pages,
                "budget_rows": m.budget_rows,
                "index_entry": m.index_entry,
                "overview_rows": m.overview_rows,
            }
            for m in plan.measures
        ]
    )


def findings_json(plan: CuratedPlan) -> bytes:
    """findings.json: counts by severity, then every finding with its refs, errors first."""
    return json_bytes(
        {
            "summary": count_by_severity(plan.findings),
            "findings": [f.model_dump(mode="json") for f in sort_findings(plan.findings)],
        }
    )
