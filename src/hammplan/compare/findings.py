"""Findings of the plan's own checks across editions: new, resolved, or still open.

A finding's message names pages and figures that move between editions, so findings are
paired by what they are about instead: their code and the records they point to, with an old
edition's measure standing for the new measure it was matched to, a budget row for its
measure (or its printed name), a district for its name.
"""

from __future__ import annotations

from hammplan.compare.model import FindingChange
from hammplan.curate.names import match_key
from hammplan.records.findings import Finding, Ref, sort_findings
from hammplan.records.plan import CuratedPlan

FindingKey = tuple[str, tuple[str, ...]]


def _subject(ref: Ref, plan: CuratedPlan, measure_ids: dict[str, str]) -> str:
    """What a reference is about, the same in both editions."""
    if ref.kind == "measure":
        return f"measure:{measure_ids.get(ref.id, ref.id)}:{ref.field or ''}"
    if ref.kind == "budget":
        line = next((b for b in plan.budget if b.id == ref.id), None)
        if line is not None and line.link.measure_id is not None:
            measure = measure_ids.get(line.link.measure_id, line.link.measure_id)
            return f"budget:{measure}:{ref.field or ''}"
        name = match_key(line.massnahme) if line is not None else ref.id
        return f"budget:{name}:{ref.field or ''}"
    if ref.kind == "district":
        district = next((d for d in plan.districts if d.sozialraum == ref.id), None)
        return f"district:{match_key(district.sozialraum if district else ref.id)}"
    return f"{ref.kind}:{ref.id}:{ref.field or ''}"


def finding_key(finding: Finding, plan: CuratedPlan, measure_ids: dict[str, str]) -> FindingKey:
    """The code and the (sorted) subjects of a finding."""
    return finding.code, tuple(sorted({_subject(r, plan, measure_ids) for r in finding.refs}))


def finding_changes(
    old: CuratedPlan, new: CuratedPlan, old_to_new: dict[str, str]
) -> list[FindingChange]:
    """Each finding of either edition: ``neu`` (new edition only), ``behoben`` (old only,
    resolved) or ``offen`` (both); new edition's first, in the report's order."""
    before: dict[FindingKey, list[Finding]] = {}
    for finding in sort_findings(old.findings):
        before.setdefault(finding_key(finding, old, old_to_new), []).append(finding)
    changes = []
    for finding in sort_findings(new.findings):
        key = finding_key(finding, new, {})
        earlier = before.get(key)
        previous = earlier.pop(0) if earlier else None
        changes.append(
            FindingChange(
                status="offen" if previous else "neu",
                code=finding.code,
                severity=finding.severity,
                message=finding.message,
                pages_alt=previous.pages if previous else [],
                pages_neu=finding.pages,
            )
        )
    for finding in sort_findings(old.findings):
        left = before.get(finding_key(finding, old, old_to_new), [])
        if finding in left:
            left.remove(finding)
            changes.append(
                FindingChange(
                    status="behoben",
                    code=finding.code,
                    severity=finding.severity,
                    message=finding.message,
                    pages_alt=finding.pages,
                    pages_neu=[],
                )
            )
    return changes
