"""Reading the pages of a PDF, on several cores when the document is long.

Parsing the characters of a page (pdfminer, through pdfplumber) is nearly all of the time
``extract`` takes, and pages parse independently, so blocks of pages are read in worker
processes; the result is the same list of pages in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from hammplan.errors import InputError
from hammplan.extract.layout import PageLayout, read_page, remove_furniture

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, page_count)`` while pages are read."""

_PARALLEL_FROM = 16
"""Fewer pages than this are read in one process: starting workers would cost more."""


def _read_block(path: Path, first: int, last: int, use_rulings: bool,
                progress: Progress | None = None) -> list[PageLayout]:
    """Pages ``first`` to ``last`` (1-based, inclusive), reporting each page read."""
    with pdfplumber.open(path) as pdf:
        pages = []
        for number in range(first, last + 1):
            page = pdf.pages[number - 1]
            pages.append(read_page(page, number, use_rulings))
            page.close()
            if progress is not None:
                progress(number, last)
        return pages


def _page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def read_pages(
    path: Path,
    progress: Progress | None = None,
    use_rulings: bool = True,
    jobs: int | None = None,
) -> list[PageLayout]:
    """Every page of the PDF as a :class:`PageLayout`, running headers and footers removed.

    ``jobs`` worker processes read blocks of pages (default: the machine's cores, at most 4).
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        count = _page_count(path)
        jobs = max(1, min(jobs or os.cpu_count() or 1, 4))
        if jobs == 1 or count < _PARALLEL_FROM:
            pages = _read_block(path, 1, count, use_rulings, progress) if count else []
        else:
            size = max(4, count // (jobs * 4))
            blocks = [(first, min(first + size - 1, count)) for first in range(1, count + 1, size)]
            by_block: dict[int, list[PageLayout]] = {}
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(_read_block, path, a, b, use_rulings): a for a, b in blocks}
                done = 0
                for future in as_completed(futures):
                    block = future.result()
                    by_block[futures[future]] = block
                    done += len(block)
                    if progress is not None:
                        progress(done, count)
            pages = [page for first in sorted(by_block) for page in by_block[first]]
    except (PDFSyntaxError, PdfminerException) as exc:
        raise InputError(f"{path}: not a readable PDF ({exc})") from exc
    remove_furniture(pages)
    return pages
