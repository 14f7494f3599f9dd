"""Filling the pages while the charts are drawn (render/fast/pending.py): the settled page is
the page a fill with the drawn charts gives, and a template that does more with a stand-in
than print it is filled again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hammplan.render import html
from hammplan.render.drawn import Chart, ChartDraft
from hammplan.render.fast import fill_while_drawing
from hammplan.render.reports import ChartView, chart_view

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 576 200">'
    '<text style="font-size: 8px">{label}</text></svg>'
)


def _draft(n: int, svg: str) -> ChartDraft:
    return ChartDraft(f"c{n}", f"Chart {n}", f"Alt {n}", ["A"], [["1"]], "", lambda: svg)


def _fill_with(tmp_path: Path, body: str) -> tuple[list[int], Callable[[list[ChartView]], str]]:
    """A fill of the template ``body`` (HTML environment) that counts its calls."""
    (tmp_path / "t.html.j2").write_text(body, encoding="utf-8")
    env = html.environment(tmp_path)
    calls = [0]

    def fill(charts: list[ChartView]) -> str:
        calls[0] += 1
        return html.render(env, "t.html.j2", {"charts": charts})

    return calls, fill


def _drafts(*labels: str) -> list[ChartDraft]:
    return [_draft(n, SVG.format(label=label)) for n, label in enumerate(labels)]


def _drawn(drafts: list[ChartDraft]) -> list[Chart]:
    return [d.draw() for d in drafts]


PRINTING = (
    "{% for c in charts %}<figure{% if c.phone_width %} style='--w: {{ c.phone_width }}px'"
    "{% endif %}><figcaption>{{ c.title }}: {{ c.alt }}</figcaption>{{ c.svg }}</figure>"
    "{% endfor %}"
)


def test_a_template_that_prints_the_svg_is_filled_once_and_settled(tmp_path: Path) -> None:
    calls, fill = _fill_with(tmp_path, PRINTING)
    drafts = _drafts("eins", "<zwei & drei>")
    (page,), charts = fill_while_drawing([fill], drafts, lambda: _drawn(drafts))
    assert calls[0] == 1  # filled while drawing, then only settled
    assert page == fill([chart_view(c) for c in charts])
    assert page.count("<svg") == 2
    assert "--w: 1152px" in page  # 576 * 16 / 8: the phone width of the drawn SVG
    assert "hammplan-pending" not in page
    assert [c.id for c in charts] == ["c0", "c1"]


@pytest.mark.parametrize(
    "use",
    [
        "{{ c.svg|length }}",
        "{{ c.svg[:12] }}",
        "{{ c.phone_width + 1 }}",
        "{{ c.svg|striptags }}",
        "{{ c.svg|forceescape }}",
        "{{ c.svg|upper }}",
    ],
)
def test_a_template_that_computes_with_a_stand_in_is_filled_again(tmp_path: Path, use: str) -> None:
    body = "{% for c in charts %}[" + use + "]{% endfor %}"
    calls, fill = _fill_with(tmp_path, body)
    drafts = _drafts("eins")
    (page,), charts = fill_while_drawing([fill], drafts, lambda: _drawn(drafts))
    assert calls[0] == 2  # filled while drawing, and again with the drawn charts
    assert page == fill([chart_view(c) for c in charts])
    assert "hammplan-pending" not in page


def test_a_chart_without_a_phone_width_is_filled_again(tmp_path: Path) -> None:
    """A chart whose SVG names no text size has phone width 0, so the template's test took
    the wrong branch with the stand-in (which is true)."""
    calls, fill = _fill_with(tmp_path, PRINTING)
    drafts = [_draft(0, '<svg xmlns="http://www.w3.org/2000/svg"></svg>')]
    (page,), charts = fill_while_drawing([fill], drafts, lambda: _drawn(drafts))
    assert calls[0] == 2
    assert "--w" not in page
    assert page == fill([chart_view(c) for c in charts])


def test_stand_ins_of_many_charts_are_told_apart(tmp_path: Path) -> None:
    """Chart 1's stand-ins are not the start of chart 10's."""
    calls, fill = _fill_with(tmp_path, PRINTING)
    drafts = [
        _draft(n, SVG.format(label=f"chart {n}").replace("8px", f"{n + 1}px")) for n in range(12)
    ]
    (page,), charts = fill_while_drawing([fill], drafts, lambda: _drawn(drafts))
    assert calls[0] == 1
    assert page == fill([chart_view(c) for c in charts])
    assert "--w: 9216px" in page and "--w: 768px" in page  # charts 0 and 11: 576 * 16 / 12
