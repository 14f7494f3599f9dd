"""What each stage reports, as typed records: the CLI reads attributes, not string keys, and
``--json`` prints them as they are (:func:`as_json`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ExtractSummary:
    """Records per table family read from the PDF."""

    pages: int
    budget_rows: int
    profiles: int
    population_rows: int
    overview_rows: int
    index_entries: int
    statements: int
    leftovers: int


@dataclass(frozen=True)
class ValidateSummary:
    """The curated plan's size and findings. A build that skipped validate reads them back
    from the curated files; what cannot be read back is None."""

    findings: dict[str, int] = field(default_factory=dict)
    read_failures: int | None = None
    measures: int | None = None
    budget_rows: int | None = None
    districts: int | None = None
    errors: list[str] = field(default_factory=list)
    """Each error finding in one line, for the summary on stderr (not part of --json)."""


@dataclass(frozen=True)
class RenderSummary:
    """How many report files were written."""

    files: int


Summary = ExtractSummary | ValidateSummary | RenderSummary


@dataclass
class StageResult:
    """What one stage did: ran or skipped, how long, what it wrote, what it reported."""

    name: str
    ran: bool
    seconds: float
    outputs: list[Path] = field(default_factory=list)
    summary: Summary | None = None


def json_fields(summary: Summary, leave_out: tuple[str, ...] = ("errors",)) -> dict[str, object]:
    """A summary as the JSON object ``--json`` prints (field names as keys)."""
    return {k: v for k, v in dataclasses.asdict(summary).items() if k not in leave_out}
