"""Budget and population aggregates, shared by the report's tables and its charts: sums over
stated values with counts of the rest, budget entities, district shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from hammplan.records.plan import BudgetLine, CuratedPlan, District, Measure
from hammplan.records.values import Amount
from hammplan.render import formatting as fmt
from hammplan.render.labels import POPULATION_GROUPS


@dataclass(frozen=True)
class YearSum:
    """The stated amounts of some budget cells added up, and how many were not stated."""

    value: Decimal | None
    stated: int
    not_stated: int
    note: int
    suspect: int

    @property
    def rows(self) -> int:
        return self.stated + self.not_stated + self.note + self.suspect

    @property
    def missing(self) -> int:
        return self.rows - self.stated

    @property
    def complete(self) -> bool:
        return self.rows > 0 and self.missing == 0


def sum_amounts(amounts: Iterable[Amount]) -> YearSum:
    """Adds the ``ok`` amounts; counts the others by status. ``value`` None when none is ok."""
    total = Decimal(0)
    counts = {"ok": 0, "not_stated": 0, "note": 0, "suspect": 0}
    for amount in amounts:
        if amount.status == "ok" and amount.betrag_eur is not None:
            total += amount.betrag_eur
            counts["ok"] += 1
        elif amount.status == "ok":
            counts["not_stated"] += 1
        else:
            counts[amount.status] += 1
    return YearSum(
        total if counts["ok"] else None,
        counts["ok"],
        counts["not_stated"],
        counts["note"],
        counts["suspect"],
    )


def missing_phrase(total: YearSum) -> str:
    """ "vollständig" or "2 o. A., 1 Text statt Zahl, 1 fraglich" for a total."""
    if total.complete:
        return "vollständig"
    parts = []
    if total.not_stated:
        parts.append(f"{fmt.number(total.not_stated)} o.\u00a0A.")
    if total.note:
        parts.append(f"{fmt.number(total.note)} Text statt Zahl")
    if total.suspect:
        parts.append(f"{fmt.number(total.suspect)} fraglich")
    return ", ".join(parts) if parts else "keine Zeilen"


def sum_text(total: YearSum) -> str:
    """ "1.057.821,54 €", or "o. A." when no row states a value."""
    return fmt.euro(total.value) if total.value is not None else fmt.NOT_STATED


def budget_rows_of(plan: CuratedPlan, measure: Measure) -> list[BudgetLine]:
    """The budget rows of a measure, in the order of the budget tables."""
    ids = set(measure.budget_rows)
    return [b for b in plan.budget if b.id in ids or b.link.measure_id == measure.id]


@dataclass(frozen=True)
class BudgetEntity:
    """A measure with its budget rows added up per year, or a budget row with no measure."""

    key: str
    label: str
    measure_id: str | None
    handlungsfelder: tuple[str, ...]
    rows: tuple[BudgetLine, ...]
    aufwand: dict[int, YearSum]
    ertrag: dict[int, YearSum]

    @property
    def pages(self) -> list[int]:
        return sorted({p for row in self.rows for p in (row.pages or [row.page])})


def budget_entities(plan: CuratedPlan) -> list[BudgetEntity]:
    """Each measure with budget rows (plan order), then each row linked to no measure."""
    entities: list[BudgetEntity] = []
    seen: set[str] = set()
    for measure in plan.measures:
        rows = budget_rows_of(plan, measure)
        rows = [r for r in rows if r.id not in seen]
        if not rows:
            continue
        seen.update(r.id for r in rows)
        entities.append(
            _entity(
                measure.id, measure.titel, measure.id, measure.handlungsfelder, rows, plan.years
            )
        )
    for row in plan.budget:
        if row.id not in seen:
            seen.add(row.id)
            entities.append(
                _entity(row.id, f"{row.massnahme} (ohne Steckbrief)", None, [], [row], plan.years)
            )
    return entities


def _entity(
    key: str,
    label: str,
    measure_id: str | None,
    fields: Sequence[str],
    rows: Sequence[BudgetLine],
    years: Sequence[int],
) -> BudgetEntity:
    return BudgetEntity(
        key=key,
        label=label,
        measure_id=measure_id,
        handlungsfelder=tuple(fields),
        rows=tuple(rows),
        aufwand={y: sum_amounts(r.aufwand(y) for r in rows) for y in years},
        ertrag={y: sum_amounts(r.ertrag(y) for r in rows) for y in years},
    )


def organisation_label(plan: CuratedPlan, sta: str, sta_name: str | None) -> str:
    """ "40 – Schulamt", or the code alone when no name is known."""
    name = sta_name or plan.organisations.get(sta)
    return f"{sta} – {name}" if name else sta


def district_total(plan: CuratedPlan) -> District | None:
    totals = [d for d in plan.districts if d.ist_gesamt]
    return totals[0] if totals else None


def migh_share(district: District) -> Decimal | None:
    """Share of residents with a migration background: MigH / (MigH + Deutsche ohne MigH)."""
    migh: Decimal | None = district.migh_gesamt
    parts = [district.auslaender, district.eingebuergerte, district.aussiedler]
    if migh is None and all(p is not None for p in parts):
        migh = sum((p for p in parts if p is not None), Decimal(0))
    if migh is None or district.deutsche_ohne_migh is None:
        return None
    base = migh + district.deutsche_ohne_migh
    return Decimal(migh) / base if base else None


def group_values(district: District) -> list[Decimal | None]:
    """The four disjoint groups of a district, in POPULATION_GROUPS order."""
    values: list[Decimal | None] = [getattr(district, name) for name, _ in POPULATION_GROUPS]
    return values


def group_shares(district: District) -> list[Decimal | None]:
    """Each group's share of the district's residents (None when a group is not stated)."""
    values = group_values(district)
    if any(v is None for v in values):
        return [None] * len(values)
    base = sum((v for v in values if v is not None), Decimal(0))
    return [Decimal(v) / base if base and v is not None else None for v in values]
