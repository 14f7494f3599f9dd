"""The whole curation: extracted records in, a linked and checked :class:`CuratedPlan` out."""

from __future__ import annotations

from hammplan import __version__
from hammplan.curate.budget import budget_years, curate_budget
from hammplan.curate.checks.claims import check_claims
from hammplan.curate.checks.costs import (
    check_budget_years,
    check_costs,
    check_key_figures,
    linked_measures,
)
from hammplan.curate.checks.costshares import check_cost_shares
from hammplan.curate.checks.coverage import check_coverage
from hammplan.curate.checks.explain import explain
from hammplan.curate.checks.gaps import check_key_figure_gaps, check_label_only_figures
from hammplan.curate.checks.indexpages import check_index_pages
from hammplan.curate.checks.order import check_page_order
from hammplan.curate.checks.population import check_population
from hammplan.curate.checks.reading import check_reading
from hammplan.curate.checks.textclaims import check_profile_claims
from hammplan.curate.checks.textgaps import (
    check_costs_in_text,
    check_figure_labels,
    check_figures_in_text,
    check_malformed_amounts,
)
from hammplan.curate.checks.textnumbers import (
    check_counted_items,
    check_shares_of_parts,
    check_two_counts,
)
from hammplan.curate.edition import read_edition
from hammplan.curate.fields import canonical_field
from hammplan.curate.findings import Finding, sort_findings
from hammplan.curate.linking import link_budget, link_index, link_overview
from hammplan.curate.names import find_abbreviations
from hammplan.curate.organisations import organisation_names, paired_names
from hammplan.curate.population import curate_population
from hammplan.curate.profiles import CuratedProfile, curate_profiles
from hammplan.curate.spelling import respell
from hammplan.curate.text import clean_text, first_page
from hammplan.records.document import ExtractedDocument
from hammplan.records.overview import OverviewTable
from hammplan.records.plan import (
    CuratedPlan,
    IndexLink,
    Link,
    Measure,
    OverviewLink,
    SourceSummary,
    StatsClaim,
)
from hammplan.vocabulary import Vocabulary


def _index_links(doc: ExtractedDocument) -> list[IndexLink]:
    links = []
    for number, entry in enumerate(doc.index, start=1):
        title = clean_text(entry.title.text)
        links.append(
            IndexLink(
                id=f"i{number:03d}",
                titel=title.text or "",
                seite=entry.page,
                seite_raw=entry.page_cell.text,
                page=first_page(entry.title.pages),
                link=Link(measure_id=None, method="none"),
            )
        )
    return links


def _column_fields(table: OverviewTable, vocab: Vocabulary) -> dict[int, str]:
    """Overview mark column -> canonical Handlungsfeld, read from the printed column header."""
    fields: dict[int, str] = {}
    for position, cell in enumerate(table.column_header):
        target, _ = canonical_field(clean_text(cell.text).text or "", vocab.fields)
        if target is not None:
            fields[position] = target
    return fields


def _overview_links(doc: ExtractedDocument, vocab: Vocabulary) -> list[OverviewLink]:
    links = []
    number = 0
    for table in doc.overview:
        columns = _column_fields(table, vocab)
        for row in table.rows:
            number += 1
            marked = [columns[m.column] for m in row.marks if m.marked and m.column in columns]
            links.append(
                OverviewLink(
                    id=f"o{number:03d}",
                    massnahme=clean_text(row.measure.text).text or "",
                    handlungsfelder=list(dict.fromkeys(marked)),
                    page=next((p for m in row.marks for p in m.cell.pages), None)
                    if not row.measure.pages
                    else row.measure.pages[0],
                    link=Link(measure_id=None, method="none"),
                )
            )
    return links


def _measure(
    profile: CuratedProfile, budget_ids: list[str], index_id: str | None, overview_ids: list[str]
) -> Measure:
    texts = profile.texts
    return Measure(
        id=profile.id,
        titel=profile.titel,
        traeger=texts["traeger"].text,
        traeger_codes=profile.traeger_codes,
        beschreibung=texts["beschreibung"].text,
        handlungsfelder=profile.handlungsfelder,
        zielgruppe=texts["zielgruppe"].text,
        sachstand=texts["sachstand"].text,
        kennzahlen=profile.kennzahlen.items,
        kosten=profile.kosten,
        pages=profile.pages,
        budget_rows=budget_ids,
        index_entry=index_id,
        overview_rows=overview_ids,
        source=texts,
        kennzahlen_cell=profile.kennzahlen,
        handlungsfelder_unknown=profile.handlungsfelder_unknown,
    )


def curate_plan(
    doc: ExtractedDocument, vocab: Vocabulary, extracted_sha256: str | None = None
) -> CuratedPlan:
    """Curate, link and check every record of an extracted plan; ``extracted_sha256``, the
    identity of the extracted.json it was read from, is recorded in the plan's source."""
    findings: list[Finding] = check_reading(doc)
    index = _index_links(doc)
    overview = _overview_links(doc, vocab)
    references = [e.titel for e in index] + [o.massnahme for o in overview if o.massnahme]
    profiles, found = curate_profiles(doc.profiles, references, vocab)
    findings += found
    budget, found = curate_budget(doc.budget_rows, vocab.organisations, vocab.budget)
    findings += found
    abbreviations = find_abbreviations(
        [t.raw for p in profiles for t in p.texts.values()]
        + [s.sentence.text for s in doc.statements]
    )
    findings += link_budget(budget, profiles, abbreviations)
    findings += link_index(index, profiles, abbreviations)
    findings += link_overview(overview, profiles, abbreviations)
    measures = [
        _measure(
            p,
            [b.id for b in budget if b.link.measure_id == p.id],
            next((e.id for e in index if e.link.measure_id == p.id), None),
            [o.id for o in overview if o.link.measure_id == p.id],
        )
        for p in profiles
    ]
    respell(measures, budget, references)
    texts = [(t.raw, first_page(t.pages)) for p in profiles for t in p.texts.values()]
    texts += [(s.sentence.text, first_page(s.sentence.pages)) for s in doc.statements]
    traeger = [
        (p.texts["traeger"].raw, first_page(p.texts["traeger"].pages))
        for p in profiles
        if "traeger" in p.texts
    ]
    office = vocab.budget.compiled.get("sta", [])
    pairs = paired_names(texts, lambda word: any(p.search(word) for p in office), traeger)
    named = organisation_names(vocab.organisations, pairs, budget)
    findings += named.findings
    for line in budget:
        line.sta_name = named.names.get(line.sta)
    districts, found = curate_population(doc.population, vocab.population_columns)
    findings += found
    claims = [
        StatsClaim(id=f"s{n:03d}", text=s.sentence.text, page=first_page(s.sentence.pages))
        for n, s in enumerate(doc.statements, start=1)
    ]
    findings += check_population(districts)
    findings += check_claims(claims, districts, vocab.claims, vocab.running_text)
    years = budget_years(doc.budget_rows)
    linked = linked_measures(measures, budget, years)
    findings += check_budget_years(linked)
    findings += check_costs(linked)
    findings += check_key_figures(linked)
    findings += check_coverage(measures, budget, index, overview)
    findings += check_index_pages(index, measures)
    findings += check_key_figure_gaps(linked)
    findings += check_label_only_figures(measures)
    findings += check_profile_claims(measures, districts, vocab.claims, vocab.running_text)
    findings += check_shares_of_parts(measures, vocab.running_text)
    findings += check_counted_items(measures, vocab.running_text)
    findings += check_two_counts(measures, vocab.running_text)
    findings += check_costs_in_text(measures, vocab.running_text)
    findings += check_malformed_amounts(measures, vocab.running_text)
    findings += check_cost_shares(measures, budget, vocab.running_text)
    findings += check_figures_in_text(measures, vocab.running_text)
    findings += check_figure_labels(measures, vocab.running_text)
    findings += check_page_order(doc.leftovers)
    return CuratedPlan(
        tool_version=__version__,
        source=SourceSummary(**doc.source.model_dump(), extracted_sha256=extracted_sha256),
        handlungsfelder=list(vocab.fields.canonical),
        measures=measures,
        budget=budget,
        districts=districts,
        index=index,
        overview=overview,
        claims=claims,
        budget_years=years,
        edition=read_edition(doc.title_page, vocab.document),
        organisations=named.names,
        organisation_sources=named.sources,
        findings=sort_findings([explain(f) for f in findings]),
    )
