"""The bundled plan, extracted whole: domain invariants and facts read from its text export.

Expected values are derived from the text export the PDF was typeset from (tests/fixtures),
never typed in from the PDF, so these tests say "the PDF reads as its source says".
"""

from __future__ import annotations

import re

from hammplan.records import ExtractedDocument
from hammplan.records.document import FORMAT_VERSION


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_source_information(plan: ExtractedDocument) -> None:
    assert plan.source.file_name == "integrationsplan-hamm-2024.pdf"
    assert re.fullmatch(r"[0-9a-f]{64}", plan.source.sha256)
    assert plan.source.page_count == 119
    assert plan.format_version == FORMAT_VERSION == 2


def test_nothing_left_over(plan: ExtractedDocument) -> None:
    assert [(left.family, left.reason) for left in plan.leftovers] == []


def test_budget_rows_match_text_export(plan: ExtractedDocument, plan_text: str) -> None:
    section = _section(
        plan_text, "StA\tName der Maß-", "\nMaßnahmenübersicht nach Handlungsfeldern"
    )
    starts = [
        line.split("\t")[0]
        for line in section.splitlines()
        if re.match(r"^[^\t\s][^\t]{0,3}\t", line) and not line.lower().startswith("sta\t")
    ]
    assert [row.sta.text for row in plan.budget_rows] == starts
    assert len(plan.budget_rows) == 46


def test_budget_cells_verbatim(plan: ExtractedDocument) -> None:
    by_name = {row.name.text: row for row in plan.budget_rows}
    school = by_name["Kommunale Schulsozialarbeit"]
    assert [c.text for c in school.cells()][2:9] == [
        "1.012.000",
        "132.000",
        "1.442.494",
        "762.58",
        "922.592",
        "762.584",
        "Teilweise",
    ]
    first = plan.budget_rows[0]
    assert first.value("ertrag", 2023).text == "o. Ą."  # type: ignore[union-attr]  # recognition noise kept verbatim
    assert first.name.text.startswith("Vernetzungs- und Informationsstelle für Hilfsangebote")
    courses = by_name["Allgemeine Deutschkurse"]
    assert courses.funder.text == "Teilneh- merent- gelte finan- ziert"


def test_budget_headers_recognised_per_page(plan: ExtractedDocument) -> None:
    pages = {p for row in plan.budget_rows for p in row.pages}
    assert len(plan.budget_headers) == len(pages) == 6
    for header in plan.budget_headers:
        assert header.cells[9].text == "Kennzahl"
        assert header.cells[2].text.startswith("Aufwand")
    assert plan.budget_headers[2].cells[1].text.startswith("StA Name der Maß-")


def test_budget_years_read_from_the_header(plan: ExtractedDocument) -> None:
    """Every row carries the printed years, kinds and bases, also where one page's header
    lost a year to recognition ("Ertrag" alone on one page)."""
    expected = [
        ("aufwand", 2023, "ist", "30.06"),
        ("ertrag", 2023, "ist", "30.06"),
        ("aufwand", 2024, "ist", "30.06"),
        ("ertrag", 2024, "ist", "30.06"),
        ("aufwand", 2025, "plan", None),
        ("ertrag", 2025, "plan", None),
        ("wert", 2023, "ist", "30.06"),
        ("wert", 2024, "ist", "30.06"),
        ("wert", 2025, "plan", None),
    ]
    assert [h.columns[3].year for h in plan.budget_headers].count(None) == 1
    for row in plan.budget_rows:
        assert [(c.role, c.year, c.basis, c.as_of) for c in row.values] == expected
        assert [c.role for c in row.columns][:2] == ["sta", "name"]


def test_every_cell_has_provenance(plan: ExtractedDocument) -> None:
    for row in plan.budget_rows:
        assert len(row.cells()) == len(plan.budget_headers[0].cells)
        for cell in row.cells():
            assert cell.spans, row.name.text
            for span in cell.spans:
                assert 1 <= span.page <= plan.source.page_count
                assert 0 <= span.bbox.x0 < span.bbox.x1 <= 842
                assert 0 <= span.bbox.top < span.bbox.bottom <= 842


def test_profile_titles_match_text_export(plan: ExtractedDocument, plan_text: str) -> None:
    printed = re.findall(r"(?:^|\t)Titel\t(.+)$", plan_text, flags=re.MULTILINE)
    titles = [p.title for p in plan.profiles]
    assert titles.count(None) == 1  # the profile opening with "Titel Träger"
    extracted = [t for t in titles if t is not None]
    assert len(extracted) == len(printed)
    for title, expected in zip(extracted, printed, strict=True):
        # one Titel cell of the PDF also holds the start of its Beschreibung
        assert title == expected.strip() or title.startswith(expected.strip() + " ")


def test_profiles_have_their_labels(plan: ExtractedDocument) -> None:
    without_fields = []
    for profile in plan.profiles:
        labels = {label for row in profile.rows for label in row.labels}
        assert {"Beschreibung", "Sachstand", "Kennzahlen"} <= labels, profile.title
        if "Handlungsfelder" not in labels:
            without_fields.append(profile.title)
    # the source prints this profile's fields of action without their label
    assert without_fields == ["Willkommensbesuche inklusive der Rabatz Spieletreffs"]


def test_profile_spanning_pages_is_one_record(plan: ExtractedDocument) -> None:
    racism = next(p for p in plan.profiles if p.title == "Arbeit gegen Rassismus")
    assert len(racism.pages) == 4
    status = next(r for r in racism.rows if r.labels == ["Sachstand"])
    assert status.continued == 2
    assert len(status.value.pages) == 3
    assert "Schule ohne Rassismus – Schule mit Courage" in status.value.text


def test_garbled_labels_are_matched_with_scores(plan: ExtractedDocument) -> None:
    rows = {r.label_cell.text: r for p in plan.profiles for r in p.rows}
    assert rows["Sacristallu"].labels == ["Sachstand"]
    assert rows["Sacristallu"].match == "fuzzy"
    assert rows["Sacristallu"].score == 60.0
    assert rows["Zieigi uppe"].labels == ["Zielgruppe"]
    assert rows["Vannahlan"].labels == ["Kennzahlen"]
    assert rows["rianaian _b orciaei"].match == "unmatched"
    assert rows["rianaian _b orciaei"].value.text == "Qualifizier and Andere"


def test_malformed_profiles_each_one_record(plan: ExtractedDocument) -> None:
    combined = [p for p in plan.profiles if p.rows[0].match == "combined"]
    assert len(combined) == 1
    assert combined[0].rows[0].labels == ["Titel", "Träger"]
    assert combined[0].title is None
    assert "Diakonie-Ruhr-Hellweg" in combined[0].rows[0].value.text

    opened = [p for p in plan.profiles if p.rows[0].match == "none"]
    assert len(opened) == 1
    assert opened[0].rows[0].value.text.startswith("Berufliche Teilhabe")
    assert opened[0].rows[1].labels == ["Titel"]
    assert opened[0].title is not None
    assert opened[0].title.startswith("Integration in Beschäftigung")
    # the recognition's duplicated row stays, under the label it was matched to
    assert opened[0].values("zielgruppe") == ["(Junge) Erwachsene", "(Julige) Li wacliselle"]

    split = next(p for p in plan.profiles if p.title == "Familien- und Sprach- Bildungsprogramme")
    assert split.rows[1].label_cell.text == "Hei"
    assert split.rows[1].match == "unmatched"
    assert split.rows[1].value.text.startswith('"Griffbereit" und "Rucksack KiTa"')


def test_population_columns_add_up_to_total(plan: ExtractedDocument) -> None:
    (table,) = plan.population
    assert [c.text for c in table.header][0] == "Sozialraum"
    districts = [r for r in table.rows if not r.is_total]
    (total,) = [r for r in table.rows if r.is_total]
    assert len(districts) == 9
    for column in range(len(table.header) - 1):
        assert sum(int(r.values[column].text) for r in districts) == int(total.values[column].text)


def test_population_matches_text_export(plan: ExtractedDocument, plan_text: str) -> None:
    printed = [
        line.split("\t")
        for line in plan_text.splitlines()
        if re.fullmatch(r"[^\t]+(\t\d+){5}", line)
    ]
    rows = plan.population[0].rows
    assert len(printed) == len(rows)
    for (name, *values), row in zip(printed, rows, strict=True):
        assert row.district.text.startswith(name)
        assert [v.text for v in row.values] == values


def test_overview_rows_and_headers(plan: ExtractedDocument, plan_text: str) -> None:
    (table,) = plan.overview
    section = _section(
        plan_text, "Maßnahmenübersicht nach Handlungsfeldern\n", "Steckbriefe der Maßnahmen"
    )
    printed = [line.split("\t")[0].strip() for line in section.splitlines()[1:]]
    printed = [
        name
        for name in printed
        if name and name not in ("Integrationsabschnitte", "Handlungsfelder")
    ]
    named = [r.measure.text for r in table.rows if r.measure.text]
    # the export breaks some names over two lines where the PDF has one row
    assert " ".join(named) == " ".join(printed)
    assert len(named) == 50
    assert table.column_header[0].text == "Handlungsfelder"
    assert table.section_header[0].text == "Integrationsabschnitte"
    assert [c.text for c in table.column_header[1:3]] == ["Sprache", "Wohnen"]
    assert len(table.repeated_headers) == 4  # two header rows on each of two further pages
    names = [r.measure.text for r in table.rows]
    assert names[0] == "Kleine Knirpse"
    assert "Ramadan Konzert" in names
    # the page-reference column is not a field of action
    assert all(len(r.marks) == len(table.column_header) - 2 for r in table.rows)
    # this copy has no marks, except recognition specks in one row without a name
    marked = [(r.measure.text, m.cell.text) for r in table.rows for m in r.marks if m.marked]
    assert marked == [("", "1"), ("", "i")]


def test_index_entries(plan: ExtractedDocument, plan_text: str) -> None:
    section = _section(
        plan_text, "Steckbriefe der Maßnahmen in alphabetischer Reihenfolge\n", "\nTitel\t"
    )
    numbered = re.findall(r"^(.+)\t(\d+)$", section, flags=re.MULTILINE)
    entries = {e.title.text: e for e in plan.index}
    for title, page in numbered:
        assert entries[title].page == int(page), title
    assert entries["Puckszek Schulo"].page is None
    assert entries["Puckszek Schulo"].page_cell.text == "1/12"
    assert entries["Allgemeine Deutschkurse"].letter == "A"
    assert len(plan.index) == 46
