"""German labels of the report: severities, record kinds, years, fields, repairs, sections and
population groups."""

from __future__ import annotations

from hammplan.records.findings import (
    Severity,
)
from hammplan.records.plan import BUDGET_YEARS

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
YEAR_LABELS: dict[int, str] = {
    year: f"{year} (geplant)" if year == BUDGET_YEARS[-1] else str(year) for year in BUDGET_YEARS
}
"""Column labels of the budget years; the last column of the budget table is the plan."""
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
    **{f"{kind}_{year}": f"{kind.capitalize()} {label}"
       for year, label in YEAR_LABELS.items() for kind in ("aufwand", "ertrag", "wert")},
}
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
