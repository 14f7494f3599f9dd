"""A lean reading of a page: pdfplumber's words and tables, without what we never use.

pdfplumber reads a page by letting pdfminer build an object per character (``LTChar``) and
then turning each into a dictionary of some twenty attributes, resolving every colour and
font name on the way: on the plan that is three quarters of the time ``extract`` took. The
table parsers need a character's text, its box and its size. :func:`read_page_fast` runs the
same pdfminer interpreter with a device that computes only those, with the same arithmetic in
the same order as ``PDFTextDevice.render_string_horizontal``, ``LTChar`` and
``Page.process_object``, so every coordinate is the very same float; words are then formed as
pdfplumber's ``extract_words`` forms them (same clustering, same order, same rules). Ruling
lines, rectangles and curves (a few per page) still go through pdfplumber's own
``process_object``, and ruled tables are still found by pdfplumber's ``find_tables``.

The plain reading (:func:`hammplan.extract.layout.read_page`) stays the reference: tests
(tests/extract/test_fast_path.py) assert that both give equal pages and equal documents, on
the bundled plan, on every synthetic layout and on scanned copies.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import Any, Final, cast

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState
from pdfminer.utils import Matrix, Point
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

from hammplan.extract.bounds import count_objects
from hammplan.extract.fast.contentstream import LeanInterpreter
from hammplan.extract.layout import PageLayout, Word, ligature_boxes, page_layout

Char = tuple[str, float, float, float, float, float, bool, float]
"""A character in pdfplumber's coordinates (origin top-left), as the fields
``(text, x0, x1, top, bottom, size, upright, width)`` of pdfplumber's character dict."""

_TEXT: Final = 0
_X0: Final = 1
_X1: Final = 2
_TOP: Final = 3
_BOTTOM: Final = 4
_SIZE: Final = 5
_UPRIGHT: Final = 6
_WIDTH: Final = 7


class _LeanDevice(PDFLayoutAnalyzer):
    """pdfminer's layout device, keeping each character of a horizontal font as a tuple.

    Characters are collected in the order pdfminer emits them, which is the order pdfplumber
    lists them in (a form XObject's objects stand where the form is drawn, and nothing else is
    drawn while it is open). Vertical fonts (rare) take pdfminer's own ``render_char``; their
    ``LTChar`` objects are converted by pdfplumber's ``process_object`` afterwards.
    """

    def __init__(
        self, rsrcmgr: Any, pageno: int, height: float, mb_x0: float, mb_top: float
    ) -> None:
        super().__init__(rsrcmgr, pageno=pageno)
        self.chars: list[Char | LTChar] = []
        self._height = height
        self._mb_x0 = mb_x0
        self._mb_top = mb_top
        self._glyphs: dict[int, tuple[PDFFont, dict[int, tuple[str, float]]]] = {}

    def _glyph_table(self, font: PDFFont) -> dict[int, tuple[str, float]]:
        """Text and width by character id, per font (both depend on the font and id only)."""
        entry = self._glyphs.get(id(font))
        if entry is None or entry[0] is not font:
            entry = (font, {})
            self._glyphs[id(font)] = entry
        return entry[1]

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        self.chars.append(cast(LTChar, self.cur_item._objs[-1]))  # the LTChar just added
        return float(adv)

    def render_string_horizontal(  # noqa: C901 - pdfminer's own method, slimmed; inline for speed
        self,
        seq: Iterable[Any],
        matrix: Matrix,
        pos: Point,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        dxscale: float,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> Point:
        # PDFTextDevice.render_string_horizontal with PDFLayoutAnalyzer.render_char,
        # LTChar.__init__ and Page.process_object inlined. Every expression is theirs, with
        # its operands in their order (floating point addition is not associative); the
        # parts that do not change within one string are computed once.
        glyphs = self._glyph_table(font)
        out = self.chars
        height, mb_x0, mb_top = self._height, self._mb_x0, self._mb_top
        a, b, c, d, e, f = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        descent = font.get_descent() * fontsize
        bottom_y = descent + rise
        top_y = descent + rise + fontsize
        # apply_matrix_rect(m, (0, bottom_y, adv, top_y)) computes a * x + c * y + e1 and
        # b * x + d * y + f1 for the four corners; a * 0 + c * y does not depend on the char
        a0_cb = a * 0 + c * bottom_y
        a0_ct = a * 0 + c * top_y
        b0_db = b * 0 + d * bottom_y
        b0_dt = b * 0 + d * top_y
        cb = c * bottom_y
        ct = c * top_y
        db = d * bottom_y
        dt = d * top_y
        (x, y) = pos
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                count_objects(len(obj))  # at most one character per byte
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        try:
                            text = font.to_unichr(cid)
                        except PDFUnicodeNotDefined:
                            text = self.handle_undefined_char(font, cid)
                        glyph = glyphs[cid] = (text, font.char_width(cid))
                    text, textwidth = glyph
                    adv = textwidth * fontsize * scaling
                    # translate_matrix(matrix, (x, y))
                    e1 = x * a + y * c + e
                    f1 = x * b + y * d + f
                    # the corners: left-bottom, right-bottom, right-top, left-top
                    left1 = a0_cb + e1
                    bottom1 = b0_db + f1
                    a_adv = a * adv
                    b_adv = b * adv
                    right1 = a_adv + cb + e1
                    bottom2 = b_adv + db + f1
                    right2 = a_adv + ct + e1
                    top1 = b_adv + dt + f1
                    left2 = a0_ct + e1
                    top2 = b0_dt + f1
                    # min() and max() over (left1, left2, right1, right2) and
                    # (bottom1, bottom2, top1, top2): the first extreme value wins
                    x0 = left1
                    if left2 < x0:
                        x0 = left2
                    if right1 < x0:
                        x0 = right1
                    if right2 < x0:
                        x0 = right2
                    x1 = left1
                    if left2 > x1:
                        x1 = left2
                    if right1 > x1:
                        x1 = right1
                    if right2 > x1:
                        x1 = right2
                    y0 = bottom1
                    if bottom2 < y0:
                        y0 = bottom2
                    if top1 < y0:
                        y0 = top1
                    if top2 < y0:
                        y0 = top2
                    y1 = bottom1
                    if bottom2 > y1:
                        y1 = bottom2
                    if top1 > y1:
                        y1 = top1
                    if top2 > y1:
                        y1 = top2
                    if mb_x0 != 0:
                        out.append(
                            (
                                text,
                                x0 + mb_x0,
                                x1 + mb_x0,
                                (height - y1) + mb_top,
                                (height - y0) + mb_top,
                                y1 - y0,
                                upright,
                                x1 - x0,
                            )
                        )
                    else:
                        out.append(
                            (
                                text,
                                x0,
                                x1,
                                (height - y1) + mb_top,
                                (height - y0) + mb_top,
                                y1 - y0,
                                upright,
                                x1 - x0,
                            )
                        )
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return (x, y)


def _walk(objs: list[Any]) -> Iterator[Any]:
    """Layout objects in pdfplumber's order: a figure's contents where the figure stands."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _walk(obj._objs)
        else:
            yield obj


def lean_objects(page: Any) -> tuple[list[Char], dict[str, list[dict[str, Any]]]]:
    """The characters of a pdfplumber page, and its other objects as ``page.objects`` holds
    them (rects, lines, curves, images), in pdfplumber's order.

    ``page`` must be an uncropped page of a PDF opened without layout analysis and without
    Unicode normalisation (pdfplumber's defaults).
    """
    pdf = page.pdf
    if pdf.laparams is not None or pdf.unicode_norm is not None or not page.is_original:
        raise ValueError("lean_objects reads only uncropped pages opened with the defaults")
    mb_x0, mb_top = page.mediabox[:2]
    device = _LeanDevice(pdf.rsrcmgr, page.page_number, page.height, mb_x0, mb_top)
    interpreter = LeanInterpreter(pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as exc:
        raise PdfminerException(exc) from exc
    chars: list[Char] = []
    for char in device.chars:
        if isinstance(char, LTChar):
            attr = page.process_object(char)
            chars.append(
                (
                    attr["text"],
                    attr["x0"],
                    attr["x1"],
                    attr["top"],
                    attr["bottom"],
                    attr["size"],
                    attr["upright"],
                    attr["width"],
                )
            )
        else:
            chars.append(char)
    others: dict[str, list[dict[str, Any]]] = {}
    for obj in _walk(device.cur_item._objs):
        if not isinstance(obj, LTChar):
            attr = page.process_object(obj)
            if attr["object_type"] != "anno":
                others.setdefault(attr["object_type"], []).append(attr)
    return chars, others


# pdfplumber's WordExtractor with the defaults read_page uses: x_tolerance and y_tolerance 3,
# keep_blank_chars and use_text_flow off, line_dir "ttb", char_dir "ltr" (rotated text: lines
# along x, characters top to bottom), extra_attrs ["size"], no split at punctuation, ligatures
# expanded.

_top_of: Callable[[Char], float] = itemgetter(_TOP)
_x0_of: Callable[[Char], float] = itemgetter(_X0)


def _clusters(
    chars: list[Char], key: Callable[[Char], float], tolerance: float
) -> list[list[Char]]:
    """pdfplumber's ``cluster_objects(chars, key, tolerance)``: a value at most ``tolerance``
    above the previous one (in sorted order) joins its cluster; characters in cluster order,
    each cluster in the characters' order."""
    values = sorted({key(c) for c in chars})
    index: dict[float, int] = {}
    cluster = 0
    last = values[0]
    for value in values:
        if value > last + tolerance:
            cluster += 1
        index[value] = cluster
        last = value
    if cluster == 0:
        return [chars]
    groups: list[list[Char]] = [[] for _ in range(cluster + 1)]
    for c in chars:
        groups[index[key(c)]].append(c)
    return groups


def _word(chars: list[Char]) -> Word:
    """WordExtractor.merge_chars, as read_page turns it into a :class:`Word`."""
    first = chars[0]
    if len(chars) == 1:
        text = first[_TEXT]
        return Word(
            LIGATURES.get(text, text or ""),
            float(first[_X0]),
            float(first[_X1]),
            float(first[_TOP]),
            float(first[_BOTTOM]),
            float(first[_SIZE]),
        )
    text = "".join(LIGATURES.get(c[_TEXT], c[_TEXT] or "") for c in chars)
    return Word(
        text,
        float(min(c[_X0] for c in chars)),
        float(max(c[_X1] for c in chars)),
        float(min(c[_TOP] for c in chars)),
        float(max(c[_BOTTOM] for c in chars)),
        float(first[_SIZE]),
    )


def _new_word_ttb(prev: Char, curr: Char) -> bool:
    """WordExtractor.char_begins_new_word for direction "ttb" (rotated text)."""
    return bool(
        curr[_TOP] < prev[_TOP]
        or curr[_TOP] > prev[_BOTTOM] + DEFAULT_Y_TOLERANCE
        or abs(curr[_X0] - prev[_X0]) > DEFAULT_X_TOLERANCE
    )


def _line_words_ttb(line: list[Char], words: list[Word]) -> None:
    """WordExtractor.iter_chars_to_words for rotated text, adding the words with printing
    text to ``words``."""
    current: list[Char] = []
    for char in line:
        text = char[_TEXT]
        if text.isspace():
            if current:
                _keep(_word(current), words)
            current = []
        elif text == "":  # `text in split_at_punctuation` ("") holds for "" only
            if current:
                _keep(_word(current), words)
            _keep(_word([char]), words)
            current = []
        elif current and _new_word_ttb(current[-1], char):
            _keep(_word(current), words)
            current = [char]
        else:
            current.append(char)
    if current:
        _keep(_word(current), words)


def _keep(word: Word, words: list[Word]) -> None:
    if word.text.strip():
        words.append(word)


def _line_words_ltr(line: list[Char], words: list[Word]) -> None:  # noqa: C901 - pdfplumber's word rules, inline for speed
    """WordExtractor.iter_chars_to_words and merge_chars for upright text ("ltr"), adding
    the words with printing text to ``words``; the word's box is kept as it grows (min and
    max keep the first of equal values, as here), and where its letters end and begin as
    :func:`letter_starts` gives them."""
    texts: list[str] = []
    edges: list[float] = []
    size = x0 = x1 = top = bottom = last_x0 = last_x1 = last_top = 0.0
    end: float | None = None  # where the word's last letter so far ends
    expand = LIGATURES.get
    x_tol, y_tol = DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE
    for char in line:
        text, cx0, cx1, ctop, cbottom, csize = char[:6]
        space = text.isspace()
        if texts and (
            space
            or cx0 < last_x0
            or cx0 > last_x1 + x_tol
            or abs(ctop - last_top) > y_tol
            or text == ""
        ):
            _keep_letters(texts, (x0, x1, top, bottom, size), edges, words)
            texts = []
        if space or text == "":  # a space ends a word; an empty text stands alone, unkept
            continue
        letters = expand(text, text)
        if texts:
            texts.append(letters)
            if cx0 < x0:
                x0 = cx0
            if cx1 > x1:
                x1 = cx1
            if ctop < top:
                top = ctop
            if cbottom > bottom:
                bottom = cbottom
        else:
            texts = [letters]
            edges = []
            x0, x1, top, bottom, size = cx0, cx1, ctop, cbottom, csize
            end = None
        if len(letters) == 1:
            if end is not None:
                edges += (float(end), float(cx0))
            end = cx1
        else:
            for start, stop in ligature_boxes(letters, cx0, cx1):
                if end is not None:
                    edges += (float(end), float(start))
                end = stop
        last_x0, last_x1, last_top = cx0, cx1, ctop
    if texts:
        _keep_letters(texts, (x0, x1, top, bottom, size), edges, words)


def _keep_letters(
    texts: list[str],
    box: tuple[float, float, float, float, float],
    edges: list[float],
    words: list[Word],
) -> None:
    """Add the word made of ``texts`` with its box (x0, x1, top, bottom, size) and letter
    edges to ``words`` if it has printing text."""
    word = "".join(texts)
    if word.strip():
        x0, x1, top, bottom, size = box
        words.append(
            Word(word, float(x0), float(x1), float(top), float(bottom), float(size), tuple(edges))
        )


def _sort_ttb(char: Char) -> tuple[float, float]:
    return (char[_TOP], char[_BOTTOM])


def extract_words(chars: list[Char]) -> list[Word]:
    """The words pdfplumber's ``extract_words(extra_attrs=["size"])`` gives, in its order,
    as read_page keeps them (only those with printing text)."""
    words: list[Word] = []
    for (upright, _), group in itertools.groupby(chars, itemgetter(_UPRIGHT, _SIZE)):
        group_chars = list(group)
        if upright:  # lines along "ttb" by top, characters "ltr" by (x0, x0)
            for line in _clusters(group_chars, _top_of, DEFAULT_Y_TOLERANCE):
                _line_words_ltr(sorted(line, key=_x0_of), words)
        else:  # lines along "ltr" by x0, characters "ttb" by (top, bottom)
            for line in _clusters(group_chars, _x0_of, DEFAULT_X_TOLERANCE):
                _line_words_ttb(sorted(line, key=_sort_ttb), words)
    return words


def read_page_fast(page: Any, number: int, use_rulings: bool = True) -> PageLayout:
    """:func:`hammplan.extract.layout.read_page`, reading the page the lean way."""
    chars, others = lean_objects(page)
    # find_tables and the fills read only rects, lines and curves (not characters)
    page._objects = {"char": [], **others}
    spaces = [float(c[_WIDTH]) for c in chars if c[_TEXT] == " " and c[_WIDTH] > 0]
    return page_layout(page, number, extract_words(chars), spaces, use_rulings)
