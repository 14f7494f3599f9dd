"""A profile figure against a budget row that says "o. A.", and the other way round."""

from __future__ import annotations

from tests.support.budget import PLAN_YEARS
from tests.support.plans import budget_line, measure

from hammplan.curate.checks.costs import check_budget_years, check_key_figures, linked_measures
from hammplan.curate.checks.gaps import check_key_figure_gaps, check_label_only_figures

DATED = "Stand: 30.06.24: o.A."


def test_a_profile_figure_the_table_leaves_unstated_is_a_warning_with_both_pages() -> None:
    [finding] = check_key_figure_gaps(
        linked_measures(
            [measure(kennzahlen="Teilnehmende: 967", kosten=DATED, page=112)],
            [budget_line(page=41)],
            PLAN_YEARS,
        )
    )
    assert (finding.code, finding.severity) == ("kennzahl_not_in_budget", "warning")
    assert [(r.kind, r.id, r.page, r.field) for r in finding.refs] == [
        ("measure", "m", 112, "kennzahlen"),
        ("budget", "b001", 41, "wert_2024"),
    ]
    assert "Teilnehmende: 967" in finding.message and "„o. A.“" in finding.message
    assert "S. 112" in finding.message and "S. 41" in finding.message
    assert "für 2024" in finding.message


def test_a_table_value_the_profile_leaves_unstated_is_a_warning() -> None:
    [finding] = check_key_figure_gaps(
        linked_measures(
            [measure(kennzahlen="k.A.", kosten=DATED)],
            [budget_line(wert={2024: "147"}, kennzahl="Kontaktaufnahme")],
            PLAN_YEARS,
        )
    )
    assert (finding.code, finding.severity) == ("kennzahl_not_in_profile", "warning")
    assert "147" in finding.message and "„k.A.“" in finding.message


def test_both_sides_stated_or_both_silent_is_no_gap() -> None:
    assert (
        check_key_figure_gaps(
            linked_measures(
                [measure(kennzahlen="Teilnehmende: 20", kosten=DATED)],
                [budget_line(wert={2024: "20"})],
                PLAN_YEARS,
            )
        )
        == []
    )
    assert (
        check_key_figure_gaps(
            linked_measures([measure(kennzahlen="o.A.", kosten=DATED)], [budget_line()], PLAN_YEARS)
        )
        == []
    )


def test_a_figure_labelled_with_another_year_is_not_a_gap_of_the_profiles_year() -> None:
    # "Anzahl betreute Fälle in 2023: 29" says nothing about 2024, which both sides leave open
    profile = measure(
        kennzahlen="Anzahl betreute Fälle in 2023: 29 Anzahl betreute Fälle in 2024: o.A.",
        kosten="Stand 30.06.2024: 74.000,00 €",
    )
    line = budget_line(aufwand={2024: "74.000"}, wert={2023: "29"})
    assert check_key_figure_gaps(linked_measures([profile], [line], PLAN_YEARS)) == []


def test_a_figure_equal_to_the_value_of_the_year_its_label_names_is_no_year_mix_up() -> None:
    line = budget_line(aufwand={2024: "74.000"}, wert={2023: "29"})
    labelled = measure(
        kennzahlen="Anzahl betreute Fälle in 2023: 29", kosten="Stand 30.06.2024: 74.000,00 €"
    )
    assert check_key_figures(linked_measures([labelled], [line], PLAN_YEARS)) == []
    unlabelled = measure(kennzahlen="Teilnehmer:innen: 29", kosten="Stand 30.06.2024: 74.000 €")
    [finding] = check_key_figures(linked_measures([unlabelled], [line], PLAN_YEARS))
    assert finding.code == "kennzahl_other_year"


def test_labels_without_numbers_are_a_gap_of_their_own() -> None:
    [finding] = check_label_only_figures([measure(kennzahlen="Familien", page=71)])
    assert (finding.code, finding.severity) == ("kennzahl_label_only", "warning")
    assert "„Familien“" in finding.message and "S. 71" in finding.message
    assert check_label_only_figures([measure(kennzahlen="Teilnehmende: 5")]) == []
    assert check_label_only_figures([measure(kennzahlen="k.A.")]) == []


def test_index_pages_off_the_folio_offset_are_one_finding() -> None:
    from hammplan.curate.checks.indexpages import check_index_pages
    from hammplan.records.plan import IndexLink, Link

    profiles = [
        measure(ident=f"m{n}", titel=f"T{n}", page=page)
        for n, page in enumerate([47, 48, 49, 55, 56])
    ]
    index = [
        IndexLink(
            id=f"i{n}",
            titel=f"T{n}",
            seite=seite,
            seite_raw=str(seite),
            page=46,
            link=Link(measure_id=f"m{n}", method="exact", score=100.0),
        )
        for n, seite in enumerate([48, 49, 50, 61, 57])
    ]
    [finding] = check_index_pages(index, profiles)
    assert (finding.code, finding.severity) == ("index_page_mismatch", "warning")
    assert "für 1 von 5" in finding.message and "Verzeichnis S. 61" in finding.message
    assert "PDF-Seite 55" in finding.message and "PDF-Seite + 1" in finding.message
    assert [r.id for r in finding.refs] == ["i3"]
    assert check_index_pages(index[:3], profiles) == []


def test_a_year_the_table_does_not_print_is_one_finding_naming_both_fields() -> None:
    """Kosten and Kennzahlen skipped for the same reason are one warning, not two."""
    linked = linked_measures(
        [measure(kennzahlen="Teilnehmende: 967", kosten="Stand: 30.06.19: 5.000 €")],
        [budget_line(wert={2024: "967"})],
        PLAN_YEARS,
    )
    [finding] = check_budget_years(linked)
    assert (finding.code, finding.severity) == ("budget_year_missing", "warning")
    assert "30.06.2019" in finding.message
    assert finding.message.endswith("Kosten und Kennzahlen nicht mit dem Haushalt verglichen")
    assert check_key_figures(linked) == [] and check_key_figure_gaps(linked) == []
