"""Filling the report's two pages at the same time: the Markdown page in a forked process while
the HTML page is filled in this one.

Filling the templates is the last thing a render does once the charts are drawn, and the two
pages do not depend on each other: filled one after the other they are a fifth of a second of
one core while the other has nothing left to do. Where the platform can fork and there are
two cores, the second is filled in a child forked with everything it needs (the environments,
the values, the charts), which sends the text back; elsewhere both are filled here, one after
the other. Either way the same functions fill the same pages: same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from hammplan.cores import usable_cores
from hammplan.io.children import die_with_parent, receive

T = TypeVar("T")
U = TypeVar("U")

FILL_SECONDS = 300.0
"""How long the page filled in the child may take (a tenth of a second; much more means the
child is stuck)."""


def _fill(make: Callable[[], Any], connection: Connection, parent: int) -> None:
    """The child: make the page and send it back, or the error making it raised."""
    die_with_parent(parent)
    try:
        reply: tuple[bool, Any] = (True, make())
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it there
        reply = (False, exc)
    try:
        connection.send(reply)
    except Exception as exc:  # noqa: BLE001 - what cannot be pickled is sent as its words
        failed = exc if reply[0] else reply[1]
        connection.send((False, RuntimeError(f"{type(failed).__name__}: {failed}")))
    connection.close()


def made_together(first: Callable[[], T], second: Callable[[], U]) -> tuple[T, U]:
    """``first()`` and ``second()``, made at the same time where there is a core for each
    (``second`` in a forked child), else one after the other.

    An error of ``first`` is raised before one of ``second``, as when they run in order; the
    child is then stopped. A child that dies or hangs is
    :class:`~hammplan.io.children.ChildDied`.
    """
    if usable_cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return first(), second()
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(
        target=_fill, args=(second, theirs, os.getpid()), name="hammplan-second-page"
    )
    process.start()
    theirs.close()
    try:
        made = first()
        ok, result = receive(
            ours,
            process,
            FILL_SECONDS,
            "the process filling a report page (render/fast/together.py)",
        )
    except BaseException:
        process.kill()
        raise
    finally:
        ours.close()
        process.join(FILL_SECONDS)
    if not ok:
        raise result
    second_made: U = result
    return made, second_made
