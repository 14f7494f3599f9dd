"""One writer at a time per folder: a lock every writing command takes.

Two builds into one data folder (a person and the schedule) used to interleave their files,
and one's start-up removed the other's temporary files. Every command that writes takes an
exclusive lock on each folder it writes (the data folder; the report folder) before it reads
or writes anything there. A second writer stops with one line naming the folder and the
process that holds it, or, with ``--wait``, says so once and waits (up to
:data:`WAIT_SECONDS`).

The lock is ``flock`` on the folder itself (an open directory), so no lock file is added to
an output folder, and the kernel releases it when the process holding it ends, however it
ends (a SIGKILL included): a lock is never left behind. Child processes inherit it and die
with their parent (``hammplan.io.children``); a run that finds the lock held waits
:data:`GRACE_SECONDS` before giving up, the time a stopped run's children take to go.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

from hammplan.errors import HammplanError, OutputError

WAIT_SECONDS = 3600.0
"""How long ``--wait`` waits for another run (a build takes seconds; an hour means stuck)."""

GRACE_SECONDS = 3.0
"""How long a run without ``--wait`` still waits for a lock (a killed run's children are
gone within milliseconds; under load within a second or two)."""

_POLL = 0.1


class Busy(HammplanError):
    """Another hammplan run is writing the folder."""

    exit_code = 2


def _holder(handle: int) -> str:
    """Which process holds the lock, from the kernel's table of locks (Linux), if it says."""
    inode = os.fstat(handle).st_ino
    try:
        table = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    for line in table.splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].endswith(f":{inode}"):
            return f" (process {fields[4]})"
    return ""


def _lock_one(folder: Path, wait: float, say: Callable[[str], None]) -> int:
    """The lock of one folder, taken (the open descriptor of the folder that holds it)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there ({exc.strerror})") from exc
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _holder(handle)
                os.close(handle)
                raise Busy(
                    f"{folder}: another hammplan run{holder} is writing there"
                    + (
                        "; run again later, or add --wait"
                        if wait <= GRACE_SECONDS
                        else f"; gave up after waiting {wait:g} s"
                    )
                ) from None
            if not told and wait > GRACE_SECONDS:
                say(f"{folder}: waiting for another hammplan run{_holder(handle)}")
                told = True
            time.sleep(_POLL)
    return handle


@contextmanager
def writing(
    folders: list[Path], wait: bool = False, say: Callable[[str], None] = lambda _: None
) -> Iterator[None]:
    """Hold the lock of every folder in ``folders`` (each once, in a fixed order, so two runs
    never wait for each other crosswise) for the block."""
    unique = sorted({folder.resolve() for folder in folders})
    created = [folder for folder in unique if not folder.exists()]
    with ExitStack() as stack:
        for folder in unique:
            handle = _lock_one(folder, WAIT_SECONDS if wait else GRACE_SECONDS, say)
            stack.callback(os.close, handle)
        try:
            yield
        except BaseException:
            _remove_if_empty(created)
            raise


def _remove_if_empty(folders: list[Path]) -> None:
    """Remove folders this run created for its lock and left empty (a run that failed before
    writing anything leaves no empty folder behind)."""
    for folder in folders:
        with suppress(OSError):
            folder.rmdir()
