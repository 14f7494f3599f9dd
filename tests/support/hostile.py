"""A plan whose every cell tries to break a writer: markup, template syntax, spreadsheet
formulas, right-to-left text, emoji, control characters and one very long word.

:func:`hostile_document` builds an :class:`~hammplan.records.ExtractedDocument` in code, as
the extract stage would have written it for such a PDF: one profile, two budget rows, one
district, one index entry and one sentence of running text per sample of :data:`SAMPLES`.
The tests then curate, write and render it and check that every sample arrives as text.

Layout of the document (``n`` = position of the sample in :data:`SAMPLES`, from 1):

* profile ``n``: Titel ``title(n)``; Träger, Zielgruppe, Sachstand, Kennzahlen and Kosten are
  the sample itself, Beschreibung is ``description(n)``, Handlungsfelder "Sprache";
* budget row ``2n-1``: StA "KI", name ``title(n)`` (so it links to profile ``n``), Aufwand
  2023 "1.000", Ertrag 2023, Fördergeber, Kennzahl and Wert 2023 the sample;
* budget row ``2n``: every cell the sample (StA and name too), linked to nothing;
* district ``n``: named by the sample, with consistent numbers and a total row at the end;
* index entry ``n``: ``title(n)``; statement ``n``: ``statement(n)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hammplan.records import (
    BBox,
    BudgetCell,
    BudgetRow,
    ExtractedDocument,
    IndexEntry,
    PopulationRow,
    PopulationTable,
    Profile,
    ProfileRow,
    SourceCell,
    SourceInfo,
    Span,
)
from hammplan.records.statements import Statement
from hammplan.vocabulary import load_vocabulary

BUDGET_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("sta", None),
    ("name", None),
    ("aufwand", 2023),
    ("ertrag", 2023),
    ("aufwand", 2024),
    ("ertrag", 2024),
    ("aufwand", 2025),
    ("ertrag", 2025),
    ("foerdergeber", None),
    ("kennzahl", None),
    ("wert", 2023),
    ("wert", 2024),
    ("wert", 2025),
)
"""The bundled plan's budget columns: role and printed year."""

_LEGACY_KIND = {
    "aufwand": "expense",
    "ertrag": "income",
    "wert": "value",
    "foerdergeber": "funder",
    "kennzahl": "indicator",
}
PRINTED_NAMES: tuple[str, ...] = tuple(
    f"{_LEGACY_KIND.get(role, role)}_{year}" if year else _LEGACY_KIND.get(role, role)
    for role, year in BUDGET_COLUMNS
)
"""The same columns by name ("sta", "expense_2023", "funder", "value_2025"), for tests that
set a row cell by cell."""

CURATED_OF: dict[str, str] = {
    f"{role}_{year}": name
    for (role, year), name in zip(BUDGET_COLUMNS, PRINTED_NAMES, strict=True)
    if year
}
"""Curated value column ("aufwand_2023") -> printed column name ("expense_2023")."""

FIELD_OF = load_vocabulary().profile.field_of


def budget_row(texts: Sequence[str], page: int, row: int) -> BudgetRow:
    """A budget row of the bundled plan's columns (BUDGET_COLUMNS), one text per cell."""
    return BudgetRow(
        columns=[
            BudgetCell(
                role=role,
                year=year,
                basis=None if year is None else "ist",  # type: ignore[arg-type]
                cell=cell(text, page, row, i),
            )
            for i, ((role, year), text) in enumerate(zip(BUDGET_COLUMNS, texts, strict=True))
        ]
    )


@dataclass(frozen=True)
class Sample:
    """One hostile cell text and what it attacks."""

    key: str
    text: str
    formula: bool = False
    """True when a spreadsheet would run the text as a formula (it starts with = + - @ tab CR)."""


LONG_WORD = ("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 90)[:5000]
"""5000 characters without a space: must wrap in the HTML, must not slow anything down."""

SAMPLES: tuple[Sample, ...] = (
    Sample("script", "<script>alert(1)</script>"),
    Sample("img", "<img src=x onerror=alert(1)>"),
    Sample("jinja-expression", "{{ 7*7 }}"),
    Sample("jinja-raw", "{% raw %}"),
    Sample("jinja-comment", "{#"),
    Sample("markdown", "*fett* [x](javascript:alert(1)) $5$ | `c` # ~x~ \\"),
    Sample("hyperlink", '=HYPERLINK("http://evil","x")', formula=True),
    Sample("plus", "+1", formula=True),
    Sample("minus", "-1+2", formula=True),
    Sample("at", "@SUM(A1)", formula=True),
    Sample("tab", "\t=1+1 Tabulator", formula=True),
    Sample("carriage-return", "\r=1+1 Wagenrücklauf", formula=True),
    Sample("arabic", "خطة الاندماج المحلية"),
    Sample("hebrew", "תוכנית שילוב עירונית"),
    Sample("right-to-left-override", "Kosten \u202e€ 0001 tsnoK"),
    Sample("emoji", "Familien 👨\u200d👩\u200d👧\u200d👦 und 🏳️\u200d🌈 👍🏽"),
    Sample("control", "NUL\x00SOH\x01BEL\x07ESC\x1bDEL\x7fC1\x85\x9f"),
    Sample("long-word", LONG_WORD),
    Sample(
        "links", "Mehr unter https://evil.example/anmelden, www.evil.example und hilfe@evil.example"
    ),
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet runs as a formula at the start of a text cell."""


def title(n: int, samples: Sequence[Sample] = SAMPLES) -> str:
    """The Titel of profile ``n`` (also its index entry and its first budget row's name)."""
    return f"Projekt {n} {samples[n - 1].text}"


def description(n: int, samples: Sequence[Sample] = SAMPLES) -> str:
    """The Beschreibung of profile ``n``: the sample inside a sentence."""
    return f"Die Maßnahme {n} zeigt {samples[n - 1].text} als Text."


def statement(n: int, samples: Sequence[Sample] = SAMPLES) -> str:
    """Sentence ``n`` of running text; it states a share, so validate keeps and checks it."""
    return f"Etwa 40 % der Menschen mit Migrationshintergrund ({samples[n - 1].text}) leben hier."


PROFILE_PAGE = 20
"""Profile ``n`` is printed on page ``PROFILE_PAGE + n``."""
BUDGET_PAGE = 10
POPULATION_PAGE = 5
INDEX_PAGE = 8
STATEMENT_PAGE = 4


def cell(text: str, page: int, row: int = 0, column: int = 0) -> SourceCell:
    """A cell printed on ``page`` in a grid of 20 x 30 pt boxes."""
    box = BBox(
        x0=40.0 + 30 * column, top=60.0 + 20 * row, x1=70.0 + 30 * column, bottom=80.0 + 20 * row
    )
    return SourceCell(text=text, spans=[Span(page=page, bbox=box)])


def _profile(n: int, samples: Sequence[Sample]) -> Profile:
    page = PROFILE_PAGE + n
    text = samples[n - 1].text
    values = {
        "Titel": title(n, samples),
        "Träger": text,
        "Beschreibung": description(n, samples),
        "Handlungsfelder": "Sprache",
        "Zielgruppe": text,
        "Sachstand": text,
        "Kennzahlen": text,
        "Kosten": text,
    }
    rows = [
        ProfileRow(
            label_cell=cell(label, page, row, 0),
            labels=[label],
            fields=[FIELD_OF(label) or ""],
            match="exact",
            score=100.0,
            value=cell(value, page, row, 1),
        )
        for row, (label, value) in enumerate(values.items())
    ]
    return Profile(title=title(n, samples), rows=rows)


def _budget_rows(n: int, samples: Sequence[Sample]) -> list[BudgetRow]:
    page = BUDGET_PAGE + (n - 1) // 10
    text = samples[n - 1].text
    linked = dict.fromkeys(BUDGET_COLUMNS, "o. A.")
    linked |= {
        ("sta", None): "KI",
        ("name", None): title(n, samples),
        ("aufwand", 2023): "1.000",
        ("ertrag", 2023): text,
        ("foerdergeber", None): text,
        ("kennzahl", None): text,
        ("wert", 2023): text,
    }
    row = 2 * (n - 1) % 20
    return [
        budget_row([linked[c] for c in BUDGET_COLUMNS], page, row),
        budget_row([text] * len(BUDGET_COLUMNS), page, row + 1),
    ]


POPULATION_HEADER = (
    "Sozialraum",
    "Ausländer:innen",
    "Deutsch- Einbürgerung",
    "Deutsch- Aussiedler",
    "EW MigH Gesamt",
    "Deutsch ohne MigH",
)


def _population(samples: Sequence[Sample]) -> PopulationTable:
    rows = []
    for n, sample in enumerate(samples, start=1):
        values = [100 * n, 10 * n, n, 111 * n, 1000 * n]
        rows.append(
            PopulationRow(
                district=cell(sample.text, POPULATION_PAGE, n, 0),
                values=[cell(str(v), POPULATION_PAGE, n, i + 1) for i, v in enumerate(values)],
            )
        )
    k = len(samples) * (len(samples) + 1) // 2
    totals = [100 * k, 10 * k, k, 111 * k, 1000 * k]
    rows.append(
        PopulationRow(
            district=cell("Gesamt", POPULATION_PAGE, len(samples) + 1, 0),
            values=[
                cell(str(v), POPULATION_PAGE, len(samples) + 1, i + 1) for i, v in enumerate(totals)
            ],
            is_total=True,
        )
    )
    return PopulationTable(
        header=[cell(h, POPULATION_PAGE, 0, i) for i, h in enumerate(POPULATION_HEADER)], rows=rows
    )


def hostile_document(samples: Sequence[Sample] = SAMPLES) -> ExtractedDocument:
    """The extraction result of a plan whose cells hold every sample of ``samples``."""
    count = len(samples)
    return ExtractedDocument(
        tool_version="0.1.0",
        source=SourceInfo(
            file_name="feindlich.pdf", sha256="0" * 64, page_count=PROFILE_PAGE + count
        ),
        budget_rows=[row for n in range(1, count + 1) for row in _budget_rows(n, samples)],
        profiles=[_profile(n, samples) for n in range(1, count + 1)],
        population=[_population(samples)],
        index=[
            IndexEntry(
                letter="P",
                title=cell(title(n, samples), INDEX_PAGE, n, 0),
                page_cell=cell(str(PROFILE_PAGE + n), INDEX_PAGE, n, 1),
                page=PROFILE_PAGE + n,
            )
            for n in range(1, count + 1)
        ],
        statements=[
            Statement(sentence=cell(statement(n, samples), STATEMENT_PAGE, n, 0))
            for n in range(1, count + 1)
        ],
    )
