"""Filling the report's templates while its charts are still being drawn.

A report places each chart's SVG (and the phone width measured from it) in the HTML page; the
rest of what the templates say about a chart (title, alt text, its table) is in its draft,
known before anything is drawn. Filling the two pages takes a fifth of a second, drawing the
charts most of a second: so the pages are filled from the drafts, with a stand-in where the
SVG and the phone width go, while the charts are drawn, and the drawn values are put in place
of the stand-ins at the end. The result is the page a fill with the drawn charts gives.

A stand-in is only right where the template prints the value. Where it does anything else
with it (its length, a slice, arithmetic), the stand-in refuses or shows through, and the page
is filled again with the drawn charts; likewise where a chart's phone width turns out 0 (a
test ``{% if c.phone_width %}`` took the wrong branch). The templates' documentation says to
print these two values and not compute with them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from markupsafe import Markup

if TYPE_CHECKING:
    from hammplan.render.drawn import Chart, ChartDraft
    from hammplan.render.reports import ChartView


class Unsettled(Exception):
    """A template used a stand-in otherwise than printing it."""


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    raise Unsettled("a chart's SVG was used before it was drawn")


class _StandIn(Markup):
    """The text printed where a chart's SVG will go; refuses to be measured or cut."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return True

    __len__ = _refuse
    __getitem__ = _refuse
    __iter__ = _refuse
    __contains__ = _refuse
    __add__ = _refuse
    __radd__ = _refuse
    __mul__ = _refuse
    __mod__ = _refuse
    striptags = _refuse
    unescape = _refuse
    split = _refuse
    replace = _refuse
    format = _refuse


class _WidthStandIn(str):
    """The text printed where a chart's phone width will go: true in a test, like the width
    of a drawn chart nearly always is; refuses to be counted with."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return True

    __len__ = _refuse
    __getitem__ = _refuse
    __add__ = _refuse
    __radd__ = _refuse
    __mul__ = _refuse
    __mod__ = _refuse
    __lt__ = _refuse
    __le__ = _refuse
    __gt__ = _refuse
    __ge__ = _refuse
    __int__ = _refuse
    __float__ = _refuse


class StandIns:
    """Views of the drafted charts with stand-ins for their SVG and phone width."""

    def __init__(self, drafts: Sequence[ChartDraft]) -> None:
        from hammplan.render.reports import view_of

        self._mark = f"hammplan-pending-{secrets.token_hex(8)}"
        """Part of every stand-in and of nothing else a page holds. The SVG's stand-in holds
        it twice, once in a comment and once as text, so that a stand-in whose tags were
        stripped, or that was escaped or changed in case, still shows. Each stand-in ends in
        ".", so none is the start of another ("-svg-1" of "-svg-10")."""
        self.views = [
            view_of(
                draft,
                _StandIn(f"<!--{self._mark}-svg-{i}-->{self._mark}-svg-{i}."),
                _WidthStandIn(f"{self._mark}-width-{i}."),
            )
            for i, draft in enumerate(drafts)
        ]

    def settle(self, page: str, drawn: Sequence[ChartView]) -> str | None:
        """``page`` with the drawn values in place of the stand-ins; None where the page is
        not what a fill with the drawn charts gives (see the module's docstring)."""
        if any(not view.phone_width for view in drawn):
            return None
        for pending, view in zip(self.views, drawn, strict=True):
            page = page.replace(str(pending.svg), str(view.svg))
            page = page.replace(str(pending.phone_width), str(view.phone_width))
        return None if self._mark in page.lower() else page


def fill_while_drawing(
    fills: Sequence[Callable[[list[ChartView]], str]],
    drafts: Sequence[ChartDraft],
    drawn: Callable[[], list[Chart]],
) -> tuple[list[str], list[Chart]]:
    """Each of ``fills`` (a page from the charts' views) filled while the charts of ``drafts``
    are drawn, then settled with the charts ``drawn()`` gives; returns the pages and the
    charts. A page that cannot be settled, or whose fill failed, is filled again with the
    drawn charts (a template's error is then raised as it would be without stand-ins)."""
    from hammplan.errors import InputError
    from hammplan.render.reports import chart_view

    stand_ins = StandIns(drafts)
    early: list[str | None] = []
    for fill in fills:
        try:
            early.append(fill(list(stand_ins.views)))
        except (Unsettled, InputError, TypeError, ValueError, AttributeError):
            early.append(None)  # filled again below, where a template's error is raised
    charts = drawn()
    views = [chart_view(c) for c in charts]
    pages = []
    for fill, page in zip(fills, early, strict=True):
        settled = stand_ins.settle(page, views) if page is not None else None
        pages.append(settled if settled is not None else fill(views))
    return pages, charts
