"""Reading the pages of a PDF, on several cores when the document is long.

Parsing the characters of a page (pdfminer) is nearly all of the time ``extract`` takes, and
pages parse independently, so blocks of pages are read in worker processes; the result is the
same list of pages in the same order. Pages are read the lean way
(:func:`~hammplan.extract.fastpage.read_page_fast`) unless ``fast=False`` asks for the plain
pdfplumber reading (:func:`~hammplan.extract.layout.read_page`), which gives the same pages.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from hammplan.cores import usable_cores
from hammplan.errors import InputError
from hammplan.extract.fastpage import read_page_fast
from hammplan.extract.layout import PageLayout, read_page, remove_furniture
from hammplan.extract.limits import Limits, PageTimeout, page_deadline

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, page_count)`` while pages are read."""

_PARALLEL_FROM = 16
"""Fewer pages than this are read in one process: starting workers would cost more."""

_BLOCK = 8
"""Pages per task handed to a worker: small enough to keep both cores busy to the end, large
enough that passing tasks and results costs little (each worker opens the PDF once)."""


def _read_from(pdf: Any, first: int, last: int, use_rulings: bool, fast: bool,
               progress: Progress | None = None, seconds: float = 0) -> list[PageLayout]:
    """Pages ``first`` to ``last`` (1-based, inclusive) of an open PDF, reporting each.

    A page that takes longer than ``seconds`` is kept as an empty page that says so.
    """
    read = read_page_fast if fast else read_page
    pages = []
    for number in range(first, last + 1):
        page = pdf.pages[number - 1]
        try:
            with page_deadline(seconds):
                pages.append(read(page, number, use_rulings))
        except PageTimeout:
            pages.append(PageLayout(
                number=number, width=float(page.width), height=float(page.height), words=[],
                space_width=0.0,
                skipped=f"page {number} not read: it took longer than {seconds:g} s "
                        "(--page-seconds)"))
        page.close()
        if progress is not None:
            progress(number, last)
    return pages


def _read_block(path: Path, first: int, last: int, use_rulings: bool,
                progress: Progress | None = None, fast: bool = True,
                seconds: float = 0) -> list[PageLayout]:
    """Pages ``first`` to ``last`` (1-based, inclusive), reporting each page read."""
    with pdfplumber.open(path) as pdf:
        return _read_from(pdf, first, last, use_rulings, fast, progress, seconds)


_worker_pdf: list[Any] = []
"""The PDF a worker process opened once (its fonts parsed once), for all its tasks."""


def _open_in_worker(path: Path) -> None:
    _worker_pdf.append(pdfplumber.open(path))


def _read_in_worker(first: int, last: int, use_rulings: bool, fast: bool,
                    seconds: float) -> list[PageLayout]:
    return _read_from(_worker_pdf[0], first, last, use_rulings, fast, seconds=seconds)


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
        return len(pdf.pages)


def read_pages(
    path: Path,
    progress: Progress | None = None,
    use_rulings: bool = True,
    jobs: int | None = None,
    fast: bool = True,
    limits: Limits | None = None,
) -> list[PageLayout]:
    """Every page of the PDF as a :class:`PageLayout`, running headers and footers removed.

    ``jobs`` worker processes read blocks of pages (default: the cores this process may use,
    at most 4); each opens the PDF once.
    ``fast=False`` reads each page the plain pdfplumber way (the reference; same result).
    ``limits`` bound the page count (refused beyond it) and the seconds per page (a page over
    it is skipped and says so in ``PageLayout.skipped``).
    """
    limits = limits or Limits()
    seconds = limits.seconds_per_page
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        count = _page_count(path)
        if count > limits.max_pages:
            raise InputError(f"{path}: {count} pages, more than the limit of "
                             f"{limits.max_pages} (--max-pages)")
        jobs = max(1, min(jobs or usable_cores(), 4))
        if jobs == 1 or count < _PARALLEL_FROM:
            pages = (_read_block(path, 1, count, use_rulings, progress, fast, seconds)
                     if count else [])
        else:
            blocks = [(first, min(first + _BLOCK - 1, count))
                      for first in range(1, count + 1, _BLOCK)]
            by_block: dict[int, list[PageLayout]] = {}
            with ProcessPoolExecutor(max_workers=jobs, initializer=_open_in_worker,
                                     initargs=(path,)) as pool:
                futures = {pool.submit(_read_in_worker, a, b, use_rulings, fast, seconds): a
                           for a, b in blocks}
                done = 0
                for future in as_completed(futures):
                    block = future.result()
                    by_block[futures[future]] = block
                    done += len(block)
                    if progress is not None:
                        progress(done, count)
            pages = [page for first in sorted(by_block) for page in by_block[first]]
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to parse a file from outside is
        # that file's fault as far as the user can act on it (pdfminer raises KeyError,
        # TypeError, struct and zlib errors on damaged files, not only its own exceptions);
        # the cause stays chained for --debug.
        raise InputError(f"{path}: not a readable PDF ({_reason(exc)})") from exc
    remove_furniture(pages)
    return pages
