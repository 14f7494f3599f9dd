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
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from hammplan.errors import InputError
from hammplan.records.budget import BudgetRole

RULE_DEBRIS = frozenset("|¦‖│┃[]\\")
"""Characters text recognition reads a vertical ruling line of a scanned table as (a bracket
or backslash where the rule is slanted or broken). Not a plan's words but every scan's: extract
splits them off words as evidence of a column boundary, curation removes them from cells."""


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _compile_all(patterns: list[str]) -> list[str]:
    """The patterns, each checked to compile (a bad one names itself in the error)."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad pattern {pattern!r}: {exc}") from exc
    return patterns


class HeaderPatterns(_Section):
    """Column header patterns, one per printed column."""

    header: list[str]
    min_matches: int

    @field_validator("header")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return _compile_all(patterns)

    @cached_property
    def compiled(self) -> list[re.Pattern[str]]:
        """The patterns, compiled case-insensitively."""
        return [re.compile(p, re.IGNORECASE) for p in self.header]


ProfileField = Literal[
    "titel",
    "traeger",
    "beschreibung",
    "handlungsfelder",
    "zielgruppe",
    "sachstand",
    "kennzahlen",
    "kosten",
]
"""The curated fields a profile row may fill."""


class BudgetVocabulary(_Section):
    """Words of the budget tables: which header words open a column of each role, and which
    words say that a year's figures are actual ("Stand 30.06") or planned ("geplant").

    A header row is a budget header when at least ``min_share`` of its cells name a role,
    one of them the name and one a year's column (Aufwand, Ertrag or Wert).
    """

    columns: dict[BudgetRole, list[str]]
    actual_words: list[str] = Field(min_length=1)
    plan_words: list[str] = Field(min_length=1)
    min_share: float = Field(gt=0, le=1)

    @field_validator("columns")
    @classmethod
    def _usable(cls, columns: dict[BudgetRole, list[str]]) -> dict[BudgetRole, list[str]]:
        for patterns in columns.values():
            _compile_all(patterns)
        if "name" not in columns or not {"aufwand", "ertrag", "wert"} & set(columns):
            raise ValueError(
                "must name the 'name' column and at least one of 'aufwand', 'ertrag', 'wert'"
            )
        return columns

    @cached_property
    def compiled(self) -> dict[BudgetRole, list[re.Pattern[str]]]:
        """The column patterns, compiled case-insensitively."""
        return {
            role: [re.compile(p, re.IGNORECASE) for p in patterns]
            for role, patterns in self.columns.items()
        }

    @cached_property
    def any_role(self) -> re.Pattern[str]:
        """One pattern for every column word: a quick test of whether a word opens a column."""
        return re.compile(
            "|".join(f"(?:{p})" for ps in self.columns.values() for p in ps), re.IGNORECASE
        )

    short_words: list[str] = Field(default_factory=list)
    """Words of three letters or fewer that a funder cell may hold ("Ja"); any other such
    cell that is no acronym is suspect on a scan's misreading (compared case-insensitively)."""


class ProfileVocabulary(_Section):
    """Row labels of the measure profiles: for each curated field, the labels that mean it.

    A garbled label is matched to the nearest label at ``fuzzy_threshold`` (0-100), but only
    when the row's value has the kind of content its field holds (a count is not an amount).
    """

    fields: dict[ProfileField, list[str]]
    fuzzy_threshold: float = Field(ge=0, le=100)

    @field_validator("fields")
    @classmethod
    def _titled(cls, fields: dict[ProfileField, list[str]]) -> dict[ProfileField, list[str]]:
        if not fields.get("titel"):
            raise ValueError("must give at least one label for 'titel' (it opens a profile)")
        seen: dict[str, str] = {}
        for name, labels in fields.items():
            for label in labels:
                other = seen.setdefault(label.casefold(), name)
                if other != name:
                    raise ValueError(f"label {label!r} is given for both {other!r} and {name!r}")
        return fields

    @cached_property
    def labels(self) -> list[str]:
        """Every known label, the title labels first."""
        return [label for labels in self.fields.values() for label in labels]

    @cached_property
    def title_labels(self) -> list[str]:
        """The labels that open a profile."""
        return list(self.fields["titel"])

    def field_of(self, label: str) -> str | None:
        """The field a known label means."""
        return next((name for name, labels in self.fields.items() if label in labels), None)


class PopulationVocabulary(HeaderPatterns):
    """Words of the population table by district: the first header pattern names the district
    column; a header row is the table's when its first cell does and at least
    ``min_matches`` of every ``len(header)`` cells match one of the patterns (in any order:
    which printed column feeds which field is ``[population_columns]``)."""

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


def _words(words: list[str]) -> list[str]:
    """The words, each checked to be no blank (a blank word would match everywhere)."""
    for word in words:
        if not word.strip():
            raise ValueError("a word is blank")
    return words


class ClaimsVocabulary(_Section):
    """Words by which a sentence of the running text speaks of the population table."""

    migration_words: list[str] = Field(min_length=1)
    count_words: dict[str, list[str]] = Field(default_factory=dict)
    other_scope_words: list[str] = Field(default_factory=list)
    tolerance_percent: float = Field(ge=0)


class DocumentVocabulary(_Section):
    """How the title page names the city and the edition, and names to use where it does not.

    ``city_words`` stand before a city's name on the title page ("Stadt Musterstadt",
    "Kreis Musterkreis"); ``edition_words`` name an edition ("Fortschreibung"). ``city``,
    ``title`` and ``edition``, when set, are used instead of what the title page says.
    """

    city_words: list[str] = Field(default_factory=list)
    edition_words: list[str] = Field(default_factory=list)
    city: str = ""
    title: str = ""
    edition: str = ""


class Publication(_Section):
    """How the curated data are published: title, publisher, licence and where the source
    PDF is online. Data about the publication (datapackage.json, Datasette's metadata.json),
    set per plan like its words; nothing of it is read from the PDF."""

    title: str = Field(
        default="",
        description="Empty: the plan's own name, as its title "
        "page gives it, followed by 'als offene Daten'.",
    )
    publisher: str = Field(
        default="",
        description="Empty: the city the plan's title page names (never one it does not name).",
    )
    licence_name: str = Field(description="Identifier of the licence (as in SPDX or GovData).")
    licence_title: str
    licence_path: str = Field(description="URL of the licence text.")
    source_url: str = Field(default="", description="URL of the source PDF, if online.")


class Meaning(_Section):
    """What a Kennzahl counts: words of its label, and words the running text uses for it."""

    label: list[str] = Field(min_length=1)
    text: list[str] = Field(min_length=1)


class RunningTextVocabulary(_Section):
    """Words by which the checks read sentences and numbers in a profile's running text.

    No key has a default in code: the bundled vocabulary is the one place they are given, and
    a file whose ``[running_text]`` leaves one out is refused by name. A list left empty means
    the plan has no such words, and the check that reads them finds nothing.
    """

    generic_names: list[str]
    """Names that end in what a Kennzahl counts but name a kind ("Grundschule")."""
    present_words: list[str]
    """Words that make a count one of now ("derzeit")."""
    meanings: dict[str, Meaning]
    """What a Kennzahl counts, by its label's words and the running text's."""

    abbreviations: list[str]
    """Words ending in a dot that do not end a sentence ("ca.", "B." of "z. B.")."""
    number_words: dict[str, int]
    """Counts written as words ("vier" -> 4), matched case-insensitively as whole words."""
    percent_words: list[str]
    """What follows a number that is a share ("%", "Prozent")."""
    euro_words: list[str]
    """What follows a number that is an amount of money ("€", "Euro", "EUR")."""
    whole_words: list[str]
    """Words before the whole a later share is a part of ("insgesamt 350", "Von 350"), matched
    case-insensitively."""
    year_words: list[str]
    """Words between a noun and a year that head a list ("Durchführungsträger im Jahr JJJJ:")."""
    cost_share_words: list[str]
    """Words after a share that make it a share of the costs ("80 % der Kosten")."""
    gender_suffixes: list[str]
    """Gender endings removed from a Kennzahl label before its words are sought in the text
    ("Lots:innen" -> "Lots")."""
    label_count_words: list[str]
    """Words of a Kennzahl label that say it counts, not what ("Anzahl"), compared
    case-insensitively."""
    plural_endings: dict[str, str]
    """Plural endings of a one-word Kennzahl label and the singular ending replacing them
    ("Schulen" -> "Schule": ``en = "e"``), the longest that fits; the singular is what the
    names of the counted items end in ("Ludgerischule")."""
    about_words: list[str]
    """Words before a count that claim it within ``[claims] tolerance_percent`` ("ca.",
    "rund"), matched case-insensitively as are the next two."""
    below_words: list[str]
    """Words before a count that claim a little under it ("knapp 75.000")."""
    above_words: list[str]
    """Words before a count that claim more than it ("über 70.000")."""
    thousand_words: list[str]
    """Words after a count that make it thousands ("74 Tausend")."""

    @field_validator(
        "percent_words",
        "euro_words",
        "whole_words",
        "year_words",
        "cost_share_words",
        "gender_suffixes",
        "label_count_words",
        "about_words",
        "below_words",
        "above_words",
        "thousand_words",
    )
    @classmethod
    def _no_blank(cls, words: list[str]) -> list[str]:
        return _words(words)

    @field_validator("plural_endings")
    @classmethod
    def _endings(cls, endings: dict[str, str]) -> dict[str, str]:
        _words(list(endings))
        return endings

    @field_validator("abbreviations")
    @classmethod
    def _dotted(cls, words: list[str]) -> list[str]:
        for word in words:
            if not word.endswith(".") or len(word.split()) != 1:
                raise ValueError(f"{word!r} must be one word ending in '.' (for 'z. B.' give 'B.')")
        return words

    @field_validator("number_words")
    @classmethod
    def _counts(cls, words: dict[str, int]) -> dict[str, int]:
        seen: set[str] = set()
        for word, value in words.items():
            if not word.isalpha() or value < 0:
                raise ValueError(f"{word!r} must be one word of letters naming a count >= 0")
            if word.casefold() in seen:
                raise ValueError(f"{word!r} is given twice")
            seen.add(word.casefold())
        return words


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
    document: DocumentVocabulary
    publication: Publication
    running_text: RunningTextVocabulary


def _one_line(exc: ValidationError) -> str:
    """The first problem of a vocabulary file as one line: the key, then what is allowed."""
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"] if part != "[key]")
    message = error["msg"].removeprefix("Value error, ")
    more = len(exc.errors()) - 1
    return f"key {key!r}: {message}" + (f" (and {more} more)" if more else "")


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read a vocabulary file; without ``path``, the bundled default.

    Sections the file leaves out are taken whole from the bundled default.
    """
    where = path or "default vocabulary"
    try:
        data = tomllib.loads(
            resources.files("hammplan")
            .joinpath("vocabularies/default.toml")
            .read_text(encoding="utf-8")
        )
        if path is not None:
            data |= tomllib.loads(path.read_text(encoding="utf-8"))
        return Vocabulary.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{where}: not a valid vocabulary file: {_one_line(exc)}") from exc
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise InputError(f"{where}: not a valid vocabulary file: {exc}") from exc
