"""The HTML report: one self-contained file (CSS inline, charts as inline SVG, no scripts).

HTML escaping is on for every value (jinja2 autoescape), after
:func:`hammplan.render.text.plain` has replaced control characters and closed unbalanced
bidirectional controls; the only markup passed in is the charts' SVG, which matplotlib writes
with its text escaped. A Content-Security-Policy in the page forbids scripts and network
access, a second guard should anything slip through.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from hammplan.render import templating
from hammplan.render.text import plain


def svg_markup(svg: str) -> Markup:
    """A chart SVG made by :mod:`hammplan.render.charts`, to place inline."""
    return Markup(svg)


def render(env: Environment, template: str, context: Mapping[str, Any]) -> str:
    """Fills the HTML template."""
    return env.get_template(template).render(context)


def _finalize(value: Any) -> Any:
    """Every printed value except markup the renderer made (charts) and numbers, as plain text
    (escaped after this by autoescape)."""
    if value is None or isinstance(value, Markup | int | float | Decimal):
        return value
    return plain(str(value))


def environment(folder: Path) -> Environment:
    """A template environment that HTML-escapes every printed value."""
    return templating.environment(folder, html=True, finalize=_finalize)
