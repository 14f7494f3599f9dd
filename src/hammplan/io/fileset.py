"""A set of output files published all or nothing, and only ever the files hammplan wrote.

Curated files and reports are read as a set (``datapackage.json`` describes the CSVs beside it,
``index.html`` shows the charts in ``charts/``), so a run that dies half way must not leave
half a new set beside half the old one. Each set is therefore

1. written completely into a stage folder ``FOLDER/.hammplan-stage-RUN`` (same filesystem, so
   moving a file in is a rename); a full disk or a kill here leaves the previous set as it was;
2. committed by a journal ``FOLDER/.hammplan-commit.json`` (written atomically, the moment
   the new set becomes the published one) that lists the files to move in and the files of
   the previous set to remove;
3. moved into place, after which the manifest ``FOLDER/.hammplan-files.json`` names the files
   of the set and the journal goes.

A run killed in step 3 leaves the journal: the next run finishes it (:func:`recover`) before
anything else, so readers after it see one complete set. A stage without a journal is an
incomplete run's and is removed. Only files named in the previous manifest are ever removed:
a user's own files in an output folder stay.

``build`` publishes ``curated/`` and ``reports/`` together (:func:`together`): each set is
staged with a pending journal ``FOLDER/.hammplan-pending.json`` that names a group commit file
``.hammplan-together-RUN.json`` in the first set's folder; writing that file, after every set
of the build is staged, is the one commit point of them all. :func:`recover` turns a pending
journal whose group commit exists into the folder's journal and finishes it, and drops one
whose group commit does not (with its stage), so the published pair is always from one run.

Callers hold the folder's lock (``hammplan.io.locking``), so no other run writes or recovers it
meanwhile.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from hammplan.errors import OutputError
from hammplan.io.holdpoints import hold

MANIFEST = ".hammplan-files.json"
JOURNAL = ".hammplan-commit.json"
STAGE_PREFIX = ".hammplan-stage-"
PENDING = ".hammplan-pending.json"
GROUP_PREFIX = ".hammplan-together-"

RUN = f"{os.getpid()}-{secrets.token_hex(4)}"
"""This run's name, in the names of its stage folders and temporary files."""


def _write_now(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` and flush it to disk (the journal and manifest must be
    whole once renamed)."""
    tmp = path.with_name(f"{path.name}.{RUN}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def published(folder: Path) -> list[str]:
    """The files of the set last published in ``folder`` (relative names), per its manifest."""
    try:
        names = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [n for n in names if isinstance(n, str) and _inside(n)]


def _inside(name: str) -> bool:
    """Whether a relative name from a manifest or journal stays inside its folder."""
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def _names(value: object) -> list[str]:
    """The relative names of a journal's list (anything else in it ignored)."""
    return (
        [n for n in value if isinstance(n, str) and _inside(n)] if isinstance(value, list) else []
    )


def _apply(folder: Path, journal: dict[str, object]) -> None:
    """Move the staged files in, remove the previous set's others, write the manifest.

    Idempotent, so a run killed half way through is finished by the next one.
    """
    stage = folder / Path(str(journal["stage"])).name
    files, remove = _names(journal["files"]), _names(journal["remove"])
    for name in files:
        source = stage / name
        if source.exists():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, folder / name)
            hold(f"moving:{folder.name}")
    for name in remove:
        (folder / name).unlink(missing_ok=True)
    _write_now(folder / MANIFEST, json.dumps({"files": files}, indent=1).encode() + b"\n")
    (folder / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(stage, ignore_errors=True)


def recover(folder: Path) -> list[str]:
    """Finish a commit a killed run left in ``folder`` and remove incomplete stages; return
    what was done, one line each (for the log)."""
    done: list[str] = []
    journal_path = folder / JOURNAL
    _settle_pending(folder)
    try:
        journal = json.loads(journal_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        journal = None
    except (OSError, ValueError):  # a torn journal was never the commit point: drop it
        journal_path.unlink(missing_ok=True)
        journal = None
    if isinstance(journal, dict) and {"stage", "files", "remove"} <= journal.keys():
        _apply(folder, journal)
        done.append(f"{folder}: finished publishing the set a stopped run had committed")
    try:
        stages = sorted(p for p in folder.iterdir() if p.name.startswith(STAGE_PREFIX))
    except OSError:
        stages = []
    for stage in stages:
        shutil.rmtree(stage, ignore_errors=True)
        done.append(f"{folder}: removed the incomplete output of a stopped run ({stage.name})")
    for name in (MANIFEST, JOURNAL, PENDING):  # a killed run's half-written manifest or journal
        for tmp in folder.glob(f"{name}.*.tmp"):
            tmp.unlink(missing_ok=True)
    return done


def _settle_pending(folder: Path) -> None:
    """A pending journal (a set staged inside :func:`together`) becomes the folder's journal
    when its group commit was written, and is dropped (its stage then goes) when not."""
    pending = folder / PENDING
    try:
        group = Path(str(json.loads(pending.read_text(encoding="utf-8"))["together"]))
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError):
        pending.unlink(missing_ok=True)
        return
    if group.name.startswith(GROUP_PREFIX) and group.is_file():
        os.replace(pending, folder / JOURNAL)
    else:
        pending.unlink(missing_ok=True)


_batch: list[tuple[Path, dict[str, object]]] | None = None
"""The sets staged inside :func:`together` (folder, journal), committed when it ends."""


def staged(path: Path) -> Path:
    """Where ``path`` is now: inside :func:`together`, a file of a set staged but not yet
    committed is read from its stage (``build`` renders the curated plan it has staged)."""
    for folder, journal in _batch or []:
        if path.parent.resolve() == folder.resolve() and path.name in _names(journal["files"]):
            return folder / str(journal["stage"]) / path.name
    return path


@contextmanager
def together() -> Iterator[None]:
    """Publish every set :func:`publish` stages in this block at once, when the block ends
    well: one group commit file, written after the last set is staged, commits them all, so
    a failure or a kill anywhere leaves every folder's previous set (and a kill after the
    commit is finished by the next run's :func:`recover`)."""
    global _batch
    sets: list[tuple[Path, dict[str, object]]] = []
    _batch = sets
    try:
        yield
    except BaseException:
        for folder, journal in sets:  # not committed: drop this run's stages
            (folder / PENDING).unlink(missing_ok=True)
            shutil.rmtree(folder / str(journal["stage"]), ignore_errors=True)
        raise
    finally:
        _batch = None
    if not sets:
        return
    group = sets[0][0].resolve() / f"{GROUP_PREFIX}{RUN}.json"
    try:
        _write_now(group, json.dumps([str(f.resolve()) for f, _ in sets]).encode() + b"\n")
    except OSError as exc:
        for folder, journal in sets:
            (folder / PENDING).unlink(missing_ok=True)
            shutil.rmtree(folder / str(journal["stage"]), ignore_errors=True)
        raise OutputError(
            f"{group.parent}: cannot write the new files there ({exc.strerror}); "
            "the previous ones are kept"
        ) from exc
    hold("committed")
    try:
        for folder, journal in sets:
            _settle_pending(folder)
            _apply(folder, journal)
        group.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{folder}: the new files are committed but could not all be moved "
            f"in ({exc.strerror}); the next run finishes it"
        ) from exc


def remove_group_commits(folder: Path) -> None:
    """Remove the group commit files of finished :func:`together` blocks from ``folder`` (once
    every folder they name has been recovered)."""
    for group in folder.glob(f"{GROUP_PREFIX}*.json"):
        group.unlink(missing_ok=True)


def publish(folder: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Publish ``files`` (relative name -> content; text is written as UTF-8) as the set of
    ``folder``, all or nothing; return their paths in the order given."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        recover(folder)
        stage = folder / f"{STAGE_PREFIX}{RUN}"
        stage.mkdir()
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there ({exc.strerror})") from exc
    journal: dict[str, object] = {
        "stage": stage.name,
        "files": list(files),
        "remove": sorted(set(published(folder)) - set(files)),
    }
    try:
        for name, content in files.items():
            path = stage / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            os.chmod(path, 0o644)
        hold(f"staged:{folder.name}")
        if _batch is not None:  # committed with the others when together() ends
            group = (_batch[0][0] if _batch else folder).resolve() / f"{GROUP_PREFIX}{RUN}.json"
            _write_now(
                folder / PENDING,
                json.dumps(journal | {"together": str(group)}, indent=1).encode() + b"\n",
            )
            _batch.append((folder, journal))
            return [folder / name for name in files]
        _write_now(folder / JOURNAL, json.dumps(journal, indent=1).encode() + b"\n")
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise OutputError(
            f"{folder}: cannot write the new files there ({exc.strerror}); "
            "the previous ones are kept"
        ) from exc
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    try:
        _apply(folder, journal)
    except OSError as exc:
        raise OutputError(
            f"{folder}: the new files are committed but could not all be moved "
            f"in ({exc.strerror}); the next run finishes it"
        ) from exc
    return [folder / name for name in files]
