"""The one table of columns: every flat view of the curated plan, its columns in order and
their German descriptions, from which the CSV header, the Data Package schema, the SQLite
column types, the Excel sheets and ``docs/data-dictionary.md`` are all made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hammplan.records.plan import BUDGET_YEARS

ColumnType = Literal["string", "number", "integer", "date", "boolean"]


@dataclass(frozen=True)
class Column:
    """One column of a flat table, described once for CSV, Excel, SQLite and the docs."""

    name: str
    type: ColumnType
    description: str
    unit: str | None = None
    in_csv: bool = True
    """False for a column kept only in Excel and SQLite (districts.ist_gesamt)."""


@dataclass(frozen=True)
class Table:
    """One flat view of the plan: a CSV file (if ``file``), an Excel sheet, an SQLite table."""

    name: str
    file: str | None
    sheet: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def csv_columns(self) -> tuple[Column, ...]:
        """The columns of the CSV file, in order."""
        return tuple(c for c in self.columns if c.in_csv)


STATUS_TEXT: dict[str, str] = {
    "ok": "Wert wie gedruckt (nach dokumentierten Reparaturen wie Silbentrennung).",
    "not_stated": (
        'Der Plan nennt den Wert nicht: "o. A.", "k. A." (auch in Varianten der Texterkennung) '
        "oder eine leere Zelle. Die Zahlenspalte bleibt leer."
    ),
    "note": (
        'Worte statt einer Zahl ("Land NRW", "Beschlussvorlage"); die Worte stehen in der '
        "_raw-Spalte, die Zahlenspalte bleibt leer."
    ),
    "suspect": (
        'Sieht aus wie eine Zahl, widerspricht aber ihrer Form oder ihrem Zusammenhang ("762.58", '
        '"066"). Es wird nie geraten: die Zahlenspalte bleibt leer, ein Befund nennt den Grund.'
    ),
}
"""The four values of every *_status column, explained once for the data dictionary."""

SEVERITY_TEXT: dict[str, str] = {
    "error": "Zwei gedruckte Zahlen widersprechen sich, oder einer Zahl kann nicht vertraut "
    "werden.",
    "warning": "Eine Lücke (eine Stelle nennt, was eine andere offen lässt) oder wahrscheinlich "
    "falsch; lohnt einen Blick.",
    "info": "Eine Reparatur oder Beobachtung, der Nachvollziehbarkeit halber festgehalten.",
}

EUR = "EUR"

TEXT_COLUMNS: tuple[str, ...] = ("foerdergeber", "kennzahl")
"""Budget text columns published with their printed text and status, like the numbers: an
unreadable funder cell is ``suspect``, an "o. A." one ``not_stated``."""


def _value_columns(name: str) -> tuple[Column, ...]:
    """The raw and status companions of one budget value column (kept beside the number)."""
    return (
        Column(f"{name}_raw", "string", f"Zelle {name} wortgetreu, wie gedruckt."),
        Column(
            f"{name}_status",
            "string",
            f"Status der Zelle {name}: ok, not_stated, note oder suspect.",
        ),
    )


def _budget_value_columns() -> tuple[tuple[str, str, str | None], ...]:
    """The nine value columns of a budget row, in printed order: name, description, unit."""
    amounts = tuple(
        (
            f"{kind}_{year}",
            f"{label} {year} in Euro; leer, wenn nicht als Betrag genannt "
            f"(siehe {kind}_{year}_status).",
            EUR,
        )
        for year in BUDGET_YEARS
        for kind, label in (("aufwand", "Aufwand"), ("ertrag", "Ertrag (Einnahmen)"))
    )
    values = tuple(
        (
            f"wert_{year}",
            f"Wert der Kennzahl {year}; nur gefüllt, wenn die Zelle genau einen Zahlenwert "
            f"enthält (sonst siehe wert_{year}_raw).",
            None,
        )
        for year in BUDGET_YEARS
    )
    return amounts + values


BUDGET_VALUES = _budget_value_columns()

TABLES: tuple[Table, ...] = (
    Table(
        name="measures",
        file="measures.csv",
        sheet="Maßnahmen",
        title="Maßnahmen",
        description="Eine Zeile je Maßnahme, aus ihrem Steckbrief, mit Verweisen auf das Budget.",
        columns=(
            Column("id", "string", "Kennung der Maßnahme; Primärschlüssel."),
            Column("titel", "string", "Titel der Maßnahme laut Steckbrief."),
            Column("traeger", "string", "Träger der Maßnahme laut Steckbrief."),
            Column("beschreibung", "string", "Beschreibung der Maßnahme laut Steckbrief."),
            Column(
                "handlungsfelder",
                "string",
                'Handlungsfelder der Maßnahme, getrennt durch "; ".',
            ),
            Column("zielgruppe", "string", "Zielgruppe laut Steckbrief."),
            Column("sachstand", "string", "Sachstand laut Steckbrief."),
            Column(
                "kennzahlen",
                "string",
                'Kennzahlen des Steckbriefs als "Bezeichnung: Wert Einheit", getrennt durch "; "; '
                "eine Kennzahl ohne Zahl wortgetreu (\"Familien\", \"Lots:innen: k.A.\"), "
                "nie weggelassen.",
            ),
            Column(
                "kosten_betrag_eur",
                "number",
                "Kosten laut Steckbrief in Euro; leer, wenn nicht als Betrag genannt "
                "(siehe kosten_status).",
                unit=EUR,
            ),
            Column("kosten_raw", "string", "Kostenangabe wortgetreu, wie gedruckt."),
            Column(
                "kosten_status",
                "string",
                "Status der Kostenangabe: ok, not_stated, note oder suspect.",
            ),
            Column(
                "kosten_stand",
                "date",
                "Stichtag, der bei den Kosten gedruckt ist (JJJJ-MM-TT).",
            ),
            Column("pages", "string", 'PDF-Seiten (ab 1) des Steckbriefs, getrennt durch "; ".'),
            Column(
                "budget_rows",
                "string",
                'Kennungen der zugehörigen Budgetzeilen (budget.csv, id), getrennt durch "; ".',
            ),
        ),
    ),
    Table(
        name="budget",
        file="budget.csv",
        sheet="Budget",
        title="Budget",
        description=(
            "Eine Zeile je Zeile der Budgettabellen: Aufwand und Ertrag je Jahr, Fördergeber, "
            "Kennzahl, verknüpft mit der Maßnahme."
        ),
        columns=(
            Column("sta", "string", "Kürzel der städtischen Dienststelle (Spalte StA)."),
            Column("massnahme", "string", "Name der Maßnahme, wie in der Budgettabelle."),
            Column(
                "measure_id",
                "string",
                "Kennung der verknüpften Maßnahme (measures.csv, id); leer, wenn keine "
                "Maßnahme zugeordnet werden konnte.",
            ),
            *(
                Column(name, "number", description, unit=unit)
                for name, description, unit in BUDGET_VALUES
                if not name.startswith("wert_")
            ),
            Column("foerdergeber", "string", "Fördergeber laut Budgettabelle."),
            Column(
                "kennzahl",
                "string",
                "Bezeichnung der Kennzahl, deren Werte in wert_2023 bis wert_2025 stehen.",
            ),
            *(
                Column(name, "number", description, unit=unit)
                for name, description, unit in BUDGET_VALUES
                if name.startswith("wert_")
            ),
            Column("page", "integer", "PDF-Seite (ab 1), auf der die Zeile beginnt."),
            *(column for name, _, _ in BUDGET_VALUES for column in _value_columns(name)),
            Column("id", "string", "Kennung der Budgetzeile; Primärschlüssel."),
            Column("sta_raw", "string", "StA-Zelle wortgetreu, wie gedruckt."),
            Column("sta_name", "string", "Name der Dienststelle zum StA-Kürzel, soweit bekannt."),
            Column("massnahme_raw", "string", "Maßnahmen-Zelle wortgetreu, wie gedruckt."),
            Column(
                "link_score",
                "number",
                "Ähnlichkeit (0 bis 100) des Namens mit dem Titel der verknüpften Maßnahme "
                "(bei einer Verknüpfung über einen Kostenteil: mit dessen Bezeichnung); 100 "
                "bei genauer Übereinstimmung, leer ohne Verknüpfung.",
            ),
            *(column for name in TEXT_COLUMNS for column in _value_columns(name)),
        ),
    ),
    Table(
        name="districts",
        file="districts.csv",
        sheet="Sozialräume",
        title="Sozialräume",
        description=(
            "Bevölkerung nach Migrationsstatus je Sozialraum. Die Summenzeile der Tabelle "
            "steht nur in plan.json, Excel und SQLite (ist_gesamt)."
        ),
        columns=(
            Column("sozialraum", "string", "Name des Sozialraums."),
            Column("auslaender", "integer", "Ausländerinnen und Ausländer (Anzahl Personen)."),
            Column("eingebuergerte", "integer", "Eingebürgerte (Anzahl Personen)."),
            Column("aussiedler", "integer", "Aussiedlerinnen und Aussiedler (Anzahl Personen)."),
            Column(
                "migh_gesamt",
                "integer",
                "Personen mit Migrationshintergrund insgesamt (Anzahl Personen).",
            ),
            Column(
                "deutsche_ohne_migh",
                "integer",
                "Deutsche ohne Migrationshintergrund (Anzahl Personen).",
            ),
            Column("page", "integer", "PDF-Seite (ab 1) der Tabelle."),
            Column(
                "ist_gesamt",
                "boolean",
                "Wahr für die gedruckte Summenzeile, die districts.csv weglässt.",
                in_csv=False,
            ),
        ),
    ),
    Table(
        name="findings",
        file=None,
        sheet="Befunde",
        title="Befunde",
        description=(
            "Was der Plan nicht nennt, entstellt oder sich widersprechend nennt, als Datensätze "
            "(auch in findings.json, dort mit den Verweisen als Objekte)."
        ),
        columns=(
            Column("code", "string", "Stabiler Code des Befunds; wird nie umbenannt."),
            Column("severity", "string", "Schwere: error, warning oder info."),
            Column("message", "string", "Der Befund in Worten."),
            Column("pages", "string", 'PDF-Seiten, auf die er verweist, getrennt durch "; ".'),
            Column(
                "refs",
                "string",
                'Betroffene Datensätze als "Art:Kennung.Feld (S. Seite)", getrennt durch "; ".',
            ),
        ),
    ),
)
"""Every flat table, its columns in order and their German descriptions: the one source."""

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

OUTPUT_FILES: tuple[str, ...] = (
    "plan.json",
    "measures.json",
    "measures.csv",
    "budget.csv",
    "districts.csv",
    "findings.json",
    "hammplan.xlsx",
    "hammplan.sqlite",
    "datapackage.json",
)
"""Every file :func:`~hammplan.publish.write_curated` writes, in the order written (the
package last)."""
