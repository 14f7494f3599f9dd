"""Bounds on what one extraction may cost, so a hostile or broken PDF never hangs a job.

A scheduled job nobody watches must end: a PDF with more pages than ``max_pages`` is refused
before any page is read, and a page whose content takes longer than ``seconds_per_page`` to
parse is skipped and reported (a leftover naming the page), never waited for; opening the
PDF and walking its page tree must end within ``open_seconds`` (else it is refused as
unreadable). The limits are documented in the README; ``--max-pages`` / ``--page-seconds``
set the first two.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

DEFAULT_MAX_PAGES = 2_000
"""More than ten times a municipal plan; a PDF beyond it is not what hammplan reads."""

DEFAULT_SECONDS_PER_PAGE = 30.0
"""A plan page parses in well under a second; thirty is room for a slow machine."""

DEFAULT_OPEN_SECONDS = 20.0
"""Opening a PDF and counting its pages (its cross-reference table, catalog and page tree)
takes well under a second even for thousands of pages; twenty is room for a slow machine,
and the most a file that makes the parser loop there can cost."""


DEFAULT_MAX_SECONDS = 900.0
"""A whole extraction: the bundled plan takes seconds, a 2,000-page plan minutes; fifteen
minutes is what a weekly scheduled job can wait before it must say why it stopped."""


@dataclass(frozen=True)
class Limits:
    """How many pages a PDF may have, how long opening it and counting its pages, one page
    and the whole reading may take, and what one page may cost (see ``extract/bounds.py``;
    the defaults are about a hundred times what a page of the bundled plan needs, and keep a
    page reader well under 1 GB)."""

    max_pages: int = DEFAULT_MAX_PAGES
    seconds_per_page: float = DEFAULT_SECONDS_PER_PAGE
    open_seconds: float = DEFAULT_OPEN_SECONDS
    max_seconds: float = DEFAULT_MAX_SECONDS
    stream_bytes: int = 16 << 20
    """Bytes one stream may inflate to (a content stream of the plan: under 100 KB)."""
    page_bytes: int = 32 << 20
    """Bytes all streams of one page may inflate to, fonts and images included."""
    page_objects: int = 200_000
    """Characters and drawn objects one page may hold (the plan: under 10,000)."""
    xobject_draws: int = 10_000
    """XObjects (forms, images) one page may draw, each drawing counted."""
    form_depth: int = 12
    """How deep form XObjects may be drawn inside each other."""


class PageTimeout(BaseException):
    """Reading one page took longer than its limit.

    A BaseException, like KeyboardInterrupt: pdfplumber and the fast reader turn every
    ``Exception`` from pdfminer into their own error or a fallback, but a timeout must unwind
    the page's parsing untouched.
    """


_REARM_SECONDS = 0.05
"""How soon the deadline fires again if its exception was swallowed."""


def _raise_timeout(_signum: int, _frame: FrameType | None) -> None:
    # The signal may land inside a __del__ method or a gc callback, where Python prints and
    # drops any exception: re-arm first, so a swallowed timeout fires again shortly instead
    # of being lost. page_deadline disarms the timer when the block ends either way.
    signal.setitimer(signal.ITIMER_REAL, _REARM_SECONDS)
    raise PageTimeout


@contextmanager
def page_deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`PageTimeout` inside the block once ``seconds`` have passed.

    Uses a real-time interval timer, which interrupts pure-Python parsing (pdfminer) at the next
    bytecode. Only the main thread of a process can take signals; elsewhere (a thread, or a
    platform without SIGALRM) the block runs unbounded, as it would without this guard.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
