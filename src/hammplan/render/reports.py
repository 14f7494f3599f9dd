"""Writing the reports of a curated plan: HTML, Markdown and the charts' SVG files."""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, TemplateError, TemplateSyntaxError
from markupsafe import Markup

from hammplan.errors import InputError
from hammplan.io.files import remove_stale_temporaries
from hammplan.io.fileset import publish
from hammplan.records.plan import CuratedPlan
from hammplan.render import templating
from hammplan.render.drawn import Chart, ChartDraft
from hammplan.render.evidence import EVIDENCE_FOLDER
from hammplan.render.sources import SOURCE_NAME, Source

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
    phone_width: int | str = 0
    """Pixels the chart is drawn at on a narrow screen: its smallest text at body size (a
    stand-in text while the chart is drawn: :mod:`hammplan.render.fast.pending`)."""


BODY_TEXT_PX = 16
"""The report's body text size; no chart text is smaller on a phone."""

_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"')
_FONT_SIZE = re.compile(r"font-size: ?([\d.]+)px")


def phone_width(svg: str) -> int:
    """The width at which the smallest text of ``svg`` is :data:`BODY_TEXT_PX` high (0: the
    SVG names no sizes)."""
    box = _VIEWBOX.search(svg)
    sizes = [float(s) for s in _FONT_SIZE.findall(svg)]
    if box is None or not sizes or min(sizes) <= 0:
        return 0
    return math.ceil(float(box.group(1)) * BODY_TEXT_PX / min(sizes))


def chart_view(chart: Chart) -> ChartView:
    """A drawn chart as the templates place it (also in the comparison's templates)."""
    from hammplan.render import html

    return view_of(chart, html.svg_markup(chart.inline_svg), phone_width(chart.inline_svg))


def view_of(chart: Chart | ChartDraft, svg: Markup, width: int | str) -> ChartView:
    """The view of ``chart`` (drawn, or a draft) showing ``svg`` at phone width ``width``."""
    return ChartView(
        id=chart.id,
        title=chart.title,
        alt=chart.alt,
        note=chart.note,
        headers=chart.headers,
        rows=chart.rows,
        svg=svg,
        path=f"{CHARTS_FOLDER}/{chart.id}.svg",
        phone_width=width,
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


_PREPARED: dict[Path, tuple[Environment, Environment]] = {}
"""The HTML and Markdown environments of a templates folder whose report templates
:func:`prepare_templates` compiled ahead, taken (once) by :func:`compose_reports`."""


def prepare_templates(folder: Path) -> None:
    """Compile the report templates of ``folder`` now, before there is a plan to fill them.

    ``build``'s report process (:mod:`hammplan.render.fast.ahead`) calls this while it waits for
    validate: compiling takes a few tenths of a second and needs nothing of the plan. A
    template that fails to compile is left for :func:`compose_reports` to report as it would.
    """
    from hammplan.render import html, markdown

    try:
        envs = html.environment(folder), markdown.environment(folder)
        envs[0].get_template(templating.HTML_TEMPLATE)
        envs[1].get_template(templating.MARKDOWN_TEMPLATE)
    except TemplateError:
        return
    with contextlib.suppress(TemplateError):  # the stylesheet the HTML template includes
        envs[0].get_template("report.css")
    _PREPARED[folder] = envs


def _environments(folder: Path) -> tuple[Environment, Environment]:
    """The HTML and Markdown environments of ``folder``: those compiled ahead when none of
    their templates changed since (they do not reload on their own), else new ones."""
    from hammplan.render import html, markdown

    envs = _PREPARED.pop(folder, None)
    if envs is not None and all(
        template.is_up_to_date for env in envs for template in (env.cache or {}).values()
    ):
        return envs
    return html.environment(folder), markdown.environment(folder)


@dataclass(frozen=True)
class Reports:
    """A plan's reports, made and not yet written: the two pages, the charts they show, and
    the files beside them (``quelle.pdf``, ``evidence/*.png``) by path relative to the report."""

    html: str
    markdown: str
    charts: list[Chart]
    files: dict[str, bytes] = field(default_factory=dict)


def compose_reports(
    plan: CuratedPlan,
    templates_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    extra: Mapping[str, object] | None = None,
    extra_charts: Sequence[Chart] = (),
    source: Source | None = None,
) -> Reports:
    """The reports of ``plan``: the HTML page, the Markdown page, their charts, and with a
    ``source`` the links to the PDF's pages and the evidence images cut from it.

    ``extra`` are further template values (``comparison``: the section ``build --previous``
    adds) and ``extra_charts`` the charts they show, written beside the report's own.

    The charts are drawn in worker processes while the report's content is built and its
    pages filled from the charts' drafts (:func:`hammplan.render.fast.charts_drawing`,
    :func:`hammplan.render.fast.fill_while_drawing`).
    ``templates_dir`` defaults to ``templates/`` in the working directory, then the package's
    own (see :func:`hammplan.render.templating.find_templates`).
    """
    from hammplan.render import html, markdown
    from hammplan.render.attachments import attachments
    from hammplan.render.context import build_context
    from hammplan.render.fast import charts_drawing, fill_while_drawing
    from hammplan.render.filters import SCRIPT, Filters, script_hash

    say = progress or (lambda _message: None)
    folder = templating.find_templates(templates_dir)
    with charts_drawing(plan) as drawing:
        say("render: content")
        context = build_context(plan)
        html_env, markdown_env = _environments(folder)
        attached = attachments(plan, source)
        filters = Filters(plan)
        values = {
            "report": context,
            "source_href": attached.href,
            **attached.template_functions(),
            "facets": filters.attributes,
            "filter_options": filters.options,
            "script": Markup(SCRIPT),
            "script_hash": Markup(script_hash()),
            **(extra or {}),
        }

        def filling(
            render: Callable[[Environment, str, Mapping[str, Any]], str],
            env: Environment,
            name: str,
        ) -> Callable[[list[ChartView]], str]:
            """The page ``name`` filled with the given views of the charts."""
            return lambda charts: fill_template(
                folder, name, lambda: render(env, name, {**values, "charts": charts})
            )

        # the pages are filled from the charts' drafts while the charts are drawn
        (page, text), charts = fill_while_drawing(
            [
                filling(html.render, html_env, templating.HTML_TEMPLATE),
                filling(markdown.render, markdown_env, templating.MARKDOWN_TEMPLATE),
            ],
            drawing.drafts,
            drawing.charts,
        )
    say(
        f"render: {len(charts)} charts"
        + (f", {len(attached.files)} files beside the report" if attached.files else "")
    )
    return Reports(page, text, [*charts, *extra_charts], attached.files)


def write_reports(
    reports: Reports, out_dir: Path, progress: Callable[[str], None] | None = None
) -> list[Path]:
    """Write ``out_dir/index.html``, ``out_dir/report.md``, ``out_dir/charts/*.svg`` and the
    files beside them (``quelle.pdf``, ``evidence/*.png``); return the files written.

    The files are published as one set (:func:`hammplan.io.fileset.publish`): a failure or a
    kill leaves the previous reports whole, and the files of the previous reports that this
    one has not (charts of an older version, evidence images, a ``quelle.pdf`` it no longer
    links) are removed; nothing else in ``out_dir`` is. Temporary files a killed render of an
    older version left are removed too.
    """
    remove_stale_temporaries(out_dir, ["report.md", "index.html", SOURCE_NAME])
    remove_stale_temporaries(out_dir / CHARTS_FOLDER)
    remove_stale_temporaries(out_dir / EVIDENCE_FOLDER)
    written = publish(out_dir, report_files(reports))
    if progress is not None:
        progress(f"render: wrote {len(written)} files to {out_dir}")
    return written


def report_files(reports: Reports) -> dict[str, str | bytes]:
    """The files of ``reports`` by their names in the output folder (charts, the files beside
    the report, ``report.md``, ``index.html``), for publishing as one set, alone or with
    other files (``hammplan compare`` adds its data files)."""
    files: dict[str, str | bytes] = {
        f"{CHARTS_FOLDER}/{c.file_name}": c.svg for c in reports.charts
    }
    files |= dict(sorted(reports.files.items()))
    files |= {"report.md": reports.markdown, "index.html": reports.html}
    return files


def render_reports(
    plan: CuratedPlan,
    out_dir: Path,
    templates_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    extra: Mapping[str, object] | None = None,
    extra_charts: Sequence[Chart] = (),
    source: Source | None = None,
) -> list[Path]:
    """Writes the reports of ``plan`` to ``out_dir`` and returns the files written.

    ``out_dir/index.html`` (one self-contained page), ``out_dir/report.md`` and the charts
    it shows, ``out_dir/charts/*.svg`` (:func:`compose_reports`, with ``extra`` and
    ``extra_charts``, then :func:`write_reports`). Everything is rendered before anything is
    written. The same plan always gives the same bytes.
    """
    return write_reports(
        compose_reports(plan, templates_dir, progress, extra, extra_charts, source),
        out_dir,
        progress,
    )
