"""The alphabetical index of profiles."""

from __future__ import annotations

import re

from hammplan.extract.chunk import Chunk
from hammplan.extract.labels import is_letter_heading
from hammplan.records.document import Leftover
from hammplan.records.index import IndexEntry

_PAGE = re.compile(r"^\D{0,2}(\d{1,4})\W*$")


def assemble_index(chunks: list[Chunk]) -> tuple[list[IndexEntry], list[Leftover]]:
    """Entries of all index chunks; a one-character row with no page is a letter heading.

    ``page`` is set only when the page cell holds one number (an OCR speck such as a leading
    apostrophe is tolerated and the cell kept verbatim).
    """
    entries: list[IndexEntry] = []
    leftovers: list[Leftover] = []
    letter: str | None = None
    for chunk in chunks:
        for row in chunk.rows:
            cells = [c.source() for c in row]
            if not any(c.text for c in cells):
                continue
            if len(cells) != 2:
                leftovers.append(
                    Leftover(family="index", reason="row of unexpected width", cells=cells)
                )
                continue
            title, page_cell = cells
            if is_letter_heading(title.text) and not page_cell.text:
                letter = title.text
                continue
            if not title.text and entries:
                last = entries[-1]
                joined = last.page_cell.joined(page_cell)
                entries[-1] = last.model_copy(update={"page_cell": joined})
                continue
            match = _PAGE.match(page_cell.text)
            entries.append(
                IndexEntry(
                    letter=letter,
                    title=title,
                    page_cell=page_cell,
                    page=int(match.group(1)) if match else None,
                )
            )
    return entries, leftovers
