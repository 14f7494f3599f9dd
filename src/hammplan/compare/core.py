"""Comparing two editions of a plan: :func:`compare_plans` puts the parts together.

Measures are matched first (:mod:`~hammplan.compare.matching`); every other comparison
follows the matching: money per matched measure, findings about the same measure, the
overview's marks of the same measure.
"""

from __future__ import annotations

from hammplan.compare import districts, fields, findings, matching, money, overview
from hammplan.compare.model import (
    Candidate,
    Comparison,
    EditionInfo,
    MeasureChange,
    MeasureStatus,
    Summary,
)
from hammplan.compare.values import budget_values
from hammplan.errors import InputError
from hammplan.records.plan import CuratedPlan, Measure


class UnrelatedEditionsError(InputError):
    """The two documents share too few measures to be two editions of one plan."""


def _first_page(measures: list[Measure]) -> int | None:
    pages = [p for m in measures for p in m.pages]
    return min(pages) if pages else None


def _measure_change(
    status: MeasureStatus, old: list[Measure], new: list[Measure], score: float | None
) -> MeasureChange:
    changes = fields.field_changes(old, new) if old and new else []
    if status == "unveraendert" and changes:
        status = "geaendert"
    return MeasureChange(
        status=status,
        id_alt=";".join(m.id for m in old) or None,
        id_neu=";".join(m.id for m in new) or None,
        titel_alt=" | ".join(m.titel for m in old) or None,
        titel_neu=" | ".join(m.titel for m in new) or None,
        aehnlichkeit=score,
        felder=[c.feld for c in changes],
        page_alt=_first_page(old),
        page_neu=_first_page(new),
        aenderungen=changes,
    )


def measure_changes(
    old: CuratedPlan, new: CuratedPlan, found: matching.Matching
) -> list[MeasureChange]:
    """Rows of ``measures.csv``: the new edition's order (a split in the place of its first
    part), then the dropped measures in the old edition's order."""
    rows = []
    for match in found.matches:
        a = [old.measures[i] for i in match.old]
        b = [new.measures[j] for j in match.new]
        status: MeasureStatus = (
            "geteilt" if len(b) > 1 else "zusammengelegt" if len(a) > 1 else "unveraendert"
        )
        rows.append((min(match.new), _measure_change(status, a, b, match.score)))
    rows += [(j, _measure_change("neu", [], [new.measures[j]], None)) for j in found.added]
    ordered = [row for _, row in sorted(rows, key=lambda r: r[0])]
    return ordered + [
        _measure_change("entfallen", [old.measures[i]], [], None) for i in found.dropped
    ]


def _edition(plan: CuratedPlan, years: list[int]) -> EditionInfo:
    return EditionInfo(
        file_name=plan.source.file_name,
        sha256=plan.source.sha256,
        page_count=plan.source.page_count,
        jahre=years,
    )


def compare_plans(old: CuratedPlan, new: CuratedPlan) -> Comparison:
    """Everything that changed from ``old`` to ``new``.

    Raises :class:`UnrelatedEditionsError` (exit 2) when too few measures are found in both
    (:data:`~hammplan.compare.matching.RELATED_SHARE`): two unrelated plans are refused, not
    reported as every measure dropped and every measure new.
    """
    found = matching.match_measures(old.measures, new.measures)
    if not matching.related(found, len(old.measures), len(new.measures)):
        raise UnrelatedEditionsError(
            f"{old.source.file_name} and {new.source.file_name} share {found.found} of "
            f"{len(old.measures)} and {len(new.measures)} measures (at least "
            f"{matching.RELATED_SHARE:.0%} of the smaller plan expected): they do not look "
            "like two editions of one plan"
        )
    measures = measure_changes(old, new, found)
    values_old, values_new = budget_values(old), budget_values(new)
    years = money.years(values_old, values_new)
    units = [
        money.Unit(
            tuple(c.id_alt.split(";")) if c.id_alt else (),
            tuple(c.id_neu.split(";")) if c.id_neu else (),
            c.titel_neu or c.titel_alt or "",
        )
        for c in measures
    ]
    units += money.unlinked_units(values_old, values_new)
    budget = money.budget_changes(values_old, values_new, units, years.gemeinsam)
    old_to_new = {
        old.measures[m.old[0]].id: new.measures[m.new[0]].id
        for m in found.matches
        if len(m.old) == 1 and len(m.new) == 1
    }
    district_rows = districts.district_changes(old.districts, new.districts)
    finding_rows = findings.finding_changes(old, new, old_to_new)
    comparison = Comparison(
        alt=_edition(old, sorted({int(y) for y in values_old["jahr"]})),
        neu=_edition(new, sorted({int(y) for y in values_new["jahr"]})),
        summary=Summary(
            nichts_geaendert=False, massnahmen={}, betraege_geaendert=0, sozialraeume={}, befunde={}
        ),
        jahre=years,
        measures=measures,
        kandidaten=[
            Candidate(
                id_alt=old.measures[i].id,
                id_neu=new.measures[j].id,
                titel_alt=old.measures[i].titel,
                titel_neu=new.measures[j].titel,
                aehnlichkeit=score,
            )
            for i, j, score in found.candidates
        ],
        budget=budget,
        summen=money.totals(values_old, values_new, years.gemeinsam),
        summen_handlungsfelder=money.totals(
            values_old,
            values_new,
            years.gemeinsam,
            {m.id: m.handlungsfelder for m in old.measures},
            {m.id: m.handlungsfelder for m in new.measures},
        ),
        districts=district_rows,
        district_columns=districts.district_columns(),
        handlungsfelder=overview.field_list_change(old, new),
        uebersicht=overview.overview_changes(old, new, old_to_new),
        findings=finding_rows,
    )
    comparison.summary = summarise(comparison)
    return comparison


def _count(values: list[str], names: tuple[str, ...]) -> dict[str, int]:
    return {name: values.count(name) for name in names}


def summarise(comparison: Comparison) -> Summary:
    """Counts per status, and whether anything changed at all."""
    measure_counts = _count(
        [m.status for m in comparison.measures],
        ("unveraendert", "geaendert", "neu", "entfallen", "geteilt", "zusammengelegt"),
    )
    district_counts = _count(
        [d.status for d in comparison.districts], ("unveraendert", "geaendert", "neu", "entfallen")
    )
    finding_counts = _count([f.status for f in comparison.findings], ("neu", "behoben", "offen"))
    amounts = sum(
        1
        for b in comparison.budget
        if b.alt_status and b.neu_status and (b.alt, b.alt_status) != (b.neu, b.neu_status)
    )
    unchanged = (
        measure_counts["unveraendert"] == len(comparison.measures)
        and district_counts["unveraendert"] == len(comparison.districts)
        and amounts == 0
        and not finding_counts["neu"]
        and not finding_counts["behoben"]
        and not comparison.jahre.nur_alt
        and not comparison.jahre.nur_neu
        and not comparison.handlungsfelder.neu
        and not comparison.handlungsfelder.entfallen
        and not comparison.uebersicht
    )
    return Summary(
        nichts_geaendert=unchanged,
        massnahmen=measure_counts,
        betraege_geaendert=amounts,
        sozialraeume=district_counts,
        befunde=finding_counts,
    )
