"""Columns and rows of tables set without ruling lines, on hand-made words."""

from __future__ import annotations

from hammplan.extract.grid import column_starts, fits_columns, line_bands, text_rows
from hammplan.extract.layout import Line, PageLayout, Word, group_lines

SIZE = 8.0


def word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 4.5 * len(text), top, top + SIZE, SIZE)


def page_of(words: list[Word]) -> PageLayout:
    return PageLayout(number=3, width=600, height=800, words=words, space_width=2.2)


def test_group_lines_tolerates_wobbling_baselines() -> None:
    lines = group_lines([word("b", 40, 101.5), word("a", 10, 100), word("c", 10, 112)])
    assert [line.text for line in lines] == ["a b", "c"]


def test_column_starts_merge_wrapped_header_words() -> None:
    lines = group_lines(
        [
            word("Name", 10, 0),
            word("der", 34, 0),
            word("nahme", 10, 10),
            word("Aufwand", 100, 0),
            word("(€)", 100, 10),
        ]
    )
    assert column_starts(lines, gutter=3.3) == [10, 100]


def test_bands_part_one_line_rows_and_keep_wrapped_cells() -> None:
    # rows of one line 6pt apart, and a row whose second cell wraps at 1.5pt leading
    tops = [0, 14, 28]
    words = [word(f"r{i}", 10, t) for i, t in enumerate(tops)]
    words += [word("wraps", 100, 28), word("on", 100, 37.5)]
    bands = line_bands(group_lines(words))
    assert [[line.text for line in band] for band in bands] == [["r0"], ["r1"], ["r2 wraps", "on"]]


def test_bands_keep_middle_aligned_cells_in_their_row() -> None:
    # first cell middle-aligned against a three-line second cell
    words = [word("40", 10, 9.5), word("a", 100, 0), word("b", 100, 9.5), word("c", 100, 19)]
    words += [word("41", 10, 35), word("d", 100, 35)]
    page = page_of(words)
    rows = text_rows(page, group_lines(words), [10, 100])
    assert [[c.text for c in row] for row in rows] == [["40", "a b c"], ["41", "d"]]


def test_rows_without_padding_split_at_key_column() -> None:
    words = [
        word("01", 10, 0),
        word("long", 100, 0),
        word("text", 100, 9.6),
        word("02", 10, 19.2),
        word("next", 100, 19.2),
    ]
    rows = text_rows(page_of(words), group_lines(words), [10, 100])
    assert [[c.text for c in row] for row in rows] == [["01", "long text"], ["02", "next"]]


def test_prose_does_not_fit_table_columns() -> None:
    page = page_of([])
    starts = [10, 100, 200, 300]
    cell_line = Line([word("o.", 100, 0), word("A.", 111, 0), word("Land", 200, 0)])
    prose = Line(
        [
            word("Einwohner:innen", 10, 0),
            word("nach", 82, 0),
            word("familiärem", 103, 0),
            word("Migrationshintergrund", 151, 0),
            word("(Stichtag)", 250, 0),
        ]
    )
    assert fits_columns(cell_line, starts, page)
    assert not fits_columns(prose, starts, page)


def test_compacted_cell_keeps_text_box_and_extent() -> None:
    from hammplan.extract.grid import GridCell

    words = [word("Sprach-", 10, 100), word("förderung", 10, 110), word("KiTa", 60, 100)]
    cell = GridCell(words, 3, None)
    merged = cell.compacted()
    assert len(merged.words) == 1
    assert merged.text == cell.text == "Sprach- KiTa förderung"
    assert merged.source() == cell.source()
    assert (merged.words[0].top, merged.words[0].bottom) == (100, 110 + SIZE)
    empty = GridCell([], 3, None)
    assert empty.compacted() is empty
