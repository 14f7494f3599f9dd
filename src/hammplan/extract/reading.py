"""Reading the pages of a PDF, on several cores when the document is long, in bounded memory.

Parsing the characters of a page (pdfminer) is nearly all of the time ``extract`` takes, and
pages parse independently, so blocks of pages are read in worker processes; the result is the
same pages in the same order (the page pool and spill files are in
:mod:`hammplan.extract.fast`, with the rest of the speed machinery). Pages are read the lean way
(:func:`~hammplan.extract.fast.read_page_fast`) unless ``fast=False`` asks for the plain
pdfplumber reading (:func:`~hammplan.extract.layout.read_page`), which gives the same pages.

Running headers and footers can only be told apart from table text by looking at every page
(:func:`~hammplan.extract.layout.furniture_keys`), yet a document's words must not all be
held at once. So each block of pages read is set aside in a temporary file (``TMPDIR``) with
only its first and last lines kept in memory; once all are read and the furniture is known,
:func:`iter_pages` loads the blocks back one at a time. Memory holds the pages in flight.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from hammplan.cores import usable_cores
from hammplan.errors import HammplanError, InputError, resource_error
from hammplan.extract import fast as fast_path
from hammplan.extract.bounds import LimitExceeded
from hammplan.extract.fast import Progress
from hammplan.extract.layout import PageLayout
from hammplan.limits import Limits, PageTimeout, page_deadline


def _reason(exc: Exception) -> str:
    """pdfminer's complaint in one short line (it may dump whole dictionaries)."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return "it is encrypted and needs a password; save an unencrypted copy"
    text = " ".join(str(cause).split())
    known = isinstance(cause, (PDFSyntaxError, PDFException, MalformedPDFException))
    text = text if known and text else f"{type(cause).__name__}: {text}".rstrip(": ")
    return text if len(text) <= 120 else text[:117] + "..."


def _count_within(path: Path, seconds: float) -> int:
    """The page count of ``path``, opening it and walking its page tree within ``seconds``
    (a file that makes the parser loop there is refused, not waited for)."""
    try:
        with page_deadline(seconds):
            return fast_path.page_count(path)
    except PageTimeout:
        raise InputError(
            f"{path}: not a readable PDF (opening it and counting its pages took "
            f"longer than {seconds:g} s)"
        ) from None


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
    ``limits`` bound the page count (refused beyond it), the seconds per page (a page over
    it is skipped and says so in ``PageLayout.skipped``), the seconds of the whole reading
    and what one page may cost (``bounds.py``; both refused, naming the limit).
    """
    limits = limits or Limits()
    deadline = time.time() + limits.max_seconds
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    remove_dead_spills()
    spill_dir = tempfile.TemporaryDirectory(prefix=f"{SPILL_PREFIX}{os.getpid()}-")
    try:
        count = _count_within(path, limits.open_seconds)
        if count > limits.max_pages:
            raise InputError(
                f"{path}: {count} pages, more than the limit of {limits.max_pages} (--max-pages)"
            )
        jobs = max(1, min(jobs or usable_cores(), 4))
        blocks = fast_path.read_blocks(
            path, count, progress, use_rulings, jobs, fast, limits, deadline, Path(spill_dir.name)
        )
    except fast_path.Refused as error:
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
    return fast_path.load_back(blocks, spill_dir)


SPILL_PREFIX = "hammplan-pages-"
"""Pages set aside go to ``TMPDIR/hammplan-pages-PID-xxxxxxxx``, named by their run."""


def remove_dead_spills(folder: Path | None = None) -> list[Path]:
    """Remove the page folders of runs that were killed: each is named by its run's process
    id, so a folder whose process is gone is garbage, and a running one's is never touched.
    Returns what was removed."""
    removed = []
    for spill in sorted(Path(folder or tempfile.gettempdir()).glob(f"{SPILL_PREFIX}*-*")):
        pid = spill.name[len(SPILL_PREFIX) :].split("-")[0]
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
