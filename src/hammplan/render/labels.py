"""German labels of the report: severities, record kinds, years, fields, repairs, sections and
population groups."""

from __future__ import annotations

from collections.abc import Callable

from hammplan.records.findings import (
    Severity,
)

SEVERITY_LABELS: dict[Severity, str] = {"error": "Fehler", "warning": "Warnung", "info": "Info"}
SEVERITY_PLURALS: dict[Severity, str] = {"error": "Fehler", "warning": "Warnungen", "info": "Infos"}
KIND_LABELS: dict[str, str] = {
    "measure": "Maßnahme",
    "budget": "Haushaltszeile",
    "district": "Sozialraum",
    "index": "Index-Eintrag",
    "overview": "Übersicht",
    "statement": "Aussage im Text",
}
VALUE_STATUS_LABELS: dict[str, str] = {
    "ok": "angegeben",
    "not_stated": "o.\u00a0A.",
    "note": "Text statt Zahl",
    "suspect": "fraglich",
}
"""A value's status in words: here, not in the chart style, so the comparison names them
without importing matplotlib."""
LINK_LABELS: dict[str, str] = {"exact": "exakt", "fuzzy": "ähnlich", "none": "keine Zuordnung"}
FIELD_LABELS: dict[str, str] = {
    "titel": "Titel",
    "traeger": "Träger",
    "beschreibung": "Beschreibung",
    "handlungsfelder": "Handlungsfelder",
    "zielgruppe": "Zielgruppe",
    "sachstand": "Sachstand",
    "kennzahlen": "Kennzahlen",
    "kosten": "Kosten",
    "foerdergeber": "Fördergeber",
    "kennzahl": "Kennzahl",
    "sta": "StA",
    "massnahme": "Name der Maßnahme",
}


def field_label(name: str, year_label: Callable[[int], str] = str) -> str:
    """A field as the report names it; a budget value column by its kind and printed year
    ("aufwand_JJJJ" -> "Aufwand JJJJ (geplant)" with the plan's year labels)."""
    kind, _, year = name.rpartition("_")
    if kind in ("aufwand", "ertrag", "wert") and year.isdigit():
        return f"{kind.capitalize()} {year_label(int(year))}"
    return FIELD_LABELS.get(name, name)


REPAIR_LABELS: dict[str, str] = {
    "hyphenation": "Silbentrennung",
    "recognition": "Texterkennung",
    "homoglyph": "ähnliches Zeichen",
    "vocabulary": "Vokabular",
    "continuation": "Fortsetzungszeile",
    "title": "Titel",
}
SECTION_OF_KIND: dict[str, str] = {
    "measure": "#massnahmen",
    "budget": "#haushalt",
    "district": "#sozialraeume",
    "statement": "#sozialraeume",
}
"""Where a reference to a record the report has no anchor for links to: its section."""
POPULATION_GROUPS: tuple[tuple[str, str], ...] = (
    ("auslaender", "Ausländer:innen"),
    ("eingebuergerte", "Eingebürgerte"),
    ("aussiedler", "Aussiedler:innen"),
    ("deutsche_ohne_migh", "Deutsche ohne MigH"),
)
"""The four disjoint groups of the population table (the first three make up MigH)."""
