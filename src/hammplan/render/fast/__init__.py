"""The speed machinery of ``render``, fenced: everything here makes the reports sooner,
nothing here decides what they say.

- :mod:`.charts`: the report's charts drawn in forked worker processes that inherit the
  plan and a warmed-up matplotlib (:func:`charts_drawing`, :func:`warm_up`).
- :mod:`.pending`: the report's pages filled from the charts' drafts while the charts are
  drawn, the drawn SVG put in at the end (:func:`fill_while_drawing`).
- :mod:`.ahead`: ``build``'s report process, forked early so that importing and composing
  the reports overlaps ``validate`` (:class:`ReportsAhead`).

The rest of hammplan enters through this package only. Where the platform cannot fork, both
fall back to doing the same work in this process: same bytes out.
"""

from hammplan.render.fast.ahead import ReportsAhead
from hammplan.render.fast.charts import ChartsDrawing, charts_drawing, warm_up
from hammplan.render.fast.pending import fill_while_drawing

__all__ = ["ChartsDrawing", "ReportsAhead", "charts_drawing", "fill_while_drawing", "warm_up"]
