"""One exception hierarchy for the library; the CLI turns it into a message and an exit code.

Exit codes are part of the public contract (see README and ``hammplan --help``): ``0``
success, ``1`` findings at or above ``--fail-on`` (or a run that could not read part of its
PDF), ``2`` bad input the user can fix (missing or unreadable file), ``3`` no plan found in a
readable PDF, ``4`` an unexpected failure (a bug).
"""

from __future__ import annotations

EXIT_SUCCESS = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_NO_PLAN = 3
EXIT_BUG = 4


class HammplanError(Exception):
    """Base of every error hammplan raises on purpose."""

    exit_code = EXIT_BUG


class InputError(HammplanError):
    """The user gave a path or option that cannot be used (missing file, not a PDF)."""

    exit_code = EXIT_INPUT


class ExtractionError(HammplanError):
    """The PDF was readable but no table of an integration plan was found in it."""

    exit_code = EXIT_NO_PLAN
