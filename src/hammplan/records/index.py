"""The alphabetical index of profiles with their page numbers."""

from __future__ import annotations

from pydantic import BaseModel

from hammplan.records.provenance import SourceCell


class IndexEntry(BaseModel):
    """One index line: the profile's title and the page text as printed.

    ``page`` is the printed page number when ``page_cell`` is exactly one number, else None
    (recognition noise such as "1/12" or "Frauen: 150" is left for curation).
    ``letter`` is the letter heading the entry stands under, verbatim.
    """

    letter: str | None
    title: SourceCell
    page_cell: SourceCell
    page: int | None
