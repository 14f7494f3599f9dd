"""Docs that cannot rot: every command has help text and is documented in the README."""

from __future__ import annotations

import json

import typer.main

from hammplan.cli import app
from hammplan.records import ExtractedDocument
from tests.conftest import ROOT


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert commands
    for name, command in commands.items():
        assert command.help, name
        assert f"hammplan {name}" in readme, name
        for param in command.params:
            if param.param_type_name == "option":
                for opt in param.opts:
                    if opt.startswith("--"):
                        assert opt in readme, f"{name} {opt}"


def test_readme_names_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make report" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_json_schema_of_extracted_is_current() -> None:
    """docs/extracted.schema.json is the schema of extracted.json; regenerate it when the
    records change: .venv/bin/python -c "import json; from hammplan.records import
    ExtractedDocument; print(json.dumps(ExtractedDocument.model_json_schema(), indent=1,
    ensure_ascii=False))" > docs/extracted.schema.json"""
    committed = json.loads((ROOT / "docs" / "extracted.schema.json").read_text(encoding="utf-8"))
    assert committed == ExtractedDocument.model_json_schema()
