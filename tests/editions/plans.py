"""Synthetic plans of other editions and layouts of the budget table, typeset with reportlab.

Each is the sample plan (tests/support/typeset.py) changed the way a next edition or another
city changes it; the tests read them and compare every record with what was set.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from tests.support.typeset import Layout, PlanContent, sample_content

FOUR_YEARS = (2026, 2027, 2028, 2029)
"""Years of the plan with four budget years and no Ertrag columns (test data, not code)."""


def four_years_no_income() -> PlanContent:
    """The sample plan with Aufwand and Wert for four years (two actual, two planned) and no
    Ertrag column: 12 columns instead of 13, in a header order of its own."""
    base = sample_content()
    first, second, third, fourth = FOUR_YEARS
    header = [
        "StA",
        "Name der Maß- nahme",
        f"Aufwand (€) {first} Stand 30.06",
        f"Aufwand (€) {second} Stand 30.06",
        f"Aufwand (€) {third} geplant",
        f"Aufwand (€) {fourth} geplant",
        "Förderge- ber",
        "Kennzahl",
        f"Wert {first} Stand 30.06",
        f"Wert {second} Stand 30.06",
        f"Wert {third} geplant",
        f"Wert {fourth} geplant",
    ]
    rows = []
    for n, r in enumerate(base.budget_rows):
        extra = f"{10 + n}.000"
        rows.append(
            [r[0], r[1], r[2], r[4], r[6], extra, r[8], r[9], r[10], r[11], r[12], str(n + 1)]
        )
    return dataclasses.replace(base, budget_header=header, budget_rows=rows)


def narrow(layout: Layout, columns: int) -> Layout:
    """``layout`` with column widths for a budget table of ``columns`` columns."""
    scale = (0.6, 2.4, *([1.0] * (columns - 2)))
    return dataclasses.replace(layout, col_scale=scale)


SHIFT = 3
"""The next edition prints its years this many years later."""

DROPPED = (
    "Rucksack Schule",
    "Demokratie- förderung und Werteentwicklung",
    'Bärenkalender "Ein Bär kommt in die Schule – und du kommst mit"',
)
"""Budget rows (measures) the next edition no longer has."""

ADDED_TITLE = "Sprachcafé International"
NEW_DISTRICT = ["Hamm- Süden", "1200", "800", "400", "2400", "3100"]

_YEAR = re.compile(r"(?<![\d.,])20(2\d)(?![\d,])|(?<=30\.06\.)(2\d)(?!\d)")


def shift_years(text: str, by: int = SHIFT) -> str:
    """``text`` with every year (2023, and the "24" of "30.06.24") ``by`` years later."""

    def later(match: re.Match[str]) -> str:
        if match.group(1):
            return str(2000 + int(match.group(1)) + by)
        return str(int(match.group(2)) + by)

    return _YEAR.sub(later, text)


def next_edition() -> PlanContent:
    """The sample plan's next edition: years three later, three measures dropped and one
    added, a district added, amounts changed (consistently between budget and profile, so
    the checks find exactly what they find in the original)."""
    base = sample_content()
    header = [shift_years(h) for h in base.budget_header]
    rows = []
    for row in base.budget_rows:
        if row[1] in DROPPED:
            continue
        row = [shift_years(c) if i >= 10 else c for i, c in enumerate(row)]
        if row[1] == "Kommunale Schulsozialarbeit":
            row[2:5] = ["1.100.000", "140.000", "1.500.000"]
        rows.append(row)
    rows.append(
        [
            "45",
            ADDED_TITLE,
            "10.000",
            "o. A.",
            "12.500",
            "o. A.",
            "13.000",
            "o. A.",
            "Land NRW",
            "Teilnehmende",
            "40",
            "45",
            "50",
        ]
    )
    profiles = [[(label, shift_years(value)) for label, value in p] for p in base.profiles]
    profiles.append(
        [
            ("Titel", ADDED_TITLE),
            ("Träger", "VHS"),
            ("Beschreibung", "Ein offenes Sprachcafé für Neuzugewanderte."),
            ("Handlungsfelder", "Sprache"),
            ("Zielgruppe", "Neuzugewanderte"),
            ("Sachstand", "Läuft seit dem Frühjahr."),
            ("Kennzahlen", "Teilnehmende: 45"),
            ("Kosten", f"Stand: 30.06.{27}: 12.500 €"),
        ]
    )
    population = [*base.population_rows[:-1], NEW_DISTRICT]
    total = ["Gesamt", *(str(sum(int(r[i]) for r in population)) for i in range(1, 6))]
    dropped_titles = {"Bärenkalender"}
    index = [e for e in base.index_entries if e[1] not in dropped_titles]
    index.append(("S", ADDED_TITLE, "150"))
    overview = [r for r in base.overview_rows if not r[0].startswith("Bärenkalender")]
    return dataclasses.replace(
        base,
        budget_header=header,
        budget_rows=rows,
        profiles=profiles,
        population_rows=[*population, total],
        index_entries=index,
        overview_rows=overview,
    )


OTHER_CITY = "Neustadt an der Lippe"

OTHER_LABELS = {
    "Titel": "Maßnahme",
    "Träger": "Federführung",
    "Beschreibung": "Kurzbeschreibung",
    "Handlungsfelder": "Handlungsfeld",
    "Zielgruppe": "Zielgruppen",
    "Sachstand": "Umsetzungsstand",
    "Kennzahlen": "Messgrößen",
    "Kosten": "Haushaltsmittel",
}
"""Another city's row labels, all common municipal wordings the default vocabulary knows."""

OTHER_HEADER = [
    "Amt",
    "Bezeichnung der Maß- nahme",
    "Ausgaben (€) 2025 Ist 31.12",
    "Einnahmen (€) 2025 Ist 31.12",
    "Ausgaben (€) 2026 Ansatz",
    "Einnahmen (€) 2026 Ansatz",
    "Ausgaben (€) 2027 Ansatz",
    "Einnahmen (€) 2027 Ansatz",
    "Mittelgeber",
    "Indikator",
    "Wert 2025",
    "Wert 2026 Ansatz",
    "Wert 2027 Ansatz",
]
"""Another city's budget header: other words, another as-of date, "Ansatz" for planned."""

OTHER_POPULATION_HEADER = [
    "Stadtbezirk",
    "Nichtdeutsche",
    "Eingebürgerte",
    "Aussiedler:innen",
    "Einwohner mit Migrations- hintergrund gesamt",
    "Deutsche ohne Migrations- hintergrund",
]
"""Another city's population header: the same columns in other words."""

OTHER_DISTRICTS = [
    "Altstadt",
    "Nordviertel",
    "Am Hafen",
    "Lippeaue",
    "Südfeld",
    "Ostheide",
    "Westend",
    "Kirchdorf",
    "Heide",
]


def other_city() -> PlanContent:
    """Another city's plan of the same kind: other labels, header words, districts and
    measure names, a title page naming that city, its own budget years."""
    base = sample_content()
    titles = {p[0][1]: f"Vorhaben {p[0][1]}" for p in base.profiles}
    rename = {row[1]: f"Vorhaben {row[1]}" for row in base.budget_rows}
    rows = [
        [row[0], rename[row[1]], *row[2:10], *(shift_years(c, 2) for c in row[10:])]
        for row in base.budget_rows
    ]
    profiles = []
    for p in base.profiles:
        profiles.append(
            [
                (
                    OTHER_LABELS.get(label, label),
                    titles.get(value, shift_years(value, 2))
                    if label == "Titel"
                    else shift_years(value, 2),
                )
                for label, value in p
            ]
        )
    population = [[OTHER_DISTRICTS[i], *r[1:]] for i, r in enumerate(base.population_rows[:-1])]
    content = dataclasses.replace(
        base,
        budget_header=OTHER_HEADER,
        budget_rows=rows,
        profiles=profiles,
        population_header=OTHER_POPULATION_HEADER,
        population_rows=[*population, base.population_rows[-1]],
        index_entries=[(a, titles.get(t, t), p) for a, t, p in base.index_entries],
        overview_rows=[(titles.get(n, n), marks) for n, marks in base.overview_rows],
        city=OTHER_CITY,
        title="Integrationskonzept Fortschreibung 2026",
    )
    return _renamed(content, "Hamm", "Neustadt")


def _renamed(value: Any, old: str, new: str) -> Any:
    """``value`` (content, nested lists and tuples of texts) with ``old`` replaced."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    if isinstance(value, tuple):
        return tuple(_renamed(v, old, new) for v in value)
    if isinstance(value, PlanContent):
        return dataclasses.replace(
            value,
            **{
                f.name: _renamed(getattr(value, f.name), old, new)
                for f in dataclasses.fields(value)
                if f.name != "city"
            },
        )
    return value
