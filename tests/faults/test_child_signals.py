"""Forked children end the plain way on SIGTERM, whatever handlers the parent installed.

Regression: a chart worker terminated by its broken pool inherited the run's SIGTERM handler,
raised ``Stopped`` inside the pool's queue read, printed a traceback and exited 1.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from typing import Any

from hammplan.io.children import die_with_parent
from hammplan.io.runguard import stop_on_signals


def _wait_for_signal(parent: int, ready: Any) -> None:
    die_with_parent(parent)
    ready.set()
    time.sleep(30)


def test_a_child_of_a_guarded_run_dies_of_sigterm_not_of_stopped() -> None:
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    try:
        stop_on_signals()
        child = context.Process(target=_wait_for_signal, args=(os.getpid(), ready))
        child.start()
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
    assert ready.wait(30), "the child did not start"
    assert child.pid is not None
    os.kill(child.pid, signal.SIGTERM)
    child.join(30)
    assert child.exitcode == -signal.SIGTERM
