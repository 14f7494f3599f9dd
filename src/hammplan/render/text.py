"""Text from the PDF made safe to show, before any escaping: the same rule for HTML, Markdown
and the charts.

Two things escaping does not cover:

* Control characters (C0 except tab, line feed and carriage return; DEL; C1): HTML and SVG
  forbid them (an SVG file holding one is not well-formed XML and does not open), Markdown
  renderers drop or replace them. They become U+FFFD, as in the Excel file, so the gap stays
  visible.
* Unbalanced bidirectional controls (U+202A-U+202E, U+2066-U+2068): a right-to-left override
  in a cell would otherwise reverse the text printed after it (the page number, the next
  column, the rest of a finding: "Trojan Source"). Each value gets the closing U+202C / U+2069
  it lacks, so it can only reorder itself. Arabic and Hebrew letters are not touched.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
"""LRE, RLE, LRO, RLO: closed by PDF (U+202C)."""
_ISOLATES = frozenset("\u2066\u2067\u2068")
"""LRI, RLI, FSI: closed by PDI (U+2069)."""
_PDF = "\u202c"
_PDI = "\u2069"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def close_bidi(text: str) -> str:
    """``text`` with the closing marks its unbalanced bidirectional controls lack appended."""
    if not _BIDI.search(text):
        return text
    stack: list[str] = []
    for char in text:
        if char in _EMBEDDINGS:
            stack.append(_PDF)
        elif char in _ISOLATES:
            stack.append(_PDI)
        elif char == _PDF:
            if stack and stack[-1] == _PDF:
                stack.pop()
        elif char == _PDI and _PDI in stack:
            while stack.pop() != _PDI:
                pass
    return text + "".join(reversed(stack))


def plain(text: str) -> str:
    """PDF text ready to be escaped and shown: no control characters, bidi controls closed."""
    return close_bidi(_CONTROL.sub("\ufffd", text))
