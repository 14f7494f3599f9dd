"""Reading ``curated/plan.json``, with one-line errors that name the file and the record."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from hammplan.curate.models import CURATED_FORMAT_VERSION, CuratedPlan
from hammplan.errors import InputError


def record_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path: ``measures[3].kosten.status``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def _shown(value: object, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(error: ErrorDetails) -> str:
    """What was expected where, and what was found: ``kosten.status: Input should be ...``."""
    where = record_path(error["loc"])
    found = "" if error["type"] == "missing" else f", found {_shown(error.get('input'))}"
    return f"{where}: {error['msg']}{found}"


def load_curated_plan(path: Path) -> CuratedPlan:
    """The curated plan ``validate`` wrote (``DATA_DIR/curated/plan.json``).

    Raises InputError with a one-line message naming the file, the record (e.g.
    ``measures[3].kosten.status``) and what was expected, on a missing or unreadable file,
    invalid JSON, a record that does not fit the model, or another format version.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: not found (run `hammplan validate` first)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected the curated plan.json") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if isinstance(data, dict):
        version = data.get("format_version", CURATED_FORMAT_VERSION)
        if version != CURATED_FORMAT_VERSION:
            raise InputError(
                f"{path}: format_version {_shown(version)}, expected {CURATED_FORMAT_VERSION} "
                "(written by another hammplan version; run `hammplan validate` again)"
            )
    try:
        return CuratedPlan.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        more = len(errors) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        raise InputError(f"{path}: {describe(errors[0])}{tail}") from None
