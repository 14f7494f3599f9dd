"""Copies of a PDF with its pages in another order (reversed, shuffled, one left out)."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2


def page_count(path: Path) -> int:
    """How many pages the PDF has."""
    return len(pypdfium2.PdfDocument(str(path)))


def reordered(source: Path, order: list[int], target: Path) -> Path:
    """``source``'s pages at the 0-based indexes ``order``, in that order, saved as ``target``."""
    document = pypdfium2.PdfDocument(str(source))
    copy = pypdfium2.PdfDocument.new()
    copy.import_pages(document, order)
    copy.save(str(target))
    return target


def reversed_copy(source: Path, target: Path) -> Path:
    """``source`` with its pages back to front."""
    return reordered(source, list(range(page_count(source)))[::-1], target)


def shuffled_copy(source: Path, target: Path, seed: int) -> Path:
    """``source`` with its pages in a seeded random order (a failure reproduces)."""
    order = list(range(page_count(source)))
    random.Random(seed).shuffle(order)
    return reordered(source, order, target)
