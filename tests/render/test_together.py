"""The two report pages made at the same time: the same results as one after the other,
errors raised in the caller in that order, and no child left behind."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from hammplan.errors import InputError
from hammplan.render.fast import made_together
from hammplan.render.fast import together as module


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "usable_cores", lambda: 2)


def test_the_second_is_made_in_a_child_and_both_come_back() -> None:
    here = os.getpid()
    first, second = made_together(lambda: ("html", os.getpid()), lambda: ("md", os.getpid()))
    assert first == ("html", here)
    assert second[0] == "md" and second[1] != here
    assert multiprocessing.active_children() == []


def test_one_core_makes_both_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "usable_cores", lambda: 1)
    assert made_together(os.getpid, os.getpid) == (os.getpid(), os.getpid())


def test_an_error_of_the_second_is_raised_here() -> None:
    def broken() -> str:
        raise InputError("report.md.j2: line 3: unexpected end of template")

    with pytest.raises(InputError, match=r"report\.md\.j2: line 3"):
        made_together(lambda: "html", broken)
    assert multiprocessing.active_children() == []


def test_an_error_of_the_first_comes_first_and_stops_the_child() -> None:
    def first() -> str:
        raise InputError("report.html.j2: line 1: unknown tag")

    def second() -> str:
        raise InputError("report.md.j2: line 1: unknown tag")

    with pytest.raises(InputError, match=r"report\.html\.j2"):
        made_together(first, second)
    assert multiprocessing.active_children() == []


def test_an_error_that_cannot_be_pickled_is_named() -> None:
    class Local(Exception):  # defined here: pickle cannot find it by name
        pass

    def second() -> str:
        raise Local("no such filter")

    with pytest.raises(RuntimeError, match="^Local: no such filter$"):
        made_together(lambda: "html", second)
