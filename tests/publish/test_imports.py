"""Writing the curated files imports neither numpy nor pandas: openpyxl and sqlite-utils would
import them only to accept their types, and importing them cost validate more than writing the
workbook and the database together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from tests.render.plan_fixture import make_plan
from hammplan.publish import render_files

files = render_files(make_plan())
assert files["hammplan.xlsx"][:2] == b"PK" and files["hammplan.sqlite"][:6] == b"SQLite"
print(sorted(name for name in ("numpy", "pandas") if name in sys.modules))
"""


def test_the_workbook_and_the_database_are_written_without_numpy_or_pandas() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stderr


def test_numpy_imported_before_stays_imported() -> None:
    script = "import numpy\n" + SCRIPT
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['numpy']", done.stderr
