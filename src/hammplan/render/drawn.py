"""A drawn chart as the report uses it, apart from the code that draws it.

Charts are drawn with matplotlib in other processes (:mod:`hammplan.render.charts`,
:mod:`hammplan.render.fast.ahead`) and come back pickled; defining what comes back here keeps
matplotlib out of the process that only places them in the report.
"""

from __future__ import annotations

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
