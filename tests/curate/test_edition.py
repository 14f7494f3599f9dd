"""City, title and edition come from the title page or the vocabulary, never from the code."""

from __future__ import annotations

from hammplan.curate.edition import read_edition
from hammplan.records.provenance import BBox, SourceCell, Span
from hammplan.vocabulary import DocumentVocabulary, load_vocabulary


def _lines(*texts: str) -> list[SourceCell]:
    box = BBox(x0=0, top=0, x1=1, bottom=1)
    return [SourceCell(text=t, spans=[Span(page=1, bbox=box)]) for t in texts]


def test_the_title_page_names_city_title_and_edition() -> None:
    edition = read_edition(
        _lines("Kreis Unna", "Integrationskonzept", "Fortschreibung 2027"),
        load_vocabulary().document,
    )
    assert (edition.stadt, edition.stadt_quelle) == ("Unna", "plan")
    assert edition.titel == "Integrationskonzept Fortschreibung 2027"
    assert (edition.ausgabe, edition.page) == ("Fortschreibung 2027", 1)


def test_nothing_named_stays_unknown() -> None:
    edition = read_edition([], load_vocabulary().document)
    assert (edition.stadt, edition.titel, edition.ausgabe) == (None, None, None)


def test_the_vocabulary_names_what_the_title_page_does_not() -> None:
    vocab = DocumentVocabulary(city_words=["Stadt"], city="Musterstadt", edition="2. Auflage")
    edition = read_edition(_lines("Integrationsplan"), vocab)
    assert (edition.stadt, edition.stadt_quelle) == ("Musterstadt", "vocabulary")
    assert (edition.titel, edition.titel_quelle) == ("Integrationsplan", "plan")
    assert (edition.ausgabe, edition.ausgabe_quelle) == ("2. Auflage", "vocabulary")
