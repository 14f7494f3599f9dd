"""The speed machinery of ``extract``, fenced: everything here makes reading faster or leaner,
nothing here decides what a page says.

- :mod:`.contentstream`: a lean parser of page content streams (pdfminer's, minus its
  per-token overhead), with a fallback to pdfminer's own for anything it does not handle.
- :mod:`.page`: a page's characters and words read through that parser, the same words
  pdfplumber forms (:func:`read_page_fast`).
- :mod:`.pool`: the page pool (blocks of pages read in worker processes, each opening the
  PDF once) and the spill files that keep memory flat over long documents.

The rest of ``extract`` enters through this package only (:func:`read_blocks`,
:func:`load_back`, :func:`page_count`); ``fast=False`` in
:func:`~hammplan.extract.reading.iter_pages` reads every page the plain pdfplumber way, the
reference these must match.
"""

from hammplan.extract.fast.page import read_page_fast
from hammplan.extract.fast.pool import (
    Block,
    Progress,
    Refused,
    load_back,
    page_count,
    read_blocks,
)

__all__ = [
    "Block",
    "Progress",
    "Refused",
    "load_back",
    "page_count",
    "read_blocks",
    "read_page_fast",
]
