"""Stage 1: the tables of a plan PDF as records that keep their verbatim text and provenance.

The names below are imported on first use, so that ``hammplan.extract.output`` (which the
other stages use to write files) does not pull in pdfplumber and pdfminer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hammplan.extract.document import extract_document
    from hammplan.extract.output import write_extracted
    from hammplan.extract.reading import read_pages

__all__ = ["extract_document", "read_pages", "write_extracted"]

_HOMES = {
    "extract_document": "hammplan.extract.document",
    "read_pages": "hammplan.extract.reading",
    "write_extracted": "hammplan.extract.output",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
