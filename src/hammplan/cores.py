"""How many cores this process may use, for the stages that spread work over processes."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """Cores this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
