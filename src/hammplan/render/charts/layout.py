"""Placing the axes of a chart from measured texts instead of a layout engine (see the
package docstring): text boxes, what each axis's labels reach, and :func:`fit_axes`."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from typing import Any, Literal, NamedTuple

import matplotlib
from matplotlib import text as mtext
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator
from matplotlib.transforms import IdentityTransform

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
    template: mtext.Text,
    text: str,
    rotation: float | None = None,
) -> tuple[float, float, float, float]:
    """``x0, y0, x1, y1``, in points from its anchor, of ``text`` drawn like ``template``
    (font, size, alignment, rotation unless given): matplotlib's own text layout, on the SVG
    renderer."""
    rotation = template.get_rotation() if rotation is None else rotation
    key = (
        text,
        rotation,
        template.get_fontproperties().copy(),
        template.get_horizontalalignment(),
        template.get_verticalalignment(),
        template.get_rotation_mode(),
        template.get_linespacing(),
        template.get_parse_math(),
        template.get_usetex(),
        template.get_wrap(),
    )
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
    sides = (
        (tick.label1, tick.tick1line.get_visible(), ("bottom", "left")),
        (tick.label2, tick.tick2line.get_visible(), ("top", "right")),
    )
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
            near.append(
                Reach(0.5, edge, 0.0, 0.0, low, high)
                if name == "x"
                else Reach(edge, 0.5, low, high, 0.0, 0.0)
            )
        reaches += near
        text = axis.get_label_text()
        if not (
            text
            and axis.label.get_visible()
            and axis.get_label_position() == label_sides[name == "y"]
        ):
            continue
        # matplotlib puts the axis label ``labelpad`` beyond the tick labels (or the spine);
        # along the axis it stands where its position (in axes fractions) says
        x0, y0, x1, y1 = text_box(axis.label, text)
        along = float(axis.label.get_position()[name == "y"])
        if name == "x":
            inner = (
                min([0.0] + [r.y0 for r in near])
                if side == 0
                else max([0.0] + [r.y1 for r in near])
            ) + sign * axis.labelpad
            low, high = sorted((inner, inner + sign * (y1 - y0)))
            reaches.append(Reach(along, edge, x0, x1, low, high))
        else:
            inner = (
                min([0.0] + [r.x0 for r in near])
                if side == 0
                else max([0.0] + [r.x1 for r in near])
            ) + sign * axis.labelpad
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
    title_base = max([0.0] + [r.y1 for r in reaches if r.fy == 1.0]) + float(
        matplotlib.rcParams["axes.titlepad"]
    )
    for child in ax.get_children():
        if not isinstance(child, mtext.Text) or not child.get_visible() or not child.get_text():
            continue
        x0, y0, x1, y1 = text_box(child, child.get_text())
        if child not in ax.texts:  # the title, left title or right title
            reaches.append(
                Reach(child.get_position()[0], 1.0, x0, x1, title_base + y0, title_base + y1)
            )
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


def fit_axes(fig: Figure) -> None:  # noqa: C901 - places every kind of text of a chart at once
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
        thinned = [
            _thin_out(ax.xaxis, len(current.x_labels))
            for ax, current in zip(axes, now, strict=True)
            if ax_width < _crowding(current.x_labels, "x") - 0.01
        ]
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
