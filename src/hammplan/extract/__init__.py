"""Stage 1: the tables of a plan PDF as records that keep their verbatim text and provenance."""

from hammplan.extract.document import extract_document
from hammplan.extract.output import write_extracted
from hammplan.extract.reading import read_pages

__all__ = ["extract_document", "read_pages", "write_extracted"]
