"""Writing the extraction result atomically, so a failed run never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from hammplan.errors import OutputError

if TYPE_CHECKING:
    from hammplan.records.document import ExtractedDocument


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
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write it ({exc.strerror}); the previous file is "
                          "kept") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_extracted(document: ExtractedDocument, path: Path) -> None:
    """Write the document as indented JSON (UTF-8, umlauts kept readable)."""
    write_atomic(path, document.model_dump_json(indent=1) + "\n")
