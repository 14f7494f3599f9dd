"""Stage 1: the tables of a plan PDF as records that keep their verbatim text and provenance.

No other stage imports this package (the files every stage writes go through
:mod:`hammplan.io`), so importing it eagerly costs only ``extract`` and ``build`` the
pdfplumber import they need anyway.
"""

from hammplan.extract.document import extract_document
from hammplan.extract.output import write_extracted
from hammplan.extract.reading import read_pages

__all__ = ["extract_document", "read_pages", "write_extracted"]
