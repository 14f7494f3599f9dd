"""Reading the pages of a PDF, on several cores when the document is long, in bounded memory.

Parsing the characters of a page (pdfminer) is nearly all of the time ``extract`` takes, and
pages parse independently, so blocks of pages are read in worker processes; the result is the
same pages in the same order. Pages are read the lean way
(:func:`~hammplan.extract.fastpage.read_page_fast`) unless ``fast=False`` asks for the plain
pdfplumber reading (:func:`~hammplan.extract.layout.read_page`), which gives the same pages.

Running headers and footers can only be told apart from table text by looking at every page
(:func:`~hammplan.extract.layout.furniture_keys`), yet a document's words must not all be
held at once. So each block of pages read is set aside in a temporary file (``TMPDIR``) with
only its first and last lines kept in memory; once all are read and the furniture is known,
:func:`iter_pages` loads the blocks back one at a time. Memory holds the pages in flight.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from hammplan.children import ChildDied, die_with_parent, kill_pool, pool_ends
from hammplan.cores import usable_cores
from hammplan.errors import HammplanError, InputError, resource_error
from hammplan.extract.bounds import LimitExceeded, page_budget
from hammplan.extract.fastpage import read_page_fast
from hammplan.extract.layout import (
    Edges,
    PageLayout,
    drop_furniture,
    furniture_keys,
    page_edges,
    read_page,
)
from hammplan.extract.limits import Limits, PageTimeout, page_deadline
from hammplan.extract.pageorder import printed_numbers
from hammplan.holdpoints import hold

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, page_count)`` while pages are read."""

_PARALLEL_FROM = 16
"""Fewer pages than this are read in one process: starting workers would cost more."""

_GRACE = 10.0
"""Seconds past the deadline the reading waits for its workers to stop themselves."""

_BLOCK = 8
"""Pages per task handed to a worker, and per file set aside: small enough to keep both
cores busy to the end and memory low, large enough that passing tasks and results costs
little (each worker opens the PDF once)."""


class _Pages:
    """The pages of an open PDF one at a time, numbered and placed as pdfplumber's
    ``pdf.pages`` numbers and places them, without that list.

    pdfplumber's list keeps every page object it made, with its content streams, for as long
    as the PDF is open: a reader's memory would grow with the page count. Pages are asked for
    in increasing order (a worker's tasks come in page order); an earlier page starts the walk
    through the page tree again.
    """

    def __init__(self, pdf: Any) -> None:
        self._pdf = pdf
        self._restart()

    def _restart(self) -> None:
        self._tree: Iterator[PDFPage] = PDFPage.create_pages(self._pdf.doc)
        self._number = 0
        self._doctop = 0.0

    def page(self, number: int) -> Page:
        """Page ``number`` (1-based)."""
        if number <= self._number:
            self._restart()
        while True:
            try:
                leaf = next(self._tree)
            except StopIteration:
                raise IndexError(f"no page {number}: the PDF has {self._number}") from None
            except Exception as exc:  # what pdfplumber's own page list raises too
                raise PdfminerException(exc) from exc
            self._number += 1
            page = Page(self._pdf, leaf, page_number=self._number, initial_doctop=self._doctop)
            self._doctop += page.height
            if self._number == number:
                return page


def _count_pages(pdf: Any) -> int:
    """How many pages the PDF has (its page tree walked once, nothing kept)."""
    try:
        return sum(1 for _ in PDFPage.create_pages(pdf.doc))
    except Exception as exc:  # as pdfplumber's own page list raises it
        raise PdfminerException(exc) from exc


@dataclass(frozen=True)
class _Block:
    """Pages ``first`` to ``first + len(edges) - 1``, read and set aside in ``spill``."""

    first: int
    edges: list[Edges]
    spill: Path


class _Refused(InputError):
    """A page broke a bound (``bounds.py``) or the run its time; the path is added above."""


def _read_from(source: _Pages, first: int, last: int, use_rulings: bool, fast: bool,
               limits: Limits, deadline: float, spill_dir: Path,
               progress: Progress | None = None, total: int = 0) -> _Block:
    """Read pages ``first`` to ``last`` (1-based, inclusive) of an open PDF and set them aside,
    reporting each page as ``progress(page, total)``.

    A page that takes longer than ``limits.seconds_per_page`` is kept as an empty page that
    says so. A page that breaks a bound of ``limits`` is refused, and so is the document
    when the run reaches ``deadline`` (``time.time()``; ``limits.max_seconds`` after its start).
    """
    read = read_page_fast if fast else read_page
    pages = []
    for number in range(first, last + 1):
        remaining = deadline - time.time()
        if remaining <= 0:
            raise _Refused(_over_time(limits))
        page = source.page(number)
        seconds = min(limits.seconds_per_page, remaining)
        try:
            with page_deadline(seconds), page_budget(limits):
                pages.append(read(page, number, use_rulings))
        except PageTimeout:
            if seconds < limits.seconds_per_page:
                raise _Refused(_over_time(limits)) from None
            pages.append(PageLayout(
                number=number, width=float(page.width), height=float(page.height), words=[],
                space_width=0.0,
                skipped=f"page {number} not read: it took longer than "
                        f"{limits.seconds_per_page:g} s (--page-seconds)"))
        except LimitExceeded as exc:
            raise _Refused(f"page {number} refused: {exc}") from None
        page.close()
        hold("page-read")
        if progress is not None:
            progress(number, total)
    edges = [page_edges(page) for page in pages]  # groups the lines, kept with each page
    spill = spill_dir / f"pages-{first:06d}.pickle"
    try:
        with spill.open("wb") as handle:
            pickle.dump(pages, handle, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        raise InputError(f"{spill_dir}: cannot set read pages aside ({exc.strerror}); "
                         "set TMPDIR to a folder with room") from None
    return _Block(first, edges, spill)


_worker_pages: list[_Pages] = []
"""The PDF a worker process opened once (its fonts parsed once), for all its tasks."""


def _open_in_worker(path: Path, parent: int) -> None:
    die_with_parent(parent)
    _worker_pages.append(_Pages(pdfplumber.open(path)))


def _read_in_worker(first: int, last: int, use_rulings: bool, fast: bool,
                    limits: Limits, deadline: float, spill_dir: Path) -> _Block:
    return _read_from(_worker_pages[0], first, last, use_rulings, fast, limits, deadline,
                      spill_dir)


def _over_time(limits: Limits) -> str:
    return (f"reading took longer than {limits.max_seconds:g} s (--max-seconds); "
            "stopped")


def _reason(exc: Exception) -> str:
    """pdfminer's complaint in one short line (it may dump whole dictionaries)."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return "it is encrypted and needs a password; save an unencrypted copy"
    text = " ".join(str(cause).split())
    known = isinstance(cause, (PDFSyntaxError, PDFException, MalformedPDFException))
    text = text if known and text else f"{type(cause).__name__}: {text}".rstrip(": ")
    return text if len(text) <= 120 else text[:117] + "..."


def _page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return _count_pages(pdf)


def _read_blocks(path: Path, count: int, progress: Progress | None, use_rulings: bool,
                 jobs: int, fast: bool, limits: Limits, deadline: float,
                 spill_dir: Path) -> list[_Block]:
    """Read every page into blocks set aside in ``spill_dir``, in page order."""
    spans = [(first, min(first + _BLOCK - 1, count)) for first in range(1, count + 1, _BLOCK)]
    if jobs == 1 or count < _PARALLEL_FROM:
        with pdfplumber.open(path) as pdf:
            source = _Pages(pdf)
            return [_read_from(source, first, last, use_rulings, fast, limits, deadline,
                               spill_dir, progress, count) for first, last in spans]
    blocks: list[_Block] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_open_in_worker,
                               initargs=(path, os.getpid()))
    try:
        futures = [pool.submit(_read_in_worker, first, last, use_rulings, fast, limits,
                               deadline, spill_dir) for first, last in spans]
        done = 0
        # the workers stop themselves at the deadline; the grace covers a page in flight
        for future in as_completed(futures, timeout=deadline - time.time() + _GRACE):
            blocks.append(future.result())
            done += len(blocks[-1].edges)
            if progress is not None:
                progress(done, count)
    except BrokenProcessPool:
        ends = pool_ends(pool)
        kill_pool(pool)
        raise ChildDied(f"a page reader process died: {ends}") from None
    except FuturesTimeout:
        kill_pool(pool)
        raise _Refused(_over_time(limits)) from None
    except BaseException:
        kill_pool(pool)
        raise
    pool.shutdown()
    return sorted(blocks, key=lambda block: block.first)


def iter_pages(
    path: Path,
    progress: Progress | None = None,
    use_rulings: bool = True,
    jobs: int | None = None,
    fast: bool = True,
    limits: Limits | None = None,
) -> Iterator[PageLayout]:
    """Every page of the PDF as a :class:`PageLayout`, in order, running headers and footers
    removed, loaded one block at a time (see the module's docstring).

    All pages are read before this returns (errors in the file are raised here, as
    :class:`InputError`); iterating loads them back. ``jobs`` worker processes read blocks of
    pages (default: the cores this process may use, at most 4); each opens the PDF once.
    ``fast=False`` reads each page the plain pdfplumber way (the reference; same result).
    ``limits`` bound the page count (refused beyond it) and the seconds per page (a page over
    it is skipped and says so in ``PageLayout.skipped``).
    """
    limits = limits or Limits()
    deadline = time.time() + limits.max_seconds
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    remove_dead_spills()
    spill_dir = tempfile.TemporaryDirectory(prefix=f"{_SPILL_PREFIX}{os.getpid()}-")
    try:
        count = _page_count(path)
        if count > limits.max_pages:
            raise InputError(f"{path}: {count} pages, more than the limit of "
                             f"{limits.max_pages} (--max-pages)")
        jobs = max(1, min(jobs or usable_cores(), 4))
        blocks = _read_blocks(path, count, progress, use_rulings, jobs, fast, limits, deadline,
                              Path(spill_dir.name))
    except _Refused as error:
        spill_dir.cleanup()
        raise InputError(f"{path}: {error}") from None
    except LimitExceeded as exc:  # a stream of the document itself (its page tree, say)
        spill_dir.cleanup()
        raise InputError(f"{path}: refused: {exc}") from None
    except HammplanError:
        spill_dir.cleanup()
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to parse a file from outside is
        # that file's fault as far as the user can act on it (pdfminer raises KeyError,
        # TypeError, struct and zlib errors on damaged files, not only its own exceptions),
        # unless the machine ran out of memory or files; the cause stays chained for --debug.
        spill_dir.cleanup()
        machine = resource_error(exc, f"{path}: reading stopped")
        if machine is not None:
            raise machine from exc
        raise InputError(f"{path}: not a readable PDF ({_reason(exc)})") from exc
    return _load_back(blocks, spill_dir)


_SPILL_PREFIX = "hammplan-pages-"


def remove_dead_spills(folder: Path | None = None) -> list[Path]:
    """Remove the page folders (``TMPDIR/hammplan-pages-PID-*``) of runs that were killed:
    each is named by its run's process id, so a folder whose process is gone is garbage, and
    a running one's is never touched. Returns what was removed."""
    removed = []
    for spill in sorted(Path(folder or tempfile.gettempdir()).glob(f"{_SPILL_PREFIX}*-*")):
        pid = spill.name[len(_SPILL_PREFIX):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)) and spill.is_dir():
            shutil.rmtree(spill, ignore_errors=True)
            removed.append(spill)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _load_back(blocks: list[_Block],
               spill_dir: tempfile.TemporaryDirectory[str]) -> Iterator[PageLayout]:
    """The pages set aside, block by block, furniture dropped and printed page numbers kept;
    the files go as they are read (and all of them when the iteration ends or is abandoned)."""
    edges = [edges for block in blocks for edges in block.edges]
    keys = furniture_keys(edges)
    printed = iter(printed_numbers(edges, keys))
    with spill_dir:
        for block in blocks:
            with block.spill.open("rb") as handle:
                pages: list[PageLayout] = pickle.load(handle)
            block.spill.unlink()
            for page in pages:
                page.printed = next(printed)
                drop_furniture(page, keys)
                yield page


def read_pages(
    path: Path,
    progress: Progress | None = None,
    use_rulings: bool = True,
    jobs: int | None = None,
    fast: bool = True,
    limits: Limits | None = None,
) -> list[PageLayout]:
    """Every page of the PDF at once: :func:`iter_pages` as a list (for short documents and
    tests; ``extract`` streams)."""
    return list(iter_pages(path, progress, use_rulings, jobs, fast, limits))
