"""docs/data-dictionary.md: current, and naming every column and status."""

from __future__ import annotations

from tests.conftest import ROOT

from hammplan import publish
from hammplan.publish.dictionary import data_dictionary_markdown


def test_data_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary_markdown(), (
        "docs/data-dictionary.md is stale; regenerate it with: .venv/bin/python -c "
        "'from hammplan.publish.dictionary import data_dictionary_markdown as d; "
        'print(d(), end="")\''
        " > docs/data-dictionary.md"
    )


def test_data_dictionary_names_every_column_and_status() -> None:
    text = data_dictionary_markdown()
    for name in ("measures.csv", "budget.csv", "districts.csv"):
        for column in _header_from_package(name):
            assert f"`{column}`" in text, (name, column)
    for status in ("ok", "not_stated", "note", "suspect"):
        assert f"| `{status}` |" in text


def _header_from_package(name: str) -> list[str]:
    table = next(t for t in publish.TABLES if t.file == name)
    return [c.name for c in table.csv_columns]
