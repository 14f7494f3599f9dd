"""Finding the report templates and the jinja2 environments that fill them.

Both environments escape every value by default: the HTML one with HTML escaping
(``autoescape``), the Markdown one with Markdown escaping (a ``finalize`` hook, see
:mod:`hammplan.render.markdown`). Text from the PDF therefore never becomes markup; a template
opts out only for values the renderer made itself (chart SVGs, links to anchors).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hammplan.errors import InputError

if TYPE_CHECKING:  # imported where an environment is made: build finds templates without it
    from jinja2 import Environment

HTML_TEMPLATE = "report.html.j2"
MARKDOWN_TEMPLATE = "report.md.j2"
REQUIRED = (HTML_TEMPLATE, MARKDOWN_TEMPLATE)

PACKAGED_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
"""The report templates shipped in the package (package data: installed with the wheel, so
``pip install`` and pipx give a working ``render``)."""


def _usable(folder: Path) -> bool:
    return all((folder / name).is_file() for name in REQUIRED)


def find_templates(
    templates_dir: Path | None = None,
    cwd: Path | None = None,
    packaged: Path = PACKAGED_TEMPLATES,
) -> Path:
    """The folder holding the report templates.

    ``templates_dir`` when given; otherwise ``templates/`` in the working directory (a
    reader's own), then the templates shipped in the package. A folder counts only when it
    holds both report templates. Raises InputError naming the folder(s) looked at.
    """
    names = " and ".join(REQUIRED)
    if templates_dir is not None:
        if not templates_dir.is_dir():
            raise InputError(f"{templates_dir}: templates folder not found")
        if not _usable(templates_dir):
            raise InputError(f"{templates_dir}: templates folder lacks {names}")
        return templates_dir
    candidates = [(cwd or Path.cwd()) / "templates", packaged]
    for folder in candidates:
        if _usable(folder):
            return folder
    looked = ", ".join(str(c) for c in dict.fromkeys(candidates))
    raise InputError(f"templates folder with {names} not found (looked in {looked})")


def environment(
    folder: Path, *, html: bool, finalize: Callable[[Any], Any] | None = None
) -> Environment:
    """A strict environment over ``folder``: undefined names fail, values are escaped
    (HTML autoescape when ``html``; otherwise by ``finalize``)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        finalize=finalize,
        loader=FileSystemLoader(folder),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
