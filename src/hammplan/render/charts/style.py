"""The charts' look and their SVG: the Okabe-Ito palette, matplotlib style, figure size, and
saving a figure as accessible, byte-stable SVG (ids prefixed, title and description)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import matplotlib
from matplotlib.figure import Figure

from hammplan.render.charts.layout import POINTS_PER_INCH, fit_axes
from hammplan.render.labels import VALUE_STATUS_LABELS

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
STATUS_STYLE: dict[str, tuple[str, str, str]] = {
    "ok": (VALUE_STATUS_LABELS["ok"], OKABE_ITO["bluish_green"], ""),
    "not_stated": (VALUE_STATUS_LABELS["not_stated"], OKABE_ITO["orange"], "///"),
    "note": (VALUE_STATUS_LABELS["note"], OKABE_ITO["sky_blue"], ".."),
    "suspect": (VALUE_STATUS_LABELS["suspect"], OKABE_ITO["vermillion"], "xx"),
}
GROUP_COLOURS = [
    OKABE_ITO["orange"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["blue"],
]

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
    attrs = f' id="{chart_id}-svg" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"'
    opening = match.group(0)[:-1] + attrs + ">"
    head = (
        f'\n <title id="{chart_id}-title">{xml_escape(title)}</title>'
        f'\n <desc id="{chart_id}-desc">{xml_escape(alt)}</desc>'
    )
    return svg[: match.start()] + opening + head + svg[match.end() :]


def figure(height: float, width: float = WIDTH) -> Figure:
    """A new figure (object API: nothing global to close) without a layout engine.

    :func:`save_svg` places its axes with computed margins (:func:`fit_axes`): constrained
    layout's iterative solve cost about half of drawing a chart. The dpi is the SVG's 72, so
    one display unit is one point both when measuring texts and when drawing them.
    """
    return Figure(figsize=(width, height), dpi=POINTS_PER_INCH, layout=None)


def save_svg(fig: Figure, chart_id: str, title: str, alt: str) -> str:
    """The figure, its axes placed by :func:`fit_axes`, as an accessible, reproducible SVG.

    The figure is not cleared afterwards: clearing an axes sets it up anew (ticks, spines,
    limits), a twentieth of a chart's time, for a figure nothing uses again."""
    fit_axes(fig)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata=SVG_METADATA)
    return _NOT_XML.sub("\ufffd", accessible_svg(buffer.getvalue(), chart_id, title, alt))


@contextmanager
def chart_style() -> Iterator[None]:
    """The report's matplotlib settings, for the duration of the block."""
    with matplotlib.rc_context(STYLE):
        yield
