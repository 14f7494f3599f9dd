"""Fixtures of the fault-injection suite: two small plans and a data folder built from one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.harness import command, error_lines, run
from tests.test_interrupted import plan_pdfs


@pytest.fixture(scope="session")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The synthetic plan and the same plan with one amount changed."""
    return plan_pdfs(tmp_path_factory.mktemp("plans"))


@pytest.fixture(scope="session")
def built_once(plans: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a complete build of the original plan, its raw/ holding the
    changed plan (so the next build redoes every stage). Copy it; never change it."""
    data = tmp_path_factory.mktemp("built") / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "plan.pdf").write_bytes(plans[0].read_bytes())
    done = run(command(data))
    assert done.returncode in (0, 1) and not error_lines(done.stderr), done.stderr
    (data / "raw" / "plan.pdf").write_bytes(plans[1].read_bytes())
    return data
