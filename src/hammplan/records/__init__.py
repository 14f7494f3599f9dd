"""Pydantic records of the extraction stage, one module per table family."""

from hammplan.records.budget import BudgetCell, BudgetColumn, BudgetHeader, BudgetRow
from hammplan.records.document import ExtractedDocument, Leftover, SourceInfo
from hammplan.records.index import IndexEntry
from hammplan.records.overview import OverviewMark, OverviewRow, OverviewTable
from hammplan.records.population import PopulationRow, PopulationTable
from hammplan.records.profiles import Profile, ProfileRow
from hammplan.records.provenance import BBox, SourceCell, Span

__all__ = [
    "BBox",
    "BudgetCell",
    "BudgetColumn",
    "BudgetHeader",
    "BudgetRow",
    "ExtractedDocument",
    "IndexEntry",
    "Leftover",
    "OverviewMark",
    "OverviewRow",
    "OverviewTable",
    "PopulationRow",
    "PopulationTable",
    "Profile",
    "ProfileRow",
    "SourceCell",
    "SourceInfo",
    "Span",
]
