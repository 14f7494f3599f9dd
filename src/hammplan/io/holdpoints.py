"""Known points where a test can hold a run, to stop it there reliably.

The fault-injection tests (``tests/faults/``) send signals to a build and to each of its child
processes while they are at a known point: a page being read, files staged but not yet
committed, the group commit of ``build``'s pair written (``committed``), a commit half done, the
report process composing, a chart being drawn. Sleeping a guessed time before the signal fails
under load; instead a test sets ``HAMMPLAN_HOLD_AT`` to a point's name and
``HAMMPLAN_HOLD_DIR`` to a folder, and the process that reaches the point writes its process id
to ``HOLD_DIR/POINT-PID`` and waits there until it is killed. Without the variables (every
real run) :func:`hold` returns at once.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

POINT = "HAMMPLAN_HOLD_AT"
FOLDER = "HAMMPLAN_HOLD_DIR"


def hold(point: str) -> None:
    """Wait here for good if a test asked to hold runs at ``point``."""
    if os.environ.get(POINT) != point:
        return
    folder = Path(os.environ[FOLDER])
    marker = folder / f"{point}-{os.getpid()}"
    marker.with_suffix(".tmp").write_text(str(os.getpid()), encoding="ascii")
    marker.with_suffix(".tmp").replace(marker)
    while True:
        time.sleep(0.05)
