"""Reading curated/plan.json: the plan, or a one-line error naming file, record and expectation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hammplan.errors import InputError
from hammplan.records.plan import CuratedPlan
from hammplan.render import load_curated_plan


def _write(path: Path, plan: CuratedPlan) -> dict[str, object]:
    data: dict[str, object] = json.loads(plan.model_dump_json())
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def test_round_trip_keeps_cents_exact(tmp_path: Path, curated: CuratedPlan) -> None:
    path = tmp_path / "plan.json"
    path.write_text(curated.model_dump_json(indent=1), encoding="utf-8")
    loaded = load_curated_plan(path)
    assert loaded == curated
    assert str(loaded.budget[4].aufwand(2024).betrag_eur) == "45821.54"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"plan\.json: not found \(run `hammplan validate`"):
        load_curated_plan(tmp_path / "curated" / "plan.json")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        load_curated_plan(tmp_path)


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{\n  "measures": [,]\n}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_curated_plan(path)
    message = str(info.value)
    assert message.startswith(f"{path}: invalid JSON at line 2, column 16: Expecting value")
    assert "\n" not in message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b'{"x": "\xff"}')
    with pytest.raises(InputError, match="not UTF-8"):
        load_curated_plan(path)


def test_validation_error_names_the_record_and_what_was_expected(
    tmp_path: Path,
    curated: CuratedPlan,
) -> None:
    path = tmp_path / "plan.json"
    data = _write(path, curated)
    measures = data["measures"]
    assert isinstance(measures, list)
    measures[3]["kosten"]["status"] = "unknown"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_curated_plan(path)
    message = str(info.value)
    assert message == (
        f"{path}: measures[3].kosten.status: Input should be 'ok', 'not_stated', 'note' or "
        "'suspect', found \"unknown\""
    )


def test_missing_field_and_more_problems(tmp_path: Path, curated: CuratedPlan) -> None:
    path = tmp_path / "plan.json"
    data = _write(path, curated)
    budget = data["budget"]
    assert isinstance(budget, list)
    del budget[1]["sta"]
    budget[2]["jahre"][0]["aufwand"]["betrag_eur"] = "viel"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_curated_plan(path)
    assert str(info.value) == f"{path}: budget[1].sta: Field required (and 1 more problem)"


def test_other_format_version(tmp_path: Path, curated: CuratedPlan) -> None:
    path = tmp_path / "plan.json"
    data = _write(path, curated)
    data["format_version"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="format_version 1, expected 2"):
        load_curated_plan(path)


def test_top_level_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match=r"\(top level\): Input should be an object"):
        load_curated_plan(path)
