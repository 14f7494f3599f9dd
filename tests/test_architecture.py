"""The import contract: which package of hammplan may import which, and how large a module may
grow. ``make lint`` runs this file too, so CI refuses a change that breaks either.

Imports flow one way, from the commands down to the records::

    cli -> build -> extract | curate | publish | render -> records, and the neutral plumbing

The stages never import one another (``build`` runs them in turn and hands files between
them); ``records`` and the neutral plumbing (``io``, ``errors``, ``limits``, ``slugs``,
``cores``, ``vocabulary``, ``homoglyphs``, ``notstated``) import no stage. Inside ``extract``,
the speed machinery (``extract/fast/``) is entered through its package only. Every import
counts, also one inside a function (those are how hammplan keeps imports lazy, and they still
are dependencies).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "hammplan"

NEUTRAL = {
    "hammplan",
    "errors",
    "io",
    "limits",
    "slugs",
    "cores",
    "vocabulary",
    "progress",
    "summaries",
    "homoglyphs",
    "notstated",
}
"""Top-level parts of hammplan every layer may use (``hammplan`` is the package's
``__init__``, which holds the version)."""

ALLOWED: dict[str, set[str]] = {
    "records": {"records"},
    **{part: NEUTRAL | {"records"} for part in NEUTRAL},
    "extract": NEUTRAL | {"records", "extract"},
    "curate": NEUTRAL | {"records", "curate"},
    "publish": NEUTRAL | {"records", "publish"},
    "render": NEUTRAL | {"records", "render"},
    "stagekeys": NEUTRAL | {"stagekeys"},
    "compare": NEUTRAL | {"records", "extract", "curate", "publish", "render", "compare"},
    "build": NEUTRAL
    | {"records", "extract", "curate", "publish", "render", "compare", "stagekeys", "build"},
    "cli_options": NEUTRAL | {"cli_options"},
    "cli_group": NEUTRAL | {"cli_group"},
    "cli": NEUTRAL | {"records", "build", "compare", "cli", "cli_group", "cli_options"},
}
"""For each top-level part of hammplan, the parts it may import."""

MAX_LINES = 500
"""Lines a module may have (house style: roughly 50 to 400)."""

FENCES = ("hammplan.extract.fast", "hammplan.render.fast")
"""The speed machinery of extract and of render: outside each, imported as a package, never a
module of it."""


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    """The top-level part of hammplan a module belongs to: ``hammplan.render.charts`` ->
    ``render``, ``hammplan.build`` -> ``build``, ``hammplan`` -> ``hammplan``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every hammplan module ``path`` imports (at top level or in a function), with its line;
    ``from hammplan.x import y`` counts as an import of ``hammplan.x.y`` when that is a
    module, else of ``hammplan.x``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(
                    ".py"
                ).is_file() or (PACKAGE.parent / candidate.replace(".", "/")).is_dir()
                found.append((node.lineno, candidate if is_module else node.module))
    return [
        (line, name) for line, name in found if name == "hammplan" or name.startswith("hammplan.")
    ]


def contract_violations() -> list[str]:
    """Every import that breaks the contract, as ``module:line imports target``."""
    problems = []
    for path in _modules():
        module = _name(path)
        part = _part(module)
        for line, target in imports_of(path):
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if _part(target) not in ALLOWED[part]:
                problems.append(f"{where} ({part} may import {sorted(ALLOWED[part])})")
            for fence in FENCES:
                inside_fence = module == fence or module.startswith(fence + ".")
                if target.startswith(fence + ".") and not inside_fence:
                    problems.append(f"{where} (enter the speed machinery through {fence})")
    return problems


def test_every_package_imports_only_what_the_contract_allows() -> None:
    assert contract_violations() == []


def test_every_part_of_the_package_is_in_the_contract() -> None:
    """A new top-level module or package must be placed in a layer before it is used."""
    parts = {_part(_name(path)) for path in _modules()}
    assert parts <= set(ALLOWED), sorted(parts - set(ALLOWED))


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        ("render", "hammplan.curate.text", False),
        ("curate", "hammplan.build", False),
        ("records", "hammplan.io.files", False),
        ("io", "hammplan.records.plan", True),
        ("publish", "hammplan.records.plan", True),
        ("build", "hammplan.publish", True),
    ],
)
def test_the_contract_tells_allowed_from_forbidden(source: str, target: str, allowed: bool) -> None:
    """The check can fail: a stage reaching into another is refused, a record is not."""
    assert (_part(target) in ALLOWED[source]) is allowed


def test_a_stage_importing_another_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module of render that imports curate (as render/context.py once did) is reported,
    with its file and line, also when the import sits inside a function."""
    fake = tmp_path / "src" / "hammplan"
    (fake / "render").mkdir(parents=True)
    (fake / "curate").mkdir()
    (fake / "curate" / "text.py").write_text("")
    (fake / "render" / "bad.py").write_text(
        "def f() -> None:\n    from hammplan.curate.text import slug\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert contract_violations() == [
        "src/hammplan/render/bad.py:2 imports hammplan.curate.text (render may import "
        "['cores', 'errors', 'hammplan', 'homoglyphs', 'io', 'limits', 'notstated', "
        "'progress', 'records', 'render', 'slugs', 'summaries', 'vocabulary'])"
    ]


def test_no_module_is_over_the_size_limit() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in _modules()
    }
    assert {path: lines for path, lines in sizes.items() if lines > MAX_LINES} == {}
