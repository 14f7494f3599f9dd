"""Bounds on what one page of a PDF may cost: bytes inflated, objects made, forms drawn.

A 2 MB PDF can inflate to gigabytes (a Flate "bomb"), and a few kilobytes of form XObjects
that draw each other several times each are drawn an exponential number of times; either
took gigabytes of memory. pdfminer sets no bound, so hammplan sets them where pdfminer does
the work, once, when this module is imported:

- Flate data is inflated through :class:`_BoundedZlib` (pdfminer's ``zlib``), which stops at
  :attr:`Limits.stream_bytes` for one stream and at :attr:`Limits.page_bytes` for all streams
  of one page (forms, fonts and images included);
- each XObject drawn (``Do``) counts towards :attr:`Limits.xobject_draws` per page, and form
  XObjects drawn inside each other towards :attr:`Limits.form_depth`;
- each object the layout device keeps (a character, a line, a rectangle, an image) counts
  towards :attr:`Limits.page_objects`.

The per-page counts apply inside :func:`page_budget` (the page readers open one per page); the
per-stream bound applies everywhere, the document's own structures included. A bound that is
reached raises :class:`LimitExceeded`, a BaseException so that pdfminer's and pdfplumber's
handlers of ``Exception`` pass it on untouched; the reader turns it into one line naming the
limit (see ``reading.py``).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pdfminer.pdftypes
from pdfminer.layout import LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter

from hammplan.limits import Limits


class LimitExceeded(BaseException):
    """A page (or a stream) needs more than a bound allows; ``str()`` names the bound."""


@dataclass
class _Budget:
    """What the page being read has used so far."""

    limits: Limits
    inflated: int = 0
    objects: int = 0
    draws: int = 0
    depth: int = 0


_current: list[_Budget] = []
"""The budget of the page being read (empty outside :func:`page_budget`)."""

_stream_limit: list[int] = [Limits().stream_bytes]


def _mib(count: int) -> str:
    return f"{count / (1 << 20):g} MiB"


def _check_stream(total: int) -> None:
    """Refuse a stream once it has inflated to more than the limit per stream."""
    if total > _stream_limit[0]:
        raise LimitExceeded(
            f"a stream inflates to more than {_mib(_stream_limit[0])} (the limit per stream)"
        )


def _count_page(count: int) -> None:
    """Count ``count`` more inflated bytes of the current page against its limit."""
    if _current:
        budget = _current[-1]
        budget.inflated += count
        if budget.inflated > budget.limits.page_bytes:
            raise LimitExceeded(
                f"its streams inflate to more than "
                f"{_mib(budget.limits.page_bytes)} (the limit per page)"
            )


class _BoundedInflater:
    """``zlib.decompressobj()`` whose output is counted against the bounds."""

    def __init__(self) -> None:
        self._inner = zlib.decompressobj()
        self._total = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = _stream_limit[0] - self._total + 1
        out = self._inner.decompress(data, min(room, max_length) if max_length else room)
        self._total += len(out)
        _check_stream(self._total)
        _count_page(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _BoundedZlib:
    """The ``zlib`` module as pdfminer sees it: ``decompress`` stops at the bounds."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, _stream_limit[0] + 1)
        _check_stream(len(out) + (1 if inflater.unconsumed_tail else 0))
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        _count_page(len(out))
        return out

    @staticmethod
    def decompressobj() -> _BoundedInflater:
        return _BoundedInflater()

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted`` (inflate byte by byte, ignoring a bad checksum at
    the end), bounded and without its quadratic joining."""
    inflater = _BoundedInflater()
    parts: list[bytes] = []
    for i in range(len(data)):
        try:
            parts.append(inflater.decompress(data[i : i + 1]))
        except zlib.error:
            if i < len(data) - 3:
                raise
            break
    return b"".join(parts)


_original_do = PDFPageInterpreter.do_Do
_original_add = LTContainer.add


def _bounded_do(self: PDFPageInterpreter, xobjid: Any) -> None:
    """``Do`` with the XObject counted, and form XObjects' nesting bounded."""
    if not _current:
        _original_do(self, xobjid)
        return
    budget = _current[-1]
    budget.draws += 1
    if budget.draws > budget.limits.xobject_draws:
        raise LimitExceeded(
            f"it draws more than {budget.limits.xobject_draws:,} XObjects (the limit per page)"
        )
    budget.depth += 1
    try:
        if budget.depth > budget.limits.form_depth:
            raise LimitExceeded(
                f"its form XObjects nest more than {budget.limits.form_depth} deep (the limit)"
            )
        _original_do(self, xobjid)
    finally:
        budget.depth -= 1


def count_objects(count: int) -> None:
    """Count ``count`` more layout objects (characters, paths, images) of the current page."""
    if _current:
        budget = _current[-1]
        budget.objects += count
        if budget.objects > budget.limits.page_objects:
            raise LimitExceeded(
                f"it holds more than {budget.limits.page_objects:,} characters "
                "and drawn objects (the limit per page)"
            )


def _counted_add(self: LTContainer[Any], obj: Any) -> None:
    count_objects(1)
    _original_add(self, obj)


@contextmanager
def page_budget(limits: Limits) -> Iterator[None]:
    """Count what the page read inside the block costs against ``limits``."""
    _stream_limit[0] = limits.stream_bytes
    _current.append(_Budget(limits))
    try:
        yield
    finally:
        _current.pop()


setattr(pdfminer.pdftypes, "zlib", _BoundedZlib())  # noqa: B010 - the module pdfminer inflates with
pdfminer.pdftypes.decompress_corrupted = _decompress_corrupted
PDFPageInterpreter.do_Do = _bounded_do  # type: ignore[method-assign,assignment]
LTContainer.add = _counted_add  # type: ignore[method-assign]
