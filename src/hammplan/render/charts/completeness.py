"""The completeness charts: which fields the plan states for each measure and budget row, and
which fields of action each measure belongs to."""

from __future__ import annotations

from collections.abc import Callable

from hammplan.records.plan import AMOUNT_ARTEN, ART_LABELS, BudgetLine, CuratedPlan, Measure
from hammplan.records.values import Status, Text
from hammplan.render import formatting as fmt
from hammplan.render.charts.helpers import (
    empty_chart,
    field_names,
    set_percent_axis,
    short_label,
    steepen_column_labels,
)
from hammplan.render.charts.style import OKABE_ITO, STATUS_STYLE, figure, save_svg
from hammplan.render.drawn import ChartDraft
from hammplan.render.years import PlanYears


def _measure_status(measure: Measure, name: str, value: object) -> Status:
    source = measure.source.get(name)
    if value:
        return (
            source.status if source is not None and source.status in ("note", "suspect") else "ok"
        )
    if source is not None and source.status != "ok":
        return source.status
    return "not_stated"


def _text_status(text: Text) -> Status:
    return "not_stated" if text.status == "ok" and not text.text else text.status


def _budget_status(kind: str, year: int) -> Callable[[BudgetLine], Status]:
    def status(line: BudgetLine) -> Status:
        if kind == "aufwand":
            return line.aufwand(year).status
        if kind == "ertrag":
            return line.ertrag(year).status
        return line.wert(year).status

    return status


def completeness_fields(plan: CuratedPlan) -> list[tuple[str, list[Status]]]:
    """Each field of profiles and budget rows with the status of each of its cells."""
    measure_fields: list[tuple[str, Callable[[Measure], Status]]] = [
        ("Träger", lambda m: _measure_status(m, "traeger", m.traeger)),
        ("Beschreibung", lambda m: _measure_status(m, "beschreibung", m.beschreibung)),
        ("Handlungsfelder", lambda m: _measure_status(m, "handlungsfelder", m.handlungsfelder)),
        ("Zielgruppe", lambda m: _measure_status(m, "zielgruppe", m.zielgruppe)),
        ("Sachstand", lambda m: _measure_status(m, "sachstand", m.sachstand)),
        (
            "Kennzahlen",
            lambda m: (
                m.kennzahlen_cell.status
                if m.kennzahlen_cell is not None
                else _measure_status(m, "kennzahlen", m.kennzahlen)
            ),
        ),
        ("Kosten", lambda m: m.kosten.status),
    ]
    fields: list[tuple[str, list[Status]]] = [
        (f"Steckbrief: {label}", [get(m) for m in plan.measures]) for label, get in measure_fields
    ]
    budget_fields: list[tuple[str, Callable[[BudgetLine], Status]]] = []
    years = PlanYears.of(plan)
    for year in years.numbers:
        label = years.label(year)
        for kind in AMOUNT_ARTEN:
            if years.prints(year, kind):
                budget_fields.append((f"{ART_LABELS[kind]} {label}", _budget_status(kind, year)))
    budget_fields.append(("Fördergeber", lambda b: _text_status(b.foerdergeber)))
    budget_fields.append(("Kennzahl", lambda b: _text_status(b.kennzahl)))
    for year in years.numbers:
        if years.prints(year, "wert"):
            budget_fields.append((f"Wert {years.label(year)}", _budget_status("wert", year)))
    fields += [
        (f"Haushalt: {label}", [get(b) for b in plan.budget]) for label, get in budget_fields
    ]
    return fields


def chart_completeness(plan: CuratedPlan) -> ChartDraft:
    """Per field, the share of cells stated, "o. A.", words instead of a figure, suspect."""
    chart_id = "vollstaendigkeit"
    title = "Vollständigkeit: Angaben je Feld"
    statuses = list(STATUS_STYLE)
    headers = ["Feld", "Einträge", *(STATUS_STYLE[s][0] for s in statuses), "Anteil o.\u00a0A."]
    fields = [(label, values) for label, values in completeness_fields(plan) if values]
    if not fields:
        return empty_chart(chart_id, title, "Keine Steckbriefe und Haushaltszeilen.", headers)
    counts = [{s: values.count(s) for s in statuses} for _, values in fields]  # type: ignore[arg-type]
    rows = []
    worst = ("", -1.0)
    for (label, values), count in zip(fields, counts, strict=True):
        share = count["not_stated"] / len(values)
        if share > worst[1]:
            worst = (label, share)
        rows.append(
            [label, fmt.number(len(values))]
            + [fmt.number(count[s]) for s in statuses]
            + [fmt.percent(share)]
        )
    alt = (
        f"Gestapeltes Balkendiagramm: für {len(fields)} Felder der Steckbriefe und "
        f"Haushaltszeilen der Anteil angegebener Werte, „o. A.“, Text statt Zahl und fraglicher "
        f"Werte. Am häufigsten fehlt „{worst[0]}“ ({fmt.percent(worst[1])} o. A.)."
    )
    note = (
        "„o. A.“: der Plan gibt den Wert nicht an (oder lässt die Zelle leer). "
        "Text statt Zahl: Worte, wo ein Betrag stehen sollte („Land NRW“). "
        "Fraglich: sieht aus wie eine Zahl, passt aber nicht („762.58“)."
    )

    def draw() -> str:
        fig = figure(max(2.6, 0.3 * len(fields) + 1.6))
        ax = fig.add_subplot()
        left = [0.0] * len(fields)
        for status in statuses:
            label, colour, hatch = STATUS_STYLE[status]
            widths = [
                c[status] / len(values) for c, (_, values) in zip(counts, fields, strict=True)
            ]
            ax.barh(
                range(len(fields)),
                widths,
                left=left,
                color=colour,
                hatch=hatch or None,
                edgecolor="#333333" if hatch else colour,
                linewidth=0.0,
                height=0.7,
                label=label,
            )
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.set_yticks(range(len(fields)), [label for label, _ in fields])
        ax.set_ylim(len(fields) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        set_percent_axis(ax, "Anteil der Einträge in %")
        ax.set_ylabel("Feld")
        fig.legend(loc="outside lower center", ncols=4)
        fig.suptitle(title, x=0.01, ha="left")
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)


def chart_field_matrix(plan: CuratedPlan) -> ChartDraft:
    """Which measure serves which Handlungsfeld: a dot for each pair."""
    chart_id = "massnahmen-handlungsfelder"
    title = "Maßnahmen und Handlungsfelder"
    names = field_names(plan)
    headers = ["Maßnahme", *names]
    measures = plan.measures
    if not measures or not names:
        return empty_chart(chart_id, title, "Keine Maßnahmen.", headers)
    per_field = [sum(1 for m in measures if n in m.handlungsfelder) for n in names]
    rows = [[m.titel] + ["ja" if n in m.handlungsfelder else "–" for n in names] for m in measures]
    rows.append(["Anzahl Maßnahmen"] + [fmt.number(c) for c in per_field])
    busiest = names[max(range(len(names)), key=lambda i: per_field[i])]
    alt = (
        f"Matrix: {len(measures)} Maßnahmen (Zeilen) und {len(names)} Handlungsfelder "
        f"(Spalten); ein Punkt, wo eine Maßnahme einem Handlungsfeld zugeordnet ist. Die meisten "
        f"Maßnahmen hat „{busiest}“ ({max(per_field)})."
    )
    note = "Zuordnung laut Steckbrief (Feld Handlungsfelder)."

    def draw() -> str:
        fig = figure(max(3.2, 0.3 * len(measures) + 2.4))
        ax = fig.add_subplot()
        xs, ys = [], []
        for row, measure in enumerate(measures):
            for col, name in enumerate(names):
                if name in measure.handlungsfelder:
                    xs.append(col)
                    ys.append(row)
        ax.scatter(xs, ys, s=42, marker="o", color=OKABE_ITO["blue"], zorder=2)
        ax.set_xticks(range(len(names)), [short_label(n, 30, 2) for n in names])
        ax.tick_params(
            axis="x", top=True, labeltop=True, bottom=False, labelbottom=False, labelrotation=35
        )
        for tick in ax.xaxis.get_major_ticks():
            tick.label2.set_horizontalalignment("left")
            tick.label2.set_rotation_mode("anchor")
        ax.xaxis.set_label_position("top")
        ax.set_yticks(range(len(measures)), [short_label(m.titel) for m in measures])
        ax.set_xlim(-0.5, len(names) - 0.5)
        ax.set_ylim(len(measures) - 0.5, -0.5)
        ax.set_xlabel("Handlungsfeld")
        ax.set_ylabel("Maßnahme")
        ax.grid(True, which="major", linestyle=":")
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.tick_params(length=0)
        fig.suptitle(title, x=0.01, ha="left")
        steepen_column_labels(fig, ax)
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)
