"""The budget charts: by field, by organisation, per measure over the years, the largest
measures, and the share paid by third parties."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from hammplan.records.plan import ART_LABELS, BudgetLine, CuratedPlan
from hammplan.render import formatting as fmt
from hammplan.render.aggregates import BudgetEntity, YearSum, organisation_label, sum_amounts
from hammplan.render.charts.helpers import (
    add_sums,
    as_float,
    empty_chart,
    field_names,
    grouped_barh,
    measure_dot_axes,
    set_euro_axis,
    set_percent_axis,
    short_label,
    spans_decades,
    sum_cell,
    year_headers,
)
from hammplan.render.charts.style import OKABE_ITO, figure, save_svg
from hammplan.render.drawn import ChartDraft
from hammplan.render.years import PlanYears


def chart_budget_by_field(plan: CuratedPlan, entities: Sequence[BudgetEntity]) -> ChartDraft:
    """Aufwand per year of the measures of each Handlungsfeld."""
    chart_id = "aufwand-nach-handlungsfeld"
    title = "Aufwand nach Handlungsfeld"
    years = PlanYears.of(plan)
    numbers = years.numbers
    headers = ["Handlungsfeld", "Maßnahmen mit Haushaltszeile", *year_headers(years)]
    linked = [e for e in entities if e.measure_id is not None]
    labels: list[str] = []
    sums: list[dict[int, YearSum]] = []
    counts: list[int] = []
    for name in field_names(plan):
        members = [e for e in linked if name in e.handlungsfelder]
        labels.append(name)
        counts.append(len(members))
        sums.append({y: add_sums([e.aufwand[y] for e in members]) for y in numbers})
    if not any(s[y].value is not None for s in sums for y in numbers):
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    unlinked = sum(1 for e in entities if e.measure_id is None)
    note = (
        "Eine Maßnahme mit mehreren Handlungsfeldern zählt in jedem davon mit; die Summen der "
        "Handlungsfelder ergeben daher zusammen mehr als den Gesamtaufwand. Gezählt sind nur "
        "angegebene Beträge; in Klammern, wie viele Haushaltszeilen keinen Betrag nennen."
    )
    if unlinked:
        rows_text = fmt.count_phrase(unlinked, "Haushaltszeile", "Haushaltszeilen")
        note += f" Nicht enthalten: {rows_text} ohne Steckbrief."
    year = years.reference or numbers[-1]
    best = max(range(len(labels)), key=lambda i: as_float(sums[i][year].value))
    alt = (
        f"Balkendiagramm: Aufwand {years.spoken()} der Maßnahmen je Handlungsfeld, "
        f"{len(labels)} Handlungsfelder. Den höchsten Aufwand {year} hat „{labels[best]}“ mit "
        f"{sum_cell(sums[best][year])}."
    )
    rows = [
        [labels[i], fmt.number(counts[i])] + [sum_cell(sums[i][y]) for y in numbers]
        for i in range(len(labels))
    ]

    draw = _aufwand_bars(chart_id, title, alt, labels, sums, years, "Handlungsfeld")
    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)


def _aufwand_bars(
    chart_id: str,
    title: str,
    alt: str,
    labels: list[str],
    sums: Sequence[dict[int, YearSum]],
    years: PlanYears,
    label_axis: str,
) -> Callable[[], str]:
    """How to draw Aufwand per year of each of ``labels`` as grouped bars."""
    numbers = years.numbers

    def draw() -> str:
        fig = figure(max(2.6, 0.55 * len(labels) + 1.4))
        ax = fig.add_subplot()
        grouped_barh(ax, labels, {y: [as_float(s[y].value) for s in sums] for y in numbers}, years)
        highest = max(as_float(s[y].value) for s in sums for y in numbers)
        set_euro_axis(ax, ART_LABELS["aufwand"], highest)
        ax.set_ylabel(label_axis)
        fig.legend(loc="outside lower center", ncols=3)
        fig.suptitle(title, x=0.01, ha="left")
        return save_svg(fig, chart_id, title, alt)

    return draw


def chart_budget_by_organisation(plan: CuratedPlan) -> ChartDraft:
    """Aufwand per year of each Amt/Träger (StA column of the budget tables)."""
    chart_id = "aufwand-nach-amt"
    title = "Aufwand nach Amt/Träger (StA)"
    years = PlanYears.of(plan)
    numbers = years.numbers
    headers = ["Amt/Träger", "Haushaltszeilen", *year_headers(years)]
    groups: dict[str, list[BudgetLine]] = {}
    for row in plan.budget:
        groups.setdefault(row.sta, []).append(row)
    items = []
    for sta, lines in groups.items():
        name = next((r.sta_name for r in lines if r.sta_name), None)
        sums = {y: sum_amounts(r.aufwand(y) for r in lines) for y in numbers}
        items.append((organisation_label(plan, sta, name), len(lines), sums))
    items.sort(key=lambda item: (-sum(as_float(item[2][y].value) for y in numbers), item[0]))
    if not any(s[y].value is not None for _, _, s in items for y in numbers):
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    labels = [label for label, _, _ in items]
    alt = (
        f"Balkendiagramm: Aufwand {years.spoken()} je Amt oder Träger "
        f"({len(labels)} Stellen), nach Gesamtaufwand geordnet. Den höchsten Aufwand hat "
        f"„{labels[0]}“."
    )
    rows = [[label, fmt.number(n)] + [sum_cell(s[y]) for y in numbers] for label, n, s in items]
    note = "Gezählt sind nur angegebene Beträge; in Klammern, was fehlt."

    item_sums = [s for _, _, s in items]
    draw = _aufwand_bars(chart_id, title, alt, labels, item_sums, years, "Amt/Träger (StA)")
    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)


def chart_measure_years(entities: Sequence[BudgetEntity], years: PlanYears) -> ChartDraft:
    """Aufwand of each measure year by year, as a dot plot (one marker shape a year)."""
    chart_id = "aufwand-je-massnahme"
    numbers = years.numbers
    title = "Aufwand je Maßnahme: " + " → ".join(years.label(y) for y in numbers)
    later = years.reference or (numbers[-1] if numbers else None)
    earlier = years.before(later) if later is not None else None
    change_header = f"Veränderung {earlier} → {later}" if earlier is not None else "Veränderung"
    headers = ["Maßnahme", *year_headers(years), change_header, "Seite"]
    shown = [e for e in entities if any(e.aufwand[y].value is not None for y in numbers)]
    if not shown:
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    values = [[e.aufwand[y].value for y in numbers] for e in shown]
    stated = [float(v) for row in values for v in row if v is not None and v > 0]
    log = spans_decades(stated)
    rows = []
    rising = 0
    for entity in shown:
        change = ""
        if earlier is not None and later is not None:
            a, b = entity.aufwand[earlier], entity.aufwand[later]
        if (
            earlier is not None
            and later is not None
            and a.value
            and b.value is not None
            and a.complete
            and b.complete
        ):
            ratio = b.value / a.value - 1
            change = ("+" if ratio > 0 else "") + fmt.percent(ratio)
            rising += ratio > 0
        rows.append(
            [entity.label]
            + [sum_cell(entity.aufwand[y]) for y in numbers]
            + [change or "–", fmt.page(entity.pages)]
        )
    markers = {
        "o": "Kreis",
        "s": "Quadrat",
        "D": "Raute",
        "v": "Dreieck nach unten",
        "P": "Plus",
        "^": "Dreieck",
    }
    named = [f"{years.label(y)} ({markers[years.style(y)[2]]})" for y in numbers]
    spoken = " und ".join([", ".join(named[:-1]), named[-1]]) if len(named) > 1 else "".join(named)
    rise = (
        f"; bei {rising} davon stieg der Aufwand von {earlier} auf {later}"
        if earlier is not None
        else ""
    )
    alt = (
        f"Punktdiagramm: Aufwand {spoken} von {len(shown)} Maßnahmen mit angegebenem "
        f"Aufwand{rise}. Fehlt ein Punkt, nennt der Plan für das Jahr keinen Betrag."
    )
    note = "Fehlt ein Punkt, nennt der Plan für dieses Jahr keinen Betrag (siehe Tabelle)." + (
        " Die waagerechte Achse ist logarithmisch: jede Marke ist das Zehnfache der vorigen."
        if log
        else ""
    )

    def draw() -> str:
        fig = figure(max(2.6, 0.36 * len(shown) + 1.6))
        ax = fig.add_subplot()

        def x_of(v: Decimal | None) -> float | None:
            """The x of a value, None when it is not stated (or not positive on a log axis)."""
            return None if v is None or (log and v <= 0) else float(v)

        points = [[x_of(v) for v in row] for row in values]
        for row_index, row_points in enumerate(points):
            xs = [x for x in row_points if x is not None]
            if len(xs) > 1:
                ax.plot(xs, [row_index] * len(xs), color="#9a9a9a", linewidth=1.0, zorder=1)
        for year_index, year in enumerate(numbers):
            name, _hatch, marker = years.style(year)
            pairs = [(row_points[year_index], i) for i, row_points in enumerate(points)]
            ax.scatter(
                [x for x, _ in pairs if x is not None],
                [i for x, i in pairs if x is not None],
                marker=marker,
                s=36,
                color=OKABE_ITO[name],
                edgecolors="#333333",
                linewidths=0.5,
                zorder=2,
                label=years.label(year),
            )
        measure_dot_axes(ax, [e.label for e in shown], stated, log)
        fig.legend(loc="outside lower center", ncols=3)
        fig.suptitle(title, x=0.01, ha="left")
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)


def chart_top_measures(
    entities: Sequence[BudgetEntity], years: PlanYears, year: int | None = None, top: int = 10
) -> ChartDraft:
    """The ``top`` measures by Aufwand of ``year`` (default: the latest actual year), with each
    one's share of the total."""
    chart_id = "top-massnahmen"
    year = year if year is not None else (years.reference or 0)
    title = f"Die {top} Maßnahmen mit dem höchsten Aufwand {years.label(year)}"
    headers = ["Rang", "Maßnahme", f"Aufwand {years.label(year)}", "Anteil an der Summe", "Seite"]
    ranked = sorted(
        (e for e in entities if year in e.aufwand and e.aufwand[year].value is not None),
        key=lambda e: (-(e.aufwand[year].value or Decimal(0)), e.label),
    )
    if not ranked:
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    total = add_sums([e.aufwand[year] for e in entities])
    chosen = ranked[:top]
    rows = []
    for rank, entity in enumerate(chosen, start=1):
        value = entity.aufwand[year].value or Decimal(0)
        share = fmt.percent(value / total.value) if total.value else "–"
        rows.append(
            [
                fmt.number(rank),
                entity.label,
                sum_cell(entity.aufwand[year]),
                share,
                fmt.page(entity.pages),
            ]
        )
    first = chosen[0]
    alt = (
        f"Balkendiagramm: die {len(chosen)} Maßnahmen mit dem höchsten Aufwand "
        f"{years.label(year)}. Vorn „{first.label}“ mit "
        f"{fmt.euro(first.aufwand[year].value or 0)}."
    )
    note = (
        f"Anteil an der Summe aller angegebenen Aufwände {years.label(year)} ({sum_cell(total)})."
    )

    def draw() -> str:
        fig = figure(max(2.4, 0.36 * len(chosen) + 1.3))
        ax = fig.add_subplot()
        values = [as_float(e.aufwand[year].value) for e in chosen]
        colour = OKABE_ITO[years.style(year)[0]]
        ax.barh(range(len(chosen)), values, color=colour, height=0.7)
        for i, entity in enumerate(chosen):
            ax.text(
                values[i],
                i,
                " " + fmt.euro(entity.aufwand[year].value or 0, cents=False),
                va="center",
                ha="left",
                fontsize=8,
            )
        ax.set_yticks(range(len(chosen)), [short_label(e.label) for e in chosen])
        ax.set_ylim(len(chosen) - 0.5, -0.5)
        ax.set_xlim(0, max(values) * 1.25 if max(values) > 0 else 1)
        set_euro_axis(ax, ART_LABELS["aufwand"], max(values))
        ax.set_ylabel("Maßnahme")
        fig.suptitle(title, x=0.01, ha="left")
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)


FUNDING_CAP = 2.0
"""Bars of the funding chart stop at 200 %; the true share is written beside them."""


def chart_third_party_share(
    entities: Sequence[BudgetEntity], years: PlanYears, year: int | None = None
) -> ChartDraft:
    """Share funded by third parties: Ertrag / Aufwand of ``year`` (default: the latest actual
    year), per measure."""
    chart_id = "drittmittelanteil"
    year = year if year is not None else (years.reference or 0)
    label_year = years.label(year)
    title = f"Anteil Drittmittel (Ertrag ÷ Aufwand) {label_year}"
    if not any(years.prints(y, "ertrag") for y in years.numbers):
        return empty_chart(
            chart_id, title, "Der Haushalt des Plans druckt keine Erträge.", ["Maßnahme", "Anteil"]
        )
    headers = ["Maßnahme", f"Aufwand {label_year}", f"Ertrag {label_year}", "Anteil"]
    items: list[tuple[BudgetEntity, Decimal, Decimal]] = []
    for entity in entities:
        both = [
            r
            for r in entity.rows
            if r.aufwand(year).status == "ok"
            and r.aufwand(year).betrag_eur is not None
            and r.ertrag(year).status == "ok"
            and r.ertrag(year).betrag_eur is not None
        ]
        spend = sum((r.aufwand(year).betrag_eur or Decimal(0) for r in both), Decimal(0))
        income = sum((r.ertrag(year).betrag_eur or Decimal(0) for r in both), Decimal(0))
        if both and spend > 0:
            items.append((entity, spend, income))
    if not items:
        return empty_chart(
            chart_id, title, f"Für {label_year} nennt keine Maßnahme Aufwand und Ertrag.", headers
        )
    items.sort(key=lambda item: (-(item[2] / item[1]), item[0].label))
    spend_all = sum((s for _, s, _ in items), Decimal(0))
    income_all = sum((i for _, _, i in items), Decimal(0))
    rows = [[e.label, fmt.euro(s), fmt.euro(i), fmt.percent(i / s)] for e, s, i in items]
    rows.append(
        ["Zusammen", fmt.euro(spend_all), fmt.euro(income_all), fmt.percent(income_all / spend_all)]
    )
    left_out = len(entities) - len(items)
    measures_text = fmt.count_phrase(len(items), "Maßnahme", "Maßnahmen")
    alt = (
        f"Balkendiagramm: Ertrag im Verhältnis zum Aufwand {label_year} für {measures_text}, "
        f"die beides angeben; zusammen {fmt.percent(income_all / spend_all)}. "
        f"Die gestrichelte Linie markiert 100 %."
    )
    note = (
        f"Nur Haushaltszeilen, die für {label_year} Aufwand und Ertrag angeben; "
        f"{fmt.count_phrase(left_out, 'Maßnahme nennt', 'Maßnahmen nennen')} nicht beides. "
        "Über 100 %: der Ertrag ist höher als der Aufwand; Balken enden bei 200 % (▸)."
    )

    def draw() -> str:
        fig = figure(max(2.4, 0.36 * len(items) + 1.4))
        ax = fig.add_subplot()
        shares = [float(income / spend) for _, spend, income in items]
        ax.barh(
            range(len(items)),
            [min(s, FUNDING_CAP) for s in shares],
            color=OKABE_ITO["bluish_green"],
            height=0.7,
        )
        for i, share in enumerate(shares):
            text = fmt.percent(share, digits=0) + (" ▸" if share > FUNDING_CAP else "")
            ax.text(min(share, FUNDING_CAP), i, " " + text, va="center", ha="left", fontsize=8)
        ax.axvline(1.0, color=OKABE_ITO["black"], linewidth=0.8, linestyle="--")
        ax.set_yticks(range(len(items)), [short_label(e.label) for e, _, _ in items])
        ax.set_ylim(len(items) - 0.5, -0.5)
        ax.set_xlim(0, min(max(shares), FUNDING_CAP) * 1.2 or 1.0)
        set_percent_axis(ax, "Ertrag in % des Aufwands")
        ax.set_ylabel("Maßnahme")
        fig.suptitle(title, x=0.01, ha="left")
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)
