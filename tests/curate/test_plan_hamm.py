"""The bundled plan, curated: every amount accounted for, its real contradictions found."""

from __future__ import annotations

import re
from decimal import Decimal

from hammplan.curate.findings import FINDING_CODES
from hammplan.records.plan import BudgetLine, CuratedPlan
from hammplan.records.values import Amount


def printed_number(raw: str) -> Decimal:
    """An independent reading of a printed German amount: drop dots, comma to point."""
    text = raw.replace("€", "").strip().replace(".", "").replace(",", ".")
    return Decimal(text)


def line_named(curated: CuratedPlan, start: str) -> BudgetLine:
    return next(b for b in curated.budget if b.massnahme.startswith(start))


def codes_for(curated: CuratedPlan, code: str) -> list[str]:
    return [f.message for f in curated.findings if f.code == code]


def test_every_budget_amount_is_a_printed_number_or_a_named_absence(curated: CuratedPlan) -> None:
    statuses: dict[str, int] = {}
    for line in curated.budget:
        for field, amount in line.by_column().items():
            if not isinstance(amount, Amount):
                continue
            statuses[amount.status] = statuses.get(amount.status, 0) + 1
            if amount.status == "ok":
                assert amount.betrag_eur == printed_number(amount.raw), (line.id, field)
            else:
                assert amount.betrag_eur is None, (line.id, field)
            if amount.status == "note":
                assert amount.note and not re.search(r"\d", amount.note)
            assert amount.page == line.page or amount.page in line.pages
    assert set(statuses) == {"ok", "not_stated", "note", "suspect"}
    assert statuses["suspect"] == 1
    assert sum(statuses.values()) == 46 * 6


def test_known_cells(curated: CuratedPlan) -> None:
    schulsozialarbeit = line_named(curated, "Kommunale Schulsozialarbeit")
    assert schulsozialarbeit.aufwand(2023).betrag_eur == Decimal(1012000)
    assert schulsozialarbeit.ertrag(2024).status == "suspect"
    assert "762.584" in (schulsozialarbeit.ertrag(2024).reason or "")
    assert schulsozialarbeit.ertrag(2025).betrag_eur == Decimal(762584)
    beratung = line_named(curated, "Beratungs- und Begleitangebot")
    assert beratung.aufwand(2023).betrag_eur == Decimal("45821.54")
    assert beratung.massnahme.startswith(
        "Beratungs- und Begleitangebot für von Gewalt betroffene, geflüchtete und zugewanderte"
    )
    vernetzung = line_named(curated, "Vernetzungs- und Informationsstelle")
    assert vernetzung.ertrag(2023).status == "not_stated"
    assert vernetzung.ertrag(2023).raw == "o. Ą."
    assert [r.kind for r in vernetzung.ertrag(2023).repairs] == ["recognition"]
    rassismus = line_named(curated, "Arbeit gegen Rassismus")
    assert rassismus.massnahme_raw == "Arbeit gegen Ras- sismus"
    assert rassismus.foerdergeber.text == "Beschlussvorlage"
    demokratie = line_named(curated, "Demokratieförderung")
    assert demokratie.aufwand(2024).status == "note"
    assert demokratie.aufwand(2024).note == "Landesgeförderte Personalkosten"
    strolche = line_named(curated, "Kulturelle Bildung - Kulturstrolche")
    assert strolche.wert(2023).status == "suspect"
    assert strolche.wert(2024).items[0].value == Decimal(750)


def test_profile_costs_dates_and_parts(curated: CuratedPlan) -> None:
    by_title = {m.titel: m for m in curated.measures}
    deutsch = by_title["Allgemeine Deutschkurse"]
    assert deutsch.kosten.betrag_eur == Decimal(94186)
    assert deutsch.kosten.stand is not None and deutsch.kosten.stand.isoformat() == "2024-06-30"
    assert [(k.label, k.value) for k in deutsch.kennzahlen] == [("Teilnehmende", Decimal(501))]
    kultur = by_title["Kulturstrolche und Kulturrucksack"]
    assert [(p.label, p.betrag_eur) for p in kultur.kosten.parts] == [
        ("Kulturstrolche", Decimal("14100.00")),
        ("Kulturrucksack", Decimal("42343.48")),
    ]
    assert sorted(kultur.budget_rows) == sorted(
        b.id
        for b in curated.budget
        if "Kulturstrolche" in b.massnahme or "Kulturrucksack" in b.massnahme
    )
    rate = by_title["Kultursensible Frauenqualifizierung zur Senioren- und Demenzbegleitung"]
    assert rate.kosten.status == "note"
    assert rate.kosten.betrag_eur is None
    assert rate.kosten.parts[0].per == "Person"


def test_titles_are_clean_and_confirmed(curated: CuratedPlan) -> None:
    titles = [m.titel for m in curated.measures]
    assert len(titles) == 46
    assert len(set(titles)) == 46
    assert len({m.id for m in curated.measures}) == 46
    assert "Integration in Beschäftigung" in titles
    assert max(len(t.split()) for t in titles) < 25
    assert (
        "Unterstützung für von Gewalt betroffenen, geflüchteten und zugewanderten Frauen: "
        "Vernetzungs- und Informationsstelle für Hilfsangebote für von Gewalt betroffene, "
        "geflüchtete und zugewanderte Frauen"
    ) in titles
    assert 'Bärenkalender "Ein Bär kommt in die Schule – und du kommst mit"' in titles
    repaired = codes_for(curated, "title_repaired")
    assert len(repaired) == 3
    combined = next(
        m
        for m in curated.measures
        if m.titel.startswith(
            "Unterstützung für von Gewalt betroffenen, geflüchteten und zugewanderten Frauen: Vern"
        )
    )
    assert combined.traeger == "Diakonie-Ruhr-Hellweg e.V./ Gleichstellungsstelle"


def test_fields_are_canonical(curated: CuratedPlan) -> None:
    used = {f for m in curated.measures for f in m.handlungsfelder}
    assert used <= set(curated.handlungsfelder)
    assert "Transkulturelle Wertesysteme" in used
    komm_an = next(m for m in curated.measures if "KOMM AN" in m.titel)
    assert komm_an.handlungsfelder == [
        "Sprache",
        "Teilhabe und Partizipation",
        "Transkulturelle Wertesysteme",
    ]


def test_links_across_tables(curated: CuratedPlan) -> None:
    linked = [b for b in curated.budget if b.link.measure_id]
    assert len(linked) == 45
    assert {b.massnahme for b in curated.budget if not b.link.measure_id} == {
        "Kulturelle Bildung - Kultur und Schule"
    }
    # "MSO" is written out as the plan itself defines it: "Migrantenselbstorganisationen (MSO)"
    assert line_named(curated, "Förderung der MSO").link.measure_id == (
        "foerderung-von-migrantenselbstorganisationen"
    )
    assert all(e.link.measure_id for e in curated.index)
    rucksack = next(e for e in curated.index if e.titel == "Puckszek Schulo")
    assert rucksack.link.measure_id == "rucksack-schule"
    alpha = line_named(curated, "Alpha Integrationskurse")
    assert alpha.link.measure_id == "alphabetisierungskurse-im-auftrag-des-bamf"
    assert len(codes_for(curated, "overview_duplicate")) == 3
    # "Kulturstrolche" and "Kulturrucksack" are the two halves of one profile, not a repeat
    [parts] = codes_for(curated, "overview_row_part")
    assert "„Kulturstrolche und Kulturrucksack“" in parts


def test_the_plans_contradictions_are_found(curated: CuratedPlan) -> None:
    assert len(codes_for(curated, "kosten_equals_ertrag")) == 2
    [stated_once] = codes_for(curated, "kosten_not_in_budget")
    assert "16.164" in stated_once and "„o. A.“" in stated_once
    [mismatch] = codes_for(curated, "kosten_mismatch")
    assert "167.206" in mismatch and "167.205" in mismatch
    assert len(codes_for(curated, "kennzahl_mismatch")) == 3
    assert len(codes_for(curated, "value_suspect")) == 3
    shares = codes_for(curated, "claim_share_mismatch")
    # the introduction's "39 %" twice, and a profile's "Migrationsanteil von ca. 38 %"
    assert len(shares) == 3 and all("41,0 %" in s for s in shares)
    assert any("Kultursensible Frauenqualifizierung" in s and "38 %" in s for s in shares)
    assert len(codes_for(curated, "claim_confirmed")) == 3
    assert not [f for f in curated.findings if f.code.startswith("population_")]
    assert {f.code for f in curated.findings} <= set(FINDING_CODES)


def test_districts(curated: CuratedPlan) -> None:
    districts = [d for d in curated.districts if not d.ist_gesamt]
    [total] = [d for d in curated.districts if d.ist_gesamt]
    assert len(districts) == 9
    assert total.migh_gesamt == Decimal(74637)
    assert sum((d.auslaender or 0 for d in districts), Decimal(0)) == total.auslaender
