"""Text from outside (file names, PDF text) made safe for a log line.

A file name may hold a newline, and a PDF's text escape sequences or bidirectional overrides:
printed as they are, one would forge a second line (a fake ``Error:``), recolour a terminal or
reverse what follows. Every message hammplan prints goes through :func:`printable`, which shows
such characters as escapes (``\\n``, ``\\x1b``, ``\\u202e``) and leaves all other text,
umlauts included, as it is.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SUSPECT = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control, line-separator and bidirectional characters escaped."""
    return _SUSPECT.sub(lambda m: _escaped(m.group()), text)


def is_escaped(char: str) -> bool:
    """Whether :func:`printable` escapes ``char`` (for tests: every Cc, Zl, Zp and bidi)."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI
