"""The keys ``build`` skips a stage by, made so they cannot lie.

A stage's key is a hash of everything that decides its output:

- its code: the source of every hammplan module the stage imports, found by following its
  imports (also those inside functions) from the stage's entry modules, plus the data files
  those modules read (the bundled vocabularies). A module added to a stage's imports is in
  its key without anyone listing it.
- its input files' content (their SHA-256; the build's PDF is hashed once and handed over),
  its settings (vocabulary, limits, output folder) and the version.

A key alone cannot notice a stage run by hand between two builds (``hammplan extract
other.pdf``): the state file still holds the key of what the last build made. So each output
also records the identity of the input it was made from (``extracted.json`` the SHA-256 of its
PDF, ``plan.json`` that of its ``extracted.json``), and ``build`` skips a stage only when that
recorded identity is the input it would read now (:func:`recorded_source`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path

import hammplan
from hammplan.io.files import sha256_of

PACKAGE = Path(hammplan.__file__).resolve().parent
"""The installed package: the source tree, or site-packages after ``pip install``."""

STAGE_ENTRIES: dict[str, tuple[str, ...]] = {
    "extract": ("hammplan.extract", "hammplan.vocabulary", "hammplan.io.files"),
    "validate": (
        "hammplan.io.loading",
        "hammplan.io.jsonchecks",
        "hammplan.curate.pipeline",
        "hammplan.publish",
        "hammplan.records.findings",
        "hammplan.vocabulary",
    ),
    "render": (
        "hammplan.io.loading",
        "hammplan.render",
        "hammplan.render.reports",
        "hammplan.render.fast",
        "hammplan.render.templating",
    ),
    "render-previous": (
        "hammplan.io.loading",
        "hammplan.render",
        "hammplan.render.reports",
        "hammplan.render.templating",
        "hammplan.compare.load",
        "hammplan.compare.section",
    ),
}
"""The modules each stage of ``build`` calls into; what they import is found, not listed.
``render-previous`` is render with ``--previous``: the comparison, and reading the earlier
edition (a PDF is extracted and curated), are part of the report then."""

DATA_FILES: dict[str, str] = {"hammplan.vocabulary": "vocabularies/*.toml"}
"""Package data a module reads, part of the key of every stage that imports the module."""


def module_file(name: str, package: Path = PACKAGE) -> Path | None:
    """The source file of hammplan module ``name`` (a package's ``__init__.py``), or None
    when it is not a module of the package (a name imported from a module)."""
    relative = Path(*name.split(".")[1:])
    for candidate in (package / relative / "__init__.py", (package / relative).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


_IMPORT = re.compile(
    r"^[ \t]*(?:import[ \t]+(hammplan[\w.]*)|from[ \t]+(hammplan[\w.]*)[ \t]+import[ \t]+"
    r"(\([^)]*\)|[^\n]*))",
    re.MULTILINE,
)
"""An import statement of a hammplan module, at any indentation (also inside a function).
Read with a pattern, not a parser: a parse of every module cost a build with nothing to do
half a second. Text that merely looks like an import (in a docstring) can only add a module
to a key, never leave one out."""


def _imported(path: Path) -> set[str]:
    """The hammplan modules ``path`` imports, anywhere in it; ``from a import b`` counts as
    ``a.b`` (``b`` may be a module) and as ``a``."""
    names: set[str] = set()
    for match in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        module, package, imported = match.groups()
        if module:
            names.add(module)
            continue
        names.add(package)
        for item in imported.strip("()").split(","):
            name = item.split("#")[0].split()[:1]
            if name and name[0] != "*":
                names.add(f"{package}.{name[0]}")
    return names


def _with_parents(name: str) -> list[str]:
    """``hammplan.a.b`` -> ``hammplan``, ``hammplan.a``, ``hammplan.a.b``: importing a module
    runs its packages' ``__init__`` too."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def stage_modules(entries: Iterable[str], package: Path = PACKAGE) -> dict[str, Path]:
    """Every hammplan module that importing ``entries`` can run, with its source file."""
    found: dict[str, Path] = {}
    todo = [parent for entry in entries for parent in _with_parents(entry)]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        path = module_file(name, package)
        if path is None:
            continue
        found[name] = path
        todo.extend(parent for child in _imported(path) for parent in _with_parents(child))
    return found


def stage_files(stage: str, package: Path = PACKAGE) -> list[Path]:
    """The source and data files whose content decides ``stage``'s output, sorted."""
    modules = stage_modules(STAGE_ENTRIES[stage], package)
    files = set(modules.values())
    for module, pattern in DATA_FILES.items():
        if module in modules:
            files.update(p for p in package.glob(pattern) if p.is_file())
    return sorted(files)


def compute_code_key(stage: str, package: Path = PACKAGE) -> str:
    """The hash of the names and bytes of :func:`stage_files`."""
    digest = hashlib.sha256()
    for path in stage_files(stage, package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def code_key(stage: str, package: Path = PACKAGE) -> str:
    """:func:`compute_code_key`, once per process (the code does not change while it runs)."""
    return compute_code_key(stage, package)


def stage_key(
    stage: str,
    inputs: list[Path],
    settings: str = "",
    package: Path = PACKAGE,
    known: Mapping[Path, str] | None = None,
) -> str:
    """The key of one stage run: its code, its input files (a folder: every file in it) and
    its settings; ``known``: inputs already hashed (see :func:`content_key`)."""
    head = f"{stage}\0{hammplan.__version__}\0{settings}\0{code_key(stage, package)}\0"
    return content_key(inputs, head, known)


def content_key(paths: list[Path], head: str = "", known: Mapping[Path, str] | None = None) -> str:
    """A hash of ``head`` and the names and SHA-256 of ``paths`` (a folder: every file in it;
    a missing file counts as missing). ``known`` maps files already hashed to their SHA-256,
    taken instead of reading them again (the build's PDF, hashed once per build)."""
    known = known or {}
    digest = hashlib.sha256(head.encode())
    for path in paths:
        if not path.exists():
            digest.update(b"missing:" + path.name.encode())
        elif path.is_dir():
            for member in sorted(p for p in path.rglob("*") if p.is_file()):
                digest.update(member.relative_to(path).as_posix().encode() + b"\0")
                digest.update(sha256_of(member).encode())
        else:
            digest.update(path.name.encode() + b"\0")
            digest.update((known.get(path) or sha256_of(path)).encode())
    return digest.hexdigest()


def file_identity(path: Path, hasher: Callable[[Path], str] = sha256_of) -> str | None:
    """The SHA-256 of the file (``hasher``: :func:`~hammplan.io.files.sha256_of`, or
    :func:`~hammplan.io.files.source_sha256` for a source PDF), or None when it cannot be
    read."""
    try:
        return hasher(path)
    except OSError:
        return None


_SOURCE = re.compile(r'"source"\s*:\s*')
_HEAD = 1 << 16
"""Bytes read from the start of an output: its ``source`` object comes near the top."""


def recorded_source(path: Path, field: str) -> str | None:
    """What output ``path`` records in ``source.FIELD`` (the hash of the input it was made
    from); None when the file is missing, unreadable or records nothing there.

    Only the head of the file is read: a build that skips every stage stays fast.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return None
    text = head.decode("utf-8", errors="replace")
    match = _SOURCE.search(text)
    if match is None:
        return None
    try:
        source, _ = json.JSONDecoder().raw_decode(text, match.end())
    except ValueError:
        return None
    value = source.get(field) if isinstance(source, dict) else None
    return value if isinstance(value, str) else None
