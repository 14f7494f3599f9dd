"""Writing the curated files: reproducible to the byte, atomic (a failure leaves the
previous set, a cut-short commit is finished by the next run), plan.json first."""

from __future__ import annotations

import io
import os
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from tests.support.budget import set_value
from tests.support.curated_files import FILES, snapshot
from tests.support.curated_files import small_plan as hand_made_plan

from hammplan import publish
from hammplan.errors import OutputError
from hammplan.io.fileset import MANIFEST, recover
from hammplan.publish import write_curated
from hammplan.records.plan import CuratedPlan
from hammplan.records.values import Amount


def test_two_writes_give_identical_bytes(
    small_plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = snapshot(write_curated(small_plan, tmp_path / "a")[0].parent)
    # A second later, and with the clock zip entries read a day ahead: any timestamp shows.
    time.sleep(1.1)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 86_400)
    second = snapshot(write_curated(hand_made_plan(), tmp_path / "b")[0].parent)
    monkeypatch.undo()
    assert list(first) == sorted(FILES)
    for name in first:
        assert first[name] == second[name], name
    with zipfile.ZipFile(io.BytesIO(first["hammplan.xlsx"])) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_failed_render_leaves_previous_files_intact(
    small_plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_curated(small_plan, tmp_path)
    before = snapshot(tmp_path)
    small_plan.measures[0].titel = "Ein neuer Titel"
    set_value(
        small_plan.budget[0],
        "aufwand_2023",
        Amount(raw="1,00 €", status="ok", betrag_eur=Decimal(1)),
    )

    def fail(*args: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(publish, "xlsx_bytes", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_curated(small_plan, tmp_path)
    assert snapshot(tmp_path) == before
    monkeypatch.undo()
    write_curated(small_plan, tmp_path)  # the change would have reached the files
    assert snapshot(tmp_path)["measures.csv"] != before["measures.csv"]


def test_a_rename_that_fails_is_finished_by_the_next_run(
    small_plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "old"
    write_curated(small_plan, target)
    before = snapshot(target)
    small_plan.measures[0].titel = "Ein neuer Titel"
    new = tmp_path / "new"
    write_curated(small_plan, new)
    after = snapshot(new)
    real_replace = os.replace
    calls: list[object] = []

    def replace_then_fail(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(OutputError, match=r"No space left on device\); the next run finishes"):
        write_curated(small_plan, target)
    monkeypatch.undo()
    now = snapshot(target)
    mixed = [n for n in FILES if now[n] == after[n] != before[n]]
    assert mixed == ["plan.json", "measures.json"]  # the commit was cut short
    assert recover(target) == [f"{target}: finished publishing the set a stopped run had committed"]
    assert sorted(p.name for p in target.iterdir()) == sorted([*FILES, MANIFEST])
    assert snapshot(target) == after  # the whole new set, nothing left over


def test_plan_json_is_handed_over_before_the_other_files_are_made(
    small_plan: CuratedPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build`` has the charts drawn from plan.json's bytes while the rest are made: they are
    the bytes written, handed over before any other file is rendered."""
    handed: list[bytes] = []
    made_after: list[int] = []
    real_xlsx = publish.xlsx_bytes

    def xlsx(*args: object) -> bytes:
        made_after.append(len(handed))
        return real_xlsx(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(publish, "xlsx_bytes", xlsx)
    write_curated(small_plan, tmp_path, handed.append)
    assert handed == [(tmp_path / "plan.json").read_bytes()]
    assert made_after == [1]
