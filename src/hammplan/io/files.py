"""Writing files so that a failed or killed run never leaves half a file, and cleaning up
after one that was killed anyway.

Every stage writes through :func:`write_atomic`; :func:`remove_stale_temporaries` removes
what a killed writer left. Neutral plumbing: it imports no stage.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from hammplan.errors import OutputError


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, then rename.

    Text is written as UTF-8; bytes exactly as given (CSV line ends and the hashes recorded in
    datapackage.json must not depend on the platform's newline).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write there ({exc.strerror})") from exc
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a file-size limit
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(
            f"{path}: cannot write it ({exc.strerror}); the previous file is kept"
        ) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_TEMPORARY_SUFFIX = r"\.[a-z0-9_]{8}"
"""What :func:`tempfile.mkstemp` appends to the prefix ``.NAME.`` of a temporary file."""


_OUTPUT_TYPES = ("json", "csv", "xlsx", "sqlite", "html", "md", "svg", "png", "pdf")
"""Extensions of every file hammplan writes."""


def remove_stale_temporaries(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Remove the temporary files ``.NAME.xxxxxxxx`` that a killed writer left in ``folder``.

    Every output is written to such a file and renamed over NAME; a run killed between the
    two (SIGKILL, power cut) leaves it behind, and nothing else ever reads it. ``names`` are
    the files whose temporaries are removed; None means those of any file of a type hammplan
    writes (the charts, whose names vary; a folder whose writer a build skips). Other hidden
    files are left alone. Returns what was removed.
    """
    if names is None:
        types = "|".join(_OUTPUT_TYPES)
        pattern = re.compile(rf"\.[^/]+\.(?:{types})" + _TEMPORARY_SUFFIX)
    else:
        pattern = re.compile(
            "(?:" + "|".join(re.escape(f".{n}") for n in names) + ")" + _TEMPORARY_SUFFIX
        )
    try:
        candidates = sorted(folder.iterdir())
    except OSError:  # no folder yet: nothing left behind
        return []
    removed = []
    for path in candidates:
        if pattern.fullmatch(path.name) and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks (the identity an output records of its input)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_SOURCES: dict[tuple[str, int, int, int, int, int], str] = {}
"""Source PDFs hashed by this process (or by the process it was forked from): the hash by
the file's state, :func:`_state`."""

_SOURCES_KEPT = 8
"""Hashes of source PDFs remembered at most (a build has one, ``--previous`` a second)."""


def _state(path: Path) -> tuple[str, int, int, int, int, int]:
    """Which file ``path`` is and whether it changed: its resolved path, device, inode, size,
    and times of the last change to its content (mtime) and to the file at all (ctime)."""
    stat = path.stat()
    return (
        str(path.resolve()),
        stat.st_dev,
        stat.st_ino,
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
    )


def source_sha256(path: Path) -> str:
    """:func:`sha256_of` a source PDF, read once while the file stays as it is.

    A build checks its PDF's identity in several places: the identity ``extracted.json``
    records, and :func:`source_pdf` when validate and render look for the PDF to link, once
    more in the report process (:mod:`hammplan.render.fast`), which is handed the PDF's path
    only. The first check reads the file; the later ones, and the report process, forked with
    what its parent knew, find the hash here as long as the file's path, inode, size and
    times are those it was read with. For input PDFs only: a file a build writes is hashed
    as it is, since a rewrite within one tick of the clock could keep all of them.
    """
    state = _state(path)
    known = _SOURCES.get(state)
    if known is not None:
        return known
    digest = sha256_of(path)
    if _state(path) == state:  # not changed while it was read
        if len(_SOURCES) >= _SOURCES_KEPT:
            del _SOURCES[next(iter(_SOURCES))]
        _SOURCES[state] = digest
    return digest


SOURCE_COPY = "quelle.pdf"
"""The name of the source PDF's copy beside the report and beside the curated files."""


def source_pdf(
    data_dir: Path, file_name: str, sha256: str, read_from: Path | None = None
) -> Path | None:
    """The PDF the curated plan was read from (its SHA-256 is the one recorded):
    ``data_dir/raw/file_name``, or ``read_from``, the file a build was given (it may stand
    anywhere); None when neither is: page links into another file would point at the wrong
    pages."""
    for path in (data_dir / "raw" / file_name, read_from):
        try:
            if path is not None and source_sha256(path) == sha256:
                return path
        except OSError:
            continue
    return None
