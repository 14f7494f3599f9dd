"""Small synthetic plans for the checks: a profile and its budget row from printed strings."""

from __future__ import annotations

from hammplan.curate.amounts import parse_amount
from hammplan.curate.keyfigures import parse_key_figures
from hammplan.curate.text import clean_text
from hammplan.records.plan import BudgetLine, Link, Measure
from tests.support.budget import PLAN_YEARS, with_years


def measure(
    ident: str = "m",
    titel: str = "Maßnahme",
    *,
    kennzahlen: str = "o.A.",
    kosten: str = "Stand: 30.06.24: 100 €",
    beschreibung: str = "",
    sachstand: str = "",
    traeger: str = "Träger",
    page: int = 50,
    budget_rows: tuple[str, ...] = ("b001",),
) -> Measure:
    """A measure as curation makes it from a profile printed on ``page``."""
    texts = {
        name: clean_text(value, [page])
        for name, value in (
            ("titel", titel),
            ("traeger", traeger),
            ("beschreibung", beschreibung),
            ("handlungsfelder", "Sprache"),
            ("zielgruppe", "Alle"),
            ("sachstand", sachstand),
            ("kennzahlen", kennzahlen),
            ("kosten", kosten),
        )
    }
    figures = parse_key_figures(kennzahlen)
    figures.page = page
    amount = parse_amount(kosten)
    amount.page = page
    return Measure(
        id=ident,
        titel=titel,
        traeger=texts["traeger"].text,
        beschreibung=texts["beschreibung"].text,
        handlungsfelder=["Sprache"],
        zielgruppe="Alle",
        sachstand=texts["sachstand"].text,
        kennzahlen=figures.items,
        kosten=amount,
        pages=[page],
        budget_rows=list(budget_rows),
        source=texts,
        kennzahlen_cell=figures,
    )


def budget_line(
    ident: str = "b001",
    massnahme: str = "Maßnahme",
    *,
    measure_id: str = "m",
    aufwand: dict[int, str] | None = None,
    ertrag: dict[int, str] | None = None,
    wert: dict[int, str] | None = None,
    kennzahl: str = "o. A.",
    page: int = 36,
) -> BudgetLine:
    """A budget row; every cell not given is printed as "o. A."."""
    cells: dict[str, object] = {}
    for year in (y.jahr for y in PLAN_YEARS):
        for kind, given in (("aufwand", aufwand), ("ertrag", ertrag)):
            amount = parse_amount((given or {}).get(year, "o. A."))
            amount.page = page
            cells[f"{kind}_{year}"] = amount
        figures = parse_key_figures((wert or {}).get(year, "o. A."))
        figures.page = page
        cells[f"wert_{year}"] = figures
    return BudgetLine.model_validate(
        with_years(
            dict(
                id=ident,
                sta="40",
                sta_raw="40",
                massnahme=massnahme,
                massnahme_raw=massnahme,
                link=Link(measure_id=measure_id, score=100.0, method="exact"),
                foerdergeber=clean_text("Land NRW", [page]),
                kennzahl=clean_text(kennzahl, [page]),
                page=page,
                pages=[page],
                **cells,
            )
        )
    )
