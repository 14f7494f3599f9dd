"""The comparison's chart: money per measure, old edition against new, as a dumbbell plot.

Drawn with the report's own chart machinery (style, measured layout, accessible and
reproducible SVG: :mod:`hammplan.render.charts`), so it looks like the main report's charts
and is byte-identical on rerun. Each measure is one row: a circle for the old edition's value,
a triangle for the new one, a line between them; a missing marker is a value not stated.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hammplan.compare.model import BudgetChange
from hammplan.render.charts import chart_style, figure, save_svg
from hammplan.render.charts.helpers import empty_chart, measure_dot_axes, spans_decades
from hammplan.render.charts.style import OKABE_ITO
from hammplan.render.drawn import Chart

CHART_ID = "vergleich-aufwand"
OLD_STYLE = (OKABE_ITO["sky_blue"], "o")
NEW_STYLE = (OKABE_ITO["vermillion"], "^")


def _value(v: Decimal | None) -> float | None:
    return float(v) if v is not None else None


def money_chart(
    rows: Sequence[BudgetChange],
    year_label: str,
    old_label: str,
    new_label: str,
    headers: list[str],
    table: list[list[str]],
) -> Chart:
    """Aufwand of ``rows`` (one per measure, one year) old against new."""
    title = f"Aufwand je Maßnahme {year_label}: {old_label} gegen {new_label}"
    shown = [r for r in rows if r.alt is not None or r.neu is not None]
    with chart_style():
        if not shown:
            return empty_chart(CHART_ID, title, "Keine Aufwände angegeben.", headers).draw()
        return _draw(shown, title, old_label, new_label, headers, table)


def _draw(
    shown: Sequence[BudgetChange],
    title: str,
    old_label: str,
    new_label: str,
    headers: list[str],
    table: list[list[str]],
) -> Chart:
    fig = figure(max(2.6, 0.36 * len(shown) + 1.6))
    ax = fig.add_subplot()
    old = [_value(r.alt) for r in shown]
    new = [_value(r.neu) for r in shown]
    stated = [v for v in (*old, *new) if v is not None and v > 0]
    log = spans_decades(stated)

    def drawn(v: float | None) -> float | None:
        return None if v is None or (log and v <= 0) else v

    for i, (a, b) in enumerate(zip(old, new, strict=True)):
        xs = [x for x in (drawn(a), drawn(b)) if x is not None]
        if len(xs) == 2:
            ax.plot(xs, [i, i], color="#9a9a9a", linewidth=1.2, zorder=1)
    for values, (colour, marker), label in (
        (old, OLD_STYLE, old_label),
        (new, NEW_STYLE, new_label),
    ):
        points = [(x, i) for i, x in enumerate(map(drawn, values)) if x is not None]
        ax.scatter(
            [x for x, _ in points],
            [i for _, i in points],
            marker=marker,
            s=40,
            color=colour,
            edgecolors="#333333",
            linewidths=0.5,
            zorder=2,
            label=label,
        )
    measure_dot_axes(ax, [r.titel for r in shown], stated, log)
    fig.legend(loc="outside lower center", ncols=2)
    fig.suptitle(title, x=0.01, ha="left")
    rising = sum(
        1 for a, b in zip(old, new, strict=True) if a is not None and b is not None and b > a
    )
    falling = sum(
        1 for a, b in zip(old, new, strict=True) if a is not None and b is not None and b < a
    )
    alt = (
        f"Hantel-Diagramm: Aufwand von {len(shown)} Maßnahmen, {old_label} (Kreis) gegen "
        f"{new_label} (Dreieck); bei {rising} höher, bei {falling} niedriger. Fehlt ein "
        "Punkt, nennt die Ausgabe keinen Betrag."
    )
    note = "Fehlt ein Punkt, nennt die Ausgabe für dieses Jahr keinen Betrag (siehe Tabelle)." + (
        " Die waagerechte Achse ist logarithmisch." if log else ""
    )
    return Chart(CHART_ID, title, alt, save_svg(fig, CHART_ID, title, alt), headers, table, note)
