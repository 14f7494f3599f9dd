"""Cells: one value as the report shows it (formatted, with its page and status), and the
anchors that findings and tables link to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hammplan.records.values import Amount, KeyFigure, KeyFigures, Number, Status, Text
from hammplan.render import formatting as fmt
from hammplan.slugs import slug as text_slug


@dataclass(frozen=True)
class Cell:
    """One value as shown: text, its status, the printed text and the page."""

    text: str
    status: str = "ok"
    raw: str = ""
    page: str = ""
    detail: str = ""
    hint: str = ""
    """Shown on demand only (a tooltip): why a value is not stated."""

    @property
    def stated(self) -> bool:
        return self.status == "ok"


def _absent_text(status: Status, raw: str, note: str | None) -> str:
    if status == "not_stated":
        return fmt.NOT_STATED
    if status == "note":
        return f"„{(note or raw).strip()}“"
    return f"„{raw.strip()}“"


def amount_cell(amount: Amount, fallback_page: int | Iterable[int] | None = None) -> Cell:
    """An Aufwand, Ertrag or Kosten cell: "45.821,54 €", "o. A.", „Land NRW“, „762.58“."""
    details: list[str] = []
    if amount.stand is not None:
        details.append(f"Stand {fmt.day(amount.stand)}")
    for part in amount.parts:
        value = fmt.euro(part.betrag_eur) + (f" pro {part.per}" if part.per else "")
        details.append(f"{part.label}: {value}" if part.label else value)
    if amount.status == "ok" and amount.betrag_eur is not None:
        text = fmt.euro(amount.betrag_eur)
    elif amount.status == "ok" and amount.parts:
        text = details.pop(1 if amount.stand is not None else 0)
    else:
        text = _absent_text(amount.status, amount.raw, amount.note)
        if amount.status == "note":
            details.append("Text statt Betrag")
        elif amount.status == "suspect":
            details.append("fraglich, nicht mitgezählt")
        if amount.reason and amount.status != "not_stated":
            details.append(amount.reason)
    page = fmt.page(amount.page) if amount.page is not None else fmt.page(fallback_page)
    hint = amount.reason or "" if amount.status == "not_stated" else ""
    return Cell(text, amount.status, amount.raw, page, "; ".join(details), hint)


def key_figure_text(figure: KeyFigure) -> str:
    """ "Teilnehmende: 501", "Quote: 65 %", or the printed text when it has no number."""
    if figure.value is None:
        return figure.raw.strip() or fmt.NOT_STATED
    value = fmt.number(figure.value)
    if figure.unit:
        value = f"{value}\u00a0{figure.unit}"
    if figure.note:
        value = f"{value} {figure.note}"
    return f"{figure.label}: {value}" if figure.label else value


def key_figures_cell(figures: KeyFigures, fallback_page: int | Iterable[int] | None = None) -> Cell:
    """A Kennzahlen or Wert cell: its figures joined, or how it is absent."""
    if figures.status == "ok" and figures.items:
        text = "; ".join(key_figure_text(f) for f in figures.items)
    elif figures.status == "ok":
        text = figures.raw.strip() or fmt.NOT_STATED
    else:
        text = _absent_text(figures.status, figures.raw, figures.raw)
    page = fmt.page(figures.page) if figures.page is not None else fmt.page(fallback_page)
    if figures.status == "not_stated":
        return Cell(text, figures.status, figures.raw, page, hint=figures.reason or "")
    return Cell(text, figures.status, figures.raw, page, figures.reason or "")


def text_cell(text: Text, fallback_page: int | Iterable[int] | None = None) -> Cell:
    """A text cell (Fördergeber, Kennzahl): the repaired text, or how it is absent."""
    status: Status = text.status
    if status == "ok" and text.text:
        shown = text.text
    elif status == "ok":
        status, shown = "not_stated", fmt.NOT_STATED
    else:
        shown = _absent_text(status, text.raw, text.text)
    page = fmt.page(text.pages) if text.pages else fmt.page(fallback_page)
    return Cell(shown, status, text.raw, page)


def number_cell(value: Number | None, page: int | None) -> Cell:
    """A count of the population table."""
    if value is None:
        return Cell(fmt.NOT_STATED, "not_stated", "", fmt.page(page))
    return Cell(fmt.number(value), "ok", "", fmt.page(page))


def slug(text: str) -> str:
    """An anchor word for a name or code ("Bockum-Hövel" -> "bockum-hoevel"), as ids are made."""
    return text_slug(text, fallback="x")


class Anchors:
    """Unique fragment ids for records: ``massnahme-m01``, ``haushalt-b07``, ..."""

    PREFIXES = {
        "measure": "massnahme",
        "budget": "haushalt",
        "district": "sozialraum",
        "statement": "aussage",
    }

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()

    def add(self, kind: str, record_id: str, name: str | None = None) -> str:
        key = (kind, record_id)
        if key in self._by_key:
            return self._by_key[key]
        base = f"{self.PREFIXES[kind]}-{slug(name if name is not None else record_id)}"
        candidate, n = base, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        self._by_key[key] = candidate
        return candidate

    def get(self, kind: str, record_id: str) -> str | None:
        return self._by_key.get((kind, record_id))
