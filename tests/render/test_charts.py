"""Charts: accessible, reproducible SVG, with the data table behind each."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from hammplan.records.plan import CuratedPlan
from hammplan.render import charts
from hammplan.render.aggregates import budget_entities
from hammplan.render.drawn import Chart
from hammplan.render.fast import charts_drawing
from hammplan.render.years import PlanYears
from tests.render.plan_fixture import HOSTILE_TITLE, make_large_plan

NB = "\u00a0"
SVG = "{http://www.w3.org/2000/svg}"


def build_charts(plan: CuratedPlan) -> list[Chart]:
    """Every chart of ``plan``, drawn as a report draws them."""
    with charts_drawing(plan) as drawing:
        return drawing.charts()


@pytest.fixture(scope="module")
def all_charts() -> dict[str, Chart]:
    from tests.render.plan_fixture import make_plan

    return {c.id: c for c in build_charts(make_plan())}


def test_every_chart_is_accessible_svg(all_charts: dict[str, Chart]) -> None:
    assert list(all_charts) == [
        "aufwand-nach-handlungsfeld",
        "aufwand-nach-amt",
        "aufwand-je-massnahme",
        "top-massnahmen",
        "drittmittelanteil",
        "vollstaendigkeit",
        "bevoelkerung-nach-sozialraum",
        "massnahmen-handlungsfelder",
    ]
    for chart in all_charts.values():
        root = ElementTree.fromstring(chart.svg.encode("utf-8"))  # well-formed XML
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"{chart.id}-title {chart.id}-desc"
        assert root.find(f"{SVG}title").text == chart.title  # type: ignore[union-attr]
        assert root.find(f"{SVG}desc").text == chart.alt  # type: ignore[union-attr]
        assert len(chart.alt) > 60
        # every id carries the chart's prefix, every reference points to one of them
        ids = set(re.findall(r'\bid="([^"]+)"', chart.svg))
        assert all(i.startswith(chart.id + "-") for i in ids)
        for ref in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', chart.svg):
            assert (ref[0] or ref[1]) in ids
        assert chart.headers and all(len(row) == len(chart.headers) for row in chart.rows)
        assert not chart.inline_svg.startswith("<?xml")
        assert "<dc:date>" not in chart.svg
        assert "<dc:title>hammplan</dc:title>" in chart.svg  # Creator


def test_charts_use_text_not_paths_and_the_okabe_ito_palette(
    all_charts: dict[str, Chart],
) -> None:
    svg = all_charts["aufwand-nach-handlungsfeld"].svg
    assert ">Erziehung und Bildung<" in svg
    assert f">Aufwand in Tsd.{NB}€<" in svg
    assert ">1.000<" in svg  # German tick labels
    assert "#0072b2" in svg.lower() and "#e69f00" in svg.lower()
    assert "2025 (geplant)" in svg


def test_charts_are_byte_identical_when_drawn_again(
    curated: CuratedPlan,
    all_charts: dict[str, Chart],
) -> None:
    again = build_charts(curated)
    assert [c.svg for c in again] == [c.svg for c in all_charts.values()]


def test_budget_by_field_table(all_charts: dict[str, Chart]) -> None:
    chart = all_charts["aufwand-nach-handlungsfeld"]
    rows = {r[0]: r for r in chart.rows}
    assert rows["Teilhabe und Partizipation"] == [
        "Teilhabe und Partizipation",
        "3",
        f"1.112.253{NB}€ (1 Text statt Zahl)",
        f"1.000.000{NB}€ (1 Text statt Zahl)",
        f"1.019.811{NB}€ (1 Text statt Zahl)",
    ]
    assert rows["Wohnen"][1:] == ["0", "–", "–", "–"]
    assert "mehreren Handlungsfeldern zählt in jedem" in chart.note
    assert f"1{NB}Haushaltszeile ohne Steckbrief" in chart.note


def test_budget_by_organisation_table(all_charts: dict[str, Chart]) -> None:
    rows = all_charts["aufwand-nach-amt"].rows
    assert rows[0][:3] == ["40 – Schulverwaltungsamt", "2", f"1.012.000{NB}€ (1 Text statt Zahl)"]
    assert [r[0] for r in rows] == [
        "40 – Schulverwaltungsamt",
        "45 – VHS Hamm",
        "55 – Jugendamt",
        "24",
        "20",
    ]


def test_measure_years_and_top_measures(all_charts: dict[str, Chart]) -> None:
    years = {r[0]: r for r in all_charts["aufwand-je-massnahme"].rows}
    assert years["Allgemeine Deutschkurse"][1:5] == [
        f"100.253{NB}€",
        f"94.186{NB}€",
        f"97.219{NB}€",
        f"-6,1{NB}%",
    ]
    assert years["Elternschule Hamm e.V."][1] == f"213.431,09{NB}€ (1 o.{NB}A.)"
    assert "logarithmisch" in all_charts["aufwand-je-massnahme"].note
    top = all_charts["top-massnahmen"]
    assert top.rows[0] == [
        "1",
        "Kommunale Schulsozialarbeit",
        f"905.814{NB}€",
        f"85,6{NB}%",
        f"S.{NB}32",
    ]
    assert len(top.rows) == 3
    assert "Kommunale Schulsozialarbeit" in top.alt


def test_third_party_share(all_charts: dict[str, Chart]) -> None:
    chart = all_charts["drittmittelanteil"]
    assert chart.rows == [
        ["Allgemeine Deutschkurse", f"94.186{NB}€", f"50.209{NB}€", f"53,3{NB}%"],
        ["Zusammen", f"94.186{NB}€", f"50.209{NB}€", f"53,3{NB}%"],
    ]
    assert f"5{NB}Maßnahmen nennen nicht beides" in chart.note


def test_completeness_counts_not_stated_per_field(all_charts: dict[str, Chart]) -> None:
    rows = {r[0]: r for r in all_charts["vollstaendigkeit"].rows}
    assert rows["Haushalt: Ertrag 2024"] == [
        "Haushalt: Ertrag 2024",
        "7",
        "1",
        "4",
        "1",
        "1",
        f"57,1{NB}%",
    ]
    assert rows["Steckbrief: Träger"][1:4] == ["5", "4", "1"]
    assert rows["Haushalt: Fördergeber"][3] == "4"


def test_population_in_numbers_and_shares(all_charts: dict[str, Chart]) -> None:
    chart = all_charts["bevoelkerung-nach-sozialraum"]
    assert chart.rows[0] == [
        "Stadtmitte",
        f"5.674 (21,9{NB}%)",
        f"3.589 (13,8{NB}%)",
        f"1.690 (6,5{NB}%)",
        f"15.010 (57,8{NB}%)",
        "25.963",
        f"42,2{NB}%",
        f"S.{NB}9",
    ]
    assert chart.rows[-1][0] == "Gesamt"
    assert "Hamm-Norden" in chart.alt
    assert ">Anteile<" in chart.svg and ">Anzahl<" in chart.svg


def test_field_matrix(all_charts: dict[str, Chart]) -> None:
    chart = all_charts["massnahmen-handlungsfelder"]
    assert chart.headers[1] == "Sprache"
    assert chart.rows[0][:3] == ["Allgemeine Deutschkurse", "ja", "–"]
    assert chart.rows[-1] == ["Anzahl Maßnahmen", "2", "0", "2", "1", "2", "1", "3", "1"]


def test_markup_and_dollar_signs_in_titles_are_text(curated: CuratedPlan) -> None:
    curated.measures[1].titel = HOSTILE_TITLE
    chart = charts.chart_field_matrix(curated).draw()
    ElementTree.fromstring(chart.svg.encode("utf-8"))
    assert "<script>" not in chart.svg
    assert "&lt;script&gt;" in chart.svg
    entities = budget_entities(curated)
    top = charts.chart_top_measures(entities, PlanYears.of(curated)).draw()
    assert "<script>" not in top.svg


def test_an_empty_plan_gives_charts_that_say_so(curated: CuratedPlan) -> None:
    empty = curated.model_copy(
        update={"measures": [], "budget": [], "districts": [], "findings": []}
    )
    result = build_charts(empty)
    assert len(result) == 8
    assert all(c.rows == [] or c.id == "vollstaendigkeit" for c in result)
    assert "Keine Aufwände angegeben." in result[0].svg


def test_a_plan_of_the_real_size_is_drawn_whole() -> None:
    """How fast is the benchmark's business (bench/); here only that nothing is cut."""
    large = make_large_plan()
    result = build_charts(large)
    # per copy: 4 measures with a stated Aufwand (M03 states words only) + 1 unlinked row
    assert len(result[2].rows) == 50


def test_figures_have_no_layout_engine_and_draw_in_points() -> None:
    """``fit_axes`` places the axes once (save_svg); constrained layout cost half the time."""
    fig = charts.figure(3.0)
    assert fig.get_layout_engine() is None
    assert fig.dpi == charts.POINTS_PER_INCH == 72


def test_fit_axes_places_one_row_of_subplots_only() -> None:
    fig = charts.figure(3.0)
    fig.subplots(2, 1)
    with pytest.raises(ValueError, match="single row"):
        charts.fit_axes(fig)
