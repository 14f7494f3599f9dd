"""Money by year: each measure's Aufwand, Ertrag and Wert, old against new, and the totals.

Works on the long tables of :func:`hammplan.compare.values.budget_values`. A measure's values
are those of all its budget rows added up; a split or merger is compared as a whole (the old
measure against its new parts together). Only years both editions have are compared, and
only stated values are added: every total says how many cells on each side state none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from hammplan.compare.model import BudgetChange, Total, Years, difference
from hammplan.compare.values import KINDS
from hammplan.curate.names import match_key

SUMMED_KINDS = ("aufwand", "ertrag")
"""Kinds whose values add up to a total (a Wert counts different things per row)."""
NO_FIELD = "ohne Handlungsfeld"
ALL = "alle"

_STATUS_ORDER = ("suspect", "note", "not_stated")


@dataclass(frozen=True)
class Unit:
    """What is compared as one: the old and new measures (ids) of a match, split or merger,
    or a budget row linked to no measure (its budget ids), and the title shown."""

    old_measures: tuple[str, ...]
    new_measures: tuple[str, ...]
    titel: str
    old_rows: tuple[str, ...] = ()
    new_rows: tuple[str, ...] = ()


@dataclass(frozen=True)
class Side:
    """One edition's values of a unit, year and kind, added up."""

    value: Decimal | None
    status: str
    basis: str
    stand: date | None
    page: int | None


def years(old: pd.DataFrame, new: pd.DataFrame) -> Years:
    """Years both editions have (compared) and those only one has (listed)."""
    a, b = {int(y) for y in old["jahr"]}, {int(y) for y in new["jahr"]}
    return Years(gemeinsam=sorted(a & b), nur_alt=sorted(a - b), nur_neu=sorted(b - a))


def combined_status(statuses: Iterable[str]) -> str:
    """``ok`` when every cell states a value, ``partial`` when some do (those are added up),
    else the gravest reason none does (suspect, note, not_stated)."""
    found = set(statuses)
    if found == {"ok"}:
        return "ok"
    if "ok" in found:
        return "partial"
    return next((s for s in _STATUS_ORDER if s in found), "not_stated")


def _stated_sum(values: Iterable[object]) -> Decimal | None:
    stated = [v for v in values if isinstance(v, Decimal)]
    return sum(stated, Decimal(0)) if stated else None


def _page(value: object) -> int | None:
    """A page number from the table (a float where some row has none; NaN for none)."""
    return int(value) if isinstance(value, int | float) and value == value else None


def _side(rows: list[tuple[object, ...]]) -> Side:
    """One side of a unit, year and kind from its cells (betrag, status, basis, stand, page)."""
    stands = [r[3] for r in rows if isinstance(r[3], date)]
    pages = [p for r in rows if (p := _page(r[4])) is not None]
    return Side(
        _stated_sum(r[0] for r in rows),
        combined_status(str(r[1]) for r in rows),
        str(rows[0][2]),
        min(stands) if stands else None,
        min(pages) if pages else None,
    )


def unlinked_units(old: pd.DataFrame, new: pd.DataFrame) -> list[Unit]:
    """Budget rows linked to no measure, paired across editions by their printed name."""

    def names(frame: pd.DataFrame) -> dict[str, list[str]]:
        free = frame[frame["measure_id"].isna()].drop_duplicates("budget_id")
        found: dict[str, list[str]] = {}
        for budget_id, name in zip(free["budget_id"], free["massnahme"], strict=True):
            found.setdefault(match_key(str(name)), []).append(str(budget_id))
        return found

    before, after = names(old), names(new)
    titles = dict(zip(new["budget_id"], new["massnahme"], strict=True))
    titles.update(zip(old["budget_id"], old["massnahme"], strict=True))
    units = []
    for key in [*after, *(k for k in before if k not in after)]:
        ids_old, ids_new = tuple(before.get(key, ())), tuple(after.get(key, ()))
        titel = str(titles[(ids_new or ids_old)[0]])
        units.append(Unit((), (), titel, ids_old, ids_new))
    return units


def _unit_index(frame: pd.DataFrame, units: Sequence[Unit], old: bool) -> pd.Series:
    """Which unit each value row belongs to (-1: none)."""
    by_measure, by_row = {}, {}
    for index, unit in enumerate(units):
        for measure_id in unit.old_measures if old else unit.new_measures:
            by_measure[measure_id] = index
        for budget_id in unit.old_rows if old else unit.new_rows:
            by_row[budget_id] = index
    linked = frame["measure_id"].map(by_measure)
    return linked.fillna(frame["budget_id"].map(by_row)).fillna(-1).astype(int)


def _grouped(
    frame: pd.DataFrame, units: Sequence[Unit], old: bool, shared: list[int]
) -> dict[tuple[int, int, str], Side]:
    """Each unit's cells per shared year and kind, added up (grouped in one pass: a pandas
    group per unit, year and kind costs more than the sums)."""
    frame = frame[frame["jahr"].isin(shared)].assign(unit=_unit_index(frame, units, old))
    frame = frame[frame["unit"] >= 0]
    cells: dict[tuple[int, int, str], list[tuple[object, ...]]] = {}
    columns = ["unit", "jahr", "art", "betrag", "status", "basis", "stand", "page"]
    for unit, year, kind, *cell in frame[columns].itertuples(index=False, name=None):
        cells.setdefault((int(unit), int(year), str(kind)), []).append(tuple(cell))
    return {key: _side(rows) for key, rows in cells.items()}


def budget_changes(
    old: pd.DataFrame, new: pd.DataFrame, units: Sequence[Unit], shared: list[int]
) -> list[BudgetChange]:
    """One row per unit, shared year and kind that either edition has a budget row for."""
    before, after = _grouped(old, units, True, shared), _grouped(new, units, False, shared)
    changes = []
    for index, unit in enumerate(units):
        for year in shared:
            for kind in KINDS:
                a, b = before.get((index, year, kind)), after.get((index, year, kind))
                if a is None and b is None:
                    continue
                changes.append(_change(unit, year, kind, a, b))
    return changes


def _change(unit: Unit, year: int, kind: str, a: Side | None, b: Side | None) -> BudgetChange:
    return BudgetChange(
        measure_id_alt=";".join(unit.old_measures) or None,
        measure_id_neu=";".join(unit.new_measures) or None,
        titel=unit.titel,
        jahr=year,
        art=kind,
        alt=a.value if a else None,
        neu=b.value if b else None,
        differenz=difference(a.value if a else None, b.value if b else None),
        alt_status=a.status if a else None,
        neu_status=b.status if b else None,
        alt_basis=a.basis if a else None,
        neu_basis=b.basis if b else None,
        alt_stand=a.stand if a else None,
        neu_stand=b.stand if b else None,
        page_alt=a.page if a else None,
        page_neu=b.page if b else None,
    )


def _sums(
    frame: pd.DataFrame,
) -> dict[tuple[str, int, str], tuple[Decimal | None, int, int, list[int]]]:
    """Per group, year and kind: stated total, cells stating none, cells, pages."""
    cells: dict[tuple[str, int, str], list[tuple[object, object, object]]] = {}
    columns = ["gruppe", "jahr", "art", "betrag", "status", "page"]
    for group, year, kind, *cell in frame[columns].itertuples(index=False, name=None):
        cells.setdefault((str(group), int(year), str(kind)), []).append(tuple(cell))
    return {
        key: (
            _stated_sum(c[0] for c in rows),
            sum(1 for c in rows if c[1] != "ok"),
            len(rows),
            sorted({p for c in rows if (p := _page(c[2])) is not None}),
        )
        for key, rows in sorted(cells.items())
    }


def totals(
    old: pd.DataFrame,
    new: pd.DataFrame,
    shared: list[int],
    groups_old: dict[str, list[str]] | None = None,
    groups_new: dict[str, list[str]] | None = None,
) -> list[Total]:
    """Aufwand and Ertrag per shared year, added up on each side: over all budget rows, or
    (given each measure's Handlungsfelder) per Handlungsfeld, a measure counting in each of
    its fields and a row with no measure under :data:`NO_FIELD`."""

    def prepared(frame: pd.DataFrame, groups: dict[str, list[str]] | None) -> pd.DataFrame:
        frame = frame[frame["jahr"].isin(shared) & frame["art"].isin(SUMMED_KINDS)]
        if groups is None:
            return frame.assign(gruppe=ALL)
        fields = frame["measure_id"].map(
            lambda m: groups.get(m) or [NO_FIELD] if isinstance(m, str) else [NO_FIELD]
        )
        return frame.assign(gruppe=fields).explode("gruppe")

    before = _sums(prepared(old, groups_old))
    after = _sums(prepared(new, groups_new))
    keys = sorted(
        set(before) | set(after),
        key=lambda k: (k[0] != ALL, k[0] == NO_FIELD, k[0], k[1], SUMMED_KINDS.index(k[2])),
    )
    empty: tuple[Decimal | None, int, int, list[int]] = (None, 0, 0, [])
    result = []
    for group, year, kind in keys:
        a, b = before.get((group, year, kind), empty), after.get((group, year, kind), empty)
        result.append(
            Total(
                gruppe=group,
                jahr=year,
                art=kind,
                alt=a[0],
                neu=b[0],
                differenz=difference(a[0], b[0]),
                alt_fehlend=a[1],
                neu_fehlend=b[1],
                alt_zeilen=a[2],
                neu_zeilen=b[2],
                pages_alt=a[3],
                pages_neu=b[3],
            )
        )
    return result
