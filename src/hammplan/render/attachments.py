"""What a report carries beside its page: the source PDF's copy and the evidence images, and
the two things the HTML template asks of them (a page's link, a record's images).

Which records get evidence: every record a finding of severity error or warning points to
(the cell of the field it names, else the record's own name cell), and every measure (its
title and its Kosten cell). The images are made before anything is written, like the rest of
the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from hammplan.records.plan import CuratedPlan
from hammplan.render import formatting as fmt
from hammplan.render.evidence import (
    EVIDENCE_FOLDER,
    MAX_HEIGHT,
    PADDING,
    SCALE,
    Box,
    cell_boxes,
)
from hammplan.render.sources import SOURCE_NAME, Source, page_href
from hammplan.render.text import plain

if TYPE_CHECKING:
    from hammplan.records.document import ExtractedDocument
    from hammplan.render.views import RefView

MEASURE_EVIDENCE = {"titel": "Titel", "kosten": "Kosten (Steckbrief)"}
"""Fields of every measure shown as printed, with their captions."""

ALT_WORDS = 40
"""Words of the printed text an image's alt text repeats at most."""

PAGE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})*")
"""A page number as :func:`hammplan.render.formatting.page` writes it (German digits)."""

PAGE_TEXT = re.compile(r"S\.\u00a0\d[\d.,–\u00a0 ]*")
"""A whole page reference ("S. 32–35, 49"), as a chart's data table has in its page column."""


@dataclass(frozen=True)
class EvidenceImage:
    """One evidence image as the template shows it."""

    src: str
    alt: str
    page: int
    width: int
    height: int
    page_label: str
    caption: str = ""


@dataclass
class Attachments:
    """The source link, the evidence images by record key, and the files to write."""

    href: str | None = None
    images: dict[str, list[EvidenceImage]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    _links: dict[str, Markup] = field(default_factory=dict, repr=False, compare=False)
    """Page references linked so far: a report prints the same few thousand times."""

    def evidence(self, key: str) -> list[EvidenceImage]:
        """The images of ``kind/id/field`` (those of the record itself where the field has no
        printed cell of its own)."""
        return self.images.get(key, [])

    def page_links(self, text: str) -> Markup:
        """A page reference as printed ("S. 32–35, 49") with each number a link to its page."""
        if not self.href:
            return escape(text)
        linked = self._links.get(text)
        if linked is None:
            linked = self._links[text] = self._link_pages(self.href, text)
        return linked

    @staticmethod
    def _link_pages(href: str, text: str) -> Markup:
        out, last = [], 0
        for match in PAGE_NUMBER.finditer(text):
            number = int(match.group().replace(".", ""))
            out.append(escape(text[last : match.start()]))
            out.append(Markup('<a href="{}">{}</a>').format(page_href(href, number), match.group()))
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)

    def evidence_of(self, refs: Iterable[RefView]) -> list[EvidenceImage]:
        """The images of a finding's records, each captioned with the field it shows."""
        return [
            replace(image, caption=ref.field or ref.label)
            for ref in refs
            for image in self.evidence(ref.key)
        ]

    def cell(self, text: object) -> Markup:
        """A table cell's text, its page numbers linked when it is a page reference."""
        value = plain(str(text))
        return self.page_links(value) if PAGE_TEXT.fullmatch(value) else escape(value)

    def measure_evidence(self, measure_id: str) -> list[EvidenceImage]:
        """The images of a measure's title and Kosten cells, captioned."""
        return [
            replace(image, caption=caption)
            for name, caption in MEASURE_EVIDENCE.items()
            for image in self.evidence(f"measure/{measure_id}/{name}")
        ]

    def template_functions(self) -> dict[str, Callable[..., object]]:
        """The functions the HTML template calls: ``pages(text)``, ``evidence(key)``,
        ``evidence_of(refs)``, ``measure_evidence(id)``, ``cell(text)``."""
        return {
            "pages": self.page_links,
            "evidence": self.evidence,
            "evidence_of": self.evidence_of,
            "measure_evidence": self.measure_evidence,
            "cell": self.cell,
        }


def wanted_keys(plan: CuratedPlan) -> list[str]:
    """Record keys that get evidence images, in report order, without repeats."""
    from hammplan.render.evidence import evidence_key

    keys = [
        evidence_key(r.kind, r.id, r.field)
        for f in plan.findings
        if f.severity in ("error", "warning")
        for r in f.refs
    ]
    keys += [
        evidence_key("measure", m.id, name) for m in plan.measures for name in MEASURE_EVIDENCE
    ]
    return list(dict.fromkeys(keys))


def boxes_every_report_shows(doc: ExtractedDocument) -> list[Box]:
    """The printed cells of each profile's :data:`MEASURE_EVIDENCE` fields, known from the
    extraction result alone: every report shows them whatever its findings, so ``build``
    cuts them while validate curates. A cell the curated plan does not pick is not shown."""
    return [
        box
        for profile in doc.profiles
        for row in profile.rows
        if any(name in MEASURE_EVIDENCE for name in row.fields)
        for box in cell_boxes(row.value)
    ]


def _alt(box: Box) -> str:
    words = box.text.split()
    shown = " ".join(words[:ALT_WORDS]) + (" …" if len(words) > ALT_WORDS else "")
    return f"Gedruckt auf {fmt.page(box.page)}: „{shown}“"


def _image(box: Box) -> EvidenceImage:
    """The image of ``box`` shown at its pixel size: twice its printed size, since plans print
    their tables small (a phone's screen narrows it to fit)."""
    height = min(box.bottom, box.top + MAX_HEIGHT) - box.top
    return EvidenceImage(
        src=f"{EVIDENCE_FOLDER}/{box.file_name}",
        alt=_alt(box),
        page=box.page,
        page_label=fmt.page(box.page),
        width=round((box.x1 - box.x0 + 2 * PADDING) * SCALE),
        height=round((height + 2 * PADDING) * SCALE),
    )


def attachments(plan: CuratedPlan, source: Source | None) -> Attachments:
    """The attachments of ``plan``'s report: nothing without a source, the PDF's link with
    one, and the evidence images where the PDF and the extraction result are both there."""
    if source is None:
        return Attachments()
    files: dict[str, bytes] = {}
    if source.copied and source.pdf is not None:
        files[SOURCE_NAME] = source.pdf.read_bytes()
    result = Attachments(href=source.href, files=files)
    if source.pdf is None or source.extracted is None:
        return result
    from hammplan.errors import InputError
    from hammplan.io.loading import load_extracted
    from hammplan.render.evidence import cut, locate

    try:
        located = locate(source.document or load_extracted(source.extracted), plan)
    except InputError:  # an old or damaged extraction result: a report without evidence
        return result
    chosen: dict[str, list[Box]] = {}
    for key in wanted_keys(plan):
        boxes = located.get(key) or located.get(key[: key.rindex("/") + 1])
        if boxes:
            chosen[key] = boxes
    images = cut(source.pdf, (b for boxes in chosen.values() for b in boxes), source.cut_ahead)
    for key, boxes in chosen.items():
        shown = [b for b in boxes if b.file_name in images]
        if shown:
            result.images[key] = [_image(b) for b in shown]
    files.update({f"{EVIDENCE_FOLDER}/{name}": data for name, data in images.items()})
    return result
