"""The fast reading of pages gives exactly what the plain pdfplumber reading gives.

``extract`` reads pages with :func:`hammplan.extract.fast.read_page_fast` (pdfminer's
interpreter with a lean device, content streams parsed by
:mod:`hammplan.extract.fast.contentstream`, words formed as pdfplumber forms them). The plain
reading (``fast=False``: pdfplumber's ``extract_words``, ``chars`` and ``find_tables``) is
the reference. Records must be identical, not just close: every coordinate is compared as
the same float, via ``model_dump()`` equality of the whole document.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF
from pdfplumber.utils import extract_words as plumber_extract_words

from hammplan.extract import extract_document
from hammplan.extract.fast import contentstream
from hammplan.extract.fast.contentstream import Unsupported, parse_streams
from hammplan.extract.fast.page import extract_words, read_page_fast
from hammplan.extract.layout import plumber_word, read_page
from hammplan.extract.reading import read_pages
from hammplan.records import ExtractedDocument
from tests.conftest import PLAN_PDF
from tests.support.scan import scan_copy
from tests.support.typeset import VARIANTS, Layout, build_plan_pdf, sample_content

pytestmark = pytest.mark.slow  # whole builds or the real plan: make test-fast leaves them out

CONTENT = sample_content()
SCANNABLE = [v for v in VARIANTS if v.mark_style == "x"]


def _same_document(path: Path, use_rulings: bool = True) -> None:
    fast = extract_document(path, use_rulings=use_rulings)
    plain = extract_document(path, use_rulings=use_rulings, fast=False)
    assert fast.model_dump() == plain.model_dump()


# --- whole documents -------------------------------------------------------------------------


def test_plan_records_identical(plan: ExtractedDocument) -> None:
    """The bundled plan (119 pages): the records ``extract`` writes, fast path and plain."""
    plain = extract_document(PLAN_PDF, fast=False)
    assert plan.model_dump() == plain.model_dump()
    assert plan.budget_rows and plan.profiles and plan.overview and plan.index


@pytest.mark.parametrize("use_rulings", [True, False], ids=["rulings", "alignment"])
@pytest.mark.parametrize("layout", VARIANTS, ids=[v.name for v in VARIANTS])
def test_variant_records_identical(layout: Layout, use_rulings: bool, tmp_path: Path) -> None:
    _same_document(build_plan_pdf(tmp_path / "plan.pdf", CONTENT, layout), use_rulings)


@pytest.mark.parametrize("layout", SCANNABLE, ids=[v.name for v in SCANNABLE])
def test_scanned_variant_records_identical(layout: Layout, tmp_path: Path) -> None:
    source = build_plan_pdf(tmp_path / "plan.pdf", CONTENT, layout)
    _same_document(scan_copy(source, tmp_path / "scan.pdf", jitter=0.8, seed=7, size_jitter=0.15))


def test_scanned_plan_records_identical(tmp_path: Path) -> None:
    """A scan-like copy of every fourth page of the plan (all table families): bitmaps
    under an invisible OCR text layer whose words wobble."""
    source = pdfium.PdfDocument(PLAN_PDF)
    part = pdfium.PdfDocument.new()
    part.import_pages(source, list(range(0, len(source), 4)))
    part.save(tmp_path / "part.pdf")
    part.close()
    source.close()
    scanned = scan_copy(
        tmp_path / "part.pdf", tmp_path / "scan.pdf", dpi=36, jitter=0.8, seed=3, size_jitter=0.15
    )
    assert read_pages(scanned, jobs=1) == read_pages(scanned, jobs=1, fast=False)
    _same_document(scanned)


# --- pages with what the synthetic plans do not have ----------------------------------------


def _raw_pdf(path: Path, pages: list[dict[str, Any]], extra: list[bytes] | None = None) -> Path:
    """A hand-written PDF: each page a dict of MediaBox, Rotate, content streams (bytes, one
    or several) and XObjects; fonts F1 (Helvetica) and F2 (Times-Roman, with Widths)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, attrs: bytes = b"", compress: bool = False) -> int:
        if compress:
            data = zlib.compress(data)
            attrs += b" /Filter /FlateDecode"
        return add(b"<< /Length %d%s >>\nstream\n" % (len(data), attrs) + data + b"\nendstream")

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # the page tree, written last
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    widths = b" ".join(b"%d" % (400 + (i * 37) % 300) for i in range(32, 127))
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /Times-Roman /Flags 34 "
        b"/FontBBox [-168 -218 1000 898] /ItalicAngle 0 /Ascent 683 "
        b"/Descent -217 /CapHeight 662 /StemV 84 >>"
    )
    f2 = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 32 "
        b"/LastChar 126 /Widths [%s] /FontDescriptor %d 0 R >>" % (widths, descriptor)
    )
    fonts = b"/Font << /F1 %d 0 R /F2 %d 0 R >>" % (f1, f2)
    kids = []
    for page in pages:
        contents = [stream(data, compress=i % 2 == 1) for i, data in enumerate(page["streams"])]
        xobjects = b""
        if page.get("forms"):
            forms = [
                stream(
                    data,
                    b" /Type /XObject /Subtype /Form /BBox [0 0 300 300] "
                    b"/Matrix [1 0 0 1 10 10] /Resources << " + fonts + b" >>",
                )
                for data in page["forms"]
            ]
            xobjects = b" /XObject << %s >>" % b" ".join(
                b"/Fm%d %d 0 R" % (i, ref) for i, ref in enumerate(forms)
            )
        refs = b" ".join(b"%d 0 R" % ref for ref in contents)
        kids.append(
            add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Rotate %d /Resources << %s%s >> "
                b"/Contents [%s] >>"
                % (
                    page.get("mediabox", b"0 0 612 792"),
                    page.get("rotate", 0),
                    fonts,
                    xobjects,
                    refs,
                )
            )
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


_TEXT_OPERATORS = (
    b"BT /F1 12 Tf 72 700 Td (Hello \\(world\\) \\101\\102C \\q) Tj 0 -14 Td\n"
    b"[(Ke) -120 (rn) 250.5 (ing) -2000 (gap)] TJ ET\n% a comment (with [brackets]\n"
)
_SPACING = (
    b"BT /F2 10 Tf 2 Tc 5 Tw 80 Tz 3 Ts 72 650 Td (spaced words here) Tj 14 TL\n"
    b"(next line) ' 1 2 (double quoted) \" T* -.5 Tc +4 Tw 1. Ts (signs) Tj ET\n"
    b"/P <</MCID 0 /Alt (x)>> BDC BT /F#31 9 Tf 72 600 Td <48656C6C 6F2> Tj\n"
    b"(line \\\r\ncontinued) Tj ET EMC\n"
    b"q 1 0 0 rg 100 500 50 20 re f Q 0.5 w 72 480 m 300 480 l S 1 0 0 RG\n"
    b"72 470 m 200 470 l 200 440 l 72 440 l h S\n"
)


def _special_pdf(path: Path) -> Path:
    return _raw_pdf(
        path,
        [
            # several content streams (one compressed), operators, escapes, hex, marked content
            {"streams": [_TEXT_OPERATORS, _SPACING]},
            # a MediaBox not at the origin; rotated and mirrored text matrices
            {
                "mediabox": b"20 30 632 822",
                "streams": [
                    b"BT /F1 11 Tf 0 1 -1 0 300 400 Tm (Rotated text runs up) Tj ET\n"
                    b"BT /F1 11 Tf 0 -1 1 0 330 400 Tm (Rotated text runs down) Tj ET\n"
                    b"BT /F2 11 Tf -1 0 0 1 400 300 Tm (mirrored) Tj ET\n"
                    b"BT /F1 11 Tf 1 0 0 1 72 200 Tm (Upright beside) Tj ET\n"
                ],
            },
            # a page turned by /Rotate
            {
                "rotate": 90,
                "streams": [b"BT /F1 10 Tf 72 700 Td (On a turned page) Tj T* (two) Tj ET\n"],
            },
            # form XObjects (text inside, nested in the page's order)
            {
                "streams": [
                    b"BT /F1 10 Tf 72 750 Td (before the form) Tj ET\n"
                    b"q 1 0 0 1 50 50 cm /Fm0 Do Q BT /F1 10 Tf 72 100 Td (after) Tj ET\n"
                    b"/Fm1 Do\n"
                ],
                "forms": [
                    b"BT /F2 9 Tf 10 280 Td (inside the form) Tj ET 0 0 100 20 re S\n",
                    b"BT /F1 8 Tf 0 0 Td (second form) Tj ET\n",
                ],
            },
            # an inline image: the fast parser leaves the page to pdfminer
            {
                "streams": [
                    b"BT /F1 10 Tf 72 700 Td (above the image) Tj ET\n"
                    b"q 20 0 0 20 72 600 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00\n"
                    b"EI Q BT /F1 10 Tf 72 560 Td (below) Tj ET\n"
                ]
            },
            # a stream boundary inside a token: left to pdfminer too
            {"streams": [b"BT /F1 10 Tf 72 700 Td (split) Tj", b"ET\n"]},
        ],
    )


def _count_fallbacks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    plain_execute = PDFPageInterpreter.execute

    def counting(self: PDFPageInterpreter, streams: Any) -> None:
        calls.append(1)
        plain_execute(self, streams)

    monkeypatch.setattr(PDFPageInterpreter, "execute", counting)
    return calls


@pytest.mark.parametrize("use_rulings", [True, False], ids=["rulings", "alignment"])
def test_special_pages_identical(
    use_rulings: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = _special_pdf(tmp_path / "special.pdf")
    fallbacks = _count_fallbacks(monkeypatch)
    with pdfplumber.open(pdf) as doc:
        fast = [read_page_fast(page, n, use_rulings) for n, page in enumerate(doc.pages, 1)]
    assert len(fallbacks) == 2  # the inline image and the split token, nothing else
    with pdfplumber.open(pdf) as doc:
        plain = [read_page(page, n, use_rulings) for n, page in enumerate(doc.pages, 1)]
    assert fast == plain
    texts = [" ".join(w.text for w in page.words) for page in fast]
    assert "Hello" in texts[0] and "spaced" in texts[0] and "continued" in texts[0]
    assert "Upright" in texts[1] and "inside" in texts[3] and "below" in texts[4]
    assert len(texts[1].split()) > 20  # rotated text, split as pdfplumber splits it
    assert all(page.words for page in fast)


def test_plan_needs_no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every content stream of the plan is parsed by the fast parser (else no speed-up)."""
    fallbacks = _count_fallbacks(monkeypatch)
    with pdfplumber.open(PLAN_PDF) as doc:
        for number in (1, 37, 60, 119):
            read_page_fast(doc.pages[number - 1], number)
    assert fallbacks == []


# --- the content stream parser against pdfminer's -------------------------------------------


def _pdfminer_objects(datas: list[bytes]) -> list[Any]:
    parser = PDFContentParser([PDFStream({}, data) for data in datas])
    objects = []
    while True:
        try:
            objects.append(parser.nextobject()[1])
        except PSEOF:
            return objects


def _typed(obj: Any) -> Any:
    """An object with the type of every number kept (1 == 1.0 == True otherwise)."""
    if isinstance(obj, list):
        return ["list", [_typed(o) for o in obj]]
    if isinstance(obj, dict):
        return ["dict", {k: _typed(v) for k, v in obj.items()}]
    return [type(obj).__name__, obj]


def _agree(datas: list[bytes]) -> bool:
    """The fast parser gives pdfminer's objects, or declines (pdfminer then reads it)."""
    try:
        fast = parse_streams([PDFStream({}, data) for data in datas])
    except Unsupported:
        return False
    assert _typed(fast) == _typed(_pdfminer_objects(datas))
    return True


@pytest.mark.parametrize(
    "data",
    [
        _TEXT_OPERATORS,
        _SPACING,
        b"1 2.5 -3 +4 -.5 .5 1. - + . -. 1.2.3 12abc 0.0 -0 007",
        b"/Name /A#20B /#41#42 /x#4 /y#zz /utf\xc3\xa4 /latin\xe4 / /a/b//c",
        b"(a(b)c) (\\n\\t\\b\\f\\r\\(\\)\\\\) (\\0\\00\\000\\0000 \\12x \\1234) (\\\nx) (\\\r\nx)",
        b"<> <41> <4 1> <414> <a1B2c> <<>> << /K 1 /V [1 2 (x)] /N null >> <41>>",
        b"[1 [2 [3]] ] ] [ /a ] { 1 2 } } << /a << /b 2 >> >> true false truex null",
        b"% comment\r\n1 %\n2 %x",
        b"\x00 1\x00 Tj\x00 BT",
        b"a'b \" ' * ! ~ \x80\xff",
        b"1 2 3 >x> ) ( x ) ] q Q",
        b"   ",
        b"",
    ],
)
def test_parser_matches_pdfminer(data: bytes) -> None:
    _agree([data])


def test_parser_declines_what_it_does_not_reproduce() -> None:
    for data in [
        b"(open string",
        b"<41",
        b"<",
        b"(a\\",
        b"(\\777)",
        b"/a#4",
        b"BI /W 1 ID x EI",
        b"<< /a >>",
    ]:
        with pytest.raises(Unsupported):
            parse_streams([PDFStream({}, data)])
    with pytest.raises(Unsupported):
        parse_streams([PDFStream({}, b"1 2"), PDFStream({}, b"3 Td")])


def test_backslash_cr_lf_at_a_block_boundary() -> None:
    """pdfminer reads 4096-byte blocks and skips the LF of ``\\`` CR LF only within one."""
    for pad in range(4086, 4096):
        data = b" " * pad + b"(a\\\r\nb) Tj (c) Tj"
        assert _agree([data])


_FRAGMENTS = [
    b" ",
    b"\n",
    b"\r",
    b"\r\n",
    b"\t",
    b"\x0c",
    b"\x00",
    b"(",
    b")",
    b"\\",
    b"<",
    b">",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"{",
    b"}",
    b"/",
    b"#",
    b"%",
    b"0",
    b"1",
    b"7",
    b"9",
    b"-",
    b"+",
    b".",
    b"a",
    b"F",
    b"e",
    b"Tj",
    b"BT",
    b"ET",
    b"TJ",
    b"true",
    b"false",
    b"'",
    b'"',
    b"*",
    b"\x80",
    b"\\n",
    b"\\(",
    b"41",
    b"cm",
    b"null",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(b"".join), min_size=1, max_size=3
    )
)
def test_parser_matches_pdfminer_on_token_soup(datas: list[bytes]) -> None:
    _agree(datas)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=80))
def test_parser_matches_pdfminer_on_any_bytes(data: bytes) -> None:
    _agree([data])


def test_interpreter_falls_back_on_parser_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error in the fast parser leaves the page to pdfminer, same result."""
    pdf = _special_pdf(tmp_path / "special.pdf")

    def broken(streams: Any) -> list[Any]:
        raise RuntimeError("boom")

    with pdfplumber.open(pdf) as doc:
        expected = read_page(doc.pages[0], 1)
    monkeypatch.setattr(contentstream, "parse_streams", broken)
    with pdfplumber.open(pdf) as doc:
        assert read_page_fast(doc.pages[0], 1) == expected


# --- words against pdfplumber's extract_words -----------------------------------------------

_coordinate = st.floats(min_value=0, max_value=60, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def _chars(draw: st.DrawFn) -> list[dict[str, Any]]:
    chars = []
    for _ in range(draw(st.integers(0, 40))):
        x0 = draw(_coordinate)
        top = draw(_coordinate)
        size = draw(st.sampled_from([6.0, 8.0, 8.5]))
        width = draw(st.sampled_from([0.0, 2.0, 3.5, 5.0]))
        chars.append(
            {
                "text": draw(st.sampled_from(["a", "b", " ", "\u00a0", "", "ﬁ", "1"])),
                "x0": x0,
                "x1": x0 + width,
                "top": top,
                "bottom": top + size,
                "doctop": top,
                "size": size,
                "height": size,
                "width": width,
                "upright": draw(st.booleans()),
            }
        )
    return chars


@settings(max_examples=300, deadline=None)
@given(_chars())
def test_words_match_pdfplumber(chars: list[dict[str, Any]]) -> None:
    plumber = plumber_extract_words(
        chars, keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"], return_chars=True
    )
    expected = [plumber_word(w) for w in plumber if w["text"].strip()]
    tuples = [
        (c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], c["upright"], c["width"])
        for c in chars
    ]
    assert extract_words(tuples) == expected
