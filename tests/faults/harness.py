"""Running hammplan under faults: a built data folder to copy, runs held at known points,
and the check that the published outputs are one complete set from one run."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hammplan.io.holdpoints import FOLDER, POINT

HAMMPLAN = [sys.executable, "-c", "from hammplan.cli import main; main()"]

ORIGINAL_AMOUNT, CHANGED_AMOUNT = "38.251", "99.999"
"""Aufwand 2023 of the first budget row in the two synthetic plans."""


def command(data: Path, verb: str = "build", *extra: str) -> list[str]:
    out = ["--out", str(data / "reports")] if verb in ("build", "render") else []
    return [*HAMMPLAN, verb, "--data-dir", str(data), *out, *extra]


UNPRIVILEGED = (
    ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"] if os.geteuid() == 0 else []
)
"""How to run a command bound by file permissions: as root, without root's capabilities
(``setpriv``, util-linux); as anyone else, as it is."""


def can_run_unprivileged() -> bool:
    """Whether permissions can be tested here (not root, or root that can drop its powers)."""
    return not UNPRIVILEGED or shutil.which("setpriv") is not None


def run(
    args: list[str],
    limits: dict[int, int] | None = None,
    unprivileged: bool = False,
    timeout: float = 240,
) -> subprocess.CompletedProcess[str]:
    """Run to the end, with resource limits (``resource.RLIMIT_*`` -> soft and hard limit),
    and bound by file permissions if asked."""

    def prepare() -> None:
        for which, value in (limits or {}).items():
            resource.setrlimit(which, (value, value))

    return subprocess.run(
        [*(UNPRIVILEGED if unprivileged else []), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=prepare if limits else None,
    )


def error_lines(stderr: str) -> list[str]:
    """The lines of stderr that are errors; asserts there is no traceback."""
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


@dataclass
class Held:
    """A run started with a hold point; ``pids()`` are the processes waiting there."""

    process: subprocess.Popen[str]
    folder: Path
    point: str

    def pids(self, timeout: float = 120) -> list[int]:
        deadline = time.monotonic() + timeout
        while True:
            found = [
                int(p.read_text())
                for p in self.folder.glob(f"{self.point}-*")
                if not p.name.endswith(".tmp")
            ]
            if found:
                return found
            if self.process.poll() is not None:
                _, stderr = self.process.communicate()
                raise AssertionError(f"ended before {self.point}: {stderr}")
            assert time.monotonic() < deadline, f"never reached {self.point}"
            time.sleep(0.02)

    def finish(self, timeout: float = 120) -> tuple[int, str]:
        _, stderr = self.process.communicate(timeout=timeout)
        return self.process.returncode, stderr


def start_held(args: list[str], point: str, folder: Path) -> Held:
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, POINT: point, FOLDER: str(folder)}
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    return Held(process, folder, point)


def gone(pid: int, timeout: float = 10) -> bool:
    """Whether process ``pid`` ends (or is a zombie) within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def published_set(data: Path, stage_left: bool = False) -> str:
    """Check that curated/ and reports/ each hold one complete set from one run (every file
    its manifest names is there, no stage or journal is left, datapackage.json's hashes are
    the CSVs'); return the amount the set shows (which of the two plans it is from) and
    whether the reports show the same."""
    from hammplan.io.fileset import JOURNAL, STAGE_PREFIX, published

    curated, reports = data / "curated", data / "reports"
    for folder in (curated, reports):
        names = published(folder)
        assert names, f"{folder}: no manifest"
        assert all((folder / n).is_file() for n in names), folder
        assert not (folder / JOURNAL).exists()
        if not stage_left:  # an uncommitted stage a killed run left, for the next to remove
            assert not [p for p in folder.iterdir() if p.name.startswith(STAGE_PREFIX)]
    package = json.loads((curated / "datapackage.json").read_text(encoding="utf-8"))
    for resource_ in package["resources"]:
        if "hash" in resource_:
            assert resource_["hash"].split(":")[-1] == _sha256(curated / resource_["path"])
    budget = (curated / "budget.csv").read_text(encoding="utf-8")
    plan = json.loads((curated / "plan.json").read_text(encoding="utf-8"))
    amount = CHANGED_AMOUNT if CHANGED_AMOUNT in budget else ORIGINAL_AMOUNT
    assert amount in budget and amount in json.dumps(plan, ensure_ascii=False)
    markdown = (reports / "report.md").read_text(encoding="utf-8")
    html = (reports / "index.html").read_text(encoding="utf-8")
    assert html.endswith("</html>\n") and len(list((reports / "charts").glob("*.svg"))) == 8
    return amount + (" / report " + ("same" if amount in markdown and amount in html else "other"))


def copy_built(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


Maker = Callable[[Path], Path]
