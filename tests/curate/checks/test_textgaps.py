"""What a profile's cells leave out or mislabel, against its own running text."""

from __future__ import annotations

from decimal import Decimal

from tests.support.plans import measure

from hammplan.curate.checks.rounding import whole_euros
from hammplan.curate.checks.textclaims import check_profile_claims
from hammplan.curate.checks.textgaps import (
    check_costs_in_text,
    check_figure_labels,
    check_figures_in_text,
)
from hammplan.records.plan import District
from hammplan.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
WORDS = VOCAB.running_text


def test_kosten_not_stated_while_the_text_names_amounts_is_a_gap() -> None:
    profile = measure(
        kosten="o.A.",
        beschreibung="Das Land stellt 57.000,00 € für Personal und "
        "10.000,00 € für Sachkosten bereit.",
    )
    [finding] = check_costs_in_text([profile], WORDS)
    assert (finding.code, finding.severity) == ("kosten_in_text", "warning")
    assert "57.000 €" in finding.message and "10.000 €" in finding.message
    assert "„o.A.“" in finding.message
    assert (
        check_costs_in_text(
            [measure(kosten="Stand: 30.06.24: 8.000 €", beschreibung="Es kostet 8.000 €.")],
            WORDS,
        )
        == []
    )


def test_a_figure_not_stated_while_the_text_counts_it_now_is_a_gap() -> None:
    profile = measure(
        kennzahlen="Lots:innen: k.A.",
        page=85,
        sachstand="Akquise von Integrationslots:innen. Derzeit 35 Ehrenamtliche "
        "tätig. Workshop am 13.08.2023.",
    )
    [finding] = check_figures_in_text([profile], WORDS)
    assert (finding.code, finding.severity) == ("kennzahl_in_text", "warning")
    assert "nennt 35" in finding.message and "„Lots:innen: k.A.“" in finding.message
    past = measure(
        kennzahlen="Lots:innen: k.A.",
        sachstand="Akquise von Integrationslots:innen. 2019 waren es 35.",
    )
    assert check_figures_in_text([past], WORDS) == []


def test_a_label_the_sachstand_contradicts_is_a_warning() -> None:
    profile = measure(
        kennzahlen="Vermittlungen: 240",
        sachstand="In 2023 haben 240 Frauen an den Maßnahmen teilgenommen.",
    )
    [finding] = check_figure_labels([profile], WORDS)
    assert (finding.code, finding.severity) == ("kennzahl_label_mismatch", "warning")
    assert "„Vermittlungen: 240“" in finding.message and "Teilnahme" in finding.message
    agreeing = measure(
        kennzahlen="Beratungen: 196",
        sachstand="Im Schuljahr konnten 196 Schüler:innen beraten werden.",
    )
    assert check_figure_labels([agreeing], WORDS) == []


def test_a_population_share_in_a_profile_is_checked_against_the_table() -> None:
    total = District(
        sozialraum="Gesamt",
        auslaender=Decimal(33319),
        eingebuergerte=Decimal(27070),
        aussiedler=Decimal(14248),
        migh_gesamt=Decimal(74637),
        deutsche_ohne_migh=Decimal(107423),
        ist_gesamt=True,
        page=7,
    )
    profile = measure(
        beschreibung="Diese Herausforderung wird angesichts eines "
        "Migrationsanteil von ca. 38 % (Tendenz steigend) zunehmen.",
        page=98,
    )
    [finding] = check_profile_claims([profile], [total], VOCAB.claims, WORDS)
    assert (finding.code, finding.severity) == ("claim_share_mismatch", "error")
    assert "38 %" in finding.message and "41,0 %" in finding.message
    assert [(r.kind, r.id, r.page, r.field) for r in finding.refs] == [
        ("measure", "m", 98, "beschreibung")
    ]


def test_cut_cents_are_told_apart_from_rounded_ones() -> None:
    cut = whole_euros("„M“", Decimal("51345"), Decimal("51345.87"), 2024, [])
    assert cut.code == "kosten_truncated" and "gerundet wären es 51.346 €" in cut.message
    rounded = whole_euros("„M“", Decimal("42343.48"), Decimal("42343"), 2024, [])
    assert rounded.code == "kosten_rounded" and "abgeschnitten wäre dasselbe" in rounded.message
    up = whole_euros("„M“", Decimal("100"), Decimal("99.60"), 2024, [])
    assert up.code == "kosten_rounded" and "abgeschnitten" not in up.message


def test_a_funding_share_that_a_budget_year_does_not_follow_is_a_warning() -> None:
    from tests.support.plans import budget_line

    from hammplan.curate.checks.costshares import check_cost_shares

    profile = measure(
        beschreibung="Eine Zuwendung von 80 % der Kosten aus Landesmitteln ist vorgesehen.", page=67
    )
    line = budget_line(
        aufwand={2023: "41.731", 2024: "50.000", 2025: "100.680"},
        ertrag={2023: "33.385", 2024: "27.000", 2025: "80.544"},
    )
    [finding] = check_cost_shares([profile], [line], WORDS)
    assert (finding.code, finding.severity) == ("kosten_share_mismatch", "warning")
    assert "„80 % der Kosten“" in finding.message and "54,0 %" in finding.message
    assert "27.000 €" in finding.message and "50.000 €" in finding.message
    assert finding.refs[1].field == "ertrag_2024"


def test_an_amount_no_number_format_allows_is_an_error() -> None:
    from hammplan.curate.checks.textgaps import check_malformed_amounts

    profile = measure(
        beschreibung="Die Stadt stellt zunächst 650.00 € jährlich und seit 2018 "
        "800.000 € jährlich bereit; 45.821,54 € im Jahr.",
        page=92,
    )
    [finding] = check_malformed_amounts([profile], WORDS)
    assert (finding.code, finding.severity) == ("text_amount_suspect", "error")
    assert "„650.00 €“" in finding.message and "S. 92" in finding.message
    assert check_malformed_amounts([measure(beschreibung="Es kostet 1.012.000 €.")], WORDS) == []
