"""Writing the reports of a curated plan: HTML, Markdown and the charts' SVG files."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from jinja2 import TemplateError, TemplateSyntaxError
from markupsafe import Markup

from hammplan.errors import InputError
from hammplan.io.files import remove_stale_temporaries
from hammplan.io.fileset import publish
from hammplan.records.plan import CuratedPlan
from hammplan.render import templating
from hammplan.render.drawn import Chart

CHARTS_FOLDER = "charts"

T = TypeVar("T")


@dataclass(frozen=True)
class ChartView:
    """A chart as the templates use it."""

    id: str
    title: str
    alt: str
    note: str
    headers: list[str]
    rows: list[list[str]]
    svg: Markup
    path: str


def chart_view(chart: Chart) -> ChartView:
    """A drawn chart as the templates place it (also in the comparison's templates)."""
    from hammplan.render import html

    return ChartView(
        id=chart.id,
        title=chart.title,
        alt=chart.alt,
        note=chart.note,
        headers=chart.headers,
        rows=chart.rows,
        svg=html.svg_markup(chart.inline_svg),
        path=f"{CHARTS_FOLDER}/{chart.file_name}",
    )


def fill_template(folder: Path, name: str, fill: Callable[[], T]) -> T:
    """``fill()``, a template's error named as the template file and line (one line, exit 2,
    for every report hammplan fills)."""
    try:
        return fill()
    except TemplateSyntaxError as exc:
        raise InputError(f"{folder / name}: line {exc.lineno}: {exc.message}") from None
    except TemplateError as exc:
        raise InputError(f"{folder / name}: {exc}") from None


@dataclass(frozen=True)
class Reports:
    """A plan's reports, made and not yet written: the two pages and the charts they show."""

    html: str
    markdown: str
    charts: list[Chart]


def compose_reports(
    plan: CuratedPlan,
    templates_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    extra: Mapping[str, object] | None = None,
    extra_charts: Sequence[Chart] = (),
) -> Reports:
    """The reports of ``plan``: the HTML page, the Markdown page and their charts.

    ``extra`` are further template values (``comparison``: the section ``build --previous``
    adds) and ``extra_charts`` the charts they show, written beside the report's own.

    The charts are drawn in worker processes while the report's content is built and the
    templates compiled (see :func:`hammplan.render.charts.charts_drawing`).
    ``templates_dir`` defaults to ``templates/`` in the working directory, then the package's
    own (see :func:`hammplan.render.templating.find_templates`).
    """
    from hammplan.render import html, markdown
    from hammplan.render.charts import charts_drawing
    from hammplan.render.context import build_context

    say = progress or (lambda _message: None)
    folder = templating.find_templates(templates_dir)
    with charts_drawing(plan) as drawn:
        say("render: content")
        context = build_context(plan)
        html_env, markdown_env = html.environment(folder), markdown.environment(folder)
        # compiled now (and kept by their environments), while the charts are drawn
        fill_template(folder, templating.HTML_TEMPLATE,
              lambda: html_env.get_template(templating.HTML_TEMPLATE))
        fill_template(folder, templating.MARKDOWN_TEMPLATE,
              lambda: markdown_env.get_template(templating.MARKDOWN_TEMPLATE))
        charts = drawn()
    say(f"render: {len(charts)} charts")
    values = {"report": context, "charts": [chart_view(c) for c in charts], **(extra or {})}
    page = fill_template(folder, templating.HTML_TEMPLATE, lambda: html.render(
        html_env, templating.HTML_TEMPLATE, values))
    text = fill_template(folder, templating.MARKDOWN_TEMPLATE, lambda: markdown.render(
        markdown_env, templating.MARKDOWN_TEMPLATE, values))
    return Reports(page, text, [*charts, *extra_charts])


def write_reports(reports: Reports, out_dir: Path,
                  progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write ``out_dir/index.html``, ``out_dir/report.md`` and ``out_dir/charts/*.svg``;
    return the files written.

    The files are published as one set (:func:`hammplan.io.fileset.publish`): a failure or a
    kill leaves the previous reports whole, and the files of the previous reports that this
    one has not (charts of an older version) are removed; nothing else in ``out_dir`` is.
    Temporary files a killed render of an older version left are removed too.
    """
    remove_stale_temporaries(out_dir, ["report.md", "index.html"])
    remove_stale_temporaries(out_dir / CHARTS_FOLDER)
    files: dict[str, str | bytes] = {f"{CHARTS_FOLDER}/{c.file_name}": c.svg
                                     for c in reports.charts}
    files |= {"report.md": reports.markdown, "index.html": reports.html}
    written = publish(out_dir, files)
    if progress is not None:
        progress(f"render: wrote {len(written)} files to {out_dir}")
    return written


def render_reports(
    plan: CuratedPlan,
    out_dir: Path,
    templates_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    extra: Mapping[str, object] | None = None,
    extra_charts: Sequence[Chart] = (),
) -> list[Path]:
    """Writes the reports of ``plan`` to ``out_dir`` and returns the files written.

    ``out_dir/index.html`` (one self-contained page), ``out_dir/report.md`` and the charts
    it shows, ``out_dir/charts/*.svg`` (:func:`compose_reports`, with ``extra`` and
    ``extra_charts``, then :func:`write_reports`). Everything is rendered before anything is
    written. The same plan always gives the same bytes.
    """
    return write_reports(compose_reports(plan, templates_dir, progress, extra, extra_charts),
                         out_dir, progress)
