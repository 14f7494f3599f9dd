"""A set of outputs is published all or nothing, and only hammplan's own files are removed."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from hammplan.errors import OutputError
from hammplan.io import fileset
from hammplan.io.fileset import JOURNAL, MANIFEST, publish, published, recover


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_set_replaces_the_previous_set_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "notiz.txt").write_text("mine", encoding="utf-8")
    publish(tmp_path, {"a.csv": "1", "charts/x.svg": "<svg/>"})
    publish(tmp_path, {"a.csv": "2", "b.csv": "3"})
    assert _tree(tmp_path) == {
        "a.csv": "2",
        "b.csv": "3",
        "notiz.txt": "mine",
        MANIFEST: '{\n "files": [\n  "a.csv",\n  "b.csv"\n ]\n}\n',
    }
    assert published(tmp_path) == ["a.csv", "b.csv"]


def test_a_failure_while_staging_keeps_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(tmp_path, {"a.csv": "1", "b.csv": "1"})
    before = _tree(tmp_path)
    calls = []

    def full(self: Path, data: bytes) -> int:
        calls.append(self.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return Path.write_bytes.__wrapped__(self, data)  # type: ignore[attr-defined]

    monkeypatch.setattr(Path, "write_bytes", _wrapping(full))
    with pytest.raises(OutputError, match="No space left on device.*previous ones are kept"):
        publish(tmp_path, {"a.csv": "2", "b.csv": "2"})
    assert _tree(tmp_path) == before
    assert not any(p.name.startswith(fileset.STAGE_PREFIX) for p in tmp_path.iterdir())


def _wrapping(replacement: object) -> object:
    original = Path.write_bytes
    replacement.__wrapped__ = original  # type: ignore[attr-defined]
    return replacement


def test_a_commit_cut_short_is_finished_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the journal (the commit point) and one rename: the next run completes
    the new set, so readers after it see one whole set."""
    publish(tmp_path, {"a.csv": "1", "b.csv": "1", "old.csv": "1"})
    real_replace = os.replace
    moved = []

    def replace_once(src: str | Path, dst: str | Path) -> None:
        if str(src).startswith(str(tmp_path / fileset.STAGE_PREFIX)):
            if moved:
                raise KeyboardInterrupt  # stands in for the kill, after one file moved in
            moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_once)
    with pytest.raises(KeyboardInterrupt):
        publish(tmp_path, {"a.csv": "2", "b.csv": "2"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert (tmp_path / JOURNAL).exists()
    assert _tree(tmp_path)["a.csv"] == "2" and _tree(tmp_path)["b.csv"] == "1"  # mixed now
    assert recover(tmp_path) == [
        f"{tmp_path}: finished publishing the set a stopped run had committed"
    ]
    tree = _tree(tmp_path)
    assert (tree["a.csv"], tree["b.csv"], "old.csv" in tree) == ("2", "2", False)
    assert published(tmp_path) == ["a.csv", "b.csv"]
    assert not (tmp_path / JOURNAL).exists()


def test_an_incomplete_stage_is_removed(tmp_path: Path) -> None:
    publish(tmp_path, {"a.csv": "1"})
    stage = tmp_path / f"{fileset.STAGE_PREFIX}4242-deadbeef"
    (stage / "charts").mkdir(parents=True)
    (stage / "a.csv").write_text("half", encoding="utf-8")
    assert recover(tmp_path) == [
        f"{tmp_path}: removed the incomplete output of a stopped run ({stage.name})"
    ]
    assert _tree(tmp_path)["a.csv"] == "1"
    assert not stage.exists()


def test_a_manifest_cannot_name_files_outside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    folder.mkdir()
    (folder / MANIFEST).write_text(
        json.dumps({"files": ["../keep.txt", "/etc/passwd", "a"]}), encoding="utf-8"
    )
    assert published(folder) == ["a"]
    publish(folder, {"b": "1"})
    assert (tmp_path / "keep.txt").exists()


_WRITE_BIG = """
import resource, sys
from pathlib import Path
from hammplan.io.fileset import publish
from hammplan.errors import OutputError
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    publish(Path(sys.argv[1]), {"a.csv": "2" * 100, "b.csv": "2" * 10000})
except OutputError as error:
    print(error)
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX only")
def test_a_file_size_limit_keeps_the_previous_set(tmp_path: Path) -> None:
    publish(tmp_path, {"a.csv": "1", "b.csv": "1"})
    done = subprocess.run(
        [sys.executable, "-c", _WRITE_BIG, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"{tmp_path}: cannot write the new files there (File too large); "
        "the previous ones are kept\n"
    )
    assert {k: v for k, v in _tree(tmp_path).items() if k != MANIFEST} == {
        "a.csv": "1",
        "b.csv": "1",
    }
