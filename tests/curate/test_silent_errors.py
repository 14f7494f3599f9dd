"""Regression tests for values that were wrong with no flag (issue 14, "silent errors").

Each builds the smallest input that showed the error: two printed copies of a field, a
Handlungsfelder list inside another field, a Kennzahlen cell of labels only, a garbled funder
cell, a dash between words, a hyphen left over by a line break, a look-alike in lower case.
"""

from __future__ import annotations

from tests.support.hostile import BUDGET_COLUMNS, FIELD_OF, budget_row, cell
from tests.support.plans import budget_line, measure

from hammplan.curate.budget import curate_budget
from hammplan.curate.hyphenation import repair_hyphenation
from hammplan.curate.linking import link_budget
from hammplan.curate.profiles import curate_profiles
from hammplan.curate.spelling import respell
from hammplan.records.profiles import Profile, ProfileRow
from hammplan.vocabulary import load_vocabulary

VOCAB = load_vocabulary()


def _row(label: str, value: str, row: int, match: str = "exact") -> ProfileRow:
    labels = [label] if match in ("exact", "fuzzy") else []
    return ProfileRow.model_validate(
        {
            "label_cell": cell(label, 79, row, 0),
            "labels": labels,
            "fields": [FIELD_OF(lb) for lb in labels],
            "match": match,
            "score": 100.0 if match == "exact" else 60.0,
            "value": cell(value, 79, row, 1),
        }
    )


def _profile(*rows: tuple[str, str, str]) -> Profile:
    built = [_row("Titel", "Integration in Beschäftigung", 0)]
    built += [_row(label, value, n + 1, match) for n, (label, value, match) in enumerate(rows)]
    return Profile(title="Integration in Beschäftigung", rows=built)


def test_of_two_printed_copies_the_legible_one_is_published_and_the_other_kept() -> None:
    other = _profile(
        ("Sachstand", "2023 wurden insgesamt 1518 Menschen in Beschäftigung integriert.", "exact")
    )
    garbled = _profile(
        ("Sachstand", "2022 wurden inggesemt 1E10 Menschen", "exact"),
        ("Sachstand", "2023 wurden insgesamt 1518 Menschen in Beschäftigung integriert.", "fuzzy"),
    )
    [curated, _], findings = curate_profiles([garbled, other], [], VOCAB)
    sachstand = curated.texts["sachstand"]
    assert sachstand.text is not None and sachstand.text.startswith("2023 wurden insgesamt 1518")
    [evidence] = [r for r in sachstand.repairs if "evidence" in r.detail]
    assert evidence.before == "2022 wurden inggesemt 1E10 Menschen"
    assert evidence.kind == "recognition"
    [duplicated] = [f for f in findings if f.code == "profile_field_duplicated"]
    assert "behalten: „2023 wurden insgesamt 1518" in duplicated.message


def test_handlungsfelder_printed_inside_another_field_are_read() -> None:
    profile = _profile(
        (
            "Beschreibung",
            "Die Besuche erreichen Familien. Handlungsfelder "
            "Gesundheit, Erziehung und Bildung, Teilhabe & "
            "Partizipation Stadtteilen führen auch Treffs durch.",
            "exact",
        )
    )
    [curated], findings = curate_profiles([profile], [], VOCAB)
    assert curated.handlungsfelder == [
        "Gesundheit",
        "Erziehung und Bildung",
        "Teilhabe und Partizipation",
    ]
    assert not [
        f for f in findings if f.code == "profile_field_missing" and "Handlungsfelder" in f.message
    ]
    assert any(r.kind == "continuation" for r in curated.texts["handlungsfelder"].repairs)


def test_handlungsfelder_in_a_garbled_label_row_are_read() -> None:
    profile = _profile(
        ("Träger", "KJC", "exact"),
        ("rianaian _b orciaei", "Qualifizierung und Arbeit, Sprache", "unmatched"),
    )
    [curated], findings = curate_profiles([profile], [], VOCAB)
    assert curated.handlungsfelder == ["Qualifizierung und Arbeit", "Sprache"]
    assert not [f for f in findings if f.code == "profile_row_garbled"]


def test_kennzahlen_labels_without_numbers_are_never_dropped() -> None:
    profile = _profile(("Kennzahlen", "Familien", "exact"))
    [curated], _ = curate_profiles([profile], [], VOCAB)
    assert [(k.label, k.value, k.status) for k in curated.kennzahlen.items] == [
        ("Familien", None, "not_stated")
    ]


def test_a_garbled_funder_cell_is_suspect_not_silently_unstated() -> None:
    cells = dict.fromkeys(BUDGET_COLUMNS, "o. A.")
    cells |= {("sta", None): "40", ("name", None): "FIT in Deutsch", ("foerdergeber", None): "Бĺ"}
    row = budget_row(list(cells.values()), 36, 0)
    [line], findings = curate_budget([row], VOCAB.organisations)
    assert line.foerdergeber.status == "suspect" and line.foerdergeber.text is None
    assert line.ertrag(2023).status == "not_stated"
    [finding] = [f for f in findings if f.code == "cell_garbled"]
    assert "„Бĺ“" in finding.message and finding.refs[0].field == "foerdergeber"


def test_a_dash_between_words_is_no_line_break() -> None:
    assert repair_hyphenation("den spezialisierten Angeboten- die Regelinstrumente") == (
        "den spezialisierten Angeboten- die Regelinstrumente",
        [],
    )
    assert repair_hyphenation("eine Stu- die")[0] == "eine Studie"


def test_leftover_hyphens_are_joined_only_where_the_plan_spells_the_word_so() -> None:
    profile = measure(titel="Integrationslotsen-Projekt der Stadt Hamm", traeger="кјс, KJC und KJC")
    assert profile.traeger == "kjc, KJC und KJC"  # folded look-alikes, still lower case
    line = budget_line(
        massnahme="Integrations-lotsen-Projekt der Stadt Hamm", kennzahl="Sprach-förderung"
    )
    respell([profile], [line])
    assert line.massnahme == "Integrationslotsen-Projekt der Stadt Hamm"
    assert line.repairs[-1].before == "Integrations-lotsen-Projekt"
    assert line.kennzahl.text == "Sprach-förderung"  # no "Sprachförderung" in this plan
    assert profile.traeger == "KJC, KJC und KJC"


def test_every_link_has_its_score() -> None:
    [profile], _ = curate_profiles(
        [_profile(("Kosten", "Kulturstrolche: 14.100,00 € Kulturrucksack: 42.343,48 €", "exact"))],
        [],
        VOCAB,
    )
    assert [p.label for p in profile.kosten.parts] == ["Kulturstrolche", "Kulturrucksack"]
    line = budget_line(massnahme="Kulturelle Bildung - Kulturstrolche", measure_id="")
    link_budget([line], [profile])
    assert line.link.method == "part" and line.link.score == 100.0
