"""Page furniture: running footers are recognised and dropped, table text is not."""

from __future__ import annotations

from hammplan.extract.layout import (
    PageLayout,
    Word,
    drop_furniture,
    furniture_keys,
    page_edges,
)


def remove_furniture(pages: list[PageLayout]) -> None:
    """What reading does: decide on every page's edges, then drop from each page."""
    keys = furniture_keys([page_edges(page) for page in pages])
    for page in pages:
        drop_furniture(page, keys)


def _page(number: int, extra: list[Word]) -> PageLayout:
    footer = [Word("Seite", 280, 300, 810, 818, 8), Word(str(number), 302, 310, 810, 818, 8)]
    return PageLayout(number, 595, 842, [*extra, *footer], 2.0)


def test_footers_removed_and_content_kept() -> None:
    pages = [
        _page(
            n,
            [
                Word(f"Kapitel-{chr(64 + n)}", 70, 120, 60, 68, 8),
                Word(f"Zeile{n}", 70, 120, 100, 108, 8),
            ],
        )
        for n in range(1, 6)
    ]
    pages.append(_page(6, [Word("Seite", 70, 90, 400, 408, 8)]))  # same word, elsewhere
    remove_furniture(pages)
    assert [[w.text for w in p.words] for p in pages][-2:] == [["Kapitel-E", "Zeile5"], ["Seite"]]


def test_repeated_table_header_is_not_furniture() -> None:
    header = [
        Word("StA", 70, 90, 60, 68, 8),
        Word("Wert", 200, 220, 60, 68, 8),
        Word("2023", 222, 240, 60, 68, 8),
    ]
    pages = [_page(n, [*header, Word(f"{n}0", 70, 80, 100, 108, 8)]) for n in range(1, 4)]
    pages += [_page(n, [Word("Text", 70, 90, 300, 308, 8)]) for n in range(4, 7)]
    remove_furniture(pages)
    assert [w.text for w in pages[0].words] == ["StA", "Wert", "2023", "10"]


def test_short_documents_keep_everything() -> None:
    pages = [_page(1, []), _page(2, [])]
    remove_furniture(pages)
    assert [len(p.words) for p in pages] == [2, 2]
