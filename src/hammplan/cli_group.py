"""The ``hammplan`` command group: every way out of a run becomes a documented exit code.

Kept apart from :mod:`hammplan.cli` so that the command module stays a list of commands
that parse, call the library and report.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.exceptions import ClickException, UsageError  # typer's own click
from typer.core import TyperGroup

from hammplan.errors import EXIT_BUG, HammplanError, resource_error
from hammplan.io.terminal import error_line

EXIT_CODES = (
    "Exit codes: 0 success (the plan's findings are content, not failure); 1 findings at or "
    "above --fail-on (validate: errors by default; build: only with --fail-on), or pages or "
    "tables the run could not read; 2 bad input (missing or broken file, bad vocabulary or "
    "templates, a wrong option); 3 no plan found in the PDF; 4 unexpected failure (a bug)."
)


def _command_name(args: Sequence[str] | None) -> str:
    """``hammplan COMMAND`` of this run, for a message about the machine."""
    words = [a for a in (sys.argv[1:] if args is None else args) if not a.startswith("-")]
    return " ".join(["hammplan", *words[:1]])


class Commands(TyperGroup):
    """The command group, with every way out turned into a documented exit code: usage errors
    in one line (exit 2), an unexpected exception in one line (exit 4, the traceback only
    with ``--debug``)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as error:
            where = (
                f" (see '{error.ctx.command_path} -h')"
                if isinstance(error, UsageError) and error.ctx is not None
                else ""
            )
            error_line(" ".join(error.format_message().split()) + where)
            code = error.exit_code
        except typer.Abort:
            error_line("interrupted")
            code = 130
        except HammplanError as error:  # raised outside a command's own handling (a signal)
            if RunState.debug:
                raise
            error_line(str(error))
            code = error.exit_code
        except Exception as error:
            if RunState.debug:
                raise
            machine = resource_error(error, _command_name(args))
            if machine is not None:  # the machine's (memory, disk, files, permissions): exit 2
                error_line(str(machine))
                code = machine.exit_code
            else:
                text = " ".join(str(error).split())[:200]
                error_line(
                    f"unexpected failure, a bug in hammplan ({type(error).__name__}"
                    f"{': ' + text if text else ''}); rerun with --debug for the "
                    "traceback and please report it"
                )
                code = EXIT_BUG
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


class RunState:
    """What the whole run knows beyond one command: whether ``--debug`` was given."""

    debug = False
