"""Loading the stages' JSON files into records, with one-line errors that name the file and
the record: ``interim/extracted.json`` and ``curated/plan.json``."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from hammplan.errors import InputError
from hammplan.io.jsonchecks import check_numbers, describe, json_int, refuse_long_integers, shown
from hammplan.records.document import FORMAT_VERSION, ExtractedDocument
from hammplan.records.plan import CURATED_FORMAT_VERSION, CuratedPlan


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
        raise InputError(
            f"{path}: format_version {document.format_version}, expected "
            f"{FORMAT_VERSION}; run 'hammplan extract' again"
        )
    return document


def load_curated_plan(path: Path) -> CuratedPlan:
    """The curated plan ``validate`` wrote (``DATA_DIR/curated/plan.json``).

    Raises InputError with a one-line message naming the file, the record (e.g.
    ``measures[3].kosten.status``) and what was expected, on a missing, empty or unreadable
    file, invalid JSON, a record that does not fit the model, a number no plan can hold
    (:func:`check_numbers`), or another format version.
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
    return parse_curated_plan(text, path)


def parse_curated_plan(text: str, path: Path) -> CuratedPlan:
    """The curated plan in ``text``, the content of ``path`` (named in errors), checked as
    :func:`load_curated_plan` checks it."""
    if not text.strip():
        raise InputError(
            f"{path}: empty file, expected the curated plan as a JSON object "
            "(run `hammplan validate` again)"
        )
    try:
        data = json.loads(text, parse_int=json_int)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    refuse_long_integers(data, path)
    if isinstance(data, dict):
        version = data.get("format_version", CURATED_FORMAT_VERSION)
        if version != CURATED_FORMAT_VERSION:
            raise InputError(
                f"{path}: format_version {shown(version)}, expected {CURATED_FORMAT_VERSION} "
                "(written by another hammplan version; run `hammplan validate` again)"
            )
    try:
        plan = CuratedPlan.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        more = len(errors) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        raise InputError(f"{path}: {describe(errors[0])}{tail}") from None
    check_numbers(plan, path)
    return plan
