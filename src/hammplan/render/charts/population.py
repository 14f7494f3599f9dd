"""The population chart: residents by migration background per district."""

from __future__ import annotations

from decimal import Decimal

from matplotlib.ticker import FuncFormatter

from hammplan.records.plan import CuratedPlan
from hammplan.render import formatting as fmt
from hammplan.render.aggregates import group_shares, group_values
from hammplan.render.charts.helpers import as_float, empty_chart, set_percent_axis, short_label
from hammplan.render.charts.style import GROUP_COLOURS, figure, save_svg
from hammplan.render.drawn import ChartDraft
from hammplan.render.labels import POPULATION_GROUPS


def chart_population(plan: CuratedPlan) -> ChartDraft:
    """Residents per Sozialraum by group: absolute numbers and shares, side by side."""
    chart_id = "bevoelkerung-nach-sozialraum"
    title = "Bevölkerung nach Sozialraum und Migrationshintergrund"
    group_labels = [label for _, label in POPULATION_GROUPS]
    headers = ["Sozialraum", *group_labels, "Einwohner:innen", "Anteil mit MigH", "Seite"]
    districts = [d for d in plan.districts if not d.ist_gesamt]
    drawable = [d for d in districts if all(v is not None for v in group_values(d))]
    rows: list[list[str]] = []
    for district in plan.districts:
        values = group_values(district)
        shares = group_shares(district)
        cells = [
            f"{fmt.number(v)} ({fmt.percent(s)})"
            if v is not None and s is not None
            else (fmt.number(v) if v is not None else fmt.NOT_STATED)
            for v, s in zip(values, shares, strict=True)
        ]
        total = sum((v for v in values if v is not None), Decimal(0))
        migh = sum((v for v in values[:3] if v is not None), Decimal(0))
        complete = all(v is not None for v in values)
        rows.append(
            [
                district.sozialraum,
                *cells,
                fmt.number(total) if complete else fmt.NOT_STATED,
                fmt.percent(migh / total) if complete and total else fmt.NOT_STATED,
                fmt.page(district.page),
            ]
        )
    if not drawable:
        return empty_chart(chart_id, title, "Keine Bevölkerungszahlen angegeben.", headers)
    shares_migh = [
        (d.sozialraum, sum((s for s in group_shares(d)[:3] if s is not None), Decimal(0)))
        for d in drawable
    ]
    highest = max(shares_migh, key=lambda item: item[1])
    alt = (
        f"Gestapelte Balken für {len(drawable)} Sozialräume: Ausländer:innen, Eingebürgerte, "
        f"Aussiedler:innen und Deutsche ohne Migrationshintergrund, links als Anzahl, rechts "
        f"als Anteil. Den höchsten Anteil mit Migrationshintergrund hat {highest[0]} "
        f"({fmt.percent(highest[1])})."
    )
    note = (
        "Migrationshintergrund (MigH): Ausländer:innen, Eingebürgerte und Aussiedler:innen "
        "zusammen. Die Anteile beziehen sich auf alle Einwohner:innen des Sozialraums."
    )

    def draw() -> str:
        fig = figure(max(2.8, 0.42 * len(drawable) + 1.8))
        ax_abs, ax_share = fig.subplots(1, 2, sharey=True)
        names = [short_label(d.sozialraum, 30, 2) for d in drawable]
        absolute = [[as_float(v) for v in group_values(d)] for d in drawable]
        share_values = [[as_float(s) for s in group_shares(d)] for d in drawable]
        for ax, data in ((ax_abs, absolute), (ax_share, share_values)):
            left = [0.0] * len(drawable)
            for g, label in enumerate(group_labels):
                widths = [row[g] for row in data]
                ax.barh(
                    range(len(drawable)),
                    widths,
                    left=left,
                    color=GROUP_COLOURS[g],
                    height=0.7,
                    label=label if ax is ax_abs else None,
                    edgecolor="white",
                    linewidth=0.5,
                )
                left = [a + b for a, b in zip(left, widths, strict=True)]
        ax_abs.set_yticks(range(len(drawable)), names)
        ax_abs.set_ylim(len(drawable) - 0.5, -0.5)
        ax_abs.set_ylabel(headers[0])
        ax_abs.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.axis_number(v)))
        ax_abs.set_xlabel("Einwohner:innen (Anzahl)")
        ax_abs.grid(True, axis="x")
        ax_abs.set_title("Anzahl", loc="left")
        ax_share.set_xlim(0, 1)
        set_percent_axis(ax_share, "Anteil an den Einwohner:innen in %")
        ax_share.set_title("Anteile", loc="left")
        fig.legend(loc="outside lower center", ncols=4)
        fig.suptitle(title, x=0.01, ha="left")
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, rows, note, draw)
