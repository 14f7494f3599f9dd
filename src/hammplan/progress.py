"""One progress protocol for every stage: what a run tells the person watching it.

``build`` and the stages call :meth:`Progress.step` when a step starts ("validate",
"render: content") and :meth:`Progress.pages` while pages are read; the CLI's reporter shows
them on a terminal, a library caller may pass nothing (:class:`Silent`). It replaces four
names for one thing (``progress``, ``say``, ``tell``, ``pages``).
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Where a run reports what it is doing."""

    def step(self, message: str) -> None:
        """A stage or a step of one started."""

    def pages(self, done: int, total: int) -> None:
        """``done`` of ``total`` pages are read."""


class Silent:
    """Progress nobody watches: every report is dropped."""

    def step(self, message: str) -> None:
        """Dropped."""

    def pages(self, done: int, total: int) -> None:
        """Dropped."""
