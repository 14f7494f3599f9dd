"""A profile's Kosten and Kennzahlen against its budget row(s) for the same year.

The year is the one the profile's Kosten is dated ("Stand: 30.06.27"), or, for an undated
profile, the latest year the budget table prints actual figures for ("Stand 30.06"); the
years are the ones the table's header prints, none is written into the code. A profile whose
year the table does not print is a finding, never a silent skip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from hammplan.curate.checks.rounding import whole_euros
from hammplan.curate.findings import Finding, Ref, euro, quoted
from hammplan.curate.keyfigures import label_year
from hammplan.curate.names import match_key
from hammplan.records.plan import BudgetLine, BudgetYear, Measure, latest_actual_year
from hammplan.records.values import Amount, KeyFigure

ROUNDING = Decimal(1)
"""Differences below one euro are the plan rounding cents away ("51.345" for 51.345,87)."""


def _years_text(years: list[BudgetYear]) -> str:
    return ", ".join(str(y.jahr) for y in years) or "keine Jahre"


def _refs(measure: Measure, lines: list[BudgetLine], field: str) -> list[Ref]:
    refs = [Ref(kind="measure", id=measure.id, page=measure.kosten.page, field="kosten")]
    refs += [Ref(kind="budget", id=line.id, page=line.page, field=field) for line in lines]
    return refs


def _pairs(
    measure: Measure, lines: list[BudgetLine]
) -> list[tuple[str, Amount | None, list[BudgetLine]]]:
    """(label, profile amount, budget lines) to compare: one per labelled cost part when the
    parts name the lines ("Kulturstrolche: 14.100,00 €"), else the whole Kosten and all lines."""
    parts = measure.kosten.parts
    if len(lines) > 1 and parts and all(p.label for p in parts):
        pairs: list[tuple[str, Amount | None, list[BudgetLine]]] = []
        for part in parts:
            key = match_key(part.label or "")
            named = [line for line in lines if key and key in match_key(line.massnahme)]
            amount = Amount(
                raw=part.raw,
                status="ok",
                betrag_eur=part.betrag_eur,
                stand=measure.kosten.stand,
                page=measure.kosten.page,
            )
            pairs.append((part.label or "", amount, named))
        return pairs
    return [("", measure.kosten, lines)]


@dataclass
class LinkedMeasures:
    """The measures with budget lines, each with the year to compare in, and those whose
    year the budget table does not print. Linked once per plan; every check that compares a
    profile with its budget lines reads it."""

    years: list[BudgetYear]
    pairs: list[tuple[Measure, list[BudgetLine], int]] = field(default_factory=list)
    unprinted: list[tuple[Measure, list[BudgetLine]]] = field(default_factory=list)


def linked_measures(
    measures: list[Measure], budget: list[BudgetLine], years: list[BudgetYear]
) -> LinkedMeasures:
    """Each measure with budget lines, those lines, and the year to compare them in."""
    by_id = {line.id: line for line in budget}
    printed = {y.jahr for y in years}
    latest = latest_actual_year(years)
    linked = LinkedMeasures(years)
    for measure in measures:
        lines = [by_id[i] for i in measure.budget_rows if i in by_id]
        if not lines:
            continue
        stand = measure.kosten.stand
        year = stand.year if stand is not None else latest
        if year is not None and year in printed:
            linked.pairs.append((measure, lines, year))
        else:
            linked.unprinted.append((measure, lines))
    return linked


def check_budget_years(linked: LinkedMeasures) -> list[Finding]:
    """One finding per measure whose year the budget table does not print: its Kosten (and
    Kennzahlen, where it states any) are not compared with the budget."""
    findings = []
    for measure, lines in linked.unprinted:
        stand = measure.kosten.stand
        if stand is not None:
            reason = (
                f"nennen den Stichtag {stand.strftime('%d.%m.%Y')} "
                f"({quoted(measure.kosten.raw)}), die Haushaltstabelle druckt aber nur "
                f"{_years_text(linked.years)}"
            )
        else:
            reason = (
                "nennen keinen Stichtag, und die Haushaltstabelle druckt kein Jahr mit "
                f"Ist-Werten ({_years_text(linked.years)})"
            )
        figures = any(k.status == "ok" and k.value is not None for k in measure.kennzahlen)
        fields = "Kosten und Kennzahlen" if figures else "Kosten"
        findings.append(
            Finding(
                code="budget_year_missing",
                severity="warning",
                message=(
                    f"Steckbrief {quoted(measure.titel)}: die Kosten {reason}; "
                    f"{fields} nicht mit dem Haushalt verglichen"
                ),
                refs=[
                    Ref(kind="measure", id=measure.id, page=measure.kosten.page, field="kosten"),
                    *(Ref(kind="budget", id=line.id, page=line.page) for line in lines),
                ],
            )
        )
    return findings


def check_costs(linked: LinkedMeasures) -> list[Finding]:
    """Kosten vs Aufwand (and Ertrag) of the linked budget lines in the Kosten's year."""
    findings: list[Finding] = []
    for measure, lines, year in linked.pairs:
        for label, kosten, named in _pairs(measure, lines):
            if kosten is None or not named:
                continue
            column = f"aufwand_{year}"
            what = quoted(measure.titel) + (f" ({label})" if label else "")
            aufwand = [line.aufwand(year) for line in named]
            ertrag = [line.ertrag(year) for line in named]
            refs = _refs(measure, named, column)
            budget_ok = all(a.status == "ok" and a.betrag_eur is not None for a in aufwand)
            if kosten.status == "ok" and kosten.betrag_eur is not None:
                if not budget_ok:
                    states = ", ".join(quoted(a.raw) for a in aufwand)
                    findings.append(
                        Finding(
                            code="kosten_not_in_budget",
                            severity="warning",
                            message=(
                                f"Steckbrief {what} nennt Kosten {euro(kosten.betrag_eur)} "
                                f"({quoted(kosten.raw)}); die Haushaltszeile nennt keinen "
                                f"Aufwand {year} ({states})"
                            ),
                            refs=refs,
                        )
                    )
                    continue
                total = sum((a.betrag_eur or Decimal(0) for a in aufwand), Decimal(0))
                diff = abs(total - kosten.betrag_eur)
                if diff == 0:
                    continue
                if diff < ROUNDING:
                    findings.append(whole_euros(what, kosten.betrag_eur, total, year, refs))
                    continue
                income = [e.betrag_eur for e in ertrag if e.status == "ok"]
                if income and sum((i for i in income if i is not None), Decimal(0)) == (
                    kosten.betrag_eur
                ):
                    findings.append(
                        Finding(
                            code="kosten_equals_ertrag",
                            severity="error",
                            message=(
                                f"Steckbrief {what}: Kosten {euro(kosten.betrag_eur)} weichen "
                                f"vom Aufwand {year} des Haushalts ({euro(total)}) ab und "
                                f"entsprechen stattdessen dem Ertrag {year}"
                            ),
                            refs=refs,
                        )
                    )
                    continue
                findings.append(
                    Finding(
                        code="kosten_mismatch",
                        severity="error",
                        message=(
                            f"Steckbrief {what}: Kosten {euro(kosten.betrag_eur)} "
                            f"({quoted(kosten.raw)}), aber der Aufwand {year} des Haushalts ist "
                            f"{euro(total)}"
                        ),
                        refs=refs,
                    )
                )
            elif kosten.status == "not_stated" and budget_ok:
                total = sum((a.betrag_eur or Decimal(0) for a in aufwand), Decimal(0))
                findings.append(
                    Finding(
                        code="kosten_not_in_profile",
                        severity="warning",
                        message=(
                            f"Steckbrief {what} nennt keine Kosten ({quoted(kosten.raw)}), "
                            f"die Haushaltszeile aber Aufwand {year} {euro(total)}"
                        ),
                        refs=refs,
                    )
                )
    return findings


def _numbers(values: list[Decimal | None]) -> set[Decimal]:
    return {v for v in values if v is not None}


def _own_year_agrees(figure: KeyFigure, lines: list[BudgetLine], with_wert: list[int]) -> bool:
    """A figure whose label names its year ("Fälle in JJJJ: 29") and equals that year's Wert:
    consistent, whatever year the profile is dated to, so never a year mix-up."""
    year = label_year(figure.label)
    return year in with_wert and any(
        figure.value in _numbers([f.value for f in line.wert(year).items if f.status == "ok"])
        for line in lines
    )


def check_key_figures(linked: LinkedMeasures) -> list[Finding]:
    """Profile Kennzahlen against the budget's Wert for the Kosten's year (or any year)."""
    findings: list[Finding] = []
    with_wert = [y.jahr for y in linked.years if "wert" in y.arten]
    for measure, lines, year in linked.pairs:
        profile = _numbers(
            [
                k.value
                for k in measure.kennzahlen
                if k.status == "ok" and not _own_year_agrees(k, lines, with_wert)
            ]
        )
        if not profile:
            continue
        by_year: dict[int, set[Decimal]] = {}
        for line in lines:
            for y in with_wert:
                by_year.setdefault(y, set()).update(
                    _numbers([f.value for f in line.wert(y).items if f.status == "ok"])
                )
        if not any(by_year.values()):
            continue
        refs = [
            Ref(
                kind="measure",
                id=measure.id,
                page=(measure.kennzahlen_cell.page if measure.kennzahlen_cell else None),
                field="kennzahlen",
            )
        ]
        refs += [
            Ref(kind="budget", id=line.id, page=line.page, field=f"wert_{year}") for line in lines
        ]
        shown = ", ".join(str(v) for v in sorted(profile))
        if profile & by_year.get(year, set()):
            continue
        other = sorted(y for y, values in by_year.items() if y != year and profile & values)
        if other:
            findings.append(
                Finding(
                    code="kennzahl_other_year",
                    severity="warning",
                    message=(
                        f"Steckbrief {quoted(measure.titel)}: Kennzahlen {shown} entsprechen "
                        f"dem Wert {', '.join(map(str, other))} des Haushalts, nicht {year}"
                    ),
                    refs=refs,
                )
            )
        elif by_year.get(year):
            budget_shown = ", ".join(str(v) for v in sorted(by_year[year]))
            findings.append(
                Finding(
                    code="kennzahl_mismatch",
                    severity="error",
                    message=(
                        f"Steckbrief {quoted(measure.titel)}: Kennzahlen {shown}, aber der Wert "
                        f"{year} des Haushalts ist {budget_shown}"
                    ),
                    refs=refs,
                )
            )
    return findings
