"""Headers a scan's text layer blurs into their neighbours, on hand-made words.

Regressions of the real scan (tests/extract/test_real_scan_overview.py reads its pages): the
first row of an overview page standing no further below the header than the header's own
leading, and a contents page whose headings all begin with a word close to a profile label.
"""

from __future__ import annotations

from hammplan.extract.chunks import page_chunks
from hammplan.extract.layout import PageLayout, Word
from hammplan.vocabulary import load_vocabulary

SIZE = 8.0


def word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 4.0 * len(text), top, top + SIZE, SIZE)


def scan_page(words: list[Word]) -> PageLayout:
    return PageLayout(number=43, width=800, height=600, words=words, space_width=2.2, ocr=True)


FIELDS = [("Sprache", 250), ("Wohnen", 300), ("Gesundheit", 350), ("Bildung", 400)]


def overview_page(first_row_top: float) -> PageLayout:
    """A section line, the column header (one title wrapped), then body rows; the first
    row's third word stands where no column starts."""
    words = [
        word("Integrationsabschnitte", 80, 70),
        word("Seite", 460, 70),
        word("Handlungsfelder", 80, 100),
    ]
    words += [word(name, x, 100) for name, x in FIELDS]
    words += [word("-fung", 350, 109)]  # the wrapped end of a header title
    words += [
        word("Digitalisierung", 80, first_row_top),
        word("und", 146, first_row_top),
        word("digitale", 164, first_row_top),
        word("Kompetenzen", 80, first_row_top + 9),
    ]
    words += [
        word("Integration", 80, 150),
        word("in", 131, 150),
        word("Ausbildung", 140, 150),
        word("X", 300, 150),
        word("18", 460, 150),
    ]
    return scan_page(words)


def test_a_first_row_close_under_the_header_is_no_header_column() -> None:
    # 118.5: the row's white above it is no wider than the header's leading
    chunks = page_chunks(overview_page(118.5), load_vocabulary(), None)
    assert [c.family for c in chunks] == ["overview"]
    chunk = chunks[0]
    assert [len(row) for row in chunk.header] == [6, 6]  # label, four fields, page column
    assert chunk.header[-1][3].text == "Gesundheit -fung"
    assert [[c.text for c in row] for row in chunk.rows] == [
        ["Digitalisierung und digitale Kompetenzen", "", "", "", "", ""],
        ["Integration in Ausbildung", "", "X", "", "", "18"],
    ]


def test_a_contents_page_of_field_headings_is_no_profile() -> None:
    # "Handlungsfeld" reads fuzzily as the label "Handlungsfelder"; every line begins with it
    words = []
    for i, name in enumerate(['"Sprache"', '"Wohnen"', '"Bildung"', '"Gesundheit"']):
        top = 100 + 14 * i
        words += [word("Handlungsfeld", 77, top), word(name, 157, top), word(str(16 + i), 480, top)]
    chunks = page_chunks(scan_page(words), load_vocabulary(), None)
    assert "profile" not in [c.family for c in chunks]


def test_two_different_labels_still_open_a_profile_on_a_scan() -> None:
    words = [
        word("Titei", 77, 100),
        word("Kleine", 157, 100),
        word("Knirpse", 190, 100),
        word("Träger", 77, 114),
        word("Stadt", 157, 114),
        word("Hamm", 185, 114),
    ]
    chunks = page_chunks(scan_page(words), load_vocabulary(), None)
    assert [c.family for c in chunks] == ["profile"]
    assert [[c.text for c in row] for row in chunks[0].rows] == [
        ["Titei", "Kleine Knirpse"],
        ["Träger", "Stadt Hamm"],
    ]
