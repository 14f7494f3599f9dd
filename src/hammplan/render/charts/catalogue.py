"""Which charts the report has, in the order it shows them: each a function of the plan that
returns the chart's draft (drawn by :func:`hammplan.render.fast.charts_drawing`, in worker
processes where it can)."""

from __future__ import annotations

from collections.abc import Callable

from hammplan.records.plan import CuratedPlan
from hammplan.render.aggregates import BudgetEntity
from hammplan.render.charts.budget import (
    chart_budget_by_field,
    chart_budget_by_organisation,
    chart_measure_years,
    chart_third_party_share,
    chart_top_measures,
)
from hammplan.render.charts.completeness import chart_completeness, chart_field_matrix
from hammplan.render.charts.population import chart_population
from hammplan.render.drawn import ChartDraft
from hammplan.render.years import PlanYears

CHARTS: tuple[Callable[[CuratedPlan, list[BudgetEntity]], ChartDraft], ...] = (
    lambda plan, entities: chart_budget_by_field(plan, entities),
    lambda plan, _entities: chart_budget_by_organisation(plan),
    lambda plan, entities: chart_measure_years(entities, PlanYears.of(plan)),
    lambda plan, entities: chart_top_measures(entities, PlanYears.of(plan)),
    lambda plan, entities: chart_third_party_share(entities, PlanYears.of(plan)),
    lambda plan, _entities: chart_completeness(plan),
    lambda plan, _entities: chart_population(plan),
    lambda plan, _entities: chart_field_matrix(plan),
)
"""The report's charts, in the order the report shows them."""
