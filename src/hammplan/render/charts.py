"""The report's charts: one function per chart, each returning SVG text, alt text and the data
table behind it.

Charts are drawn with matplotlib's object API (``Figure``, no pyplot, no GUI backend) and saved
as SVG with a fixed hash salt and no date, so the same data gives byte-identical files. Text
stays text (``svg.fonttype`` "none"): it is searchable, and what a reader selects is what
the data says. Colours are the Okabe-Ito palette, safe for colour-blind readers; where colour
alone would carry meaning (planned 2025 values) a hatch pattern or a marker shape carries it too.
Every SVG gets a ``<title>`` and ``<desc>`` and ``role="img"``; its element ids are prefixed
with the chart id so several charts can sit inline in one HTML page.

Layout: figures have no layout engine. Just before saving, :func:`fit_axes` places the axes
once, with margins computed from what the chart holds: its tick labels (long measure names),
axis labels, axes titles, values written beside bars, and the figure's title and legend. Each
text is measured once with matplotlib's own text layout on an SVG renderer, so the sizes are
those the SVG is drawn with. Constrained layout finds such margins too, but lays every tick
label out again and again in an iterative solve: that was nearly half of the time a chart
took to draw. So that no plan's names overlap, where rows are too close for their two-line
labels the figure grows taller, a value axis whose labels would touch gets fewer ticks, and
slanted column labels turn steeper (:func:`steepen_column_labels`).
"""

from __future__ import annotations

import io
import math
import multiprocessing
import os
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Literal, NamedTuple
from xml.sax.saxutils import escape as xml_escape

import matplotlib
from matplotlib import text as mtext
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter
from matplotlib.transforms import IdentityTransform

from hammplan.children import collect, die_with_parent
from hammplan.cores import usable_cores
from hammplan.curate.models import BUDGET_YEARS, BudgetLine, CuratedPlan, Measure
from hammplan.curate.values import Status, Text
from hammplan.holdpoints import hold
from hammplan.render import formatting as fmt
from hammplan.render.context import (
    POPULATION_GROUPS,
    YEAR_LABELS,
    BudgetEntity,
    YearSum,
    budget_entities,
    group_shares,
    group_values,
    missing_phrase,
    organisation_label,
    sum_amounts,
)
from hammplan.render.drawn import Chart
from hammplan.render.text import plain

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
YEAR_STYLE: dict[int, tuple[str, str, str]] = {
    2023: (OKABE_ITO["sky_blue"], "", "o"),
    2024: (OKABE_ITO["blue"], "", "s"),
    2025: (OKABE_ITO["orange"], "///", "^"),
}
"""Colour, hatch and marker per budget year; 2025 (planned) is hatched as well as coloured."""
STATUS_STYLE: dict[str, tuple[str, str, str]] = {
    "ok": ("angegeben", OKABE_ITO["bluish_green"], ""),
    "not_stated": ("o.\u00a0A.", OKABE_ITO["orange"], "///"),
    "note": ("Text statt Zahl", OKABE_ITO["sky_blue"], ".."),
    "suspect": ("fraglich", OKABE_ITO["vermillion"], "xx"),
}
GROUP_COLOURS = [OKABE_ITO["orange"], OKABE_ITO["sky_blue"], OKABE_ITO["bluish_green"],
                 OKABE_ITO["blue"]]

SVG_METADATA: dict[str, Any] = {"Date": None, "Creator": "hammplan"}
STYLE: dict[Any, Any] = {
    "svg.hashsalt": "hammplan-report",
    "svg.fonttype": "none",
    "svg.image_inline": True,
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.titlesize": 10.0,
    "figure.titlesize": 11.0,
    "figure.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "axes.grid": False,
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": f"cycler(color={list(OKABE_ITO.values())!r})",
    "text.parse_math": False,
    "text.usetex": False,
    "hatch.color": "#333333",
    "hatch.linewidth": 0.6,
    "legend.frameon": False,
    "path.simplify": False,
}
"""matplotlib settings of every chart. ``text.parse_math`` off: a "$" in a measure title is text."""

WIDTH = 8.0
"""Figure width in inches (576 pt), fits a report column."""


# ---------------------------------------------------------------------------------------
# SVG output


_ID = re.compile(r'\bid="([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'\b((?:xlink:)?href)="#([^"]+)"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 does not allow: an SVG file holding one does not open."""


def accessible_svg(svg: str, chart_id: str, title: str, alt: str) -> str:
    """Prefixes element ids with ``chart_id``; adds role, <title> and <desc> to the root."""
    svg = _ID.sub(lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    svg = _URL.sub(lambda m: f"url(#{chart_id}-{m.group(1)})", svg)
    svg = _HREF.sub(lambda m: f'{m.group(1)}="#{chart_id}-{m.group(2)}"', svg)
    match = _SVG_OPEN.search(svg)
    if match is None:
        raise ValueError("not an SVG document")
    attrs = (
        f' id="{chart_id}-svg" role="img"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc"'
    )
    opening = match.group(0)[:-1] + attrs + ">"
    head = (
        f'\n <title id="{chart_id}-title">{xml_escape(title)}</title>'
        f'\n <desc id="{chart_id}-desc">{xml_escape(alt)}</desc>'
    )
    return svg[: match.start()] + opening + head + svg[match.end():]


def figure(height: float, width: float = WIDTH) -> Figure:
    """A new figure (object API: nothing global to close) without a layout engine.

    :func:`save_svg` places its axes with computed margins (:func:`fit_axes`): constrained
    layout's iterative solve cost about half of drawing a chart. The dpi is the SVG's 72, so
    one display unit is one point both when measuring texts and when drawing them.
    """
    return Figure(figsize=(width, height), dpi=POINTS_PER_INCH, layout=None)


def save_svg(fig: Figure, chart_id: str, title: str, alt: str) -> str:
    """The figure, its axes placed by :func:`fit_axes`, as an accessible, reproducible SVG."""
    fit_axes(fig)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata=SVG_METADATA)
    fig.clear()
    return _NOT_XML.sub("\ufffd", accessible_svg(buffer.getvalue(), chart_id, title, alt))


@contextmanager
def chart_style() -> Iterator[None]:
    """The report's matplotlib settings, for the duration of the block."""
    with matplotlib.rc_context(STYLE):
        yield


# ---------------------------------------------------------------------------------------
# Layout


POINTS_PER_INCH = 72.0
"""The SVG backend draws at 72 dpi: one display unit is one point."""
EDGE = 4.0
"""Points between the outermost text of a chart and the figure's edge."""
GAP = 6.0
"""Points between an axes' texts and the figure's title or legend, and between two axes."""
LABEL_GAP = 2.0
"""Points at least between two neighbouring tick labels."""


class Reach(NamedTuple):
    """Where something drawn with an axes reaches: anchored at ``(fx, fy)`` in axes fractions
    (0 to 1 across the axes box), from ``x0`` to ``x1`` and ``y0`` to ``y1`` points from there."""

    fx: float
    fy: float
    x0: float
    x1: float
    y0: float
    y1: float


class AxesReach(NamedTuple):
    """Where everything an axes draws reaches, and its tick labels on their own."""

    reaches: list[Reach]
    x_labels: list[Reach]
    y_labels: list[Reach]


_METER: tuple[RendererBase, mtext.Text] | None = None
"""A renderer and a text artist to measure texts with; made once per process."""


def _meter() -> tuple[RendererBase, mtext.Text]:
    global _METER
    if _METER is None:
        text = mtext.Text()
        text.set_figure(Figure(dpi=POINTS_PER_INCH))
        _METER = (RendererSVG(1, 1, io.StringIO()), text)  # type: ignore[no-untyped-call]
    return _METER


_BOXES: dict[tuple[Any, ...], tuple[float, float, float, float]] = {}
"""Measured texts by text and the properties that shape it; a chart's labels are measured
again in each placing round, and a measure's name is a label in several charts."""


def text_box(
    template: mtext.Text, text: str, rotation: float | None = None,
) -> tuple[float, float, float, float]:
    """``x0, y0, x1, y1``, in points from its anchor, of ``text`` drawn like ``template``
    (font, size, alignment, rotation unless given): matplotlib's own text layout, on the SVG
    renderer."""
    rotation = template.get_rotation() if rotation is None else rotation
    key = (text, rotation, template.get_fontproperties().copy(),
           template.get_horizontalalignment(), template.get_verticalalignment(),
           template.get_rotation_mode(), template.get_linespacing(),
           template.get_parse_math(), template.get_usetex(), template.get_wrap())
    box = _BOXES.get(key)
    if box is None:
        renderer, meter = _meter()
        meter.update_from(template)
        meter.set_transform(IdentityTransform())
        meter.set_visible(True)
        meter.set_rotation(rotation)
        meter.set_rotation_mode(template.get_rotation_mode())
        meter.set_parse_math(template.get_parse_math())
        meter.set_text(text)
        box = meter.get_window_extent(renderer).extents
        if len(_BOXES) >= 20_000:
            _BOXES.clear()
        _BOXES[key] = box = (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
    return box


def _drawn(axis: Axis, locs: Sequence[float]) -> list[int]:
    """Indices of the tick locations in the axis's view interval: the ticks that are drawn."""
    low, high = sorted(float(v) for v in axis.get_view_interval())
    tolerance = 1e-9 * (high - low)
    return [i for i, loc in enumerate(locs) if low - tolerance <= loc <= high + tolerance]


def _crowding(labels: Sequence[Reach], along: Literal["x", "y"]) -> float:
    """The least length (points) of an axis on which ``labels`` do not overlap."""
    if along == "x":
        spans = sorted((r.fx, r.x0, r.x1) for r in labels)
    else:
        spans = sorted((r.fy, r.y0, r.y1) for r in labels)
    need = 0.0
    for (f, _, high), (g, low, _) in zip(spans, spans[1:], strict=False):
        if g > f:
            need = max(need, (high - low + LABEL_GAP) / (g - f))
    return need


def _axis_reach(ax: Axes, name: Literal["x", "y"]) -> tuple[list[Reach], list[Reach]]:
    """Where the ticks, tick labels and label of the x or y axis of ``ax`` reach; and where
    its tick labels do."""
    axis = ax.xaxis if name == "x" else ax.yaxis
    tick = axis.get_major_ticks(1)[0]  # tick_params apply to every tick alike
    locs = [float(v) for v in axis.get_majorticklocs()]
    texts = axis.get_major_formatter().format_ticks(locs)
    to_axes = ax.transScale + ax.transLimits
    corner = (ax.get_xlim()[0], ax.get_ylim()[0])
    # (matplotlib's stub says get_pad returns None; it returns the pad in points)
    pad: float = tick.get_pad()  # type: ignore[func-returns-value, assignment]
    offset = pad + tick.get_tick_padding()
    reaches: list[Reach] = []
    labels: list[Reach] = []
    sides = ((tick.label1, tick.tick1line.get_visible(), ("bottom", "left")),
             (tick.label2, tick.tick2line.get_visible(), ("top", "right")))
    for side, (template, tick_line, label_sides) in enumerate(sides):
        sign = 1.0 if side else -1.0  # label1 is below or left of the axes, label2 above/right
        edge = float(side)
        near: list[Reach] = []
        if template.get_visible():
            for i in _drawn(axis, locs):
                if not texts[i]:
                    continue
                x0, y0, x1, y1 = text_box(template, texts[i])
                if name == "x":
                    fx = float(to_axes.transform((locs[i], corner[1]))[0])
                    near.append(Reach(fx, edge, x0, x1, y0 + sign * offset, y1 + sign * offset))
                else:
                    fy = float(to_axes.transform((corner[0], locs[i]))[1])
                    near.append(Reach(edge, fy, x0 + sign * offset, x1 + sign * offset, y0, y1))
            labels += near
        if tick_line:
            low, high = sorted((0.0, sign * tick.get_tick_padding()))
            near.append(Reach(0.5, edge, 0.0, 0.0, low, high) if name == "x"
                        else Reach(edge, 0.5, low, high, 0.0, 0.0))
        reaches += near
        text = axis.get_label_text()
        if not (text and axis.label.get_visible()
                and axis.get_label_position() == label_sides[name == "y"]):
            continue
        # matplotlib puts the axis label ``labelpad`` beyond the tick labels (or the spine);
        # along the axis it stands where its position (in axes fractions) says
        x0, y0, x1, y1 = text_box(axis.label, text)
        along = float(axis.label.get_position()[name == "y"])
        if name == "x":
            inner = (min([0.0] + [r.y0 for r in near]) if side == 0
                     else max([0.0] + [r.y1 for r in near])) + sign * axis.labelpad
            low, high = sorted((inner, inner + sign * (y1 - y0)))
            reaches.append(Reach(along, edge, x0, x1, low, high))
        else:
            inner = (min([0.0] + [r.x0 for r in near]) if side == 0
                     else max([0.0] + [r.x1 for r in near])) + sign * axis.labelpad
            low, high = sorted((inner, inner + sign * (x1 - x0)))
            reaches.append(Reach(edge, along, low, high, y0, y1))
    return reaches, labels


def axes_reach(ax: Axes) -> AxesReach:
    """Where everything ``ax`` draws reaches: ticks and tick labels, axis labels, titles, and
    texts placed in data or axes coordinates (values beside bars)."""
    x_reaches, x_labels = _axis_reach(ax, "x")
    y_reaches, y_labels = _axis_reach(ax, "y")
    reaches = x_reaches + y_reaches
    to_axes = ax.transScale + ax.transLimits
    # a title's baseline is ``axes.titlepad`` above the axes, or above ticks on its top
    title_base = max([0.0] + [r.y1 for r in reaches if r.fy == 1.0]) \
        + float(matplotlib.rcParams["axes.titlepad"])
    for child in ax.get_children():
        if not isinstance(child, mtext.Text) or not child.get_visible() or not child.get_text():
            continue
        x0, y0, x1, y1 = text_box(child, child.get_text())
        if child not in ax.texts:  # the title, left title or right title
            reaches.append(Reach(child.get_position()[0], 1.0, x0, x1,
                                 title_base + y0, title_base + y1))
        elif child.get_transform() == ax.transData:
            fx, fy = (float(v) for v in to_axes.transform(child.get_unitless_position()))
            reaches.append(Reach(fx, fy, x0, x1, y0, y1))
        elif child.get_transform() == ax.transAxes:
            fx, fy = child.get_unitless_position()
            reaches.append(Reach(fx, fy, x0, x1, y0, y1))
        else:
            raise ValueError("fit_axes knows texts in data or axes coordinates only")
    return AxesReach(reaches, x_labels, y_labels)


def _thin_out(axis: Axis, labels: int) -> bool:
    """Asks the locator of a value axis for fewer ticks than the ``labels`` it gave; False
    where it cannot (labels set one by one, as on the axis of rows)."""
    locator = axis.get_major_locator()
    if isinstance(locator, MaxNLocator):
        locator.set_params(nbins=max(1, labels - 2))  # intervals, one fewer than before
        return labels > 2
    if isinstance(locator, LogLocator):
        locator.set_params(numticks=max(2, labels - 1))
        return labels > 2
    return False


def _beyond(reaches: Sequence[Reach], size: float, along: Literal["x", "y"]) -> tuple[float, float]:
    """How far ``reaches`` stick out before and after an axes ``size`` points long."""
    before = after = 0.0
    for r in reaches:
        f, low, high = (r.fx, r.x0, r.x1) if along == "x" else (r.fy, r.y0, r.y1)
        before = max(before, -(f * size + low))
        after = max(after, f * size + high - size)
    return before, after


def _largest(available: float, count: int, extra: Callable[[float], float]) -> float:
    """The largest size ``s`` of ``count`` axes in a row with ``count * s + extra(s)`` within
    ``available`` points. ``extra`` (the margins) shrinks, if at all, slower than ``s`` grows
    (texts are anchored inside the axes), so iterating from the largest size converges."""
    size = available / count
    for _ in range(100):
        new = max((available - extra(size)) / count, 1.0)
        if abs(new - size) < 1e-3:
            break
        size = new
    return new


def fit_axes(fig: Figure) -> None:
    """Places the figure's axes as large as they can be with all their texts inside the
    figure and clear of the figure's own texts (title above, messages) and legends (below).

    The axes are one row of equally wide subplots, left to right in the order they were
    added. Margins come from measured texts: the widest tick label, axis labels, titles.
    Ticks on a value axis depend on its length: they are measured again after placing, and
    the axes placed again (keeping the ticks seen before) until the placement holds. Where
    the labels of a value axis would touch, its locator is asked for fewer ticks; where the
    rows of a chart are too close for their (two-line) labels, the figure grows taller.
    A figure title hanging from the top (``va="top"``) is put ``EDGE`` below the top, as
    constrained layout would.
    """
    renderer, _ = _meter()
    axes = list(fig.axes)
    for ax in axes:
        spec = ax.get_subplotspec()
        if spec is None or spec.get_gridspec().nrows != 1:
            raise ValueError("fit_axes places a single row of subplots")
    seen: list[list[Reach]] = [[] for _ in axes]
    placed: tuple[tuple[float, float, float, float], ...] = ()
    for _round in range(12):
        width, height = (float(v) * POINTS_PER_INCH for v in fig.get_size_inches())
        bottom, top = EDGE, height - EDGE
        for artist in [*fig.texts, *fig.legends]:
            if isinstance(artist, mtext.Text):
                if not artist.get_visible() or not artist.get_text():
                    continue
                if artist.get_verticalalignment() == "top" and artist.get_position()[1] > 0.5:
                    artist.set_y(1.0 - EDGE / height)
            extent = artist.get_window_extent(renderer)
            if extent.y0 + extent.y1 > height:  # in the upper half: the title
                top = min(top, extent.y0 - GAP)
            else:
                bottom = max(bottom, extent.y1 + GAP)
        if not axes:
            return
        now = [axes_reach(ax) for ax in axes]
        for reaches, current in zip(seen, now, strict=True):
            reaches += [r for r in current.reaches if r not in reaches]
        every = [r for reaches in seen for r in reaches]

        def across(size: float, seen: list[list[Reach]] = seen) -> float:
            sides = [_beyond(reaches, size, "x") for reaches in seen]
            between = sum(a[1] + b[0] + GAP for a, b in zip(sides, sides[1:], strict=False))
            return sides[0][0] + between + sides[-1][1]

        def up(size: float, every: list[Reach] = every) -> float:
            return sum(_beyond(every, size, "y"))

        ax_width = _largest(width - 2 * EDGE, len(axes), across)
        ax_height = _largest(top - bottom, 1, up)
        rows = max(_crowding(current.y_labels, "y") for current in now)
        if ax_height < rows - 0.01:  # rows too close: grow the figure, then place again
            grown = math.ceil(height + rows + up(rows) - (top - bottom))  # whole points
            fig.set_size_inches(width / POINTS_PER_INCH, grown / POINTS_PER_INCH)
            continue
        thinned = [_thin_out(ax.xaxis, len(current.x_labels))
                   for ax, current in zip(axes, now, strict=True)
                   if ax_width < _crowding(current.x_labels, "x") - 0.01]
        y = bottom + _beyond(every, ax_height, "y")[0]
        x = EDGE
        boxes: list[tuple[float, float, float, float]] = []
        for reaches in seen:
            before, after = _beyond(reaches, ax_width, "x")
            boxes.append(((x + before) / width, y / height, ax_width / width, ax_height / height))
            x += before + ax_width + after + GAP
        if tuple(boxes) == placed and not any(thinned):
            return
        placed = tuple(boxes)
        for ax, box in zip(axes, boxes, strict=True):
            ax.set_position(box)


# ---------------------------------------------------------------------------------------
# Helpers


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


def grouped_barh(ax: Axes, labels: Sequence[str], series: dict[int, list[float | None]]) -> None:
    """Horizontal bars, one group per label, one bar per year (first label on top)."""
    count = len(series)
    height = 0.8 / max(count, 1)
    for i, (year, values) in enumerate(series.items()):
        colour, hatch, _marker = YEAR_STYLE.get(year, (OKABE_ITO["black"], "", "o"))
        positions = [y - 0.4 + height * (i + 0.5) for y in range(len(labels))]
        widths = [v if v is not None else 0.0 for v in values]
        ax.barh(positions, widths, height=height, color=colour, hatch=hatch or None,
                edgecolor="#333333" if hatch else colour, linewidth=0.0,
                label=YEAR_LABELS.get(year, str(year)))
    ax.set_yticks(range(len(labels)), [short_label(label) for label in labels])
    ax.set_ylim(len(labels) - 0.5, -0.5)


def empty_chart(chart_id: str, title: str, message: str, headers: list[str]) -> Chart:
    """A chart with nothing to draw says so instead of showing empty axes."""
    fig = figure(1.2)
    fig.suptitle(title, x=0.01, ha="left")
    fig.text(0.5, 0.4, message, ha="center", va="center")
    alt = f"{title}: {message}"
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, [], message)


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


def year_headers(prefix: str = "Aufwand") -> list[str]:
    return [f"{prefix} {YEAR_LABELS.get(y, str(y))}" for y in BUDGET_YEARS]


def field_names(plan: CuratedPlan) -> list[str]:
    """The plan's Handlungsfelder, then any a measure names that the list does not have."""
    names = list(plan.handlungsfelder)
    for measure in plan.measures:
        for name in measure.handlungsfelder:
            if name not in names:
                names.append(name)
    return names


# ---------------------------------------------------------------------------------------
# The charts


def chart_budget_by_field(plan: CuratedPlan, entities: Sequence[BudgetEntity]) -> Chart:
    """Aufwand per year of the measures of each Handlungsfeld."""
    chart_id = "aufwand-nach-handlungsfeld"
    title = "Aufwand nach Handlungsfeld"
    headers = ["Handlungsfeld", "Maßnahmen mit Haushaltszeile", *year_headers()]
    linked = [e for e in entities if e.measure_id is not None]
    labels: list[str] = []
    sums: list[dict[int, YearSum]] = []
    counts: list[int] = []
    for name in field_names(plan):
        members = [e for e in linked if name in e.handlungsfelder]
        labels.append(name)
        counts.append(len(members))
        sums.append({y: add_sums([e.aufwand[y] for e in members]) for y in BUDGET_YEARS})
    if not any(s[y].value is not None for s in sums for y in BUDGET_YEARS):
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    fig = figure(max(2.6, 0.55 * len(labels) + 1.4))
    ax = fig.add_subplot()
    grouped_barh(ax, labels, {y: [as_float(s[y].value) for s in sums] for y in BUDGET_YEARS})
    top = max(as_float(s[y].value) for s in sums for y in BUDGET_YEARS)
    set_euro_axis(ax, "Aufwand", top)
    ax.set_ylabel("Handlungsfeld")
    fig.legend(loc="outside lower center", ncols=3)
    fig.suptitle(title, x=0.01, ha="left")
    unlinked = sum(1 for e in entities if e.measure_id is None)
    note = (
        "Eine Maßnahme mit mehreren Handlungsfeldern zählt in jedem davon mit; die Summen der "
        "Handlungsfelder ergeben daher zusammen mehr als den Gesamtaufwand. Gezählt sind nur "
        "angegebene Beträge; in Klammern, wie viele Haushaltszeilen keinen Betrag nennen."
    )
    if unlinked:
        rows_text = fmt.count_phrase(unlinked, "Haushaltszeile", "Haushaltszeilen")
        note += f" Nicht enthalten: {rows_text} ohne Steckbrief."
    year = BUDGET_YEARS[-2] if len(BUDGET_YEARS) > 1 else BUDGET_YEARS[-1]
    best = max(range(len(labels)), key=lambda i: as_float(sums[i][year].value))
    alt = (
        f"Balkendiagramm: Aufwand 2023, 2024 und 2025 (geplant) der Maßnahmen je Handlungsfeld, "
        f"{len(labels)} Handlungsfelder. Den höchsten Aufwand {year} hat „{labels[best]}“ mit "
        f"{sum_cell(sums[best][year])}."
    )
    rows = [[labels[i], fmt.number(counts[i])] + [sum_cell(sums[i][y]) for y in BUDGET_YEARS]
            for i in range(len(labels))]
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


def chart_budget_by_organisation(plan: CuratedPlan) -> Chart:
    """Aufwand per year of each Amt/Träger (StA column of the budget tables)."""
    chart_id = "aufwand-nach-amt"
    title = "Aufwand nach Amt/Träger (StA)"
    headers = ["Amt/Träger", "Haushaltszeilen", *year_headers()]
    groups: dict[str, list[BudgetLine]] = {}
    for row in plan.budget:
        groups.setdefault(row.sta, []).append(row)
    items = []
    for sta, lines in groups.items():
        name = next((r.sta_name for r in lines if r.sta_name), None)
        sums = {y: sum_amounts(r.aufwand(y) for r in lines) for y in BUDGET_YEARS}
        items.append((organisation_label(plan, sta, name), len(lines), sums))
    items.sort(key=lambda item: (-sum(as_float(item[2][y].value) for y in BUDGET_YEARS), item[0]))
    if not any(s[y].value is not None for _, _, s in items for y in BUDGET_YEARS):
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    labels = [label for label, _, _ in items]
    fig = figure(max(2.6, 0.55 * len(labels) + 1.4))
    ax = fig.add_subplot()
    grouped_barh(ax, labels, {y: [as_float(s[y].value) for _, _, s in items]
                              for y in BUDGET_YEARS})
    set_euro_axis(ax, "Aufwand", max(as_float(s[y].value) for _, _, s in items
                                      for y in BUDGET_YEARS))
    ax.set_ylabel("Amt/Träger (StA)")
    fig.legend(loc="outside lower center", ncols=3)
    fig.suptitle(title, x=0.01, ha="left")
    alt = (
        f"Balkendiagramm: Aufwand 2023, 2024 und 2025 (geplant) je Amt oder Träger "
        f"({len(labels)} Stellen), nach Gesamtaufwand geordnet. Den höchsten Aufwand hat "
        f"„{labels[0]}“."
    )
    rows = [[label, fmt.number(n)] + [sum_cell(s[y]) for y in BUDGET_YEARS]
            for label, n, s in items]
    note = "Gezählt sind nur angegebene Beträge; in Klammern, was fehlt."
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


def chart_measure_years(entities: Sequence[BudgetEntity]) -> Chart:
    """Aufwand 2023 -> 2024 -> 2025 of each measure, as a dot plot (one marker shape a year)."""
    chart_id = "aufwand-je-massnahme"
    title = "Aufwand je Maßnahme: 2023 → 2024 → 2025 (geplant)"
    headers = ["Maßnahme", *year_headers(), "Veränderung 2023 → 2024", "Seite"]
    shown = [e for e in entities if any(e.aufwand[y].value is not None for y in BUDGET_YEARS)]
    if not shown:
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    fig = figure(max(2.6, 0.36 * len(shown) + 1.6))
    ax = fig.add_subplot()
    values = [[e.aufwand[y].value for y in BUDGET_YEARS] for e in shown]
    stated = [float(v) for row in values for v in row if v is not None and v > 0]
    log = bool(stated) and max(stated) / min(stated) > 100

    def drawn(v: Decimal | None) -> float | None:
        """The x of a value, None when it is not stated (or not positive on a log axis)."""
        return None if v is None or (log and v <= 0) else float(v)

    points = [[drawn(v) for v in row] for row in values]
    for row_index, row_points in enumerate(points):
        xs = [x for x in row_points if x is not None]
        if len(xs) > 1:
            ax.plot(xs, [row_index] * len(xs), color="#9a9a9a", linewidth=1.0, zorder=1)
    for year_index, year in enumerate(BUDGET_YEARS):
        colour, _hatch, marker = YEAR_STYLE.get(year, (OKABE_ITO["black"], "", "o"))
        pairs = [(row_points[year_index], i) for i, row_points in enumerate(points)]
        xs = [x for x, _ in pairs if x is not None]
        ys = [i for x, i in pairs if x is not None]
        ax.scatter(xs, ys, marker=marker, s=36, color=colour, edgecolors="#333333",
                   linewidths=0.5, zorder=2, label=YEAR_LABELS.get(year, str(year)))
    ax.set_yticks(range(len(shown)), [short_label(e.label) for e in shown])
    ax.set_ylim(len(shown) - 0.5, -0.5)
    if log:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.axis_number(v)))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("Aufwand in € (logarithmische Skala)")
        ax.grid(True, axis="x")
    else:
        set_euro_axis(ax, "Aufwand", max(stated) if stated else 0.0)
    ax.grid(True, axis="y", linestyle=":")
    ax.set_ylabel("Maßnahme")
    fig.legend(loc="outside lower center", ncols=3)
    fig.suptitle(title, x=0.01, ha="left")
    rows = []
    rising = 0
    for entity in shown:
        a, b = entity.aufwand[2023], entity.aufwand[2024]
        change = ""
        if a.value and b.value is not None and a.complete and b.complete:
            ratio = b.value / a.value - 1
            change = ("+" if ratio > 0 else "") + fmt.percent(ratio)
            rising += ratio > 0
        rows.append([entity.label] + [sum_cell(entity.aufwand[y]) for y in BUDGET_YEARS]
                    + [change or "–", fmt.page(entity.pages)])
    alt = (
        f"Punktdiagramm: Aufwand 2023 (Kreis), 2024 (Quadrat) und 2025 geplant (Dreieck) von "
        f"{len(shown)} Maßnahmen mit angegebenem Aufwand; bei {rising} davon stieg der Aufwand "
        f"von 2023 auf 2024. Fehlt ein Punkt, nennt der Plan für das Jahr keinen Betrag."
    )
    note = (
        "Fehlt ein Punkt, nennt der Plan für dieses Jahr keinen Betrag (siehe Tabelle)."
        + (" Die waagerechte Achse ist logarithmisch: jede Marke ist das Zehnfache der vorigen."
           if log else "")
    )
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


def chart_top_measures(
    entities: Sequence[BudgetEntity], year: int = BUDGET_YEARS[-2], top: int = 10
) -> Chart:
    """The ``top`` measures by Aufwand of ``year``, with each one's share of the total."""
    chart_id = "top-massnahmen"
    title = f"Die {top} Maßnahmen mit dem höchsten Aufwand {YEAR_LABELS.get(year, str(year))}"
    headers = ["Rang", "Maßnahme", f"Aufwand {YEAR_LABELS.get(year, str(year))}",
               "Anteil an der Summe", "Seite"]
    ranked = sorted(
        (e for e in entities if e.aufwand[year].value is not None),
        key=lambda e: (-(e.aufwand[year].value or Decimal(0)), e.label),
    )
    if not ranked:
        return empty_chart(chart_id, title, "Keine Aufwände angegeben.", headers)
    total = add_sums([e.aufwand[year] for e in entities])
    chosen = ranked[:top]
    fig = figure(max(2.4, 0.36 * len(chosen) + 1.3))
    ax = fig.add_subplot()
    values = [as_float(e.aufwand[year].value) for e in chosen]
    colour, _hatch, _marker = YEAR_STYLE.get(year, (OKABE_ITO["blue"], "", "o"))
    ax.barh(range(len(chosen)), values, color=colour, height=0.7)
    for i, entity in enumerate(chosen):
        ax.text(values[i], i, " " + fmt.euro(entity.aufwand[year].value or 0, cents=False),
                va="center", ha="left", fontsize=8)
    ax.set_yticks(range(len(chosen)), [short_label(e.label) for e in chosen])
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.set_xlim(0, max(values) * 1.25 if max(values) > 0 else 1)
    set_euro_axis(ax, "Aufwand", max(values))
    ax.set_ylabel("Maßnahme")
    fig.suptitle(title, x=0.01, ha="left")
    rows = []
    for rank, entity in enumerate(chosen, start=1):
        value = entity.aufwand[year].value or Decimal(0)
        share = fmt.percent(value / total.value) if total.value else "–"
        rows.append([fmt.number(rank), entity.label, sum_cell(entity.aufwand[year]), share,
                     fmt.page(entity.pages)])
    first = chosen[0]
    alt = (
        f"Balkendiagramm: die {len(chosen)} Maßnahmen mit dem höchsten Aufwand "
        f"{YEAR_LABELS.get(year, str(year))}. Vorn „{first.label}“ mit "
        f"{fmt.euro(first.aufwand[year].value or 0)}."
    )
    note = (
        f"Anteil an der Summe aller angegebenen Aufwände {YEAR_LABELS.get(year, str(year))} "
        f"({sum_cell(total)})."
    )
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


FUNDING_CAP = 2.0
"""Bars of the funding chart stop at 200 %; the true share is written beside them."""


def chart_third_party_share(
    entities: Sequence[BudgetEntity], year: int = BUDGET_YEARS[-2]
) -> Chart:
    """Share funded by third parties: Ertrag / Aufwand of ``year``, per measure."""
    chart_id = "drittmittelanteil"
    label_year = YEAR_LABELS.get(year, str(year))
    title = f"Anteil Drittmittel (Ertrag ÷ Aufwand) {label_year}"
    headers = ["Maßnahme", f"Aufwand {label_year}", f"Ertrag {label_year}", "Anteil"]
    items: list[tuple[BudgetEntity, Decimal, Decimal]] = []
    for entity in entities:
        both = [r for r in entity.rows
                if r.aufwand(year).status == "ok" and r.aufwand(year).betrag_eur is not None
                and r.ertrag(year).status == "ok" and r.ertrag(year).betrag_eur is not None]
        spend = sum((r.aufwand(year).betrag_eur or Decimal(0) for r in both), Decimal(0))
        income = sum((r.ertrag(year).betrag_eur or Decimal(0) for r in both), Decimal(0))
        if both and spend > 0:
            items.append((entity, spend, income))
    if not items:
        return empty_chart(chart_id, title,
                           f"Für {label_year} nennt keine Maßnahme Aufwand und Ertrag.", headers)
    items.sort(key=lambda item: (-(item[2] / item[1]), item[0].label))
    fig = figure(max(2.4, 0.36 * len(items) + 1.4))
    ax = fig.add_subplot()
    shares = [float(income / spend) for _, spend, income in items]
    ax.barh(range(len(items)), [min(s, FUNDING_CAP) for s in shares],
            color=OKABE_ITO["bluish_green"], height=0.7)
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
    spend_all = sum((s for _, s, _ in items), Decimal(0))
    income_all = sum((i for _, _, i in items), Decimal(0))
    rows = [[e.label, fmt.euro(s), fmt.euro(i), fmt.percent(i / s)] for e, s, i in items]
    rows.append(["Zusammen", fmt.euro(spend_all), fmt.euro(income_all),
                 fmt.percent(income_all / spend_all)])
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
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


def _measure_status(measure: Measure, name: str, value: object) -> Status:
    source = measure.source.get(name)
    if value:
        return source.status if source is not None and source.status in ("note", "suspect") \
            else "ok"
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
        ("Kennzahlen", lambda m: m.kennzahlen_cell.status if m.kennzahlen_cell is not None
         else _measure_status(m, "kennzahlen", m.kennzahlen)),
        ("Kosten", lambda m: m.kosten.status),
    ]
    fields: list[tuple[str, list[Status]]] = [
        (f"Steckbrief: {label}", [get(m) for m in plan.measures]) for label, get in measure_fields
    ]
    budget_fields: list[tuple[str, Callable[[BudgetLine], Status]]] = []
    for year in BUDGET_YEARS:
        label = YEAR_LABELS.get(year, str(year))
        budget_fields.append((f"Aufwand {label}", _budget_status("aufwand", year)))
        budget_fields.append((f"Ertrag {label}", _budget_status("ertrag", year)))
    budget_fields.append(("Fördergeber", lambda b: _text_status(b.foerdergeber)))
    budget_fields.append(("Kennzahl", lambda b: _text_status(b.kennzahl)))
    for year in BUDGET_YEARS:
        budget_fields.append((f"Wert {YEAR_LABELS.get(year, str(year))}",
                              _budget_status("wert", year)))
    fields += [(f"Haushalt: {label}", [get(b) for b in plan.budget])
               for label, get in budget_fields]
    return fields


def chart_completeness(plan: CuratedPlan) -> Chart:
    """Per field, the share of cells stated, "o. A.", words instead of a figure, suspect."""
    chart_id = "vollstaendigkeit"
    title = "Vollständigkeit: Angaben je Feld"
    statuses = list(STATUS_STYLE)
    headers = ["Feld", "Einträge", *(STATUS_STYLE[s][0] for s in statuses), "Anteil o.\u00a0A."]
    fields = [(label, values) for label, values in completeness_fields(plan) if values]
    if not fields:
        return empty_chart(chart_id, title, "Keine Steckbriefe und Haushaltszeilen.", headers)
    fig = figure(max(2.6, 0.3 * len(fields) + 1.6))
    ax = fig.add_subplot()
    left = [0.0] * len(fields)
    counts = [{s: values.count(s) for s in statuses} for _, values in fields]  # type: ignore[arg-type]
    for status in statuses:
        label, colour, hatch = STATUS_STYLE[status]
        widths = [c[status] / len(values) for c, (_, values) in zip(counts, fields, strict=True)]
        ax.barh(range(len(fields)), widths, left=left, color=colour, hatch=hatch or None,
                edgecolor="#333333" if hatch else colour, linewidth=0.0, height=0.7, label=label)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(range(len(fields)), [label for label, _ in fields])
    ax.set_ylim(len(fields) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "Anteil der Einträge in %")
    ax.set_ylabel("Feld")
    fig.legend(loc="outside lower center", ncols=4)
    fig.suptitle(title, x=0.01, ha="left")
    rows = []
    worst = ("", -1.0)
    for (label, values), count in zip(fields, counts, strict=True):
        share = count["not_stated"] / len(values)
        if share > worst[1]:
            worst = (label, share)
        rows.append([label, fmt.number(len(values))] + [fmt.number(count[s]) for s in statuses]
                    + [fmt.percent(share)])
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
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


def chart_population(plan: CuratedPlan) -> Chart:
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
            f"{fmt.number(v)} ({fmt.percent(s)})" if v is not None and s is not None
            else (fmt.number(v) if v is not None else fmt.NOT_STATED)
            for v, s in zip(values, shares, strict=True)
        ]
        total = sum((v for v in values if v is not None), Decimal(0))
        migh = sum((v for v in values[:3] if v is not None), Decimal(0))
        complete = all(v is not None for v in values)
        rows.append([
            district.sozialraum,
            *cells,
            fmt.number(total) if complete else fmt.NOT_STATED,
            fmt.percent(migh / total) if complete and total else fmt.NOT_STATED,
            fmt.page(district.page),
        ])
    if not drawable:
        return empty_chart(chart_id, title, "Keine Bevölkerungszahlen angegeben.", headers)
    fig = figure(max(2.8, 0.42 * len(drawable) + 1.8))
    ax_abs, ax_share = fig.subplots(1, 2, sharey=True)
    names = [short_label(d.sozialraum, 30, 2) for d in drawable]
    absolute = [[as_float(v) for v in group_values(d)] for d in drawable]
    share_values = [[as_float(s) for s in group_shares(d)] for d in drawable]
    for ax, data in ((ax_abs, absolute), (ax_share, share_values)):
        left = [0.0] * len(drawable)
        for g, label in enumerate(group_labels):
            widths = [row[g] for row in data]
            ax.barh(range(len(drawable)), widths, left=left, color=GROUP_COLOURS[g], height=0.7,
                    label=label if ax is ax_abs else None, edgecolor="white", linewidth=0.5)
            left = [a + b for a, b in zip(left, widths, strict=True)]
    ax_abs.set_yticks(range(len(drawable)), names)
    ax_abs.set_ylim(len(drawable) - 0.5, -0.5)
    ax_abs.set_ylabel("Sozialraum")
    ax_abs.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.axis_number(v)))
    ax_abs.set_xlabel("Einwohner:innen (Anzahl)")
    ax_abs.grid(True, axis="x")
    ax_abs.set_title("Anzahl", loc="left")
    ax_share.set_xlim(0, 1)
    set_percent_axis(ax_share, "Anteil an den Einwohner:innen in %")
    ax_share.set_title("Anteile", loc="left")
    fig.legend(loc="outside lower center", ncols=4)
    fig.suptitle(title, x=0.01, ha="left")
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
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


def chart_field_matrix(plan: CuratedPlan) -> Chart:
    """Which measure serves which Handlungsfeld: a dot for each pair."""
    chart_id = "massnahmen-handlungsfelder"
    title = "Maßnahmen und Handlungsfelder"
    names = field_names(plan)
    headers = ["Maßnahme", *names]
    measures = plan.measures
    if not measures or not names:
        return empty_chart(chart_id, title, "Keine Maßnahmen.", headers)
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
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False,
                   labelrotation=35)
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
    per_field = [sum(1 for m in measures if n in m.handlungsfelder) for n in names]
    rows = [[m.titel] + ["ja" if n in m.handlungsfelder else "–" for n in names]
            for m in measures]
    rows.append(["Anzahl Maßnahmen"] + [fmt.number(c) for c in per_field])
    busiest = names[max(range(len(names)), key=lambda i: per_field[i])]
    alt = (
        f"Matrix: {len(measures)} Maßnahmen (Zeilen) und {len(names)} Handlungsfelder "
        f"(Spalten); ein Punkt, wo eine Maßnahme einem Handlungsfeld zugeordnet ist. Die meisten "
        f"Maßnahmen hat „{busiest}“ ({max(per_field)})."
    )
    note = "Zuordnung laut Steckbrief (Feld Handlungsfelder)."
    return Chart(chart_id, title, alt, save_svg(fig, chart_id, title, alt), headers, rows, note)


_CHARTS: tuple[Callable[[CuratedPlan, list[BudgetEntity]], Chart], ...] = (
    lambda plan, entities: chart_budget_by_field(plan, entities),
    lambda plan, _entities: chart_budget_by_organisation(plan),
    lambda _plan, entities: chart_measure_years(entities),
    lambda _plan, entities: chart_top_measures(entities),
    lambda _plan, entities: chart_third_party_share(entities),
    lambda plan, _entities: chart_completeness(plan),
    lambda plan, _entities: chart_population(plan),
    lambda plan, _entities: chart_field_matrix(plan),
)
"""The report's charts, in the order the report shows them."""

_FORKED: tuple[CuratedPlan, list[BudgetEntity]] | None = None
"""The plan a forked chart worker draws from (inherited, never pickled)."""


def _draw(position: int) -> Chart:
    assert _FORKED is not None
    hold("chart-worker")
    with chart_style():
        return _CHARTS[position](*_FORKED)


_WARM = False
"""Whether this process has drawn :func:`warm_up`'s chart."""


def warm_up() -> None:
    """Draw one small chart and throw it away, once per process.

    The first chart a process draws also loads fonts, builds matplotlib's text layout and
    SVG caches and so on: a seventh of all eight charts' time, paid again by every worker.
    Done before the workers are forked (and by ``build``'s report process while it waits for
    the plan), they inherit it instead.
    """
    global _WARM
    if _WARM:
        return
    with chart_style():
        fig = figure(1.5)
        ax = fig.add_subplot()
        ax.barh([0, 1], [1_000, 2_000], label="Aufwand 2024")
        ax.set_yticks([0, 1], ["Maßnahme", "Träger"])
        ax.set_xlabel("Euro")
        fig.legend(loc="outside lower center", ncols=3)
        fig.suptitle("Übersicht", x=0.01, ha="left")
        save_svg(fig, "warm-up", "Übersicht", "")
    _WARM = True


CHART_SECONDS = 300.0
"""How long drawing all charts may take (a few seconds; much more means a worker is stuck)."""


@contextmanager
def charts_drawing(plan: CuratedPlan) -> Iterator[Callable[[], list[Chart]]]:
    """Start drawing all charts of the report; yields a function that returns them, in the
    order the report shows them, once drawn.

    Drawing (text layout, mostly) is what a render spends its time on, and the charts are
    independent, so where the platform can fork they are drawn in forked worker processes,
    which inherit the plan and the imported matplotlib instead of pickling or re-importing
    them, while the caller goes on (with the report's text, say). Elsewhere they are drawn
    when asked for. Each chart is drawn the same way wherever it is drawn: same bytes.
    """
    global _FORKED
    entities = budget_entities(plan)
    workers = min(usable_cores(), len(_CHARTS))
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        warm_up()
        _FORKED = (plan, entities)
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context, initializer=die_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                futures = [pool.submit(_draw, position) for position in range(len(_CHARTS))]
                yield lambda: collect(futures, pool, CHART_SECONDS, "a chart drawing process")
        finally:
            _FORKED = None
        return

    def serially() -> list[Chart]:
        with chart_style():
            return [draw(plan, entities) for draw in _CHARTS]

    yield serially
