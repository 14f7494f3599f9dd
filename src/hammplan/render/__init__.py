"""Stage 3: the curated plan as a readable report (HTML and Markdown, with charts).

``render_reports(plan, out_dir)`` writes ``index.html`` (self-contained), ``report.md`` and
``charts/*.svg``; ``load_curated_plan(path)`` reads the ``curated/plan.json`` it starts from.
Both are imported on first use, so that what ``build`` needs when nothing changed (finding
the templates, the report process) does not pull in jinja2 and the plan's models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hammplan.io.loading import load_curated_plan
    from hammplan.render.reports import render_reports

__all__ = ["load_curated_plan", "render_reports"]

_HOMES = {
    "load_curated_plan": "hammplan.io.loading",
    "render_reports": "hammplan.render.reports",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
