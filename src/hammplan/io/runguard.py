"""Guards a run sets up before it starts: a memory limit it cannot work in is refused at once,
and SIGTERM and SIGHUP end it the way Ctrl-C does.

A scheduled job is stopped with SIGTERM (a timeout, a shutdown) or SIGHUP (its terminal
closed); Python's default for both ends the process on the spot, so temporary folders and
incomplete stages stayed behind and nothing said why. Raised as :class:`Stopped` instead,
``finally`` blocks run, the previous outputs are kept, and the run ends in one line.
"""

from __future__ import annotations

import resource
import signal
from types import FrameType

from hammplan.errors import HammplanError, ResourceError

MIN_ADDRESS_SPACE = 288 << 20
"""The least address space (``ulimit -v``) a build needs: numpy's BLAS ends a process that
cannot map its buffers with exit code 1 and no way to catch it (measured: a build of a small
plan needs about 260 MiB of address space, the report process more than 244)."""


def check_memory_limit() -> None:
    """Refuse at once, in one line, under a memory limit no command can work in."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY and soft < MIN_ADDRESS_SPACE:
        raise ResourceError(
            f"the memory limit (ulimit -v {soft >> 10}) is below the "
            f"{MIN_ADDRESS_SPACE >> 20} MiB hammplan needs; raise it"
        )


class Stopped(HammplanError):
    """The run was stopped by a signal (SIGTERM, SIGHUP); exit 128 + the signal's number."""


def _stop(signum: int, _frame: FrameType | None) -> None:
    """SIGTERM and SIGHUP end the run like Ctrl-C does: ``finally`` blocks run, so temporary
    folders and incomplete stages go, and the previous outputs stay."""
    error = Stopped(f"stopped by {signal.Signals(signum).name}; the previous outputs are kept")
    error.exit_code = 128 + signum
    raise error


def stop_on_signals() -> None:
    """Have SIGTERM and SIGHUP raise :class:`Stopped` in this process."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
