"""The words by which table families are recognised, as a typed, validated model.

Loaded from a TOML file (``vocabularies/default.toml`` by default) so another city's plan
needs a new vocabulary file, not new code.
"""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hammplan.errors import InputError


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HeaderPatterns(_Section):
    """Column header patterns, one per printed column."""

    header: list[str]
    min_matches: int

    @field_validator("header")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad pattern {pattern!r}: {exc}") from exc
        return patterns

    @cached_property
    def compiled(self) -> list[re.Pattern[str]]:
        """The patterns, compiled case-insensitively."""
        return [re.compile(p, re.IGNORECASE) for p in self.header]


class BudgetVocabulary(HeaderPatterns):
    """Words of the budget tables."""


class ProfileVocabulary(_Section):
    """Row labels of the measure profiles."""

    labels: list[str] = Field(min_length=1)
    title_label: str
    fuzzy_threshold: float = Field(ge=0, le=100)


class PopulationVocabulary(HeaderPatterns):
    """Words of the population table by district."""

    total_labels: list[str]


class OverviewVocabulary(_Section):
    """Words of the overview of measures by field of action."""

    section_label: str
    column_label: str
    page_column_label: str


class IndexVocabulary(_Section):
    """Words of the alphabetical index of profiles."""

    heading: str


class Vocabulary(_Section):
    """All words hammplan looks for in a plan."""

    budget: BudgetVocabulary
    profile: ProfileVocabulary
    population: PopulationVocabulary
    overview: OverviewVocabulary
    index: IndexVocabulary


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read a vocabulary file; without ``path``, the bundled default."""
    try:
        if path is None:
            text = resources.files("hammplan").joinpath("vocabularies/default.toml").read_text(
                encoding="utf-8"
            )
        else:
            text = path.read_text(encoding="utf-8")
        return Vocabulary.model_validate(tomllib.loads(text))
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        where = path or "default vocabulary"
        raise InputError(f"{where}: not a valid vocabulary file: {exc}") from exc
