"""Drawing all charts of a report, in forked worker processes where the platform can fork.

This is the charts' speed machinery: which charts there are is
:data:`hammplan.render.charts.catalogue.CHARTS`; how they are
drawn (forked workers that inherit the plan, a warm-up before forking) does not change a byte
of them.

``build``'s own process imports this package (for :class:`~hammplan.render.fast.ReportsAhead`)
and must not pay for matplotlib, so the chart modules are imported where charts are drawn."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hammplan.cores import usable_cores
from hammplan.io.children import collect, die_with_parent
from hammplan.io.holdpoints import hold

if TYPE_CHECKING:  # matplotlib is imported where charts are drawn, not by every build
    from hammplan.records.plan import CuratedPlan
    from hammplan.render.drawn import Chart, ChartDraft

_FORKED: list[ChartDraft] | None = None
"""The drafts a forked chart worker draws (inherited with what they hold, never pickled)."""


def _start_worker(parent: int) -> None:
    """A chart worker's start: it dies with its parent, and its garbage collector leaves
    alone what it inherited. A full collection would otherwise walk every object of the
    parent (the plan, and in ``build``'s report process the extraction result too) and write
    to each, copying the pages the fork shares: CPU the drawing pays for."""
    die_with_parent(parent)
    gc.freeze()


def _draw(position: int) -> str:
    """The SVG of the draft at ``position`` (only the SVG goes back: the rest is there)."""
    assert _FORKED is not None
    hold("chart-worker")
    from hammplan.render.charts import chart_style

    with chart_style():
        return _FORKED[position].draw_svg()


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
    from hammplan.render.charts import chart_style, figure, save_svg

    with chart_style():
        fig = figure(1.5)
        ax = fig.add_subplot()
        ax.barh([0, 1], [1_000, 2_000], label="Aufwand")
        ax.set_yticks([0, 1], ["Maßnahme", "Träger"])
        ax.set_xlabel("Euro")
        fig.legend(loc="outside lower center", ncols=3)
        fig.suptitle("Übersicht", x=0.01, ha="left")
        save_svg(fig, "warm-up", "Übersicht", "")
    _WARM = True


CHART_SECONDS = 300.0
"""How long drawing all charts may take (a few seconds; much more means a worker is stuck)."""


class ChartsDrawing:
    """The report's charts being drawn: their drafts at once, the drawn charts when ready."""

    def __init__(self, drafts: list[ChartDraft], svgs: Callable[[], list[str]]) -> None:
        self.drafts = drafts
        """Each chart's words and table, in the order the report shows them."""
        self._svgs = svgs

    def charts(self) -> list[Chart]:
        """The drawn charts, in the drafts' order (waits for the drawing)."""
        return [d.drawn(svg) for d, svg in zip(self.drafts, self._svgs(), strict=True)]


@contextmanager
def charts_drawing(plan: CuratedPlan) -> Iterator[ChartsDrawing]:
    """Start drawing all charts of the report; yields their drafts at once and the drawn
    charts, in the order the report shows them, when asked for.

    Drawing (text layout, mostly) is what a render spends its time on, and the charts are
    independent, so where the platform can fork they are drawn in forked worker processes,
    which inherit the drafts and the imported matplotlib instead of pickling or re-importing
    them, while the caller goes on (filling the report from the drafts, say). Elsewhere they
    are drawn when asked for. Each chart is drawn the same way wherever it is drawn: same
    bytes.
    """
    global _FORKED
    from hammplan.render.aggregates import budget_entities
    from hammplan.render.charts import CHARTS, chart_style

    entities = budget_entities(plan)
    drafts = [chart(plan, entities) for chart in CHARTS]
    workers = min(usable_cores(), len(drafts))
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        warm_up()
        _FORKED = drafts
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(
                workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
            ) as pool:
                # longest first (a chart's time grows with its rows): the workers end together
                longest = sorted(range(len(drafts)), key=lambda i: -len(drafts[i].rows))
                submitted = {position: pool.submit(_draw, position) for position in longest}
                futures = [submitted[position] for position in range(len(drafts))]
                yield ChartsDrawing(
                    drafts,
                    lambda: collect(futures, pool, CHART_SECONDS, "a chart drawing process"),
                )
        finally:
            _FORKED = None
        return

    def serially() -> list[str]:
        with chart_style():
            return [draft.draw_svg() for draft in drafts]

    yield ChartsDrawing(drafts, serially)
