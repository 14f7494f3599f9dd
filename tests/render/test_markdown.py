"""Markdown escaping: text from the PDF never becomes Markdown or HTML markup."""

from __future__ import annotations

import pytest

from hammplan.render import markdown
from hammplan.render.cells import Cell


def test_escape_markup_characters() -> None:
    assert markdown.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown.escape("a | b") == "a \\| b"
    assert markdown.escape("*fett* _k_ `c` ~s~ $x$ # [l](u)") == (
        "\\*fett\\* \\_k\\_ \\`c\\` \\~s\\~ \\$x\\$ \\# \\[l\\](u)"
    )
    assert markdown.escape("C:\\Pfad & mehr") == "C:\\\\Pfad &amp; mehr"
    assert markdown.escape("{{ 7*7 }}") == "{{ 7\\*7 }}"
    assert markdown.escape("Zeile\n# Kopf") == "Zeile \\# Kopf"  # one line
    assert markdown.escape(None) == ""
    assert markdown.escape(42) == "42"


def test_cells_are_never_empty() -> None:
    assert markdown.cell("") == "–"
    assert markdown.cell("a|b") == "a\\|b"


def test_block_keeps_lines_but_no_block_syntax() -> None:
    text = "# Kopf\n---\n> Zitat\n    eingerückt\n1. Punkt\n- Liste\n\nAbsatz <b>"
    assert markdown.block(text) == (
        "\\# Kopf\\\n\\---\\\n&gt; Zitat\\\neingerückt\\\n1\\. Punkt\\\n\\- Liste\n\n"
        "Absatz &lt;b&gt;"
    )


def test_links_only_to_anchors() -> None:
    assert markdown.link("Maßnahme [1]", "#massnahme-m01") == "[Maßnahme \\[1\\]](#massnahme-m01)"
    assert markdown.link("x", "javascript:alert(1)") == "x"
    assert markdown.link("x", "#a b") == "x"


def test_anchor_and_image_refuse_anything_but_slugs_and_chart_paths() -> None:
    assert markdown.anchor("massnahme-m01") == '<a id="massnahme-m01"></a>'
    with pytest.raises(ValueError):
        markdown.anchor('x"><script>')
    assert markdown.image("Alt [x]", "charts/a.svg") == "![Alt \\[x\\]](charts/a.svg)"
    with pytest.raises(ValueError):
        markdown.image("x", "../etc/passwd")


def test_value_filter_escapes_each_part_once() -> None:
    cell = Cell("„Land *NRW*“", "note", "Land *NRW*", "S.\u00a032", "Text statt Betrag")
    assert markdown.value(cell) == "„Land \\*NRW\\*“ (Text statt Betrag) (S.\u00a032)"
    assert markdown.value(cell, False) == "„Land \\*NRW\\*“ (Text statt Betrag)"
