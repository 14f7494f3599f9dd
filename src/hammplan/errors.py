"""One exception hierarchy for the library; the CLI turns it into a message and an exit code.

Exit codes are part of the public contract (see README): 2 for bad input the user can fix
(missing or unreadable file), 3 for a document whose tables cannot be read.
"""

from __future__ import annotations


class HammplanError(Exception):
    """Base of every error hammplan raises on purpose."""

    exit_code = 1


class InputError(HammplanError):
    """The user gave a path or option that cannot be used (missing file, not a PDF)."""

    exit_code = 2


class ExtractionError(HammplanError):
    """The PDF was readable but its tables could not be made into records."""

    exit_code = 3


class OutputError(HammplanError):
    """An output could not be written: no permission, no space left, a file-size limit.

    The user's environment, not a bug: exit 2 like bad input, with the folder named.
    """

    exit_code = 2
