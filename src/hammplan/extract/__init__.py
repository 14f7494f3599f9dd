"""Stage 1: the tables of a plan PDF as records that keep their verbatim text and provenance."""

from hammplan.extract.document import extract_document, read_pages
from hammplan.extract.output import write_extracted

__all__ = ["extract_document", "read_pages", "write_extracted"]
