"""The page pool and the spill files: reading every page of a PDF on several cores, in bounded
memory, as :func:`~hammplan.extract.reading.iter_pages` promises.

Pages parse independently, so blocks of pages are read in worker processes (each opens the PDF
once); the result is the same pages in the same order. Each block read is set aside in a
temporary file with only its lines' edges kept in memory; once all are read and the running
headers and footers are known, :func:`load_back` loads the blocks back one at a time.
"""

from __future__ import annotations

import os
import pickle
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
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from hammplan.errors import InputError
from hammplan.extract.bounds import LimitExceeded, page_budget
from hammplan.extract.fast.page import read_page_fast
from hammplan.extract.layout import (
    Edges,
    PageLayout,
    drop_furniture,
    furniture_keys,
    page_edges,
    read_page,
)
from hammplan.extract.pageorder import printed_numbers
from hammplan.io.children import broken, die_with_parent, kill_pool
from hammplan.io.holdpoints import hold
from hammplan.limits import Limits, PageTimeout, page_deadline

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, page_count)`` while pages are read."""

PARALLEL_FROM = 16
"""Fewer pages than this are read in one process: starting workers would cost more."""

BLOCK = 8
"""Pages per task handed to a worker, and per file set aside: small enough to keep both
cores busy to the end and memory low, large enough that passing tasks and results costs
little (each worker opens the PDF once)."""


class ReferenceCycle(PDFSyntaxError):
    """An object of the PDF is a reference that leads back to itself through references."""


def guard_references(doc: Any) -> None:
    """Make the parser of ``doc`` refuse reference cycles instead of following them for ever.

    pdfminer resolves a reference by looping until it reaches something that is not one
    (``resolve1``, ``resolve_all``), so an object ``5 0 R`` -> ``6 0 R`` -> ``5 0 R`` loops for
    ever wherever a page leads to it (its /Resources, /Contents, /Font, /MediaBox, the page
    tree's /Kids). Every object lookup goes through ``doc.getobj``; this one follows a
    reference it returns to its end and raises :class:`ReferenceCycle` where the chain comes
    back. Objects that are not references (nearly all) cost one type check.
    """
    getobj = doc.getobj

    def checked(objid: int) -> Any:
        found = getobj(objid)
        chain = [objid]
        target = found
        while isinstance(target, PDFObjRef):
            if target.objid in chain:
                objects = " -> ".join(f"{n} 0 R" for n in [*chain, target.objid])
                raise ReferenceCycle(f"a cycle of references: {objects}")
            chain.append(target.objid)
            target = getobj(target.objid)
        return found

    doc.getobj = checked


def open_pdf(path: Path) -> Any:
    """pdfplumber's PDF of ``path`` with :func:`guard_references` on its document."""
    pdf = pdfplumber.open(path)
    guard_references(pdf.doc)
    return pdf


class Pages:
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


def count_pages(pdf: Any) -> int:
    """How many pages the PDF has (its page tree walked once, nothing kept)."""
    try:
        return sum(1 for _ in PDFPage.create_pages(pdf.doc))
    except Exception as exc:  # as pdfplumber's own page list raises it
        raise PdfminerException(exc) from exc


@dataclass(frozen=True)
class Block:
    """Pages ``first`` to ``first + len(edges) - 1``, read and set aside in ``spill``."""

    first: int
    edges: list[Edges]
    spill: Path


class Refused(InputError):
    """A page broke a bound (``bounds.py``) or the run its time; the caller adds the path."""


GRACE = 10.0
"""Seconds past the deadline the reading waits for its workers to stop themselves."""


def _over_time(limits: Limits) -> str:
    return f"reading took longer than {limits.max_seconds:g} s (--max-seconds); stopped"


def _read_from(
    source: Pages,
    first: int,
    last: int,
    use_rulings: bool,
    fast: bool,
    limits: Limits,
    deadline: float,
    spill_dir: Path,
    progress: Progress | None = None,
    total: int = 0,
) -> Block:
    """Read pages ``first`` to ``last`` (1-based, inclusive) of an open PDF and set them aside,
    reporting each page as ``progress(page, total)``.

    A page that takes longer than ``limits.seconds_per_page`` is kept as an empty page that
    says so. A page that breaks a bound of ``limits`` is refused, and so is the document when
    the run reaches ``deadline`` (``time.time()``; ``limits.max_seconds`` after its start).
    """
    read = read_page_fast if fast else read_page
    pages = []
    for number in range(first, last + 1):
        remaining = deadline - time.time()
        if remaining <= 0:
            raise Refused(_over_time(limits))
        seconds = min(limits.seconds_per_page, remaining)
        page: Page | None = None
        try:
            with page_deadline(seconds), page_budget(limits):  # finding the page too
                page = source.page(number)
                pages.append(read(page, number, use_rulings))
        except PageTimeout:
            if seconds < limits.seconds_per_page:
                raise Refused(_over_time(limits)) from None
            pages.append(
                PageLayout(
                    number=number,
                    width=float(page.width) if page else 0.0,
                    height=float(page.height) if page else 0.0,
                    words=[],
                    space_width=0.0,
                    skipped=f"page {number} not read: it took longer than "
                    f"{limits.seconds_per_page:g} s (--page-seconds)",
                )
            )
        except LimitExceeded as exc:
            raise Refused(f"page {number} refused: {exc}") from None
        if page is not None:
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
        raise InputError(
            f"{spill_dir}: cannot set read pages aside ({exc.strerror}); "
            "set TMPDIR to a folder with room"
        ) from None
    return Block(first, edges, spill)


_worker_pages: list[Pages] = []
"""The PDF a worker process opened once (its fonts parsed once), for all its tasks."""


def _open_in_worker(path: Path, parent: int) -> None:
    die_with_parent(parent)
    _worker_pages.append(Pages(open_pdf(path)))


def _read_in_worker(
    first: int,
    last: int,
    use_rulings: bool,
    fast: bool,
    limits: Limits,
    deadline: float,
    spill_dir: Path,
) -> Block:
    return _read_from(_worker_pages[0], first, last, use_rulings, fast, limits, deadline, spill_dir)


def page_count(path: Path) -> int:
    with open_pdf(path) as pdf:
        return count_pages(pdf)


def read_blocks(
    path: Path,
    count: int,
    progress: Progress | None,
    use_rulings: bool,
    jobs: int,
    fast: bool,
    limits: Limits,
    deadline: float,
    spill_dir: Path,
) -> list[Block]:
    """Read every page into blocks set aside in ``spill_dir``, in page order.

    Worker processes die with this one (:func:`die_with_parent`); one that dies is
    :class:`ChildDied` naming how, and the wait for them ends :data:`GRACE` seconds after
    ``deadline`` (they stop themselves at it).
    """
    spans = [(first, min(first + BLOCK - 1, count)) for first in range(1, count + 1, BLOCK)]
    if jobs == 1 or count < PARALLEL_FROM:
        with open_pdf(path) as pdf:
            source = Pages(pdf)
            return [
                _read_from(
                    source,
                    first,
                    last,
                    use_rulings,
                    fast,
                    limits,
                    deadline,
                    spill_dir,
                    progress,
                    count,
                )
                for first, last in spans
            ]
    blocks: list[Block] = []
    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=_open_in_worker, initargs=(path, os.getpid())
    )
    try:
        futures = [
            pool.submit(
                _read_in_worker, first, last, use_rulings, fast, limits, deadline, spill_dir
            )
            for first, last in spans
        ]
        done = 0
        for future in as_completed(futures, timeout=deadline - time.time() + GRACE):
            blocks.append(future.result())
            done += len(blocks[-1].edges)
            if progress is not None:
                progress(done, count)
    except BrokenProcessPool:
        raise broken(pool, "a page reader process") from None
    except FuturesTimeout:
        kill_pool(pool)
        raise Refused(_over_time(limits)) from None
    except BaseException:
        kill_pool(pool)
        raise
    pool.shutdown()
    return sorted(blocks, key=lambda block: block.first)


def load_back(
    blocks: list[Block], spill_dir: tempfile.TemporaryDirectory[str]
) -> Iterator[PageLayout]:
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
