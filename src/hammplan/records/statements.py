"""Sentences of the plan's running text that state a figure ("ca. 39 % der ... Menschen").

The tables are the plan's substance, but its prose makes claims about them (a share, a
rounded count). Keeping those sentences lets the validate stage check the claims against the
tables instead of trusting either.
"""

from __future__ import annotations

from pydantic import BaseModel

from hammplan.records.provenance import SourceCell


class Statement(BaseModel):
    """One sentence of running text (outside every table) that contains a figure."""

    sentence: SourceCell
