"""Linking records across tables: budget rows, index entries and overview rows to measures.

Every link records its similarity score and method; what cannot be linked is reported.
Budget rows and index entries are paired one to one (each profile has one of each); overview
rows may repeat a measure, which is reported as a duplicate, not linked twice silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from hammplan.curate.findings import Finding, Ref, quoted
from hammplan.curate.names import assign_one_to_one, best_match, expand_abbreviations, match_key
from hammplan.curate.profiles import CuratedProfile
from hammplan.records.plan import BudgetLine, IndexLink, Link, OverviewLink

LINK_THRESHOLD = 80.0
"""Token-set similarity (0-100) at which two names are taken to name the same measure."""

GARBLED_LINK_THRESHOLD = 70.0
"""Lower bar for names left over once the sure links are made, and for index entries, which
the plan's recognition garbled more than other tables."""


def _link(measure_id: str | None, score: float | None) -> Link:
    if measure_id is None:
        return Link(measure_id=None, method="none")
    return Link(
        measure_id=measure_id,
        score=score,
        method="exact" if score is not None and score >= 100 else "fuzzy",
    )


def _part_link(line: BudgetLine, profiles: list[CuratedProfile]) -> tuple[str, float] | None:
    """A profile whose labelled cost parts name this budget row, with the similarity of the
    part's label and the row's name (every link has its score, a part link too)."""
    row_key = match_key(line.massnahme)
    name = set(row_key.split())
    for profile in profiles:
        labels = [p.label for p in profile.kosten.parts if p.label]
        for label in labels:
            key = match_key(label)
            if key and set(key.split()) <= name:
                return profile.id, float(fuzz.token_set_ratio(key, row_key))
    return None


def _keyer(abbreviations: dict[str, str] | None) -> Callable[[str], str]:
    """Match keys with the plan's own abbreviations written out ("MSO" -> the full word)."""
    return lambda name: expand_abbreviations(match_key(name), abbreviations or {})


def link_budget(
    lines: list[BudgetLine],
    profiles: list[CuratedProfile],
    abbreviations: dict[str, str] | None = None,
) -> list[Finding]:
    """Set each budget line's link; findings for lines no profile names.

    Rows that a profile's labelled cost parts name are linked to it first (the strongest
    evidence there is); the others are paired one to one with the remaining profiles.
    """
    key = _keyer(abbreviations)
    findings: list[Finding] = []
    by_part = {i: p for i, line in enumerate(lines) if (p := _part_link(line, profiles))}
    taken = {measure_id for measure_id, _ in by_part.values()}
    free = [j for j, p in enumerate(profiles) if p.id not in taken]
    rest = [i for i in range(len(lines)) if i not in by_part]
    keys = [key(p.titel) for p in profiles]
    pairs = assign_one_to_one(
        [key(lines[i].massnahme) for i in rest],
        [keys[j] for j in free],
        LINK_THRESHOLD,
        GARBLED_LINK_THRESHOLD,
    )
    for position, i in enumerate(rest):
        if position in pairs:
            target, score = pairs[position]
            lines[i].link = _link(profiles[free[target]].id, score)
    for position, line in enumerate(lines):
        if position in by_part:
            measure_id, score = by_part[position]
            line.link = Link(measure_id=measure_id, score=score, method="part")
            title = next(p.titel for p in profiles if p.id == measure_id)
            findings.append(
                Finding(
                    code="budget_linked_by_part",
                    severity="info",
                    message=(
                        f"Haushaltszeile {quoted(line.massnahme)} ist einer der Teile, die "
                        f"der Steckbrief {quoted(title)} in seinen Kosten nennt"
                    ),
                    refs=[
                        Ref(kind="budget", id=line.id, page=line.page),
                        Ref(kind="measure", id=measure_id),
                    ],
                )
            )
            continue
        if line.link.measure_id is not None:
            continue
        best = best_match(key(line.massnahme), keys)
        hint = (
            (
                f"; am nächsten: {quoted(profiles[best.candidate].titel)} "
                f"(Ähnlichkeit {best.score:.0f})"
            )
            if best
            else ""
        )
        findings.append(
            Finding(
                code="budget_without_profile",
                severity="warning",
                message=f"Haushaltszeile {quoted(line.massnahme)} passt zu keinem Steckbrief{hint}",
                refs=[Ref(kind="budget", id=line.id, page=line.page)],
            )
        )
    return findings


def link_index(
    links: list[IndexLink],
    profiles: list[CuratedProfile],
    abbreviations: dict[str, str] | None = None,
) -> list[Finding]:
    """Pair index entries with profiles; report garbled and unlinked entries."""
    key = _keyer(abbreviations)
    keys = [key(p.titel) for p in profiles]
    pairs = assign_one_to_one([key(e.titel) for e in links], keys, GARBLED_LINK_THRESHOLD)
    findings: list[Finding] = []
    for position, entry in enumerate(links):
        ref = Ref(kind="index", id=entry.id, page=entry.page)
        if entry.seite is None:
            findings.append(
                Finding(
                    code="index_page_unreadable",
                    severity="info",
                    message=(
                        f"Verzeichniseintrag {quoted(entry.titel)}: Seite "
                        f"{quoted(entry.seite_raw)} ist keine Zahl"
                    ),
                    refs=[ref],
                )
            )
        if position not in pairs:
            findings.append(
                Finding(
                    code="index_without_profile",
                    severity="warning",
                    message=f"Verzeichniseintrag {quoted(entry.titel)} passt zu keinem Steckbrief",
                    refs=[ref],
                )
            )
            continue
        target, score = pairs[position]
        entry.link = _link(profiles[target].id, score)
        if score < LINK_THRESHOLD:
            findings.append(
                Finding(
                    code="index_title_garbled",
                    severity="info",
                    message=(
                        f"Verzeichniseintrag {quoted(entry.titel)} ist verstümmelt; verknüpft mit "
                        f"{quoted(profiles[target].titel)} (Ähnlichkeit {score:.0f})"
                    ),
                    refs=[ref, Ref(kind="measure", id=profiles[target].id)],
                )
            )
    return findings


def _distinct_parts(title: str, first: str, second: str) -> bool:
    """Two overview names that are the two halves of a title "A und B", not one name twice."""
    parts = {match_key(part) for part in re.split(r"\s+und\s+|\s*/\s*", title)}
    keys = {match_key(first), match_key(second)}
    return len(parts) >= 2 and len(keys) == 2 and keys <= parts


def link_overview(
    rows: list[OverviewLink],
    profiles: list[CuratedProfile],
    abbreviations: dict[str, str] | None = None,
) -> list[Finding]:
    """Link overview rows to profiles; report unnamed, unlinked and repeated rows.

    Rows are paired one to one first, so a row that merely resembles an already paired measure
    ("Alpha Integrationskurse" beside "Allgemeine Integrationskurse") still finds its own; the
    rows left over are linked to their nearest measure and reported as repeats.
    """
    key_of = _keyer(abbreviations)
    keys = [key_of(p.titel) for p in profiles]
    named = [i for i, row in enumerate(rows) if match_key(row.massnahme)]
    pairs = assign_one_to_one(
        [key_of(rows[i].massnahme) for i in named], keys, LINK_THRESHOLD, GARBLED_LINK_THRESHOLD
    )
    first: dict[str, OverviewLink] = {}
    for position, i in enumerate(named):
        if position in pairs:
            target, score = pairs[position]
            rows[i].link = _link(profiles[target].id, score)
            first[profiles[target].id] = rows[i]
    findings: list[Finding] = []
    for row in rows:
        ref = Ref(kind="overview", id=row.id, page=row.page)
        key = key_of(row.massnahme)
        if not key:
            findings.append(
                Finding(
                    code="overview_row_unnamed",
                    severity="info",
                    message=(
                        "Eine Zeile der Übersicht nennt keine Maßnahme (Markierungen: "
                        f"{', '.join(row.handlungsfelder) or 'keine'})"
                    ),
                    refs=[ref],
                )
            )
            continue
        if row.link.measure_id is not None:
            continue
        best = best_match(key, keys)
        if best is None or best.score < LINK_THRESHOLD:
            findings.append(
                Finding(
                    code="overview_without_profile",
                    severity="warning",
                    message=f"Übersichtszeile {quoted(row.massnahme)} passt zu keinem Steckbrief",
                    refs=[ref],
                )
            )
            continue
        measure_id = profiles[best.candidate].id
        row.link = _link(measure_id, best.score)
        earlier = first.get(measure_id)
        title = profiles[best.candidate].titel
        if earlier is not None and _distinct_parts(title, earlier.massnahme, row.massnahme):
            findings.append(
                Finding(
                    code="overview_row_part",
                    severity="info",
                    message=(
                        f"Die Übersicht führt die Teile von {quoted(title)} in eigenen Zeilen: "
                        f"{quoted(earlier.massnahme)} und {quoted(row.massnahme)}"
                    ),
                    refs=[Ref(kind="overview", id=earlier.id, page=earlier.page), ref],
                )
            )
            continue
        findings.append(
            Finding(
                code="overview_duplicate",
                severity="warning",
                message=(
                    f"Die Übersicht führt {quoted(profiles[best.candidate].titel)} erneut als "
                    f"{quoted(row.massnahme)}"
                    + (f" (zuerst als {quoted(earlier.massnahme)})" if earlier else "")
                ),
                refs=[
                    *([Ref(kind="overview", id=earlier.id, page=earlier.page)] if earlier else []),
                    ref,
                ],
            )
        )
    return findings
