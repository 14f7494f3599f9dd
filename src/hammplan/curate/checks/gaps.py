"""Gaps between a profile's Kennzahlen and its budget row: one states a figure, one says "o. A.".

These are the commonest gaps of a plan: the profile prints "Teilnehmende: 967" while the
budget row's Kennzahl and Wert are "o. A." for the same year, or the budget row counts what
the profile leaves unstated. Neither side is wrong on its own; together they show that one
of the plan's two tables is incomplete, so each is a warning. A Kennzahlen cell that names
what it counts but prints no number ("Familien") is a gap of its own.
"""

from __future__ import annotations

from hammplan.curate.checks.costs import LinkedMeasures
from hammplan.curate.checks.running import kennzahl_ref, page_of
from hammplan.curate.findings import Finding, Ref, number, quoted
from hammplan.curate.keyfigures import label_year
from hammplan.records.plan import BudgetLine, Measure
from hammplan.records.values import KeyFigure


def _shown(figures: list[KeyFigure]) -> str:
    """ "Teilnehmende: 967, Schulen: 2" for the stated figures of a cell."""
    return ", ".join(
        f"{f.label}: {number(f.value)}" if f.label else number(f.value) for f in figures
    )


def _kennzahl_page(measure: Measure) -> int | None:
    return kennzahl_ref(measure).page


def _refs(measure: Measure, lines: list[BudgetLine], year: int) -> list[Ref]:
    refs = [kennzahl_ref(measure)]
    refs += [
        Ref(kind="budget", id=line.id, page=line.wert(year).page or line.page, field=f"wert_{year}")
        for line in lines
    ]
    return refs


def _stated(measure: Measure, year: int) -> list[KeyFigure]:
    """Stated figures for ``year``: a label naming another year ("in JJJJ") is not one."""
    return [
        k
        for k in measure.kennzahlen
        if k.status == "ok" and k.value is not None and label_year(k.label) in (None, year)
    ]


def check_key_figure_gaps(linked: LinkedMeasures) -> list[Finding]:
    """Kennzahlen stated on one side only, for the year the profile is dated to (a year the
    table does not print is :func:`check_budget_years`' finding)."""
    findings: list[Finding] = []
    for measure, lines, year in linked.pairs:
        profile = _stated(measure, year)
        table = [f for line in lines for f in line.wert(year).items if f.status == "ok"]
        table_silent = all(line.wert(year).status == "not_stated" for line in lines)
        where = ", ".join(f"{quoted(line.massnahme, 60)} ({page_of(line.page)})" for line in lines)
        if profile and table_silent:
            raws = ", ".join(quoted(line.wert(year).raw, 20) for line in lines)
            findings.append(
                Finding(
                    code="kennzahl_not_in_budget",
                    severity="warning",
                    message=(
                        f"Steckbrief {quoted(measure.titel)} ({page_of(_kennzahl_page(measure))}) "
                        f"nennt Kennzahlen {_shown(profile)}; die Haushaltszeile {where} nennt "
                        f"für {year} keinen Wert ({raws}). Eine der beiden Tabellen ist "
                        "unvollständig: die Zahl fehlt dort, wo Leser:innen den Haushalt lesen"
                    ),
                    refs=_refs(measure, lines, year),
                )
            )
        elif not profile and table:
            cell = measure.kennzahlen_cell
            printed = quoted(cell.raw, 60) if cell is not None and cell.raw.strip() else "nichts"
            shown = ", ".join(number(f.value) for f in table)
            findings.append(
                Finding(
                    code="kennzahl_not_in_profile",
                    severity="warning",
                    message=(
                        f"Haushaltszeile {where} nennt für {year} den Wert {shown} "
                        f"({quoted(lines[0].kennzahl.text or '', 60)}); der Steckbrief "
                        f"{quoted(measure.titel)} ({page_of(_kennzahl_page(measure))}) nennt "
                        f"als Kennzahlen {printed}. Der Steckbrief verschweigt eine Zahl, die "
                        "der Haushalt kennt"
                    ),
                    refs=_refs(measure, lines, year),
                )
            )
    return findings


def check_label_only_figures(measures: list[Measure]) -> list[Finding]:
    """Kennzahlen cells that name what they count but print no number at all."""
    findings: list[Finding] = []
    for measure in measures:
        cell = measure.kennzahlen_cell
        if cell is None or not cell.items:
            continue
        if any(k.value is not None for k in cell.items):
            continue
        labels = [
            k.label for k in cell.items if k.label and k.status == "not_stated" and k.raw == k.label
        ]
        if not labels:
            continue
        findings.append(
            Finding(
                code="kennzahl_label_only",
                severity="warning",
                message=(
                    f"Steckbrief {quoted(measure.titel)} ({page_of(cell.page)}) nennt als "
                    f"Kennzahlen {', '.join(quoted(label, 60) for label in labels)}, aber keine "
                    "Zahl dazu: was gezählt werden soll, ist benannt, das Ergebnis fehlt"
                ),
                refs=[kennzahl_ref(measure)],
            )
        )
    return findings
