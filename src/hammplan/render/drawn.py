"""A drawn chart as the report uses it, apart from the code that draws it.

Charts are drawn with matplotlib in other processes (:mod:`hammplan.render.charts`,
:mod:`hammplan.render.fast.ahead`) and come back pickled; defining what comes back here keeps
matplotlib out of the process that only places them in the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Chart:
    """One chart: the SVG, what it shows in words, and the table of the values drawn."""

    id: str
    title: str
    alt: str
    svg: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.id}.svg"

    @property
    def inline_svg(self) -> str:
        """The SVG without XML declaration and doctype, for placing inside HTML."""
        start = self.svg.find("<svg")
        return self.svg[start:] if start >= 0 else self.svg


@dataclass(frozen=True)
class ChartDraft:
    """A chart before it is drawn: what the report says about it (title, alt text, the table
    of its values, a note) and how to draw it.

    The words and the table cost next to nothing; drawing is most of what a render spends. A
    report can therefore be filled from the drafts while the charts are drawn elsewhere
    (:mod:`hammplan.render.fast`), and only the SVG put in at the end.
    """

    id: str
    title: str
    alt: str
    headers: list[str]
    rows: list[list[str]]
    note: str
    draw_svg: Callable[[], str]
    """Draws the chart: its SVG (matplotlib, in the chart's style)."""

    def drawn(self, svg: str) -> Chart:
        """The chart with its ``svg``, drawn by :attr:`draw_svg` here or elsewhere."""
        return Chart(self.id, self.title, self.alt, svg, self.headers, self.rows, self.note)

    def draw(self) -> Chart:
        """The chart, drawn now."""
        return self.drawn(self.draw_svg())
