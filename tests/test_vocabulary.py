"""The vocabulary file: the bundled default and errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from hammplan.errors import InputError
from hammplan.vocabulary import load_vocabulary


def test_default_vocabulary() -> None:
    vocab = load_vocabulary()
    assert len(vocab.budget.compiled) == 13
    assert vocab.profile.title_label in vocab.profile.labels
    assert vocab.budget.compiled[0].search("STA")


def test_bad_pattern_is_input_error(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "src/hammplan/vocabularies/default.toml").read_text(
        encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('"^name"', '"^(name"'), encoding="utf-8")
    with pytest.raises(InputError, match="broken.toml"):
        load_vocabulary(broken)
