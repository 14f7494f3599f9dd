"""Stage 2: curate and check the extracted records (``hammplan validate``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from hammplan.errors import InputError
from hammplan.records.document import FORMAT_VERSION, ExtractedDocument


def _location(error: ValidationError) -> str:
    first = error.errors()[0]
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    return f"{where.lstrip('.') or 'top level'}: {first['msg']}"


def load_extracted(path: Path) -> ExtractedDocument:
    """Read ``interim/extracted.json``; an :class:`InputError` naming file and field if bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: not found; run 'hammplan extract' first") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it ({exc})") from exc
    try:
        document = ExtractedDocument.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(f"{path}: not an extraction result ({_location(exc)})") from exc
    if document.format_version != FORMAT_VERSION:
        raise InputError(f"{path}: format_version {document.format_version}, expected "
                         f"{FORMAT_VERSION}; run 'hammplan extract' again")
    return document
