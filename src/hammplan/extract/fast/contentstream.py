"""A faster reading of page content streams, giving what pdfminer's parser gives.

pdfminer tokenises a content stream one state-machine step at a time in Python
(``PSBaseParser``), passes each object through a stack parser (``PSStackParser``) and looks
up each operator by name (``PDFPageInterpreter.execute``); on the plan that is about half of
the time left after :mod:`hammplan.extract.fast.page`. :class:`LeanInterpreter` parses a
stream with one regular expression per token into the very objects pdfminer's parser yields
(ints, floats, bools, byte strings, interned ``PSLiteral`` / ``PSKeyword``, lists and
dicts), in the same order, and calls the same ``do_*`` operator methods with the same
arguments. Every rule below is pdfminer's, quirks included (an escape such as ``\\q`` is
dropped, an odd final hex digit is read as a whole byte, ``-`` alone is no number).

Whatever it does not reproduce with certainty it leaves to pdfminer: inline images
(``BI``/``ID``), a string, hex string or name escape left open at the end of a stream, a
stream boundary not at white space (pdfminer carries some tokens over it), an octal escape
above 255, any exception. The page is then read by pdfminer's own ``execute``, as before.
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer import settings
from pdfminer.pdfinterp import PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import (
    KEYWORD_ARRAY_BEGIN,
    KEYWORD_ARRAY_END,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    KEYWORD_PROC_BEGIN,
    KEYWORD_PROC_END,
    KWD,
    LIT,
    PSKeyword,
    literal_name,
)

_BUFSIZ = 4096
"""pdfminer reads a stream in blocks of this size; one rule (``\\`` before CR LF) depends
on whether the LF is in the same block."""

# One token after white space (and NUL bytes, which pdfminer skips between tokens). The
# character classes are pdfminer's END_KEYWORD / END_LITERAL / END_NUMBER / hex ones.
_TOKEN = re.compile(
    rb"[\s\x00]*(?:"
    rb"(?P<kw>[A-Za-z][^#/%\[\]()<>{}\s]*)"
    rb"|(?P<num>[-+0-9][0-9]*(?P<frac>\.[0-9]*)?)"
    rb"|(?P<flt>\.[0-9]*)"
    rb"|/(?P<lit>[^#/%\[\]()<>{}\s]*)(?P<hash>#)?"
    rb"|(?P<str>\()"
    rb"|(?P<dict><<)"
    rb"|<(?P<hex>[\s0-9a-fA-F]*)(?=[^\s0-9a-fA-F])"
    rb"|(?P<open><)"
    rb"|(?P<close>>>?)"
    rb"|(?P<comment>%[^\r\n]*)"
    rb"|(?P<char>[^\s\x00])"
    rb"|(?P<end>\Z)"
    rb")",
)
_END_STRING = re.compile(rb"[()\\]")
_END_LITERAL = re.compile(rb"[#/%\[\]()<>{}\s]")
_SPACE = re.compile(rb"\s")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")
_OCTAL_DIGITS = frozenset(b"01234567")
_WHITE = frozenset(b" \t\n\r\x0b\x0c")
_ESCAPES = {
    ord("b"): 8,
    ord("t"): 9,
    ord("n"): 10,
    ord("f"): 12,
    ord("r"): 13,
    ord("("): 40,
    ord(")"): 41,
    ord("\\"): 92,
}
_BI = KWD(b"BI")
_ID = KWD(b"ID")
_TRUE = b"true"
_FALSE = b"false"


class Unsupported(Exception):
    """The stream holds something this parser leaves to pdfminer."""


def _string(data: bytes, i: int) -> tuple[bytes, int]:  # noqa: C901 - a tokenizer: one branch per PDF escape
    """A literal string whose ``(`` ends before ``i``: its bytes and the index after ``)``.

    ``PSBaseParser._parse_string`` and ``_parse_string_1``.
    """
    out = bytearray()
    paren = 1
    n = len(data)
    while True:
        m = _END_STRING.search(data, i)
        if m is None:
            raise Unsupported("unterminated string")
        j = m.start()
        out += data[i:j]
        c = data[j]
        if c == 92:  # backslash
            i = j + 1
            k = i
            while k < n and k - i < 3 and data[k] in _OCTAL_DIGITS:
                k += 1
            if k > i:
                if k >= n:
                    raise Unsupported("octal escape at the end of the stream")
                code = int(data[i:k], 8)
                if code >= 256:
                    raise Unsupported("octal escape above 255")
                out.append(code)
                i = k  # the character after the digits is read as string text again
                continue
            if i >= n:
                raise Unsupported("escape at the end of the stream")
            e = data[i]
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
            elif e == 13 and i + 1 < n and data[i + 1] == 10 and (i + 1) % _BUFSIZ:
                i += 1  # a backslash before CR LF continues the line (LF in the same block)
            i += 1  # any other escaped character is dropped
            continue
        if c == 40:  # (
            paren += 1
            out.append(40)
            i = j + 1
            continue
        paren -= 1  # )
        if paren:
            out.append(41)
            i = j + 1
            continue
        return bytes(out), j + 1


def _literal_with_hash(data: bytes, start: int) -> tuple[str | bytes, int]:
    """A name with ``#xx`` escapes, from just after its ``/``: the name and the index after.

    ``PSBaseParser._parse_literal`` and ``_parse_literal_hex``.
    """
    token = b""
    i = start
    n = len(data)
    while True:
        m = _END_LITERAL.search(data, i)
        if m is None:
            token += data[i:]
            i = n
            break
        j = m.start()
        token += data[i:j]
        if data[j] != 35:  # not '#'
            i = j
            break
        i = j + 1
        k = i
        while k < n and k - i < 2 and data[k] in _HEX_DIGITS:
            k += 1
        if k >= n:
            raise Unsupported("name escape at the end of the stream")
        if k > i:
            token += bytes((int(data[i:k], 16),))
        i = k
    try:
        return str(token, "utf-8"), i
    except Exception:
        return token, i


class _Parser:
    """The stack parser's state, kept over the streams of one page."""

    def __init__(self) -> None:
        self.context: list[tuple[str | None, list[Any]]] = []
        self.curtype: str | None = None
        self.curstack: list[Any] = []
        self.results: list[Any] = []

    def _end(self, kind: str) -> list[Any] | None:
        if self.curtype != kind:
            if settings.STRICT:
                raise Unsupported("type mismatch")
            return None
        objs = self.curstack
        self.curtype, self.curstack = self.context.pop()
        return objs

    def feed(self, data: bytes) -> None:  # noqa: C901 - a tokenizer: one branch per token kind, kept inline for speed
        """Parse one stream's data, adding top-level objects to ``results``."""
        match = _TOKEN.match
        results = self.results
        i = 0
        while True:
            m = match(data, i)
            if m is None:  # pragma: no cover - the pattern always matches
                raise Unsupported("no token")
            kind = m.lastgroup
            i = m.end()
            obj: Any
            if kind == "kw":
                tok = m.group("kw")
                if tok == _TRUE:
                    obj = True
                elif tok == _FALSE:
                    obj = False
                else:
                    obj = KWD(tok)
                    if obj is _BI or obj is _ID:
                        raise Unsupported("inline image")
            elif kind == "num":
                try:
                    obj = (
                        float(m.group("num"))
                        if m.group("frac") is not None
                        else int(m.group("num"))
                    )
                except ValueError:
                    continue
            elif kind == "flt":
                try:
                    obj = float(m.group("flt"))
                except ValueError:
                    continue
            elif kind == "lit":
                raw = m.group("lit")
                try:
                    name: str | bytes = str(raw, "utf-8")
                except Exception:
                    name = raw
                obj = LIT(name)
            elif kind == "hash":  # a name with #xx escapes
                name, i = _literal_with_hash(data, m.start("lit"))
                obj = LIT(name)
            elif kind == "str":
                obj, i = _string(data, i)
            elif kind == "hex":
                obj = _HEX_PAIR.sub(
                    lambda h: bytes((int(h.group(0), 16),)), _SPACE.sub(b"", m.group("hex"))
                )
            elif kind == "dict":
                obj = KEYWORD_DICT_BEGIN
            elif kind == "close":
                if len(m.group("close")) == 1:
                    continue
                obj = KEYWORD_DICT_END
            elif kind == "comment":
                continue
            elif kind == "char":
                obj = KWD(m.group("char"))
            elif kind == "end":
                return
            else:  # "open": a "<" at the very end of the stream
                raise Unsupported("open hex string")
            # PSStackParser.nextobject with PDFContentParser.do_keyword
            if obj is KEYWORD_ARRAY_BEGIN or obj is KEYWORD_DICT_BEGIN or obj is KEYWORD_PROC_BEGIN:
                self.context.append((self.curtype, self.curstack))
                self.curtype = (
                    "a" if obj is KEYWORD_ARRAY_BEGIN else "d" if obj is KEYWORD_DICT_BEGIN else "p"
                )
                self.curstack = []
                continue
            if obj is KEYWORD_ARRAY_END or obj is KEYWORD_PROC_END:
                objs = self._end("a" if obj is KEYWORD_ARRAY_END else "p")
                if objs is None:
                    continue
                obj = objs
            elif obj is KEYWORD_DICT_END:
                objs = self._end("d")
                if objs is None:
                    continue
                if len(objs) % 2 != 0:
                    raise Unsupported("odd dictionary")  # pdfminer raises PSSyntaxError
                obj = {
                    literal_name(k): v
                    for k, v in zip(objs[::2], objs[1::2], strict=True)
                    if v is not None
                }
            if self.context:
                self.curstack.append(obj)
            else:
                results.append(obj)


def parse_streams(streams: list[PDFStream]) -> list[Any]:
    """The top-level objects pdfminer's ``PDFContentParser`` gives for these streams.

    Raises :class:`Unsupported` where pdfminer's reading is not certainly reproduced.
    """
    parser = _Parser()
    datas = [d for d in (s.get_data() for s in streams) if d]
    for index, data in enumerate(datas):
        if index < len(datas) - 1 and data[-1] not in _WHITE:
            raise Unsupported("stream boundary inside a token")
        parser.feed(data)
    return parser.results


class LeanInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, parsing content streams with :func:`parse_streams`."""

    _operators: dict[PSKeyword, tuple[Any, int] | None] = {}

    def execute(self, streams: Any) -> None:
        valid: list[PDFStream] = []
        ids: set[int] = set()
        try:
            for obj in streams:
                stream = stream_value(obj)
                if stream.objid is None or stream.objid in self.parent_stream_ids:
                    raise Unsupported("inline or circular stream")  # pdfminer warns
                valid.append(stream)
                ids.add(stream.objid)
            objects = parse_streams(valid)
        except Exception:
            super().execute(streams)
            return
        self.stream_ids.clear()
        self.stream_ids.update(ids)
        operators = self._operators
        cls = type(self)
        for obj in objects:
            if isinstance(obj, PSKeyword):
                if obj in operators:
                    entry = operators[obj]
                else:
                    name = str(obj.name, "utf-8", "ignore")
                    method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
                    func = getattr(cls, method, None)
                    entry = None if func is None else (func, func.__code__.co_argcount - 1)
                    if cls is LeanInterpreter:
                        operators[obj] = entry
                if entry is None:
                    if settings.STRICT:
                        raise PDFInterpreterError(f"Unknown operator: {obj.name!r}")
                    continue
                func, nargs = entry
                if nargs:
                    args = self.pop(nargs)
                    if len(args) == nargs:
                        func(self, *args)
                else:
                    func(self)
            else:
                self.argstack.append(obj)
