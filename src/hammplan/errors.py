"""One exception hierarchy for the library; the CLI turns it into a message and an exit code.

Exit codes are part of the public contract (see README and ``hammplan --help``): ``0``
success, ``1`` findings at or above ``--fail-on`` (or a run that could not read part of its
PDF), ``2`` bad input the user can fix (missing or unreadable file), ``3`` no plan found in a
readable PDF, ``4`` an unexpected failure (a bug).
"""

from __future__ import annotations

import errno

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


class OutputError(HammplanError):
    """An output could not be written: no permission, no space left, a file-size limit.

    The user's environment, not a bug: exit 2 like bad input, with the folder named.
    """

    exit_code = EXIT_INPUT


class ResourceError(HammplanError):
    """The machine ran out of something (memory, open files, disk space, file size) or
    refused it (permissions, a read-only disk, a module that cannot be loaded).

    Not the input's fault and not a bug: exit 2, with what and where.
    """

    exit_code = EXIT_INPUT


_RESOURCES = {
    errno.EMFILE: "too many open files (ulimit -n)",
    errno.ENFILE: "too many open files on the system",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large (ulimit -f)",
    errno.ENOMEM: "out of memory",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
}


def resource_error(exc: BaseException, where: str) -> ResourceError | None:
    """A :class:`ResourceError` for ``where`` (or the file the error names) if ``exc`` (or
    what it wraps) is the machine running out of or refusing a resource, else None."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, MemoryError):
            return ResourceError(f"{where}: out of memory (ulimit -v, or the machine)")
        if isinstance(current, OSError) and current.errno in _RESOURCES:
            name = current.filename if isinstance(current.filename, str) else where
            return ResourceError(f"{name}: {_RESOURCES[current.errno]}")
        if isinstance(current, ImportError):
            return ResourceError(
                f"{where}: a module hammplan needs cannot be loaded "
                f"({' '.join(str(current).split())[:160]}); too little "
                "memory (ulimit -v), or reinstall with make install"
            )
        todo += [
            current.__cause__,
            current.__context__,
            *(a for a in current.args if isinstance(a, BaseException)),
        ]
    return None
