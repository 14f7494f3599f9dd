"""Every published value of the bundled plan is what the plan prints, or says it is not.

The walk visits each value validate publishes (measures, budget lines, districts, index) and
asserts one of two things: the value equals the printed text after the repairs recorded
beside it (replayed here from the record alone), or its status is not ``ok``. A value that
differs from the print without a recorded repair, or a number that is not in its cell, fails
the walk: nothing may be wrong and silent.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_decimal

from hammplan.records.plan import CuratedPlan
from hammplan.records.values import Amount, KeyFigure, KeyFigures, Repair, Text


def _replay(raw: str, repairs: list[Repair]) -> str:
    """The published text rebuilt from the printed text and the recorded repairs alone."""
    text = " ".join(raw.split())
    for repair in repairs:
        if repair.kind == "title" and text == " ".join(repair.before.split()):
            text = repair.after
        elif repair.kind == "homoglyph":
            text = re.sub(rf"(?<!\w){re.escape(repair.before)}(?!\w)", repair.after, text)
        elif repair.before in text and (
            repair.kind == "hyphenation"
            or (repair.kind == "continuation" and repair.after not in text)
        ):
            text = text.replace(repair.before, repair.after, 1)
    return " ".join(text.split())


def _printed(value: Decimal) -> set[str]:
    """How a number may be printed: "8442", "8.442", "42.343,48", "14.100,00"."""
    whole = value == value.to_integral_value()
    forms = {
        format_decimal(value, format="#,##0.00", locale="de_DE"),
        format_decimal(value, format="0.00", locale="de_DE"),
    }
    if whole:
        forms |= {format_decimal(value, format="#,##0", locale="de_DE"), str(int(value))}
    return forms


def _in_cell(value: Decimal, raw: str) -> bool:
    digits = " ".join(raw.split()).replace(" ", "")
    return any(form in digits for form in _printed(value))


def _text_problems(where: str, text: Text) -> list[str]:
    if text.status != "ok":
        return []
    rebuilt = _replay(text.raw, text.repairs)
    return [] if rebuilt == (text.text or "") else [f"{where}: {text.text!r} != {rebuilt!r}"]


def _amount_problems(where: str, amount: Amount) -> list[str]:
    if amount.status != "ok" or amount.betrag_eur is None:
        return []
    if amount.parts:
        problems = [
            f"{where}: part {p.betrag_eur} not in {amount.raw!r}"
            for p in amount.parts
            if not _in_cell(p.betrag_eur, amount.raw)
        ]
        total = sum((p.betrag_eur for p in amount.parts if p.per is None), Decimal(0))
        if total != amount.betrag_eur:
            problems.append(f"{where}: {amount.betrag_eur} is not the sum of its parts")
        return problems
    return (
        []
        if _in_cell(amount.betrag_eur, amount.raw)
        else [f"{where}: {amount.betrag_eur} not in {amount.raw!r}"]
    )


def _figure_problems(where: str, figure: KeyFigure, cell_raw: str) -> list[str]:
    problems = []
    if figure.status == "ok" and (figure.value is None or not _in_cell(figure.value, figure.raw)):
        problems.append(f"{where}: {figure.value} not in {figure.raw!r}")
    if figure.label and not _label_printed(figure.label, cell_raw):
        problems.append(f"{where}: label {figure.label!r} not in {cell_raw!r}")
    return problems


def _label_printed(label: str, raw: str) -> bool:
    """Every word of a label is printed in its cell (a group heading stands before it)."""
    printed = re.findall(r"\w+", raw.casefold())
    return all(word in printed for word in re.findall(r"\w+", label.casefold()))


def _figures_problems(where: str, cell: KeyFigures) -> list[str]:
    printed = _replay(
        cell.raw,
        [
            r.model_copy(update={"kind": "hyphenation"})
            for r in cell.repairs
            if r.kind == "recognition"
        ],
    )
    problems = [
        p for i, f in enumerate(cell.items) for p in _figure_problems(f"{where}[{i}]", f, printed)
    ]
    if cell.raw.strip() and cell.status == "note" and not cell.items:
        problems.append(f"{where}: words {cell.raw!r} published as an empty list")
    return problems


def walk(curated: CuratedPlan) -> list[str]:  # noqa: C901 - one branch per kind of published value
    """Every published value that is neither the print (after its repairs) nor flagged."""
    problems: list[str] = []
    for m in curated.measures:
        for name, text in m.source.items():
            problems += _text_problems(f"{m.id}.{name}", text)
        for name in ("titel", "traeger", "beschreibung", "zielgruppe", "sachstand"):
            source = m.source[name]
            published = getattr(m, name)
            if published != source.text and not (name == "titel" and source.text is None):
                problems.append(f"{m.id}.{name}: published {published!r} != {source.text!r}")
        printed = m.source["handlungsfelder"]
        allowed = {r.after for r in printed.repairs if r.kind == "vocabulary"}
        for name in m.handlungsfelder:
            if name not in allowed and name not in " ".join(printed.raw.split()):
                problems.append(f"{m.id}.handlungsfelder: {name!r} neither printed nor repaired")
        problems += _amount_problems(f"{m.id}.kosten", m.kosten)
        if m.kennzahlen_cell is not None:
            problems += _figures_problems(f"{m.id}.kennzahlen", m.kennzahlen_cell)
            assert m.kennzahlen == m.kennzahlen_cell.items
    for line in curated.budget:
        problems += _text_problems(f"{line.id}.foerdergeber", line.foerdergeber)
        problems += _text_problems(f"{line.id}.kennzahl", line.kennzahl)
        name = Text(raw=line.massnahme_raw, text=line.massnahme, repairs=line.repairs)
        problems += _text_problems(f"{line.id}.massnahme", name)
        for column, value in line.by_column().items():
            if isinstance(value, Amount):
                problems += _amount_problems(f"{line.id}.{column}", value)
            else:
                problems += _figures_problems(f"{line.id}.{column}", value)
        if line.link.measure_id is not None and line.link.score is None:
            problems.append(f"{line.id}: linked without a score")
    for d in curated.districts:
        for column, raw in d.raw.items():
            value = getattr(d, column)
            if value is not None and not _in_cell(value, raw):
                problems.append(f"{d.sozialraum}.{column}: {value} not in {raw!r}")
    for entry in curated.index:
        if entry.seite is not None and str(entry.seite) not in entry.seite_raw:
            problems.append(f"{entry.id}.seite: {entry.seite} not in {entry.seite_raw!r}")
    return problems


def test_every_published_value_is_printed_or_flagged(curated: CuratedPlan) -> None:
    assert walk(curated) == []


def test_the_walk_sees_a_value_changed_without_a_repair(curated: CuratedPlan) -> None:
    plan = curated.model_copy(deep=True)
    line = next(b for b in plan.budget if b.aufwand(2024).status == "ok")
    line.aufwand(2024).betrag_eur = (line.aufwand(2024).betrag_eur or Decimal(0)) + 1
    measure = plan.measures[0]
    measure.source["sachstand"].text = (measure.source["sachstand"].text or "") + " erfunden"
    unlabelled = next(m for m in plan.measures if m.kennzahlen_cell and m.kennzahlen_cell.items)
    assert unlabelled.kennzahlen_cell is not None
    unlabelled.kennzahlen_cell.items[0].label = "Erfundene Bezeichnung"
    problems = walk(plan)
    assert len(problems) == 4  # the Sachstand twice: against its print and its copy
    assert any(p.startswith(f"{line.id}.aufwand_2024") for p in problems)
    assert any(p.startswith(f"{measure.id}.sachstand") for p in problems)
    assert any("Erfundene Bezeichnung" in p for p in problems)
