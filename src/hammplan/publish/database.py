"""The tables of ``hammplan.sqlite`` that no flat file holds, and the helpers of the database.

Each is a many-to-one table linked by a foreign key: the Handlungsfelder and Kennzahlen of
each measure, the index, the overview and its marks, the statements of the running text, the
organisations of the StA column and the finding codes, and the records each finding points
to. Their column descriptions feed Datasette's ``metadata.json`` (:mod:`.metadata`); the
writer is :mod:`.sqlite`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_decimal

from hammplan.publish.cells import number_or_none
from hammplan.publish.tables import Column, ColumnType
from hammplan.records.findings import FINDING_CODES, Finding, sort_findings
from hammplan.records.plan import CuratedPlan

Value = str | int | float | None
DbRow = dict[str, Value]

EUR = "EUR"


@dataclass(frozen=True)
class DbTable:
    """A table of the database and how Datasette should show it."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    """(column, other table, other column)."""
    label: str | None = None
    """The column Datasette shows where another table links here."""
    search: tuple[str, ...] = ()
    """Columns of the full-text index."""
    sort: str | None = None
    facets: tuple[str, ...] = field(default_factory=tuple)


def euro_text(value: Decimal | None) -> str | None:
    """An amount as shown in euros: "42.703,00 €" (German digits, always with cents)."""
    if value is None:
        return None
    return f"{format_decimal(value, format='#,##0.00##', locale='de_DE')}\u00a0€"


def cents(value: Decimal | None) -> int | None:
    """An amount in whole cents, exactly; None where it has fractions of a cent."""
    if value is None:
        return None
    scaled = value * 100
    return int(scaled) if scaled == scaled.to_integral_value() else None


def _field_names(plan: CuratedPlan) -> list[str]:
    names = list(plan.handlungsfelder)
    extra = [h for m in plan.measures for h in m.handlungsfelder_unknown]
    extra += [h for o in plan.overview for h in o.handlungsfelder]
    return list(dict.fromkeys([*names, *extra]))


def related_rows(plan: CuratedPlan) -> dict[str, list[DbRow]]:
    """The rows of every table besides the flat ones (see :data:`RELATED`)."""
    known = set(plan.handlungsfelder)
    codes = {b.sta for b in plan.budget} | set(plan.organisations)
    findings = sort_findings(plan.findings)
    return {
        "organisations": [{"code": c, "name": plan.organisations.get(c)} for c in sorted(codes)],
        "handlungsfelder": [{"name": h, "bekannt": int(h in known)} for h in _field_names(plan)],
        "measure_handlungsfelder": [
            {"measure_id": m.id, "handlungsfeld": h, "position": n}
            for m in plan.measures
            for n, h in enumerate(
                dict.fromkeys([*m.handlungsfelder, *m.handlungsfelder_unknown]), start=1
            )
        ],
        "kennzahlen": [
            {
                "measure_id": m.id,
                "position": n,
                "bezeichnung": k.label,
                "wert": number_or_none(k.value),
                "einheit": k.unit,
                "notiz": k.note,
                "raw": k.raw,
                "status": k.status,
                "page": m.kennzahlen_cell.page if m.kennzahlen_cell else None,
            }
            for m in plan.measures
            for n, k in enumerate(m.kennzahlen, start=1)
        ],
        "index_entries": [
            {
                "id": e.id,
                "titel": e.titel,
                "seite": e.seite,
                "seite_raw": e.seite_raw,
                "page": e.page,
                "measure_id": e.link.measure_id,
                "link_method": e.link.method,
                "link_score": e.link.score,
            }
            for e in plan.index
        ],
        "overview": [
            {
                "id": o.id,
                "massnahme": o.massnahme,
                "page": o.page,
                "measure_id": o.link.measure_id,
                "link_method": o.link.method,
                "link_score": o.link.score,
            }
            for o in plan.overview
        ],
        "overview_handlungsfelder": [
            {"overview_id": o.id, "handlungsfeld": h}
            for o in plan.overview
            for h in dict.fromkeys(o.handlungsfelder)
        ],
        "statements": [{"id": c.id, "text": c.text, "page": c.page} for c in plan.claims],
        "finding_codes": [
            {"code": code, "bedeutung": meaning} for code, meaning in sorted(FINDING_CODES.items())
        ],
        "finding_refs": [row for n, f in enumerate(findings, start=1) for row in _refs(n, f)],
    }


def _refs(number: int, finding: Finding) -> Iterator[DbRow]:
    for position, ref in enumerate(finding.refs, start=1):
        yield {
            "finding_id": number,
            "position": position,
            "kind": ref.kind,
            "record_id": ref.id,
            "field": ref.field,
            "page": ref.page,
            "measure_id": ref.id if ref.kind == "measure" else None,
            "budget_id": ref.id if ref.kind == "budget" else None,
        }


def holds(rows: Sequence[DbRow], column: str, targets: Sequence[DbRow], key: str) -> bool:
    """Whether every non-empty ``column`` of ``rows`` names a ``key`` of ``targets``."""
    present = {t[key] for t in targets}
    return all(r[column] is None or r[column] in present for r in rows)


_KINDS: dict[type, ColumnType] = {str: "string", int: "integer", float: "number"}


def _c(name: str, kind: type, description: str, unit: str | None = None) -> Column:
    return Column(name, _KINDS[kind], description, unit)


STATUS = "Status des Werts: ok, not_stated, note oder suspect (siehe Datenwörterbuch)."
PAGE = "PDF-Seite (ab 1), auf der der Wert gedruckt ist."
LINKED = (
    _c("measure_id", str, "Kennung der verknüpften Maßnahme."),
    _c("link_method", str, "exact, fuzzy oder none."),
    _c("link_score", float, "Ähnlichkeit 0 bis 100 der Namen."),
)
"""The link of an index entry or overview row to its measure."""

RELATED: tuple[DbTable, ...] = (
    DbTable(
        "organisations",
        "Ämter und Träger",
        "Kürzel der Spalte StA und der Träger, mit Namen.",
        (
            _c("code", str, "Kürzel (StA-Nummer oder Abkürzung); Primärschlüssel."),
            _c("name", str, "Name, soweit bekannt."),
        ),
        pk=("code",),
        label="name",
    ),
    DbTable(
        "handlungsfelder",
        "Handlungsfelder",
        "Die Handlungsfelder des Plans; bekannt = 0 für ein Wort, das keines ist.",
        (
            _c("name", str, "Name des Handlungsfelds; Primärschlüssel."),
            _c("bekannt", int, "1, wenn es eines der Handlungsfelder des Plans ist."),
        ),
        pk=("name",),
        label="name",
    ),
    DbTable(
        "measure_handlungsfelder",
        "Handlungsfelder je Maßnahme",
        "Eine Zeile je Maßnahme und Handlungsfeld, das ihr Steckbrief nennt.",
        (
            _c("measure_id", str, "Kennung der Maßnahme."),
            _c("handlungsfeld", str, "Name des Handlungsfelds."),
            _c("position", int, "Stelle in der Aufzählung des Steckbriefs."),
        ),
        pk=("measure_id", "handlungsfeld"),
        foreign_keys=(
            ("measure_id", "measures", "id"),
            ("handlungsfeld", "handlungsfelder", "name"),
        ),
    ),
    DbTable(
        "kennzahlen",
        "Kennzahlen je Maßnahme",
        'Eine Zeile je Kennzahl eines Steckbriefs ("Teilnehmende: 501").',
        (
            _c("measure_id", str, "Kennung der Maßnahme."),
            _c("position", int, "Stelle im Feld Kennzahlen."),
            _c("bezeichnung", str, "Bezeichnung der Kennzahl."),
            _c("wert", float, "Wert der Kennzahl."),
            _c("einheit", str, "Einheit des Werts."),
            _c("notiz", str, "Worte beim Wert, die keine Einheit sind."),
            _c("raw", str, "Die Kennzahl wortgetreu, wie gedruckt."),
            _c("status", str, STATUS),
            _c("page", int, PAGE),
        ),
        pk=("measure_id", "position"),
        foreign_keys=(("measure_id", "measures", "id"),),
        search=("bezeichnung", "raw"),
    ),
    DbTable(
        "index_entries",
        "Verzeichnis",
        "Das alphabetische Verzeichnis der Steckbriefe.",
        (
            _c("id", str, "Kennung des Eintrags; Primärschlüssel."),
            _c("titel", str, "Titel, wie verzeichnet."),
            _c("seite", int, "Gedruckte Seitenzahl, wenn sie eine Zahl ist."),
            _c("seite_raw", str, "Seitenangabe wortgetreu."),
            _c("page", int, PAGE),
            *LINKED,
        ),
        pk=("id",),
        foreign_keys=(("measure_id", "measures", "id"),),
        label="titel",
    ),
    DbTable(
        "overview",
        "Übersicht",
        "Die Übersicht der Maßnahmen nach Handlungsfeldern.",
        (
            _c("id", str, "Kennung der Zeile; Primärschlüssel."),
            _c("massnahme", str, "Name der Maßnahme, wie gedruckt."),
            _c("page", int, PAGE),
            *LINKED,
        ),
        pk=("id",),
        foreign_keys=(("measure_id", "measures", "id"),),
        label="massnahme",
    ),
    DbTable(
        "overview_handlungsfelder",
        "Handlungsfelder je Zeile der Übersicht",
        "Eine Zeile je Markierung der Übersicht.",
        (
            _c("overview_id", str, "Kennung der Zeile der Übersicht."),
            _c("handlungsfeld", str, "Name des markierten Handlungsfelds."),
        ),
        pk=("overview_id", "handlungsfeld"),
        foreign_keys=(
            ("overview_id", "overview", "id"),
            ("handlungsfeld", "handlungsfelder", "name"),
        ),
    ),
    DbTable(
        "statements",
        "Aussagen im Text",
        "Sätze des Fließtexts, die eine Zahl zur Bevölkerung nennen.",
        (
            _c("id", str, "Kennung der Aussage; Primärschlüssel."),
            _c("text", str, "Der Satz, wie gedruckt."),
            _c("page", int, PAGE),
        ),
        pk=("id",),
        label="text",
        search=("text",),
    ),
    DbTable(
        "finding_codes",
        "Arten von Befunden",
        "Jeder Code eines Befunds und was er bedeutet.",
        (
            _c("code", str, "Stabiler Code; Primärschlüssel."),
            _c("bedeutung", str, "Was der Code bedeutet."),
        ),
        pk=("code",),
        label="bedeutung",
    ),
    DbTable(
        "finding_refs",
        "Verweise der Befunde",
        "Eine Zeile je Datensatz, auf den ein Befund verweist.",
        (
            _c("finding_id", int, "Nummer des Befunds (findings.id)."),
            _c("position", int, "Stelle unter den Verweisen des Befunds."),
            _c(
                "kind",
                str,
                "Art des Datensatzes: measure, budget, district, index, overview, statement.",
            ),
            _c("record_id", str, "Kennung des Datensatzes."),
            _c("field", str, "Betroffenes Feld, wenn eines."),
            _c("page", int, PAGE),
            _c("measure_id", str, "Die Maßnahme, wenn kind = measure."),
            _c("budget_id", str, "Die Budgetzeile, wenn kind = budget."),
        ),
        pk=("finding_id", "position"),
        foreign_keys=(
            ("finding_id", "findings", "id"),
            ("measure_id", "measures", "id"),
            ("budget_id", "budget", "id"),
        ),
        facets=("kind",),
    ),
)
"""The tables beside the flat ones, in the order created."""
