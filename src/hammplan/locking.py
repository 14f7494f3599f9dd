"""One writer at a time per folder: a lock every writing command takes.

Two builds into one data folder (a person and the schedule) used to interleave their files,
and one's start-up removed the other's temporary files. Every command that writes takes an
exclusive lock on ``FOLDER/.hammplan.lock`` for each folder it writes (the data folder; the
report folder) before it reads or writes anything there. A second writer either stops at once
with one line naming the folder and the run that holds it, or, with ``--wait``, says so once
and waits (up to :data:`WAIT_SECONDS`).

The lock is ``flock`` on an open file: the kernel releases it when the process holding it
ends, however it ends (a SIGKILL included), so a lock is never left behind. Child processes
inherit it; they die with their parent (``hammplan.children``). The lock file itself stays
(removing it would let two runs lock two different files of one name).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO

from hammplan.errors import HammplanError, OutputError

LOCK_NAME = ".hammplan.lock"

WAIT_SECONDS = 3600.0
"""How long ``--wait`` waits for another run (a build takes seconds; an hour means stuck)."""

_POLL = 0.2


class Busy(HammplanError):
    """Another hammplan run is writing the folder."""

    exit_code = 2


def _holder(handle: IO[str]) -> str:
    """Who holds the lock, as it wrote itself into the file."""
    handle.seek(0)
    text = handle.read(200).strip()
    return f" ({text})" if text else ""


def _lock_one(folder: Path, wait: float, say: Callable[[str], None]) -> IO[str]:
    """The lock of one folder, taken (the open file that holds it)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / LOCK_NAME).open("a+", encoding="utf-8")
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
                handle.close()
                raise Busy(f"{folder}: another hammplan run{holder} is writing there"
                           + ("; run again later, or add --wait" if not wait else
                              f"; gave up after waiting {wait:g} s")) from None
            if not told:
                say(f"{folder}: waiting for another hammplan run{_holder(handle)}")
                told = True
            time.sleep(_POLL)
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, since {datetime.now().strftime('%H:%M:%S')}")
    handle.flush()
    return handle


@contextmanager
def writing(folders: list[Path], wait: bool = False,
            say: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the lock of every folder in ``folders`` (each once, in a fixed order, so two runs
    never wait for each other crosswise) for the block."""
    unique = sorted({folder.resolve() for folder in folders})
    created = [folder for folder in unique if not folder.exists()]
    with ExitStack() as stack:
        for folder in unique:
            handle = _lock_one(folder, WAIT_SECONDS if wait else 0.0, say)
            stack.callback(handle.close)
        try:
            yield
        except BaseException:
            _remove_if_only_lock(created)
            raise


def _remove_if_only_lock(folders: list[Path]) -> None:
    """Remove folders this run created for its lock alone (a run that failed before writing
    anything leaves no empty folder behind)."""
    for folder in folders:
        try:
            if [p.name for p in folder.iterdir()] == [LOCK_NAME]:
                (folder / LOCK_NAME).unlink()
                folder.rmdir()
        except OSError:
            pass
