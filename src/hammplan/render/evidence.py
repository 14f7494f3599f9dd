"""Evidence: the printed cells a finding or a measure rests on, as small images cut from the PDF.

A reader who sees "Kosten 45.821,54 € widerspricht Aufwand 213.431,09 €" should see the two
printed cells side by side without opening the PDF. The curated plan knows records and fields
(``budget/b012/aufwand_JJJJ``); the extraction result knows where each printed cell stands
(page and box). :func:`locate` joins the two, and only where the cell's text is exactly the
curated value's verbatim text, so an image never shows a cell the value did not come from.
:func:`cut` renders each box with pypdfium2 (pdfplumber's own renderer) into a few-KB PNG.

Which cell is which record follows the order in which validate numbers them: budget rows
``b001`` ... in extracted order, statements ``s001`` ..., index entries ``i001`` ...,
overview rows ``o001`` ... across the overview's tables, and measures in the order of their
profiles (the curated plan keeps that order).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from hammplan.records.budget import BudgetRow
from hammplan.records.document import ExtractedDocument
from hammplan.records.plan import BudgetLine, CuratedPlan
from hammplan.records.provenance import SourceCell

EVIDENCE_FOLDER = "evidence"

SCALE = 2.0
"""Pixels per PDF point of an evidence image (144 dpi): small print stays sharp on a phone."""

PADDING = 2.0
"""Points added around each box, so strokes at its edge are not cut."""

MAX_HEIGHT = 160.0
"""Points of a box's height shown at most; a long text cell is cut below its first lines."""

GREYS = 16
"""Grey levels of an image: enough for anti-aliased print, four bits per pixel."""

BUDGET_TEXT_FIELDS = {
    "sta": "sta",
    "massnahme": "name",
    "foerdergeber": "foerdergeber",
    "kennzahl": "kennzahl",
}
"""Curated budget text column -> the role of the extracted column it was read from; the value
columns ("aufwand_JJJJ") are named after their role and printed year (records.budget)."""


@dataclass(frozen=True)
class Box:
    """One rectangle of printed text to show: where it is and what it says."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def file_name(self) -> str:
        """A name that changes when the box changes: same PDF box, same file, any report."""
        key = f"{self.page}:{self.x0:.2f}:{self.top:.2f}:{self.x1:.2f}:{self.bottom:.2f}"
        return f"s{self.page:03d}-{hashlib.sha256(key.encode()).hexdigest()[:10]}.png"


def evidence_key(kind: str, record_id: str, field: str | None) -> str:
    """The key of a record's field (or of the record itself, ``field`` None)."""
    return f"{kind}/{record_id}/{field or ''}"


def _same(printed: str, curated_raw: str) -> bool:
    """The cell printed what the curated value says it read (spacing aside)."""
    return " ".join(printed.split()) == " ".join(curated_raw.split())


def cell_boxes(cell: SourceCell) -> list[Box]:
    """The boxes of a printed cell, one per span (a cell may go on over a page break)."""
    return [
        Box(s.page, s.bbox.x0, s.bbox.top, s.bbox.x1, s.bbox.bottom, cell.text) for s in cell.spans
    ]


def _budget_cells(row: BudgetRow, line: BudgetLine) -> Iterator[tuple[str, SourceCell, str]]:
    """Each curated budget field with the printed cell it was read from and the curated raw
    text: text columns by role, value columns by role and printed year."""
    for field, role in BUDGET_TEXT_FIELDS.items():
        for column in row.columns:
            if column.role == role:
                value = getattr(line, f"{field}_raw" if field in ("sta", "massnahme") else field)
                yield field, column.cell, value if isinstance(value, str) else value.raw
                break
    values = line.by_column()
    for column in row.values:
        name = f"{column.role}_{column.year}"
        if name in values:
            yield name, column.cell, values[name].raw


def _budget(doc: ExtractedDocument, plan: CuratedPlan) -> Iterator[tuple[str, list[Box]]]:
    for line, row in zip(plan.budget, doc.budget_rows, strict=False):
        if not _same(row.name.text, line.massnahme_raw):
            continue
        yield evidence_key("budget", line.id, None), cell_boxes(row.name)
        for field, cell, raw in _budget_cells(row, line):
            if _same(cell.text, raw):
                yield evidence_key("budget", line.id, field), cell_boxes(cell)


def _measures(doc: ExtractedDocument, plan: CuratedPlan) -> Iterator[tuple[str, list[Box]]]:
    for measure, profile in zip(plan.measures, doc.profiles, strict=False):
        values = [row.value for row in profile.rows]
        for field, text in measure.source.items():
            # the field's own row first: two rows may print the same words ("k.A.")
            own = [row.value for row in profile.rows if field in row.fields]
            # a value continued by a row with a garbled label starts with its own row's text
            cells = (
                [c for c in own if c.text and _same(c.text, text.raw)]
                or [c for c in values if c.text and _same(c.text, text.raw)]
                or [c for c in values if c.text and text.raw.startswith(c.text)]
            )
            if not cells:
                continue
            boxes = cell_boxes(cells[0])
            yield evidence_key("measure", measure.id, field), boxes
            if field == "titel":
                yield evidence_key("measure", measure.id, None), boxes


def _others(doc: ExtractedDocument, plan: CuratedPlan) -> Iterator[tuple[str, list[Box]]]:
    for claim, statement in zip(plan.claims, doc.statements, strict=False):
        if _same(statement.sentence.text, claim.text):
            yield evidence_key("statement", claim.id, None), cell_boxes(statement.sentence)
    for entry, printed in zip(plan.index, doc.index, strict=False):
        yield evidence_key("index", entry.id, None), cell_boxes(printed.title)
    rows = [row for table in doc.overview for row in table.rows]
    for link, row in zip(plan.overview, rows, strict=False):
        if row.measure.spans:
            yield evidence_key("overview", link.id, None), cell_boxes(row.measure)


def locate(doc: ExtractedDocument, plan: CuratedPlan) -> dict[str, list[Box]]:
    """Every record field of ``plan`` whose printed cell ``doc`` holds -> the cell's boxes."""
    if doc.source.sha256 != plan.source.sha256:
        return {}
    found: dict[str, list[Box]] = {}
    for key, boxes in (*_budget(doc, plan), *_measures(doc, plan), *_others(doc, plan)):
        if boxes:
            found.setdefault(key, boxes)
    return found


def crop_box(box: Box, page_width: float, page_height: float) -> tuple[float, ...]:
    """The padded box as pdfium's crop (points cut from left, bottom, right, top)."""
    bottom = min(box.bottom, box.top + MAX_HEIGHT)
    x0, top = max(0.0, box.x0 - PADDING), max(0.0, box.top - PADDING)
    x1, bottom = min(page_width, box.x1 + PADDING), min(page_height, bottom + PADDING)
    return (x0, page_height - bottom, page_width - x1, top)


_LEVELS = [min(GREYS - 1, round(v * (GREYS - 1) / 255)) for v in range(256)]
_PALETTE = [round(i * 255 / (GREYS - 1)) for i in range(GREYS) for _ in range(3)]
PNG_COMPRESSION = 3
"""zlib level. Images of printed cells are mostly white: level 3 makes them 8 % larger than
level 6 (552 against 509 KB for the bundled plan's 206) in two thirds of the time, and the
report waits for them; level 9 would save 4 % more for eight times the time."""


def _png(image: object) -> bytes:
    """A 4-bit PNG of ``image`` in :data:`GREYS` even steps of grey (a fixed palette, so
    the same box gives the same bytes)."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    levels = image.convert("L").point(_LEVELS)
    indexed = Image.new("P", levels.size)
    indexed.putpalette(_PALETTE)
    indexed.frombytes(levels.tobytes())
    out = io.BytesIO()
    indexed.save(out, format="PNG", bits=4, compress_level=PNG_COMPRESSION)
    return out.getvalue()


def cut(
    pdf: Path, boxes: Iterable[Box], ready: Mapping[str, bytes] | None = None
) -> dict[str, bytes]:
    """Each box of ``pdf`` rendered at :data:`SCALE` as a grey PNG, by file name.

    Every page is opened once; only the box is rasterised, not the page. ``ready``: images
    of boxes of this same PDF cut before, by file name (the same box gives the same image),
    taken instead of cutting them again.
    """
    import pypdfium2 as pdfium

    ready = ready or {}
    images: dict[str, bytes] = {}
    by_page: dict[int, list[Box]] = {}
    for box in boxes:
        if box.file_name in ready:
            images[box.file_name] = ready[box.file_name]
        else:
            by_page.setdefault(box.page, []).append(box)
    if not by_page:
        return images
    document = pdfium.PdfDocument(pdf)
    try:
        for number in sorted(by_page):
            if not 1 <= number <= len(document):
                continue
            page = document[number - 1]
            width, height = page.get_size()
            for box in by_page[number]:
                if box.file_name in images:
                    continue
                bitmap = page.render(scale=SCALE, crop=crop_box(box, width, height), grayscale=True)
                images[box.file_name] = _png(bitmap.to_pil())
            page.close()
    finally:
        document.close()
    return images
