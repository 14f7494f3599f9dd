"""The budget years of the plan being reported, as the report names and draws them.

Every year comes from the plan's budget header (``CuratedPlan.budget_years``): a report of the
next edition shows that edition's years, however many it prints. A year's colour and marker
follow its place in the table; planned years are hatched and drawn as triangles as well as
coloured, so the difference never rests on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from hammplan.records.plan import BudgetYear, CuratedPlan, latest_actual_year

_ACTUAL_COLOURS = ("sky_blue", "blue", "bluish_green", "reddish_purple", "black")
_ACTUAL_MARKERS = ("o", "s", "D", "v", "P")
_PLAN_COLOURS = ("orange", "vermillion", "yellow")


@dataclass(frozen=True)
class PlanYears:
    """The printed budget years, in printed order, with their labels and styles."""

    years: tuple[BudgetYear, ...]

    @classmethod
    def of(cls, plan: CuratedPlan) -> PlanYears:
        """The years of ``plan``'s budget table."""
        return cls(tuple(plan.budget_years))

    @property
    def numbers(self) -> list[int]:
        """The years, in printed order."""
        return [y.jahr for y in self.years]

    def _year(self, year: int) -> BudgetYear | None:
        return next((y for y in self.years if y.jahr == year), None)

    def label(self, year: int) -> str:
        """ "JJJJ (geplant)" for a planned year, else the year."""
        found = self._year(year)
        return found.label if found is not None else str(year)

    def spoken(self) -> str:
        """All years for a sentence: "J1, J2 und J3 (geplant)"."""
        labels = [y.label for y in self.years]
        if len(labels) < 2:
            return "".join(labels) or "keine Jahre"
        return f"{', '.join(labels[:-1])} und {labels[-1]}"

    def style(self, year: int) -> tuple[str, str, str]:
        """Colour (a name of the charts' Okabe-Ito palette), hatch and marker of ``year``."""
        actual = [y.jahr for y in self.years if y.basis != "plan"]
        planned = [y.jahr for y in self.years if y.basis == "plan"]
        if year in planned:
            i = planned.index(year)
            return _PLAN_COLOURS[i % len(_PLAN_COLOURS)], "///", "^"
        i = actual.index(year) if year in actual else len(actual)
        return (
            _ACTUAL_COLOURS[i % len(_ACTUAL_COLOURS)],
            "",
            _ACTUAL_MARKERS[i % len(_ACTUAL_MARKERS)],
        )

    @property
    def reference(self) -> int | None:
        """The year the report ranks by: the latest with actual figures, else the last."""
        latest = latest_actual_year(list(self.years))
        if latest is not None:
            return latest
        return self.years[-1].jahr if self.years else None

    def before(self, year: int) -> int | None:
        """The year printed before ``year``, if any."""
        numbers = self.numbers
        i = numbers.index(year) if year in numbers else 0
        return numbers[i - 1] if i > 0 else None

    def prints(self, year: int, kind: str) -> bool:
        """Whether the table prints a ``kind`` column for ``year``."""
        found = self._year(year)
        return found is not None and kind in found.arten
