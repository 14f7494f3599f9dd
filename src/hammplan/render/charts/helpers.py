"""What several charts share: short labels, euro and percent axes, grouped bars, empty charts,
steeper column labels, year headers and field names."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

from hammplan.records.plan import ART_LABELS, CuratedPlan
from hammplan.render import formatting as fmt
from hammplan.render.aggregates import YearSum, missing_phrase
from hammplan.render.charts.layout import LABEL_GAP, POINTS_PER_INCH, fit_axes, text_box
from hammplan.render.charts.style import OKABE_ITO, figure, save_svg
from hammplan.render.drawn import ChartDraft
from hammplan.render.text import plain
from hammplan.render.years import PlanYears


def short_label(text: str, width: int = 42, lines: int = 2) -> str:
    """A label wrapped to ``lines`` lines of ``width`` characters, cut with "…"."""
    wrapped = textwrap.wrap(" ".join(plain(text).split()), width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return "\n".join(wrapped)


def euro_scale(max_value: float) -> tuple[float, str]:
    """Divisor and unit of a euro axis: thousands from 10.000 € on."""
    return (1000.0, "Tsd.\u00a0€") if max_value >= 10_000 else (1.0, "€")


def set_euro_axis(ax: Axes, what: str, max_value: float, axis: Literal["x", "y"] = "x") -> None:
    """Tick labels in German ("1.200") and the axis label with its unit ("Aufwand in Tsd. €")."""
    divisor, unit = euro_scale(max_value)
    formatter = FuncFormatter(lambda v, _pos: fmt.axis_number(v / divisor))
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(formatter)
    target.set_label_text(f"{what} in {unit}")
    ax.grid(True, axis=axis)


def spans_decades(stated: Sequence[float]) -> bool:
    """Whether positive amounts span more than a factor of 100: a linear axis would squash
    the small ones, so they are drawn on a logarithmic one."""
    return bool(stated) and max(stated) / min(stated) > 100


def measure_dot_axes(ax: Axes, labels: Sequence[str], stated: Sequence[float], log: bool) -> None:
    """The axes of a dot plot of Aufwand per measure: one row per label (first on top), an
    Aufwand axis (logarithmic when ``log``, else in euros or thousands), dotted row lines."""
    ax.set_yticks(range(len(labels)), [short_label(label) for label in labels])
    ax.set_ylim(len(labels) - 0.5, -0.5)
    if log:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.axis_number(v)))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("Aufwand in € (logarithmische Skala)")
        ax.grid(True, axis="x")
    else:
        set_euro_axis(ax, ART_LABELS["aufwand"], max(stated) if stated else 0.0)
    ax.grid(True, axis="y", linestyle=":")
    ax.set_ylabel("Maßnahme")


def set_percent_axis(ax: Axes, label: str, axis: Literal["x", "y"] = "x") -> None:
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.percent(v, digits=0)))
    target.set_label_text(label)
    ax.grid(True, axis=axis)


def as_float(value: Decimal | None) -> float:
    return float(value) if value is not None else 0.0


def sum_cell(total: YearSum) -> str:
    """A total in a data table: "1.234 €", with what it leaves out ("1.234 € (1 o. A.)")."""
    if total.rows == 0:
        return "–"
    if total.value is None:
        return fmt.NOT_STATED if total.rows == 1 else f"{fmt.NOT_STATED} ({missing_phrase(total)})"
    text = fmt.euro(total.value)
    return text if total.complete else f"{text} ({missing_phrase(total)})"


def add_sums(sums: Sequence[YearSum]) -> YearSum:
    values = [s.value for s in sums if s.value is not None]
    return YearSum(
        sum(values, Decimal(0)) if values else None,
        sum(s.stated for s in sums),
        sum(s.not_stated for s in sums),
        sum(s.note for s in sums),
        sum(s.suspect for s in sums),
    )


def grouped_barh(
    ax: Axes, labels: Sequence[str], series: dict[int, list[float | None]], years: PlanYears
) -> None:
    """Horizontal bars, one group per label, one bar per year (first label on top)."""
    count = len(series)
    height = 0.8 / max(count, 1)
    for i, (year, values) in enumerate(series.items()):
        name, hatch, _marker = years.style(year)
        colour = OKABE_ITO[name]
        positions = [y - 0.4 + height * (i + 0.5) for y in range(len(labels))]
        widths = [v if v is not None else 0.0 for v in values]
        ax.barh(
            positions,
            widths,
            height=height,
            color=colour,
            hatch=hatch or None,
            edgecolor="#333333" if hatch else colour,
            linewidth=0.0,
            label=years.label(year),
        )
    ax.set_yticks(range(len(labels)), [short_label(label) for label in labels])
    ax.set_ylim(len(labels) - 0.5, -0.5)


def empty_chart(chart_id: str, title: str, message: str, headers: list[str]) -> ChartDraft:
    """A chart with nothing to draw says so instead of showing empty axes."""
    alt = f"{title}: {message}"

    def draw() -> str:
        fig = figure(1.2)
        fig.suptitle(title, x=0.01, ha="left")
        fig.text(0.5, 0.4, message, ha="center", va="center")
        return save_svg(fig, chart_id, title, alt)

    return ChartDraft(chart_id, title, alt, headers, [], message, draw)


def steepen_column_labels(fig: Figure, ax: Axes) -> None:
    """Turns the slanted labels above the columns of ``ax`` steeper where neighbours would
    overlap: two labels are the column pitch times sin(angle) apart, across their lines.

    A steeper angle also widens the axes (the last label reaches less far right), so the
    least angle that fits is found by halving the interval from the labels' angle to 90°.
    """
    ticks = ax.xaxis.get_major_ticks()
    shown = [t.label2 for t in ticks if t.label2.get_visible() and t.label2.get_text()]
    if len(ticks) < 2 or not shown:
        return
    low, high = ax.get_xlim()
    step = abs(float(ticks[1].get_loc()) - float(ticks[0].get_loc())) / abs(high - low)
    height = max(y1 - y0 for _, y0, _, y1 in (text_box(t, t.get_text(), 0.0) for t in shown))

    def fits(angle: float) -> bool:
        ax.tick_params(axis="x", labelrotation=angle)
        fit_axes(fig)
        pitch = ax.get_position().width * float(fig.get_size_inches()[0]) * POINTS_PER_INCH
        return pitch * step * math.sin(math.radians(angle)) >= height + LABEL_GAP

    least, steepest = shown[0].get_rotation(), 90.0
    if fits(least) or not fits(steepest):
        return  # as they are; or upright, and as close as so many columns must be
    for _ in range(5):
        middle = (least + steepest) / 2
        least, steepest = (least, middle) if fits(middle) else (middle, steepest)
    ax.tick_params(axis="x", labelrotation=steepest)


def year_headers(years: PlanYears, prefix: str = "Aufwand") -> list[str]:
    return [f"{prefix} {years.label(y)}" for y in years.numbers]


def field_names(plan: CuratedPlan) -> list[str]:
    """The plan's Handlungsfelder, then any a measure names that the list does not have."""
    names = list(plan.handlungsfelder)
    for measure in plan.measures:
        for name in measure.handlungsfelder:
            if name not in names:
                names.append(name)
    return names
