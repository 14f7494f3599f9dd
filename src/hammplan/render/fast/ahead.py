"""Making the reports in a process started before the curated plan is ready.

A cold ``build`` would render by importing matplotlib, jinja2 and babel (most of a second),
drawing the charts and filling the templates, all after ``validate``, while during the end of
``extract`` and during ``validate`` one of the cores has little to do. :class:`ReportsAhead`
forks a process as soon as a core is free; it imports the report code at once, on that core,
then waits. As soon as ``validate`` has made the bytes of ``plan.json`` it hands them over, and
the process makes the reports from them exactly as ``render`` would from the file (same bytes
in, same reports out: it is the same :func:`~hammplan.render.reports.compose_reports`, whose
charts are drawn in its own forked workers), while ``validate`` makes its other files. While it
waits it also reads the extraction result and cuts the evidence images every report shows
(each profile's title and Kosten cells), which render then takes instead of cutting them. The
render stage then only writes what it gets back; the build's own process imports none of it.

Where the platform cannot fork, nothing is started and the render stage makes the reports as
``hammplan render`` does.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hammplan.io.children import die_with_parent, receive
from hammplan.io.holdpoints import hold

if TYPE_CHECKING:  # imported where the reports arrive, not by every build
    from hammplan.records.document import ExtractedDocument
    from hammplan.render.reports import Reports


REPORT_SECONDS = 600.0
"""How long the build waits for the reports (seconds; much more means the process is stuck)."""

EXTRACTED = "extracted"
"""The first word of the message that names the extraction result to read ahead."""


def _read_extracted(path: Path) -> ExtractedDocument | None:
    """The extraction result the evidence images are cut by, read ahead; None where it cannot
    be read (the report is then made as ``render`` makes it, which says why)."""
    from hammplan.errors import InputError
    from hammplan.io.loading import load_extracted

    try:
        return load_extracted(path)
    except InputError:
        return None


def _cut_ahead(
    document: ExtractedDocument, data_dir: Path, read_from: Path | None
) -> tuple[Path, dict[str, bytes]] | None:
    """The evidence images every report of ``document`` shows, cut from its PDF (found as
    the report will find it), with the PDF; None where the PDF is not there."""
    from hammplan.io.files import source_pdf
    from hammplan.render.attachments import boxes_every_report_shows
    from hammplan.render.evidence import cut

    pdf = source_pdf(data_dir, document.source.file_name, document.source.sha256, read_from)
    if pdf is None:
        return None
    try:
        return pdf, cut(pdf, boxes_every_report_shows(document))
    except (OSError, RuntimeError, ValueError):  # a head start only: render cuts them again
        return None


def _serve(
    connection: Connection, builds_end: Connection, parent: int, templates: Path | None
) -> None:
    """The process: import the report code and compile the ``templates`` folder's report
    templates, then make the reports of the one plan asked for.

    Ctrl-C is the build's to handle (it then lets this process finish). The build's end of
    the pipe, inherited with the fork, is closed first: while this process held it, it would
    never see the build go away. It dies with the build (:func:`die_with_parent`).
    """
    die_with_parent(parent)
    builds_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import hammplan.render.charts
    import hammplan.render.context
    import hammplan.render.html
    import hammplan.render.markdown  # noqa: F401 - imported now, while there is time
    from hammplan.io.loading import parse_curated_plan
    from hammplan.render.fast.charts import warm_up
    from hammplan.render.reports import compose_reports, prepare_templates
    from hammplan.render.sources import find_source

    warm_up()
    if templates is not None:
        prepare_templates(templates)
    document = None
    cut_ahead = None
    try:
        request = connection.recv()
        if isinstance(request[0], str) and request[0] == EXTRACTED:  # the plan comes next
            _, extracted, pdf = request
            document = _read_extracted(extracted)  # while validate curates
            if document is not None:  # DATA_DIR/interim/extracted.json
                cut_ahead = _cut_ahead(document, extracted.parent.parent, pdf)
            request = connection.recv()
    except EOFError:  # the build ended (or died) without asking
        return
    plan_json, path, templates, source_url, read_from = request
    hold("report-process")
    try:
        plan = parse_curated_plan(plan_json.decode("utf-8"), path)
        # DATA_DIR/curated/plan.json
        source = find_source(path.parent.parent, plan, source_url, document, read_from)
        if cut_ahead is not None and source.pdf == cut_ahead[0]:
            source = replace(source, cut_ahead=cut_ahead[1])
        reply: tuple[bool, Any] = (True, compose_reports(plan, templates, source=source))
    except Exception as exc:  # noqa: BLE001 - handed to the build, which raises it there
        reply = (False, exc)
    with contextlib.suppress(OSError):  # the build stopped waiting (failed, interrupted)
        connection.send(reply)


class ReportsAhead:
    """A forked process that has the report code imported by the time the plan is written.

    Use as a context manager; :meth:`launch` forks the process, :meth:`start` hands it the
    plan, :meth:`reports` waits for the reports. Leaving the context stops the process at once
    if it was never asked for reports, and otherwise lets it finish (its own workers end with
    it).
    """

    def __init__(self, templates: Path | None = None) -> None:
        """``templates``: the folder the reports will be filled from (its templates are
        compiled while the process waits), as :func:`~hammplan.render.templating.find_templates`
        found it."""
        self._templates = templates
        self._connection: Connection | None = None
        self._process: Any = None
        self._asked = False

    def __enter__(self) -> ReportsAhead:
        return self

    def launch(self) -> None:
        """Fork the process now (where the platform can fork); it starts importing."""
        if self._process is None and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe()
            self._process = context.Process(
                target=_serve,
                args=(theirs, self._connection, os.getpid(), self._templates),
                name="hammplan-reports",
            )
            self._process.start()
            theirs.close()

    def read_ahead(self, extracted: Path, pdf: Path | None = None) -> None:
        """Have the process read the extraction result ``extracted`` now, while it waits for
        the plan (the evidence images are cut by it), and cut from the plan's PDF (``pdf``,
        the one the build was given, or the one in ``raw/``) the evidence images every report
        shows. Call before :meth:`start`; does nothing where no process could be started."""
        if self._connection is not None and not self._asked:
            self._connection.send((EXTRACTED, extracted, pdf))

    @property
    def asked(self) -> bool:
        """Whether reports are being made (:meth:`start` was called on a started process)."""
        return self._asked

    def start(
        self,
        plan_json: bytes,
        path: Path,
        templates: Path | None,
        source_url: str | None = None,
        read_from: Path | None = None,
    ) -> None:
        """Have the reports made of the curated plan whose file content is ``plan_json`` (the
        bytes ``validate`` writes to ``path``, read as ``render`` would read them), with the
        templates and source link ``render`` would use. Does nothing where no process could
        be started."""
        if self._connection is not None:
            self._connection.send((plan_json, path, templates, source_url, read_from))
            self._asked = True

    def reports(self) -> Reports:
        """The reports asked for with :meth:`start` (an error in making them is raised
        here: a template's error, say)."""
        if self._connection is None or not self._asked:
            raise RuntimeError("no reports were asked for")
        ok, result = receive(
            self._connection,
            self._process,
            REPORT_SECONDS,
            "the report process (render/fast/ahead.py)",
        )
        if not ok:
            raise result
        reports: Reports = result
        return reports

    def __exit__(self, *_exc: object) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._process is not None:
            if not self._asked:  # importing or waiting: nothing of its own to clean up
                self._process.terminate()
            self._process.join(REPORT_SECONDS)
            if self._process.is_alive():  # stuck: every wait has an end
                self._process.kill()
                self._process.join(5)
