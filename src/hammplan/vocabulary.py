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

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from hammplan.errors import InputError

RULE_DEBRIS = frozenset("|¦‖│┃[]\\")
"""Characters text recognition reads a vertical ruling line of a scanned table as (a bracket
or backslash where the rule is slanted or broken). Not a plan's words but every scan's: extract
splits them off words as evidence of a column boundary, curation removes them from cells."""


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

    short_words: list[str] = Field(default_factory=list)
    """Words of three letters or fewer that a funder cell may hold ("Ja"); any other such
    cell that is no acronym is suspect on a scan's misreading (compared case-insensitively)."""


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


class StatementsVocabulary(_Section):
    """Which sentences of the running text state a figure worth checking."""

    figure: str

    @field_validator("figure")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        re.compile(pattern)
        return pattern


class FieldsVocabulary(_Section):
    """The plan's fields of action (Handlungsfelder): canonical names and known variants.

    ``aliases`` maps a variant (as the plan prints it, or as the plan itself renames it) to a
    canonical name; anything else is matched fuzzily at ``fuzzy_threshold`` or reported.
    """

    canonical: list[str] = Field(min_length=1)
    aliases: dict[str, str] = Field(default_factory=dict)
    fuzzy_threshold: float = Field(ge=0, le=100)

    @field_validator("aliases")
    @classmethod
    def _targets_known(cls, aliases: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        known = set(info.data.get("canonical", []))
        unknown = sorted(set(aliases.values()) - known)
        if unknown:
            raise ValueError(f"aliases point to names not in canonical: {unknown}")
        return aliases


class Organisation(_Section):
    """One organisation code as printed in the StA column or a Träger cell."""

    name: str
    variants: list[str] = Field(default_factory=list)


class OrganisationsVocabulary(_Section):
    """Organisation codes (StA / Träger) resolved to names; see docs/data-dictionary.md."""

    codes: dict[str, Organisation] = Field(default_factory=dict)


class PopulationColumns(_Section):
    """Which printed population column feeds which curated field (regex on the header)."""

    auslaender: str
    eingebuergerte: str
    aussiedler: str
    migh_gesamt: str
    deutsche_ohne_migh: str


class ClaimsVocabulary(_Section):
    """Words by which a sentence of the running text speaks of the population table."""

    migration_words: list[str] = Field(min_length=1)
    count_words: dict[str, list[str]] = Field(default_factory=dict)
    other_scope_words: list[str] = Field(default_factory=list)
    tolerance_percent: float = Field(ge=0)


class Meaning(_Section):
    """What a Kennzahl counts: words of its label, and words the running text uses for it."""

    label: list[str] = Field(min_length=1)
    text: list[str] = Field(min_length=1)


class RunningTextVocabulary(_Section):
    """Words by which the checks read numbers in a profile's running text."""

    generic_names: list[str] = Field(default_factory=list)
    present_words: list[str] = Field(default_factory=list)
    meanings: dict[str, Meaning] = Field(default_factory=dict)


class Vocabulary(_Section):
    """All words hammplan looks for in a plan.

    A vocabulary file may give only some sections; the others come from the bundled default.
    """

    budget: BudgetVocabulary
    profile: ProfileVocabulary
    population: PopulationVocabulary
    overview: OverviewVocabulary
    index: IndexVocabulary
    statements: StatementsVocabulary
    fields: FieldsVocabulary
    organisations: OrganisationsVocabulary
    population_columns: PopulationColumns
    claims: ClaimsVocabulary
    running_text: RunningTextVocabulary = Field(default_factory=RunningTextVocabulary)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read a vocabulary file; without ``path``, the bundled default.

    Sections the file leaves out are taken whole from the bundled default.
    """
    try:
        data = tomllib.loads(
            resources.files("hammplan").joinpath("vocabularies/default.toml").read_text(
                encoding="utf-8"
            )
        )
        if path is not None:
            data |= tomllib.loads(path.read_text(encoding="utf-8"))
        return Vocabulary.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        where = path or "default vocabulary"
        raise InputError(f"{where}: not a valid vocabulary file: {exc}") from exc
