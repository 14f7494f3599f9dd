"""How a broken pool's workers ended, said right although the pool's own thread races us.

Regression: a page reader killed with SIGKILL was reported as "it ended abruptly" about half
the time, because its exit status was reaped by the pool's thread a moment later.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field

from hammplan.io.children import pool_ends


@dataclass
class _Worker:
    """A process whose exit status shows only after some reads, as when another thread
    reaps it."""

    codes: list[int | None]
    reads: int = field(default=0)

    @property
    def exitcode(self) -> int | None:
        self.reads += 1
        return self.codes[min(self.reads, len(self.codes)) - 1]


@dataclass
class _Pool:
    _processes: dict[int, _Worker]


def test_the_dead_worker_is_named_once_its_status_shows() -> None:
    killed = _Worker([None, None, None, -signal.SIGKILL])
    sibling = _Worker([None, -signal.SIGTERM])  # terminated by the pool after the break
    ends = pool_ends(_Pool({1: sibling, 2: killed}), wait=1.0)
    assert ends == (
        "it was killed by signal 9 SIGKILL (the out-of-memory killer, or someone, stopped it)"
    )


def test_only_the_pool_s_own_sigterm_is_named_when_there_is_nothing_else() -> None:
    assert pool_ends(_Pool({1: _Worker([-signal.SIGTERM])}), wait=0.05) == (
        "it was killed by signal 15 SIGTERM"
    )


def test_no_status_at_all_says_so() -> None:
    assert pool_ends(_Pool({1: _Worker([None])}), wait=0.05) == "it ended abruptly"
