"""The extraction result: every table record of one PDF, plus where the PDF came from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from hammplan.records.budget import BudgetHeader, BudgetRow
from hammplan.records.index import IndexEntry
from hammplan.records.overview import OverviewTable
from hammplan.records.population import PopulationTable
from hammplan.records.profiles import Profile
from hammplan.records.provenance import SourceCell
from hammplan.records.statements import Statement

FORMAT_VERSION = 2
"""Version of the extracted.json layout; raised on any incompatible change."""


class SourceInfo(BaseModel):
    """The PDF that was read."""

    file_name: str
    sha256: str
    page_count: int


class Leftover(BaseModel):
    """Table content that no record could take, kept so nothing is dropped silently."""

    family: str
    reason: str
    cells: list[SourceCell]
    page: int | None = Field(
        default=None,
        description=(
            "The page it stands on, where curation needs it and no cell may name it (a page "
            "skipped over the time limit, a break in the page order, a row not joined)."
        ),
    )
    kind: Literal["not_joined"] | None = Field(
        default=None,
        description=(
            "not_joined: a row continuing one on another page, left unjoined because its page "
            "does not follow that page in reading order; curation matches this, never the reason."
        ),
    )


class ExtractedDocument(BaseModel):
    """Everything ``hammplan extract`` writes to ``interim/extracted.json``."""

    format_version: int = FORMAT_VERSION
    tool: str = "hammplan"
    tool_version: str
    source: SourceInfo
    title_page: list[SourceCell] = Field(
        default_factory=list,
        description="The first page's lines set larger than its body (city, title, edition).",
    )
    budget_headers: list[BudgetHeader] = Field(default_factory=list)
    budget_rows: list[BudgetRow] = Field(default_factory=list)
    profiles: list[Profile] = Field(default_factory=list)
    population: list[PopulationTable] = Field(default_factory=list)
    overview: list[OverviewTable] = Field(default_factory=list)
    index: list[IndexEntry] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    leftovers: list[Leftover] = Field(default_factory=list)
