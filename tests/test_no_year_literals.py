"""No year is written into the code: the years of a plan come from its budget header.

A year literal in src/ ("2024", in code, a docstring example or the default vocabulary) is
how an edition's years crept into field names, checks and chart styles before; this test
fails on any, so a next edition cannot be published under the last one's years.
"""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "hammplan"

YEAR = re.compile(r"(?<![0-9A-Za-z+\\])(?:19|20)\d{2}(?!\d)")
"""A four-digit number from 1900 to 2099 standing alone or at the end of a name ("aufwand_2024"),
not part of a code ("U+2069", "\\u2014", "v20245")."""


def year_literals(text: str) -> list[str]:
    """The year-like numbers of ``text``, each with its line."""
    return [line.strip() for line in text.splitlines() if YEAR.search(line)]


def test_the_pattern_finds_years_and_nothing_else() -> None:
    text = 'x = "2024"\ny = (2023, 2025)\nDEFAULT = 1999\nc = "aufwand_2024"'
    assert year_literals(text) == [
        'x = "2024"',
        "y = (2023, 2025)",
        "DEFAULT = 1999",
        'c = "aufwand_2024"',
    ]
    assert year_literals('"U+2069"\n"\\u2014"\n2_000\n12024\nv20245') == []


def test_no_year_literal_in_src() -> None:
    found = {}
    for path in sorted(SRC.rglob("*")):
        if path.suffix in (".py", ".toml", ".j2", ".html", ".md") and path.is_file():
            lines = year_literals(path.read_text(encoding="utf-8"))
            if lines:
                found[str(path.relative_to(SRC))] = lines
    assert found == {}
