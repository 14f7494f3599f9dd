"""Reading a whole PDF into an :class:`ExtractedDocument`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hammplan import __version__
from hammplan.errors import ExtractionError
from hammplan.extract.budget import assemble_budget
from hammplan.extract.chunk import Chunk
from hammplan.extract.chunks import page_chunks
from hammplan.extract.fast import Progress
from hammplan.extract.index import assemble_index
from hammplan.extract.layout import PageLayout
from hammplan.extract.overview import assemble_overview
from hammplan.extract.pageorder import order_break
from hammplan.extract.population import assemble_population
from hammplan.extract.profiles import assemble_profiles
from hammplan.extract.reading import iter_pages
from hammplan.extract.statements import page_statements
from hammplan.extract.titlepage import title_lines
from hammplan.io.files import source_sha256
from hammplan.limits import Limits
from hammplan.records.document import ExtractedDocument, Leftover, SourceInfo
from hammplan.records.provenance import SourceCell
from hammplan.records.statements import Statement
from hammplan.vocabulary import Vocabulary, load_vocabulary


def extract_document(
    path: Path,
    vocab: Vocabulary | None = None,
    progress: Progress | None = None,
    use_rulings: bool = True,
    fast: bool = True,
    limits: Limits | None = None,
    pages_read: Callable[[], None] | None = None,
) -> ExtractedDocument:
    """Read every table of the plan at ``path`` into records with provenance.

    ``use_rulings=False`` reads every table from word alignment alone (see ``read_page``).
    ``fast=False`` reads the pages the plain pdfplumber way, the reference the fast reading
    is tested against (see ``read_pages``); the records are the same.
    ``pages_read`` is called once every page is read and the reading workers are gone, before
    the tables are found and assembled in this process alone (``build`` starts its report
    process then, on a core that is free from then on).
    """
    vocab = vocab or load_vocabulary()
    figure = re.compile(vocab.statements.figure, re.IGNORECASE)
    chunks: list[Chunk] = []
    statements: list[Statement] = []
    skipped: list[Leftover] = []
    out_of_order: list[Leftover] = []
    count = 0
    any_text = False
    title: list[SourceCell] = []
    # Pages come one at a time and are let go once their tables are found: the chunks keep
    # the page without its words, and their cells' words merged into one per cell as soon as
    # no later page looks into them (what assembling needs; see Chunk.compact).
    compacted = 0  # chunks before this one are compacted
    pages = iter_pages(path, progress, use_rulings, fast=fast, limits=limits)
    if pages_read is not None:
        pages_read()
    previous: PageLayout | None = None
    for page in pages:
        count += 1
        page.order_break = order_break(previous, page)
        previous = page
        out_of_order += _order_leftovers(page)
        any_text = any_text or bool(page.words or page.skipped)
        skipped += _skipped_leftovers(page)
        title = title or title_lines(page)  # the first page with words
        found = page_chunks(page, vocab, chunks[-1] if chunks else None)
        statements.extend(page_statements(page, found, figure))
        kept = page.without_words()
        for chunk in found:
            chunk.page = kept
        chunks.extend(found)
        for chunk in chunks[compacted:-1]:  # the last one a next page may continue
            chunk.compact()
        compacted = max(compacted, len(chunks) - 1)
    for chunk in chunks[compacted:]:
        chunk.compact()
    if not count:
        raise ExtractionError(f"{path}: the PDF has no pages")
    if not any_text:
        raise ExtractionError(
            f"{path}: none of its {count} pages has a text layer (a scan without text "
            "recognition?); run OCR first, e.g. ocrmypdf, then extract the OCR'd copy"
        )

    def of(family: str) -> list[Chunk]:
        return [c for c in chunks if c.family == family]

    headers, budget_rows, left_budget = assemble_budget(of("budget"), vocab.budget)
    profiles, left_profiles = assemble_profiles(of("profile"), vocab.profile)
    population, left_population = assemble_population(
        of("population"), vocab.population.total_labels
    )
    overview, left_overview = assemble_overview(of("overview"), vocab.overview.page_column_label)
    index, left_index = assemble_index(of("index"))
    unknown = [
        Leftover(
            family="unknown",
            reason=f"table on page {c.page.number} of no known family",
            cells=[cell.source() for row in c.header + c.rows for cell in row],
        )
        for c in of("unknown")
        if any(cell.text for row in c.header + c.rows for cell in row)
    ]
    if not (budget_rows or profiles or population or overview or index):
        raise _no_plan(path, count, len(skipped), vocab)
    return ExtractedDocument(
        tool_version=__version__,
        source=SourceInfo(file_name=path.name, sha256=source_sha256(path), page_count=count),
        title_page=title,
        budget_headers=headers,
        budget_rows=budget_rows,
        profiles=profiles,
        population=population,
        overview=overview,
        index=index,
        statements=statements,
        leftovers=[
            *left_budget,
            *left_profiles,
            *left_population,
            *left_overview,
            *left_index,
            *unknown,
            *skipped,
            *out_of_order,
        ],
    )


def _no_plan(path: Path, count: int, skipped: int, vocab: Vocabulary) -> ExtractionError:
    """The error for a readable PDF in which no table of a plan was found."""
    return ExtractionError(
        f"{path}: no table of an integration plan found in {count} pages"
        + (f" ({skipped} skipped: over the time per page)" if skipped else "")
        + " (looked for "
        "the budget and population header words, profile row labels, the overview's "
        f"'{vocab.overview.column_label}' row and the index heading; another plan's words "
        "go in a vocabulary file, see --vocabulary)"
    )


def _order_leftovers(page: PageLayout) -> list[Leftover]:
    """A leftover naming the break in the page order before ``page``, if there is one."""
    if not page.order_break:
        return []
    return [Leftover(family="page_order", reason=page.order_break, cells=[], page=page.number)]


def _skipped_leftovers(page: PageLayout) -> list[Leftover]:
    """A leftover naming ``page`` when it was skipped (over the time per page)."""
    if not page.skipped:
        return []
    return [Leftover(family="page", reason=page.skipped, cells=[], page=page.number)]
