"""The source behind a report: the plan's PDF (copied beside the report, or linked by URL) and
the extraction result that knows where each printed cell stands.

Every page reference of the report links to the PDF page (``quelle.pdf#page=38``), so a reader
checks a figure in one click. The PDF is taken from ``DATA_DIR/raw/`` only when its SHA-256
is the one the curated plan records: a different file would put the links on wrong pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hammplan.io.files import SOURCE_COPY, source_pdf
from hammplan.records.document import ExtractedDocument
from hammplan.records.plan import CuratedPlan

SOURCE_NAME = SOURCE_COPY
"""The copy of the source PDF beside the report."""


@dataclass(frozen=True)
class Source:
    """Where a report's page references and evidence images come from.

    ``url``: link page references to this address instead of a copy (``--source-url``).
    ``pdf``: the plan's PDF, found and checked; copied beside the report unless ``url`` is
    given, and cut into the evidence images either way. ``extracted``: the extraction result;
    ``document``: its content when already read (``build``'s report process reads it while
    validate curates), else it is read when the evidence images are cut. ``cut_ahead``:
    evidence images of ``pdf`` already cut, by file name (``build``'s report process cuts
    those every report shows while validate curates).
    """

    pdf: Path | None = None
    extracted: Path | None = None
    url: str | None = None
    document: ExtractedDocument | None = None
    cut_ahead: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def href(self) -> str | None:
        """What page links point at (``#page=N`` is added), or None: no links."""
        if self.url:
            return self.url
        return SOURCE_NAME if self.pdf is not None else None

    @property
    def copied(self) -> bool:
        """Whether the PDF is copied beside the report."""
        return self.pdf is not None and not self.url


def find_source(
    data_dir: Path,
    plan: CuratedPlan,
    url: str | None = None,
    document: ExtractedDocument | None = None,
    read_from: Path | None = None,
) -> Source:
    """The source of ``plan`` in ``data_dir``: ``raw/<file name>`` (or ``read_from``, the PDF
    a build was given) when its hash is the plan's, and ``interim/extracted.json`` when it is
    there (``document``: its content, already read).
    """
    pdf = source_pdf(data_dir, plan.source.file_name, plan.source.sha256, read_from)
    extracted: Path | None = data_dir / "interim" / "extracted.json"
    if extracted is not None and not extracted.is_file():
        extracted = None
    return Source(
        pdf=pdf,
        extracted=extracted,
        url=url or None,
        document=document if extracted is not None else None,
    )


def page_href(href: str | None, page: int) -> str | None:
    """The link to ``page`` of the source: ``quelle.pdf#page=38``."""
    return f"{href}#page={page}" if href else None
