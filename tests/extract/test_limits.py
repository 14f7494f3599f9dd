"""The per-page deadline: it must interrupt a page even when its first signal is swallowed."""

from __future__ import annotations

import gc
import time

import pytest

from hammplan.limits import PageTimeout, page_deadline


class _SlowFinaliser:
    """An object whose ``__del__`` runs past the deadline: Python drops exceptions raised there."""

    def __del__(self) -> None:
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_deadline_swallowed_by_a_finaliser_fires_again() -> None:
    """Regression: a SIGALRM landing in a gc callback or __del__ was lost and the page ran on."""
    started = time.monotonic()
    with pytest.raises(PageTimeout), page_deadline(0.05):
        slow = _SlowFinaliser()
        del slow  # the deadline passes inside __del__, whose exception is printed and dropped
        gc.collect()
        end = time.monotonic() + 5.0
        while time.monotonic() < end:
            pass
    assert time.monotonic() - started < 2.0


def test_a_block_within_its_deadline_runs_to_the_end() -> None:
    with page_deadline(5.0):
        total = sum(range(1000))
    assert total == 499500
    time.sleep(0.1)  # the timer is disarmed: nothing fires after the block
