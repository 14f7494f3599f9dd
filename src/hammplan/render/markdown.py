"""The Markdown report (GitHub-flavoured): escaping of PDF text, and the template filling.

Every value a template prints goes through :func:`escape` unless it is a :class:`MdSafe` made
here: Markdown punctuation (``* _ [ ] | ` ~ $ #`` and the backslash) is backslash-escaped and
``< > &`` become entities, so a measure titled ``<script>`` or ``[x](javascript:...)`` shows
as text, a "|" cannot break a table and "$" cannot start GitHub's math. Line breaks in inline
values become spaces, so a value cannot start a heading or a list; control characters and
unbalanced bidirectional controls are handled by :func:`hammplan.render.text.plain` first.
Bare URLs, ``www.`` names and e-mail addresses stay text (:func:`_no_autolinks`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment

from hammplan.render import templating
from hammplan.render.cells import Cell
from hammplan.render.text import plain
from hammplan.render.views import TotalView

_INLINE = re.compile(r"([\\`*_\[\]|~$#])")
_BLOCK_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
"""What may start a list, a setext underline or an ordered list at the start of a line
(">" is an entity by then; "#", "*", "`", "~", "|" are escaped everywhere)."""
_ANCHOR = re.compile(r"^#[a-z0-9-]+$")
_SPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")
"""Breakable white space; a no-break space (between a figure and its unit) is kept."""


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class MdSafe(str):
    """Markdown made by the renderer, printed as is."""

    __slots__ = ()


_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp)(?=:)")
_WWW = re.compile(r"(?i)\b(www)(?=\.)")
_EMAIL = re.compile(r"(?<=[\w.+-])@(?=[\w-])")
_EMPTY_COMMENT = "<!-- -->"


def _no_autolinks(text: str) -> str:
    """Keep GitHub from turning a bare URL, ``www.`` name or e-mail address into a link.

    A backslash before the ":" of ``https:`` (and ``ftp:``, ``mailto:``, ``xmpp:``) and before
    the "." of ``www.`` keeps GitHub's autolink extension from matching, and shows as the
    text. An e-mail address is linked after the escapes are read, so an empty HTML comment,
    which no viewer shows, parts "@" from the domain.
    """
    text = _SCHEME.sub(r"\1\\", text)
    text = _WWW.sub(r"\1\\", text)
    return _EMAIL.sub("@" + _EMPTY_COMMENT, text)


def _escape_line(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _no_autolinks(_INLINE.sub(r"\\\1", text))


def escape(value: object) -> MdSafe:
    """``value`` as Markdown text: on one line, with every markup character escaped."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return MdSafe("")
    return MdSafe(_escape_text(str(value)))


@lru_cache(maxsize=16384)
def _escape_text(text: str) -> str:
    """:func:`escape` of a text; kept, since a report prints the same labels, numbers and
    pages many times."""
    return _escape_line(_one_line(plain(text)))


def cell(value: object) -> MdSafe:
    """A table cell: like :func:`escape`, and never empty (an empty cell reads as "–")."""
    text = escape(value)
    return text if text else MdSafe("–")


def _escape_start(match: re.Match[str]) -> str:
    text = match.group(1)
    return text + "\\" if text[0].isdigit() else "\\" + text


def block(value: object) -> MdSafe:
    """Multi-line text (a description as printed): lines kept as hard line breaks, paragraphs
    as paragraphs; no line can start a heading, list, quote or code block."""
    paragraphs = re.split(r"\n\s*\n", plain(str(value or "")).strip())
    out = []
    for paragraph in paragraphs:
        lines = [_escape_line(_one_line(line)) for line in paragraph.splitlines()]
        lines = [_BLOCK_START.sub(_escape_start, line) for line in lines if line]
        if lines:
            out.append("\\\n".join(lines))
    return MdSafe("\n\n".join(out))


def link(text: object, href: str) -> MdSafe:
    """A link to an anchor of the report (``#massnahme-m01``); other targets are refused, so
    the text stays text."""
    if not _ANCHOR.match(href):
        return escape(text)
    return MdSafe(f"[{escape(text)}]({href})")


def image(alt: object, path: str) -> MdSafe:
    """An image of the report's own chart files."""
    if not re.match(r"^[a-z0-9/_.-]+$", path) or ".." in path:
        raise ValueError(f"not a chart path: {path!r}")
    return MdSafe(f"![{escape(alt)}]({path})")


def anchor(name: str) -> MdSafe:
    """An HTML anchor for links within the report; ``name`` must be a slug."""
    if not _ANCHOR.match("#" + name):
        raise ValueError(f"not an anchor: {name!r}")
    return MdSafe(f'<a id="{name}"></a>')


def value(c: Cell, show_page: bool = True) -> MdSafe:
    """A value with its detail and page: "45.821,54 € (S. 35)", "o. A. (S. 32)"."""
    out = str(escape(c.text))
    if c.detail:
        out += f" ({escape(c.detail)})"
    if show_page and c.page:
        out += f" ({escape(c.page)})"
    return MdSafe(out)


def total(t: TotalView) -> MdSafe:
    """A headline total with what it leaves out: "**1.057.821,54 €**\\* aus 4 von 7 Zeilen; ..."."""
    out = f"**{escape(t.total)}**"
    if not t.complete:
        out += "\\*"
    out += f" {escape(t.coverage)}"
    if not t.complete:
        out += f"; {escape(t.missing)}"
    if t.pages:
        out += f" ({escape(t.pages)})"
    return MdSafe(out)


def _finalize(value: Any) -> str:
    return escape(value)


def environment(folder: Path) -> Environment:
    """A template environment that escapes every printed value for Markdown."""
    env = templating.environment(folder, html=False, finalize=_finalize)
    env.filters.update(
        {
            "md": escape,
            "cell": cell,
            "block": block,
            "link": link,
            "image": image,
            "anchor": anchor,
            "v": value,
            "total": total,
        }
    )
    return env


def render(env: Environment, template: str, context: Mapping[str, Any]) -> str:
    """Fills the Markdown template."""
    return env.get_template(template).render(context)
