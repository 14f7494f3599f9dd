"""Chart layout: every text of every chart lies inside its figure, and no two texts overlap.

The charts are laid out by ``charts.fit_axes`` from measured texts, not by a layout engine;
these tests look at what is actually drawn. Each chart is drawn (as SVG, the way the report
draws it) while recording the box of every text matplotlib draws (a rotated rectangle for a
rotated text) and of every legend; then nothing may reach beyond the figure, no two texts may
overlap (tick labels, axis labels, axes and figure titles, values beside bars), and no text may
overlap a legend. Plans: the fixture plan, a plan of the real size, and one with long names,
many rows and large amounts.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from matplotlib import text as mtext
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.transforms import Bbox

from hammplan.records.plan import CuratedPlan, District
from hammplan.render import charts
from hammplan.render.aggregates import budget_entities
from tests.render.plan_fixture import make_large_plan, make_plan

TOLERANCE = 0.05
"""Points a text may reach past the figure's edge or into another text (rounding)."""
TICK_SPACE = 1.0
"""Points at least between two tick labels of an axis (touching labels read as one)."""
SVG_SIZE = re.compile(r'<svg\b[^>]*\bwidth="([0-9.]+)pt"[^>]*\bheight="([0-9.]+)pt"')


Corners = tuple[tuple[float, float], ...]
"""A box as drawn: its four corners, in points (y up)."""


@dataclass
class Drawing:
    """What one chart drew: figure size and each text's and legend's box, in points."""

    chart_id: str
    width: float = 0.0
    height: float = 0.0
    texts: list[tuple[str, str, Corners]] = field(default_factory=list)
    """(kind, text, box); kind: title, legend, xtick, ytick or text."""
    legends: list[Corners] = field(default_factory=list)


def _corners(box: Bbox) -> Corners:
    return ((box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1))


def _text_corners(text: mtext.Text, renderer: Any) -> Corners:
    """The rotated rectangle ``text`` is drawn in, as Text.draw places it (matplotlib's
    private ``_get_layout``: the public window extent of a slanted text is the upright box
    around it, which overlaps its neighbours' though the texts do not)."""
    _, _, ((dx, dy), (w, h)) = text._get_layout(renderer)
    x, y = text.get_transform().transform(text.get_unitless_position())
    angle = math.radians(text.get_rotation())
    cos, sin = math.cos(angle), math.sin(angle)
    return tuple(
        (x + dx + u * cos - v * sin, y + dy + u * sin + v * cos)
        for u, v in ((0, 0), (w, 0), (w, h), (0, h))
    )


def _kind(text: mtext.Text, fig: Figure) -> str:
    if text is fig._suptitle:
        return "title"
    if any(text in legend.get_texts() for legend in fig.legends):
        return "legend"
    for ax in fig.axes:
        for name, axis in (("xtick", ax.xaxis), ("ytick", ax.yaxis)):
            if any(text is t.label1 or text is t.label2 for t in axis.majorTicks):
                return name
    return "text"


def patch_charts(monkeypatch: pytest.MonkeyPatch, name: str, value: object) -> None:
    """Replace ``name`` in every module of the charts package that uses it (each chart family
    imports what it calls)."""
    for info in pkgutil.iter_modules(charts.__path__):
        module = importlib.import_module(f"{charts.__name__}.{info.name}")
        if hasattr(module, name):
            monkeypatch.setattr(module, name, value)


@pytest.fixture
def draw(monkeypatch: pytest.MonkeyPatch) -> Callable[[CuratedPlan], list[Drawing]]:
    """Draws a plan's charts one after the other in this process, recording what is drawn."""
    drawings: list[Drawing] = []
    text_draw = mtext.Text.draw
    legend_draw = Legend.draw
    save_svg = charts.save_svg

    def record_text(self: mtext.Text, renderer: Any) -> None:
        if drawings and self.get_visible() and self.get_text():
            fig = self.get_figure(root=True)
            assert isinstance(fig, Figure)
            drawings[-1].texts.append(
                (_kind(self, fig), self.get_text(), _text_corners(self, renderer))
            )
        text_draw(self, renderer)

    def record_legend(self: Legend, renderer: Any) -> None:
        if drawings and self.get_visible():
            drawings[-1].legends.append(_corners(self.get_window_extent(renderer)))
        legend_draw(self, renderer)

    def record_svg(fig: Figure, chart_id: str, title: str, alt: str) -> str:
        drawings.append(Drawing(chart_id))
        svg = save_svg(fig, chart_id, title, alt)
        size = SVG_SIZE.search(svg)
        assert size is not None
        drawings[-1].width, drawings[-1].height = float(size[1]), float(size[2])
        return svg

    monkeypatch.setattr(mtext.Text, "draw", record_text)
    monkeypatch.setattr(Legend, "draw", record_legend)
    patch_charts(monkeypatch, "save_svg", record_svg)

    def draw_plan(plan: CuratedPlan) -> list[Drawing]:
        drawings.clear()
        entities = budget_entities(plan)
        with charts.chart_style():
            for chart in charts.CHARTS:
                chart(plan, entities).draw()
        assert len(drawings) == len(charts.CHARTS)
        return list(drawings)

    return draw_plan


def _overlap(a: Corners, b: Corners, space: float = -TOLERANCE) -> bool:
    """Whether two rectangles are less than ``space`` apart (no axis separates them by
    ``space``; a negative space lets them overlap that much)."""
    for box in (a, b):
        for (x0, y0), (x1, y1) in zip(box, box[1:] + box[:1], strict=True):
            length = math.hypot(x1 - x0, y1 - y0)
            if length == 0:
                continue
            normal = ((y0 - y1) / length, (x1 - x0) / length)
            pa = [x * normal[0] + y * normal[1] for x, y in a]
            pb = [x * normal[0] + y * normal[1] for x, y in b]
            if max(min(pa), min(pb)) - min(max(pa), max(pb)) >= space:
                return False
    return True


def _inside(box: Sequence[tuple[float, float]], width: float, height: float) -> bool:
    return all(
        -TOLERANCE <= x <= width + TOLERANCE and -TOLERANCE <= y <= height + TOLERANCE
        for x, y in box
    )


def _show(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


def layout_problems(drawing: Drawing) -> list[str]:
    """Texts or legends beyond the figure's edge, overlapping texts, texts on a legend."""
    problems: list[str] = []
    for kind, text, box in drawing.texts:
        if not _inside(box, drawing.width, drawing.height):
            problems.append(f"{kind} {_show(text)} beyond the figure: {box}")
    for box in drawing.legends:
        if not _inside(box, drawing.width, drawing.height):
            problems.append(f"legend beyond the figure: {box}")
    for i, (kind, text, box) in enumerate(drawing.texts):
        for other_kind, other, other_box in drawing.texts[i + 1 :]:
            space = TICK_SPACE if kind == other_kind and kind.endswith("tick") else -TOLERANCE
            if _overlap(box, other_box, space):
                problems.append(f"{kind} {_show(text)} overlaps {other_kind} {_show(other)}")
        if kind != "legend":
            problems += [
                f"{kind} {_show(text)} overlaps the legend"
                for legend in drawing.legends
                if _overlap(box, legend)
            ]
    return problems


def _check(drawings: list[Drawing]) -> None:
    problems = [f"{d.chart_id}: {p}" for d in drawings for p in layout_problems(d)]
    assert problems == []
    for d in drawings:  # the charts drew what they should: a title, tick labels
        kinds = {kind for kind, _, _ in d.texts}
        assert "title" in kinds, d.chart_id
        assert {"xtick", "ytick"} <= kinds, d.chart_id


LONG_WORD = "Integrationsbegleitungskoordinierungsstellenleitungsunterstützung"


def _longer(text: str, n: int) -> str:
    return f"{text} für zugewanderte Familien mit Kindern im Vorschulalter ({LONG_WORD}, Los {n})"


def make_long_plan() -> CuratedPlan:
    """A plan of the real size with long names everywhere a chart shows a name, more
    Handlungsfelder and Sozialräume, and amounts a thousand times larger."""
    plan = make_large_plan()
    fields = {
        name: f"{name} und interkulturelle Öffnung der Regeldienste {LONG_WORD}"
        for name in plan.handlungsfelder
    }
    extra = [f"Weiteres Handlungsfeld Nummer {n} mit langem Namen" for n in range(1, 5)]
    plan.handlungsfelder = [*fields.values(), *extra]
    for n, measure in enumerate(plan.measures):
        measure.titel = _longer(measure.titel, n)
        measure.handlungsfelder = [fields.get(name, name) for name in measure.handlungsfelder]
        measure.handlungsfelder.append(extra[n % len(extra)])
    for n, line in enumerate(plan.budget):
        line.massnahme = _longer(line.massnahme, n)
        line.sta = f"{line.sta}{n % 13}"
        line.sta_name = (
            f"Amt für Integration, Ausländer- und Flüchtlingsangelegenheiten, "
            f"Bürgerdienste und {LONG_WORD} {n % 13}"
        )
        line.jahre = [v.model_copy() for v in line.jahre]  # shared by the copies: copy them
        for values in line.jahre:
            for kind in ("aufwand", "ertrag"):
                amount = getattr(values, kind)
                if amount is not None and amount.betrag_eur is not None:
                    setattr(
                        values,
                        kind,
                        amount.model_copy(update={"betrag_eur": amount.betrag_eur * 1000}),
                    )
    total = next(d for d in plan.districts if d.ist_gesamt)
    plan.districts = [
        District(
            sozialraum=f"{d.sozialraum}-{LONG_WORD} und Umgebung ({n})",
            auslaender=d.auslaender,
            eingebuergerte=d.eingebuergerte,
            aussiedler=d.aussiedler,
            migh_gesamt=d.migh_gesamt,
            deutsche_ohne_migh=(d.deutsche_ohne_migh or Decimal(0)) * (n + 1),
            page=d.page,
        )
        for n, d in enumerate(d for _ in range(5) for d in plan.districts if not d.ist_gesamt)
    ] + [total]
    return plan


def test_the_fixture_plans_charts_fit_their_figures(
    draw: Callable[[CuratedPlan], list[Drawing]],
) -> None:
    _check(draw(make_plan()))


def test_a_plan_of_the_real_size_fits(draw: Callable[[CuratedPlan], list[Drawing]]) -> None:
    _check(draw(make_large_plan()))


def test_long_names_many_rows_and_large_amounts_fit(
    draw: Callable[[CuratedPlan], list[Drawing]],
) -> None:
    plan = make_long_plan()
    drawings = draw(plan)
    _check(drawings)
    by_id = {d.chart_id: d for d in drawings}
    # the long names are drawn (wrapped to two lines and cut), not left out
    rows = [t for kind, t, _ in by_id["massnahmen-handlungsfelder"].texts if kind == "ytick"]
    assert len(rows) == len(plan.measures)
    assert all(t.endswith("…") and "\n" in t for t in rows)
    # more rows than fit the figure's first guess of a height: the figure grew instead
    assert by_id["massnahmen-handlungsfelder"].height > (0.3 * len(plan.measures) + 2.4) * 72


def test_the_margins_are_no_wider_than_the_texts_need(
    draw: Callable[[CuratedPlan], list[Drawing]],
) -> None:
    """The outermost texts sit ``EDGE`` from the figure's edge: left (axis label), top (title)
    and, with tick labels below the axes and no legend, bottom (axis label)."""
    for d in draw(make_plan()):
        xs = [x for _, _, box in d.texts for x, _ in box]
        ys = [y for _, _, box in d.texts for _, y in box]
        assert min(xs) == pytest.approx(charts.EDGE, abs=0.5), d.chart_id
        assert max(ys) == pytest.approx(d.height - charts.EDGE, abs=0.5), d.chart_id
        below = any(kind == "xtick" and box[0][1] < d.height / 2 for kind, _, box in d.texts)
        if below and not d.legends:
            assert min(ys) == pytest.approx(charts.EDGE, abs=0.5), d.chart_id


def test_an_empty_plans_charts_fit(
    draw: Callable[[CuratedPlan], list[Drawing]],
    curated: CuratedPlan,
) -> None:
    empty = curated.model_copy(update={"measures": [], "budget": [], "districts": []})
    drawings = draw(empty)
    problems = [f"{d.chart_id}: {p}" for d in drawings for p in layout_problems(d)]
    assert problems == []
    assert all(any(kind == "title" for kind, _, _ in d.texts) for d in drawings)


def _problems_of(drawings: list[Drawing], chart_id: str) -> list[str]:
    return layout_problems(next(d for d in drawings if d.chart_id == chart_id))


def test_the_check_finds_texts_beyond_the_figure(
    monkeypatch: pytest.MonkeyPatch,
    draw: Callable[[CuratedPlan], list[Drawing]],
) -> None:
    axes_reach = charts.axes_reach

    def half(ax: Axes) -> charts.AxesReach:  # margins half as large as needed
        reach = axes_reach(ax)
        return reach._replace(
            reaches=[
                r._replace(x0=r.x0 / 2, x1=r.x1 / 2, y0=r.y0 / 2, y1=r.y1 / 2)
                for r in reach.reaches
            ]
        )

    patch_charts(monkeypatch, "axes_reach", half)
    problems = _problems_of(draw(make_plan()), "aufwand-nach-handlungsfeld")
    assert any(
        p.startswith("ytick 'Transkulturelle Wertesysteme' beyond the figure") for p in problems
    )


def test_the_check_finds_texts_on_the_title_and_legend(
    monkeypatch: pytest.MonkeyPatch,
    draw: Callable[[CuratedPlan], list[Drawing]],
) -> None:
    fit_axes = charts.fit_axes

    def taller(fig: Figure) -> None:  # top and bottom margins 30 points too small
        fit_axes(fig)
        grow = 30 / (fig.get_size_inches()[1] * 72)
        for ax in fig.axes:
            x, y, w, h = ax.get_position().bounds
            ax.set_position((x, y - grow, w, h + 2 * grow))

    patch_charts(monkeypatch, "fit_axes", taller)
    problems = _problems_of(draw(make_plan()), "aufwand-nach-handlungsfeld")
    assert any(p.startswith("ytick 'Sprache' overlaps title") for p in problems)
    assert any(p.startswith("xtick") and p.endswith("overlaps the legend") for p in problems)


def test_the_check_finds_overlapping_rows(
    monkeypatch: pytest.MonkeyPatch,
    draw: Callable[[CuratedPlan], list[Drawing]],
) -> None:
    figure = charts.figure
    patch_charts(monkeypatch, "figure", lambda height: figure(height / 2))  # half as tall
    patch_charts(monkeypatch, "_crowding", lambda labels, along: 0.0)  # and not grown
    problems = _problems_of(draw(make_long_plan()), "massnahmen-handlungsfelder")
    assert any(p.startswith("ytick") and "overlaps ytick" in p for p in problems)
