"""Drawing the report's charts in a process started before the plan is ready.

In a cold ``build`` the render stage would begin by importing matplotlib (half a second) and
then draw the charts, while during ``validate`` one of the cores has nothing to do.
:class:`ChartsAhead` forks a process when ``validate`` starts; it imports the chart code at
once, on that idle core, then waits. As soon as ``validate`` has made the bytes of
``plan.json`` it hands them over, and the process draws the charts from them exactly as
``render`` would from the file (same bytes in, same SVGs out: it is the same
:func:`~hammplan.render.charts.build_charts`, in its own forked workers) while ``validate``
makes its other files and the render stage builds the rest of the report. The build's process
never imports matplotlib.

Where the platform cannot fork, nothing is started and the charts are drawn in the render
stage as ``hammplan render`` draws them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from hammplan.render.drawn import Chart


def _serve(connection: Connection, builds_end: Connection) -> None:
    """The process: import the chart code, then draw the charts of the one plan asked for.

    Ctrl-C is the build's to handle (it then lets this process finish). The build's end of
    the pipe, inherited with the fork, is closed first: while this process held it, it would
    never see the build go away.
    """
    builds_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from hammplan.render.charts import build_charts
    from hammplan.render.loading import parse_curated_plan

    try:
        plan_json, path = connection.recv()
    except EOFError:  # the build ended (or died) without asking
        return
    try:
        plan = parse_curated_plan(plan_json.decode("utf-8"), path)
        reply: tuple[bool, Any] = (True, build_charts(plan))
    except Exception as exc:  # noqa: BLE001 - handed to the build, which raises it there
        reply = (False, exc)
    with contextlib.suppress(OSError):  # the build stopped waiting (failed, interrupted)
        connection.send(reply)


class ChartsAhead:
    """A forked process that has the chart code imported by the time the plan is written.

    Use as a context manager; :meth:`launch` forks the process, :meth:`start` hands it the
    plan file, :meth:`charts` waits for the drawn charts. Leaving the context stops the
    process at once if it was never asked to draw, and otherwise lets it finish (its own
    workers end with it).
    """

    def __init__(self) -> None:
        self._connection: Connection | None = None
        self._process: Any = None
        self._asked = False

    def __enter__(self) -> ChartsAhead:
        return self

    def launch(self) -> None:
        """Fork the process now (where the platform can fork); it starts importing."""
        if self._process is None and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe()
            self._process = context.Process(target=_serve, args=(theirs, self._connection),
                                             name="hammplan-charts")
            self._process.start()
            theirs.close()

    @property
    def asked(self) -> bool:
        """Whether charts are being drawn (:meth:`start` was called on a started process)."""
        return self._asked

    def start(self, plan_json: bytes, path: Path) -> None:
        """Have the charts drawn of the curated plan whose file content is ``plan_json`` (the
        bytes ``validate`` writes to ``path``, read as ``render`` would read them). Does
        nothing where no process could be started."""
        if self._connection is not None:
            self._connection.send((plan_json, path))
            self._asked = True

    def charts(self) -> list[Chart]:
        """The charts asked for with :meth:`start` (an error in drawing is raised here)."""
        if self._connection is None or not self._asked:
            raise RuntimeError("no charts were asked for")
        try:
            ok, result = self._connection.recv()
        except EOFError:
            raise RuntimeError("the chart process ended without drawing the charts") from None
        if not ok:
            raise result
        charts: list[Chart] = result
        return charts

    def __exit__(self, *_exc: object) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._process is not None:
            if not self._asked:  # importing or waiting: nothing of its own to clean up
                self._process.terminate()
            self._process.join()
