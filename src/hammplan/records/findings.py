"""Findings: what the plan leaves unstated, garbles, or contradicts, as stable records.

Each finding has a stable ``code`` (documented in docs/data-dictionary.md, never reworded
once published) and a ``severity``; the message is for people, the refs are for tools.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["error", "warning", "info"]
"""error: two printed numbers contradict each other, or a number cannot be trusted. warning: a
gap (one place states what another leaves "o. A."), or likely wrong, worth a look. info: a
repair or an observation, recorded for transparency."""

RecordKind = Literal[
    "measure", "budget", "district", "index", "overview", "statement", "page", "table"
]


class Ref(BaseModel):
    """A record a finding is about: its kind, its id in the curated data, and its page."""

    kind: RecordKind
    id: str
    page: int | None = None
    field: str | None = None


class Finding(BaseModel):
    """One thing found while curating or checking the plan."""

    code: str
    severity: Severity
    message: str
    refs: list[Ref] = Field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        """Pages the finding points to, ascending."""
        return sorted({r.page for r in self.refs if r.page is not None})


FINDING_CODES: dict[str, str] = {
    "budget_linked_by_part": (
        "Budgetzeile ist ein Teil, den ein Steckbrief in seinen Kosten nennt."
    ),
    "budget_rows_missing": "Kopfzeilen einer Budgettabelle, aber keine Budgetzeile gelesen.",
    "budget_year_missing": (
        "Der Stichtag eines Steckbriefs nennt ein Jahr, das die Haushaltstabelle nicht druckt "
        "(oder die Tabelle druckt kein Jahr mit Ist-Werten): Kosten und Kennzahlen bleiben "
        "unverglichen."
    ),
    "budget_without_profile": "Budgetzeile, zu der kein Steckbrief passt.",
    "cell_garbled": (
        "Unleserliche oder falsch erkannte Wortzelle (Fördergeber, Kennzahl); "
        "weder als Wert noch als „o. A.“ gewertet."
    ),
    "claim_confirmed": "Eine Zahl im Fließtext stimmt mit der Tabelle der Sozialräume überein.",
    "claim_count_mismatch": "Eine Anzahl im Fließtext widerspricht der Tabelle der Sozialräume.",
    "claim_share_mismatch": "Ein Anteil im Fließtext widerspricht der Tabelle der Sozialräume.",
    "field_unknown": "Handlungsfeld, das keinem bekannten Handlungsfeld entspricht.",
    "index_page_mismatch": "Das Verzeichnis nennt Seiten, auf denen die Steckbriefe nicht stehen.",
    "index_page_unreadable": "Seitenzahl im Verzeichnis ist keine Zahl.",
    "index_title_garbled": "Verstümmelter Titel im Verzeichnis (mit Ähnlichkeit verknüpft).",
    "index_without_profile": "Eintrag im Verzeichnis ohne passenden Steckbrief.",
    "kennzahl_in_text": "Kennzahl „k. A.“, obwohl der Text des Steckbriefs die Zahl nennt.",
    "kennzahl_items_mismatch": (
        "Kennzahl zählt weniger Dinge, als Beschreibung und Sachstand namentlich nennen."
    ),
    "kennzahl_label_mismatch": (
        "Bezeichnung der Kennzahl widerspricht dem, was der Sachstand mit derselben Zahl zählt."
    ),
    "kennzahl_label_only": "Kennzahlen im Steckbrief benennen, was gezählt wird, aber ohne Zahl.",
    "kennzahl_mismatch": "Kennzahl im Steckbrief weicht vom Wert der Budgetzeile ab.",
    "kennzahl_not_in_budget": (
        "Steckbrief nennt Kennzahlen, die Budgetzeile für dasselbe Jahr keinen Wert (o. A.)."
    ),
    "kennzahl_not_in_profile": "Budgetzeile nennt einen Wert, der Steckbrief keine Kennzahl.",
    "kennzahl_other_year": "Kennzahl im Steckbrief entspricht dem Wert eines anderen Jahres.",
    "kosten_equals_ertrag": "Kosten im Steckbrief entsprechen dem Ertrag statt dem Aufwand.",
    "kosten_in_text": "Kosten „o. A.“, obwohl der Text des Steckbriefs Beträge nennt.",
    "kosten_mismatch": "Kosten im Steckbrief weichen vom Aufwand der Budgetzeile ab.",
    "kosten_not_in_budget": "Steckbrief nennt Kosten, die Budgetzeile keinen Aufwand (o. A.).",
    "kosten_not_in_profile": "Budgetzeile nennt Aufwand, der Steckbrief keine Kosten.",
    "kosten_rounded": "Kosten und Aufwand unterscheiden sich um gerundete Cents (unter 1 €).",
    "kosten_share_mismatch": "Förderanteil im Text passt nicht zu Ertrag/Aufwand im Haushalt.",
    "kosten_truncated": (
        "Kosten und Aufwand unterscheiden sich um abgeschnittene Cents (nicht gerundet)."
    ),
    "measure_missing_budget": "Maßnahme mit Steckbrief, aber ohne Budgetzeile.",
    "measure_missing_index": "Maßnahme mit Steckbrief, aber ohne Eintrag im Verzeichnis.",
    "measure_missing_overview": "Maßnahme mit Steckbrief, aber ohne Zeile in der Übersicht.",
    "not_stated_garbled": "Unleserliche Zelle als „o. A.“ gelesen (Erkennungsfehler).",
    "page_skipped": "Eine Seite wurde nicht gelesen (über der Zeitgrenze, --page-seconds).",
    "overview_duplicate": "Die Übersicht führt eine Maßnahme mehrfach.",
    "overview_row_part": "Die Übersicht führt die Teile einer Maßnahme (A und B) einzeln.",
    "overview_row_unnamed": "Zeile der Übersicht ohne Namen der Maßnahme.",
    "overview_without_profile": "Zeile der Übersicht ohne passenden Steckbrief.",
    "page_order": "Die Seiten des PDF stehen nicht in der gedruckten Reihenfolge.",
    "population_column_missing": "Eine Spalte der Bevölkerungstabelle wurde nicht gefunden.",
    "population_migh_mismatch": "EW MigH Gesamt ist nicht die Summe der drei Gruppen.",
    "population_sum_mismatch": "Die Sozialräume ergeben nicht die Gesamtzeile.",
    "population_total_missing": "Die Bevölkerungstabelle hat keine Gesamtzeile.",
    "profile_field_duplicated": "Ein Feld steht im Steckbrief mehrfach.",
    "profile_field_empty": "Ein Feld des Steckbriefs ist gedruckt, aber leer.",
    "profile_field_missing": "Ein Feld fehlt im Steckbrief.",
    "profile_row_garbled": "Eine Zeile des Steckbriefs mit unleserlicher Bezeichnung.",
    "rows_not_joined": "Tabellenzeile, deren Seite nicht auf die der Zeile davor folgt.",
    "sta_lookalike": (
        'Zwei Amtsnummern, die sich nur wie ein Lesefehler unterscheiden ("04" neben '
        '"40"); nicht zusammengelegt.'
    ),
    "sta_suspect": "StA-Nummer mit ungewöhnlicher Stellenzahl.",
    "sta_unknown": "StA-Kürzel, das keinem bekannten Kürzel entspricht.",
    "table_unknown": "Tabelle, die keiner bekannten Tabellenart zugeordnet wurde.",
    "table_unreadable": "Inhalt einer Tabelle, den kein Datensatz aufnehmen konnte.",
    "text_amount_suspect": "Betrag im Fließtext, den kein deutsches Zahlformat zulässt.",
    "text_count_conflict": (
        "Zwei Zahlen für dasselbe im selben Steckbrief (Aufzählung gegen Anzahl)."
    ),
    "text_share_mismatch": "Ein Anteil im Text passt nicht zu den Teilzahlen daneben.",
    "title_repaired": "Titel im Steckbrief war fehlerhaft und wurde bestätigt repariert.",
    "title_unconfirmed": "Titel im Steckbrief ist fehlerhaft und nicht bestätigt.",
    "value_suspect": "Zahl, die ihrer Form oder ihrem Umfeld widerspricht; nicht geraten.",
}
"""Every finding code with its meaning (German, for the data dictionary). Codes are stable."""


READ_FAILURES = frozenset(
    {"page_skipped", "table_unreadable", "budget_rows_missing", "rows_not_joined"}
)
"""Codes of findings about the run, not the plan: part of the PDF was not read. They make
``build`` fail whatever ``--fail-on`` says; the curated data are incomplete."""


def count_read_failures(findings: list[Finding]) -> int:
    """How many findings say the run could not read part of its PDF."""
    return sum(1 for f in findings if f.code in READ_FAILURES)


SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then infos; within each by code and first page."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], f.code, (f.pages or [0])[0], f.message),
    )


def count_by_severity(findings: list[Finding]) -> dict[Severity, int]:
    """How many findings of each severity (all three keys always present)."""
    counts = Counter(f.severity for f in findings)
    return {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]}
