"""OCR text layers: pieces of recognised words joined, rule debris split off (not dropped);
curation removes the debris (tests/curate/test_budget_cells.py)."""

from __future__ import annotations

from itertools import pairwise

from hammplan.extract.columns import Boundary, column_bounds
from hammplan.extract.layout import Line, PageLayout, Word, ligature_boxes
from hammplan.extract.ocr import (
    char_edges,
    has_scan_image,
    is_debris,
    join_fragments,
    split_debris,
)


def word(text: str, x0: float, x1: float, top: float = 10.0) -> Word:
    return Word(text, x0, x1, top, top + 8, 8.0)


def test_debris_glued_to_words_is_split_at_its_place_in_the_box() -> None:
    pieces = split_debris([word("0.A.|0..A.", 471.0, 506.0), word("|Ertrag", 246.0, 268.0)])
    assert [p.text for p in pieces] == ["0.A.", "|", "0..A.", "|", "Ertrag"]
    assert (pieces[0].x0, pieces[0].x1) == (471.0, 485.0)  # 4 of 10 characters of 35 pt
    assert (pieces[1].x0, pieces[1].x1) == (485.0, 488.5)
    assert pieces[2].x1 == 506.0
    assert [is_debris(p) for p in pieces] == [False, True, False, True, False]


def test_words_without_debris_are_kept_as_they_are() -> None:
    words = [word("38.251", 213.0, 235.0), word("|", 243.0, 244.0)]
    assert split_debris(words) == words


def test_touching_pieces_of_a_word_are_joined_and_words_a_space_apart_are_not() -> None:
    line = [
        word("A", 194.0, 198.0),
        word("uf", 198.0, 207.0),
        word("w", 206.9, 212.0),
        word("an", 212.0, 221.0, top=10.6),
        word("d", 221.0, 226.0),
        word("|", 244.0, 247.0),
        word("Ertrag", 247.0, 266.0),
    ]
    joined = join_fragments([line], 0.05)
    assert [w.text for w in joined] == ["Aufwand", "|Ertrag"]
    assert (joined[0].x0, joined[0].x1, joined[0].top) == (194.0, 226.0, 10.0)
    assert joined[0].bottom == 18.6


def test_char_edges_spread_evenly_over_the_box() -> None:
    assert char_edges(word("0.A.", 10.0, 18.0)) == [10.0, 12.0, 14.0, 16.0, 18.0]
    assert char_edges(word("", 10.0, 18.0)) == [18.0]


def test_a_ligature_s_letters_share_its_glyph_as_an_ocr_word_s_characters_share_its_box() -> None:
    """One even division for both: a ligature's letter boxes are the OCR character edges of
    the same extent, pair by pair, ending exactly at the glyph's right edge."""
    for letters, x0, x1 in (("ffi", 100.1, 107.3), ("fl", 0.0, 5.0), ("f", 3.5, 4.25)):
        edges = char_edges(word(letters, x0, x1))
        assert ligature_boxes(letters, x0, x1) == list(pairwise(edges))
    assert ligature_boxes("ffl", 10.0, 16.0) == [(10.0, 12.0), (12.0, 14.0), (14.0, 16.0)]
    assert ligature_boxes("ffi", 100.1, 107.3)[-1][1] == 107.3


def test_a_word_covering_the_whole_search_window_leaves_the_boundary_alone() -> None:
    """Regression: on a scan, a letter wider than a boundary's whole search window (a long
    dash, an underline) left no place to choose from."""
    page = PageLayout(1, 600.0, 800.0, [], 2.0, ocr=True)
    lines = [Line([word("—", 90.0, 110.0, top=10.0 * i)]) for i in range(6)]
    bounds = column_bounds(lines, [50.0, 100.0], page)
    assert bounds[1] == Boundary(98.0, cuts=False)


class _Page:
    """What has_scan_image reads of a pdfplumber page."""

    def __init__(
        self, images: list[tuple[float, float, float, float]], metadata: dict[str, str]
    ) -> None:
        self.width, self.height = 600.0, 800.0
        self.images = [{"x0": a, "top": b, "x1": c, "bottom": d} for a, b, c, d in images]
        self.pdf = type("Pdf", (), {"metadata": metadata})()


def test_a_scan_is_a_page_covered_by_images_or_an_image_from_a_recognition_engine() -> None:
    strips = [(0.0, 200.0 * i, 600.0, 200.0 * (i + 1)) for i in range(4)]
    assert has_scan_image(_Page(strips, {}))  # scanners that write a page in strips
    assert not has_scan_image(_Page([(50.0, 50.0, 250.0, 250.0)], {}))  # a photo on a page
    assert has_scan_image(_Page([(50.0, 50.0, 250.0, 250.0)], {"Producer": "ABBYY FineReader 15"}))
    assert not has_scan_image(_Page([], {"Creator": "ocrmypdf 14.0.1 / Tesseract OCR-PDF"}))
    assert not has_scan_image(
        _Page([(50.0, 50.0, 250.0, 250.0)], {"Producer": "Democracy Tools PDF"})
    )
