"""The population table by district (Sozialraum)."""

from __future__ import annotations

from pydantic import BaseModel

from hammplan.records.provenance import SourceCell


class PopulationRow(BaseModel):
    """One district, or the total row; ``values`` follow the header's columns after the first."""

    district: SourceCell
    values: list[SourceCell]
    is_total: bool = False


class PopulationTable(BaseModel):
    """The whole table: header cells verbatim, then one row per printed row."""

    header: list[SourceCell]
    rows: list[PopulationRow]
