"""Writing the extraction result atomically, so a failed run never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from hammplan.errors import InputError

if TYPE_CHECKING:
    from hammplan.records.document import ExtractedDocument


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise InputError(f"{path.parent}: cannot write there ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_extracted(document: ExtractedDocument, path: Path) -> None:
    """Write the document as indented JSON (UTF-8, umlauts kept readable)."""
    write_atomic(path, document.model_dump_json(indent=1) + "\n")
