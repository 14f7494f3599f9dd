"""Child processes that cannot outlive or hang the run that started them.

hammplan forks page readers (extract), a report process (build) and chart workers (render).
Killed parents used to leave them running, holding pipes and locks open, and a killed child
made its parent hang or blame the PDF. Three rules, in one place:

- every child asks the kernel to kill it when its parent dies (:func:`die_with_parent`,
  ``PR_SET_PDEATHSIG`` on Linux), and ends at once if the parent is already gone;
- every child ends the plain way on SIGTERM and SIGHUP and leaves Ctrl-C to its parent
  (:func:`end_plainly`): a forked child inherits the parent's handlers, which raise
  ``Stopped`` and would print a child's traceback when a pool terminates its workers;
- every wait for a child has a deadline (:func:`receive`);
- a child that died is :class:`ChildDied`, one line naming the child and how it died (a
  signal, and for SIGKILL the likely out-of-memory killer), exit code 2 (the machine, not
  the input or a bug).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from multiprocessing.connection import Connection
from typing import Any

from hammplan.errors import HammplanError

_PR_SET_PDEATHSIG = 1


class ChildDied(HammplanError):
    """A worker process hammplan started died or did not answer in time."""

    exit_code = 2


def die_with_parent(parent: int | None = None) -> None:
    """In a child: be killed (SIGKILL) when the parent process dies, and end now if it has.

    ``parent`` is the parent's pid as the parent knew it before forking (the child may be
    forked after its parent already died, and is then adopted by another process).
    """
    end_plainly()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no prctl: deadlines still hold
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def end_plainly() -> None:
    """In a child: SIGTERM and SIGHUP end it at once, and Ctrl-C is its parent's to handle.

    A forked child inherits the parent's handlers (:func:`hammplan.io.runguard.stop_on_signals`
    raises ``Stopped``), so a worker that a broken pool terminated printed a traceback and
    exited 1, which also read as a second cause of the break. The parent cleans up; the
    child has nothing of its own to keep.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def how_it_ended(exitcode: int | None) -> str:
    """A child's end in words, from ``multiprocessing``'s exit code (negative: a signal)."""
    if exitcode is None:
        return "it did not answer in time"
    if exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else ""
        why = (
            " (the out-of-memory killer, or someone, stopped it)"
            if (-exitcode == signal.SIGKILL)
            else ""
        )
        return f"it was killed by signal {-exitcode} {name}{why}".replace("  ", " ")
    return f"it exited with code {exitcode}"


def receive(connection: Connection, process: Any, seconds: float, what: str) -> Any:
    """The next object from ``connection``, sent by ``process`` (``what`` names it), waiting
    at most ``seconds``; :class:`ChildDied` if it dies first or takes longer."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if connection.poll(min(0.5, max(0.0, deadline - time.monotonic()))):
                return connection.recv()
        except (EOFError, OSError):
            process.join(5)
            verb = "died" if process.exitcode not in (None, 0) else "ended without an answer"
            raise ChildDied(f"{what} {verb}: {how_it_ended(process.exitcode)}") from None
        if not process.is_alive():
            if connection.poll(0):  # it answered, then ended
                continue
            raise ChildDied(f"{what} died: {how_it_ended(process.exitcode)}")
        if time.monotonic() >= deadline:
            process.kill()
            raise ChildDied(f"{what} stopped: it did not answer within {seconds:g} s")


POOL_END_SECONDS = 1.0
"""How long to wait for a dead worker's exit status to show before saying how it ended."""


def pool_ends(pool: Any, wait: float = POOL_END_SECONDS) -> str:
    """How the dead processes of a broken ``ProcessPoolExecutor`` ended (its private table
    of processes, read only to say so; "" where it is not there).

    When a worker dies, the pool's own thread reaps it and terminates the others while this
    thread is told of the break, so the dead worker's status may not show yet, and the
    others' SIGTERM is the pool's doing, not the cause. So wait (up to ``wait`` seconds) for
    an ending other than that SIGTERM, and name the SIGTERMs only when there is no other.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    deadline = time.monotonic() + wait
    while True:
        codes = [getattr(p, "exitcode", None) for p in processes]
        causes = {c for c in codes if c not in (None, 0, -signal.SIGTERM)}
        if causes or time.monotonic() >= deadline:
            break
        time.sleep(0.02)
    ends = causes or {c for c in codes if c not in (None, 0)}
    return "; ".join(sorted(how_it_ended(c) for c in ends)) or "it ended abruptly"


def collect(futures: list[Any], pool: Any, seconds: float, what: str) -> list[Any]:
    """The results of ``futures`` of ``pool`` in order, within ``seconds`` in all;
    :class:`ChildDied` naming ``what`` if a worker died or time ran out (the pool's other
    workers are then killed, not waited for)."""
    from concurrent.futures import TimeoutError as FuturesTimeout
    from concurrent.futures.process import BrokenProcessPool

    deadline = time.monotonic() + seconds
    try:
        return [future.result(timeout=max(0.0, deadline - time.monotonic())) for future in futures]
    except BrokenProcessPool:
        raise broken(pool, what) from None
    except FuturesTimeout:
        kill_pool(pool)
        raise ChildDied(f"{what} stopped: no answer within {seconds:g} s") from None


def broken(pool: Any, what: str) -> ChildDied:
    """The error for a pool one of whose workers (``what``) died; its others are killed."""
    ends = pool_ends(pool)
    kill_pool(pool)
    return ChildDied(f"{what} died: {ends}")


def kill_pool(pool: Any) -> None:
    """Kill the worker processes of ``pool`` and let it go without waiting for them."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
