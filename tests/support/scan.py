"""Turn a PDF into a simulated "printed, scanned and OCR'd" copy.

Real-world copies of the plan are often scans: the page is one bitmap, so ruling lines and cell
fills exist only as pixels, and the text comes from an OCR engine, which writes every word as
invisible text in a standard font, stretched to the width of the word in the bitmap and placed a
little off its true position.  Extraction that relies on vector graphics or on exact coordinates
breaks on such copies; tests use `scan_copy` to find out.  The OCR is simulated (words are taken
from the source's text layer), so the copy's text is exact and only its geometry is disturbed.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .typeset import font_file

__all__ = ["OCR_FONT", "UNICODE_FONT", "scan_copy"]

OCR_FONT = "Helvetica"  # what OCR engines typically write their invisible text layer in
UNICODE_FONT = "DejaVuSans"  # for the rare word outside Helvetica's WinAnsi (Greek, Cyrillic...)
# WinAnsi characters that reportlab writes as a code pdfminer cannot read back ("(cid:127)").
_MISREAD = frozenset("•\x7f")


def _font_for(text: str) -> str:
    """OCR_FONT if it can write `text` so that pdfminer reads it back, else UNICODE_FONT: reportlab
    silently writes characters outside WinAnsi as other glyphs, and OCR keeps them."""
    try:
        if _MISREAD.isdisjoint(text) and text.encode("cp1252"):  # = reportlab's WinAnsiEncoding
            return OCR_FONT
    except UnicodeEncodeError:
        pass
    if UNICODE_FONT not in pdfmetrics.getRegisteredFontNames():
        path = font_file(UNICODE_FONT)
        if path is None:
            raise FileNotFoundError(f"font {UNICODE_FONT} needed for {text!r} not found")
        pdfmetrics.registerFont(TTFont(UNICODE_FONT, str(path)))
    return UNICODE_FONT


def scan_copy(
    source: Path,
    target: Path,
    *,
    dpi: int = 100,
    jitter: float = 0.8,
    seed: int = 0,
    size_jitter: float = 0.0,
) -> Path:
    """Write to `target` a scan-like copy of `source` and return `target`.

    Every page becomes a greyscale bitmap of `dpi` (no vector lines, rects or curves remain)
    under an invisible text layer with the source's words, in `OCR_FONT` (`UNICODE_FONT` for
    words it cannot encode) at the source size and as wide as in the source.  Each word is shifted
    by up to `jitter` pt horizontally and vertically: the vertical shift is half shared by its
    line (a wobbling baseline) and half the word's own, so never more than `jitter` in all.  The
    shifts depend only on `seed`, so a test that fails on one copy fails again on the next.
    OCR engines size a line's text by the line's height in the bitmap, which varies with its
    ascenders and descenders: `size_jitter` scales each line's font size by a factor drawn
    from 1 ± `size_jitter` (the words keep their width and bottom).
    Page count and page sizes (landscape too) are those of `source`.
    """
    rng = random.Random(seed)
    canvas = Canvas(str(target), pageCompression=1)
    canvas.setTitle(f"Scan of {source.name}")
    bitmaps = pdfium.PdfDocument(source)
    try:
        with pdfplumber.open(source) as pdf:
            for index, page in enumerate(pdf.pages):
                width, height = float(page.width), float(page.height)
                canvas.setPageSize((width, height))
                bitmap = bitmaps[index].render(scale=dpi / 72).to_pil().convert("L")
                canvas.drawImage(ImageReader(bitmap), 0, 0, width=width, height=height)
                # Words as pdfplumber reads them by default, not split at font or size changes
                # (extra_attrs would), so that the copy reads back into the very same words.
                words = page.extract_words(return_chars=True)
                _write_invisible_words(canvas, words, height, rng, jitter, size_jitter)
                canvas.showPage()
    finally:
        bitmaps.close()
    canvas.save()
    return target


def _write_invisible_words(
    canvas: Canvas,
    words: list[dict[str, Any]],
    height: float,
    rng: random.Random,
    jitter: float,
    size_jitter: float,
) -> None:
    """Write `words` (pdfplumber dicts) as invisible text, each jittered, in one text object.

    Every word is followed by a space, as OCR engines write them: without it, two words whose
    gap shrinks under the jitter could be read back as one.
    """
    line_shift: dict[float, float] = {}  # source baseline -> vertical shift shared by its line
    line_scale: dict[float, float] = {}  # source baseline -> font size factor of its line
    text = canvas.beginText()
    text.setTextRenderMode(3)  # neither fill nor stroke: the glyphs are invisible
    for word in words:
        line = round(word["bottom"], 1)
        if line not in line_shift:
            line_shift[line] = rng.uniform(-jitter, jitter) / 2
            line_scale[line] = 1 + rng.uniform(-size_jitter, size_jitter) if size_jitter else 1
        size = max(float(char["size"]) for char in word["chars"]) * line_scale[line]
        dx = rng.uniform(-jitter, jitter)
        dy = line_shift[line] + rng.uniform(-jitter, jitter) / 2
        font = _font_for(word["text"])
        # pdfminer knows no width for the standard fonts' Euro sign, so neither in the source nor
        # in the copy does it count; and a zero scale would make pdfminer call glyphs not upright.
        counted = word["text"].replace("€", "") if font == OCR_FONT else word["text"]
        natural = pdfmetrics.stringWidth(counted, font, size)
        wanted = word["x1"] - word["x0"]
        scale = 100.0 * wanted / natural if natural > 0 and wanted > 0 else 100.0
        # Put the copy's glyph bottom (baseline + descent) where the source's was, so that
        # pdfplumber reports the same bottom/top; reportlab's y runs up from the page bottom.
        baseline = height - word["bottom"] - pdfmetrics.getDescent(font, size)
        text.setFont(font, size)
        text.setHorizScale(scale)
        text.setTextOrigin(word["x0"] + dx, baseline - dy)  # dy > 0 moves the word down
        text.textOut(word["text"] + " ")
    canvas.drawText(text)
