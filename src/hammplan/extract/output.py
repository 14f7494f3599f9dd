"""Writing the extraction result atomically, so a failed run never leaves half a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hammplan.io.files import write_atomic

if TYPE_CHECKING:
    from hammplan.records.document import ExtractedDocument


def write_extracted(document: ExtractedDocument, path: Path) -> None:
    """Write the document as indented JSON (UTF-8, umlauts kept readable)."""
    write_atomic(path, document.model_dump_json(indent=1) + "\n")
