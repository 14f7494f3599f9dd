"""Reading a whole PDF into an :class:`ExtractedDocument`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from hammplan import __version__
from hammplan.errors import ExtractionError, InputError
from hammplan.extract.budget import assemble_budget
from hammplan.extract.chunks import Chunk, page_chunks
from hammplan.extract.index import assemble_index
from hammplan.extract.layout import PageLayout, read_page, remove_furniture
from hammplan.extract.overview import assemble_overview
from hammplan.extract.population import assemble_population
from hammplan.extract.profiles import assemble_profiles
from hammplan.records.document import ExtractedDocument, Leftover, SourceInfo
from hammplan.vocabulary import Vocabulary, load_vocabulary

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, page_count)`` while pages are read."""


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_pages(
    path: Path, progress: Progress | None = None, use_rulings: bool = True
) -> list[PageLayout]:
    """Every page of the PDF as a :class:`PageLayout`, running headers and footers removed."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
            pages = []
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(read_page(page, number, use_rulings))
                page.close()
                if progress is not None:
                    progress(number, count)
    except (PDFSyntaxError, PdfminerException) as exc:
        raise InputError(f"{path}: not a readable PDF ({exc})") from exc
    remove_furniture(pages)
    return pages


def find_chunks(pages: list[PageLayout], vocab: Vocabulary) -> list[Chunk]:
    """All table chunks of the document in reading order."""
    chunks: list[Chunk] = []
    for page in pages:
        chunks.extend(page_chunks(page, vocab, chunks[-1] if chunks else None))
    return chunks


def extract_document(
    path: Path,
    vocab: Vocabulary | None = None,
    progress: Progress | None = None,
    use_rulings: bool = True,
) -> ExtractedDocument:
    """Read every table of the plan at ``path`` into records with provenance.

    ``use_rulings=False`` reads every table from word alignment alone (see ``read_page``).
    """
    vocab = vocab or load_vocabulary()
    pages = read_pages(path, progress, use_rulings)
    if not pages:
        raise ExtractionError(f"{path}: the PDF has no pages")
    chunks = find_chunks(pages, vocab)

    def of(family: str) -> list[Chunk]:
        return [c for c in chunks if c.family == family]

    headers, budget_rows, left_budget = assemble_budget(of("budget"))
    profiles, left_profiles = assemble_profiles(of("profile"), vocab.profile)
    population, left_population = assemble_population(of("population"),
                                                      vocab.population.total_labels)
    overview, left_overview = assemble_overview(of("overview"), vocab.overview.page_column_label)
    index, left_index = assemble_index(of("index"))
    unknown = [
        Leftover(family="unknown", reason=f"table on page {c.page.number} of no known family",
                 cells=[cell.source() for row in c.header + c.rows for cell in row])
        for c in of("unknown")
        if any(cell.text for row in c.header + c.rows for cell in row)
    ]
    return ExtractedDocument(
        tool_version=__version__,
        source=SourceInfo(file_name=path.name, sha256=sha256_of(path), page_count=len(pages)),
        budget_headers=headers,
        budget_rows=budget_rows,
        profiles=profiles,
        population=population,
        overview=overview,
        index=index,
        leftovers=[*left_budget, *left_profiles, *left_population, *left_overview, *left_index,
                   *unknown],
    )
