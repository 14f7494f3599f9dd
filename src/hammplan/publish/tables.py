"""The one table of columns: every flat view of the curated plan, its columns in order and
their German descriptions, from which the CSV header, the Data Package schema, the SQLite
column types, the Excel sheets and ``docs/data-dictionary.md`` are all made.

budget.csv has one column per printed year and kind (``aufwand_JJJJ``, ``wert_JJJJ``): the
years come from the plan's header, so the tables are made for a plan (:func:`tables_for`).
``budget_values.csv`` holds the same values one row per budget row, year and kind, with
columns that never change between editions. The data dictionary documents the columns with
``JJJJ`` standing for each printed year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from hammplan.records.plan import ARTEN, Art, BudgetYear

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
    enum: tuple[str, ...] = ()
    """The values the column may hold, where they are a fixed few (every status column)."""


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

STATUSES: tuple[str, ...] = tuple(STATUS_TEXT)
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
BUDGET_KINDS: tuple[str, ...] = ("aufwand", "ertrag", "wert")

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
            enum=STATUSES,
        ),
    )


YearColumns = tuple[tuple[str, tuple[Art, ...]], ...]
"""Each printed year (as a column-name suffix) with the kinds printed for it."""

DOCUMENTED_YEARS: YearColumns = (("JJJJ", ARTEN),)
"""The years the data dictionary shows: JJJJ for each year the plan prints."""

_KIND_LABELS: dict[Art, str] = {"aufwand": "Aufwand", "ertrag": "Ertrag (Einnahmen)"}


def year_columns(years: Sequence[BudgetYear]) -> YearColumns:
    """The value columns a plan's budget years make: each year with its printed kinds."""
    return tuple((str(y.jahr), tuple(y.arten)) for y in years)


def budget_value_columns(years: YearColumns) -> tuple[tuple[str, str, str | None], ...]:
    """The value columns of a budget row, in printed order: name, description, unit."""
    amounts = tuple(
        (
            f"{kind}_{year}",
            f"{label} {year} in Euro; leer, wenn nicht als Betrag genannt "
            f"(siehe {kind}_{year}_status).",
            EUR,
        )
        for year, kinds in years
        for kind, label in _KIND_LABELS.items()
        if kind in kinds
    )
    values = tuple(
        (
            f"wert_{year}",
            f"Wert der Kennzahl {year}; nur gefüllt, wenn die Zelle genau einen Zahlenwert "
            f"enthält (sonst siehe wert_{year}_raw).",
            None,
        )
        for year, kinds in years
        if "wert" in kinds
    )
    return amounts + values


def _wert_range(years: YearColumns) -> str:
    names = [f"wert_{year}" for year, kinds in years if "wert" in kinds]
    if len(names) > 1:
        return f"{names[0]} bis {names[-1]}"
    return names[0] if names else "keiner Wert-Spalte"


def _tables(years: YearColumns) -> tuple[Table, ...]:
    """Every flat table for a plan printing ``years``."""
    values = budget_value_columns(years)
    return (
        Table(
            name="measures",
            file="measures.csv",
            sheet="Maßnahmen",
            title="Maßnahmen",
            description=(
                "Eine Zeile je Maßnahme, aus ihrem Steckbrief, mit Verweisen auf das Budget."
            ),
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
                    'Kennzahlen des Steckbriefs als "Bezeichnung: Wert Einheit", getrennt durch '
                    '"; "; eine Kennzahl ohne Zahl wortgetreu ("Familien", "Lots:innen: k.A."), '
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
                    enum=STATUSES,
                ),
                Column(
                    "kosten_stand",
                    "date",
                    "Stichtag, der bei den Kosten gedruckt ist (JJJJ-MM-TT).",
                ),
                Column(
                    "pages", "string", 'PDF-Seiten (ab 1) des Steckbriefs, getrennt durch "; ".'
                ),
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
                    for name, description, unit in values
                    if not name.startswith("wert_")
                ),
                Column("foerdergeber", "string", "Fördergeber laut Budgettabelle."),
                Column(
                    "kennzahl",
                    "string",
                    f"Bezeichnung der Kennzahl, deren Werte in {_wert_range(years)} stehen.",
                ),
                *(
                    Column(name, "number", description, unit=unit)
                    for name, description, unit in values
                    if name.startswith("wert_")
                ),
                Column("page", "integer", "PDF-Seite (ab 1), auf der die Zeile beginnt."),
                *(column for name, _, _ in values for column in _value_columns(name)),
                Column("id", "string", "Kennung der Budgetzeile; Primärschlüssel."),
                Column("sta_raw", "string", "StA-Zelle wortgetreu, wie gedruckt."),
                Column(
                    "sta_name", "string", "Name der Dienststelle zum StA-Kürzel, soweit bekannt."
                ),
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
            name="budget_values",
            file="budget_values.csv",
            sheet="Budgetwerte",
            title="Budgetwerte",
            description=(
                "Die Werte der Budgettabellen, eine Zeile je Budgetzeile, Jahr und Art, mit "
                "Spalten, die zwischen Ausgaben des Plans gleich bleiben: die Jahre stehen in "
                "der Spalte jahr, wie der Tabellenkopf sie druckt."
            ),
            columns=(
                Column("budget_id", "string", "Kennung der Budgetzeile (budget.csv, id)."),
                Column(
                    "measure_id",
                    "string",
                    "Kennung der verknüpften Maßnahme (measures.csv, id); leer ohne Verknüpfung.",
                ),
                Column("jahr", "integer", "Jahr, wie der Tabellenkopf es druckt."),
                Column(
                    "art",
                    "string",
                    "Art des Werts: aufwand, ertrag oder wert (Kennzahl).",
                    enum=BUDGET_KINDS,
                ),
                Column(
                    "betrag_eur",
                    "number",
                    "Betrag in Euro (Aufwand, Ertrag); leer, wenn nicht als Betrag genannt "
                    "(siehe status).",
                    unit=EUR,
                ),
                Column(
                    "wert",
                    "number",
                    "Wert der Kennzahl; nur gefüllt, wenn die Zelle genau einen Zahlenwert "
                    "enthält.",
                ),
                Column(
                    "einheit",
                    "string",
                    "Einheit des Werts: EUR bei Beträgen, bei Kennzahlen die gedruckte "
                    "Einheit (Std., %), sonst leer.",
                ),
                Column(
                    "basis",
                    "string",
                    'Grundlage laut Tabellenkopf: "ist" mit dem gedruckten Stichtag '
                    '("ist 30.06"), "plan" für geplante Werte, leer, wenn der Kopf keine nennt.',
                ),
                Column("raw", "string", "Zelle wortgetreu, wie gedruckt."),
                Column(
                    "status",
                    "string",
                    "Status der Zelle: ok, not_stated, note oder suspect.",
                    enum=STATUSES,
                ),
                Column("page", "integer", "PDF-Seite (ab 1) der Zelle."),
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
                Column(
                    "aussiedler", "integer", "Aussiedlerinnen und Aussiedler (Anzahl Personen)."
                ),
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
            file="findings.csv",
            sheet="Befunde",
            title="Befunde",
            description=(
                "Was der Plan nicht nennt, entstellt oder sich widersprechend nennt, als "
                "Datensätze (auch in findings.json, dort mit den Verweisen als Objekte)."
            ),
            columns=(
                Column("code", "string", "Stabiler Code des Befunds; wird nie umbenannt."),
                Column("severity", "string", "Schwere: error, warning oder info.", enum=SEVERITIES),
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


@cache
def _tables_cached(years: YearColumns) -> tuple[Table, ...]:
    return _tables(years)


def tables_for(years: Sequence[BudgetYear]) -> tuple[Table, ...]:
    """Every flat table of a plan with these budget years, its columns in order and their
    German descriptions: the one source."""
    return _tables_cached(year_columns(years))


def table_named(years: Sequence[BudgetYear], name: str) -> Table:
    """One flat table of a plan with these budget years."""
    return next(t for t in tables_for(years) if t.name == name)


TABLES: tuple[Table, ...] = _tables(DOCUMENTED_YEARS)
"""The flat tables as the data dictionary documents them (JJJJ for each printed year)."""

OUTPUT_FILES: tuple[str, ...] = (
    "plan.json",
    "measures.json",
    "measures.csv",
    "budget.csv",
    "budget_values.csv",
    "districts.csv",
    "findings.csv",
    "findings.json",
    "hammplan.xlsx",
    "hammplan.sqlite",
    "metadata.json",
    "datapackage.json",
)
"""Every file :func:`~hammplan.publish.write_curated` writes, in the order written (the
package last); with the source PDF, ``quelle.pdf`` comes before the workbook that links to it."""
