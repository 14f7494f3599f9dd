"""What a command shows on the terminal: progress and summary lines on stderr, the JSON
summary on stdout, and error lines, all with text from outside escaped (:func:`printable`).

Kept apart from ``cli.py``, which parses arguments and delegates; this is how the commands
speak, the same for every one of them.
"""

from __future__ import annotations

import json
import sys
import time

import typer

from hammplan.io.logtext import printable


def error_line(message: str) -> None:
    """``Error: message`` on stderr, at the very start of its line: a progress line on a
    terminal is cleared first, and nothing else is written (a log file gets the line
    alone, so ``grep '^Error:'`` finds it)."""
    if sys.stderr.isatty():
        typer.echo("\r\033[K", err=True, nl=False)
    typer.echo(f"Error: {printable(message)}", err=True)


class Reporter:
    """Where a command's words go: progress and summary on stderr, JSON on stdout."""

    def __init__(self, quiet: bool, verbose: bool, as_json: bool) -> None:
        self.quiet, self.verbose, self.as_json = quiet, verbose, as_json
        self.live = not quiet and sys.stderr.isatty()
        self.started = time.perf_counter()

    def step(self, message: str) -> None:
        """A progress line, on a terminal only (scheduled jobs' logs stay clean); with
        :meth:`pages`, the :class:`~hammplan.progress.Progress` every stage reports to."""
        if self.live:
            typer.echo(f"\r\033[K{printable(message)}", err=True, nl=False)

    def pages(self, done: int, total: int) -> None:
        """Page progress of extraction."""
        self.step(f"extract: page {done}/{total}")

    def say(self, message: str, detail: bool = False) -> None:
        """A summary line (``detail`` lines only with --verbose)."""
        if self.live:
            typer.echo("\r\033[K", err=True, nl=False)
        if not self.quiet and (self.verbose or not detail):
            typer.echo(printable(message), err=True)

    def done(self, summary: dict[str, object], exit_code: int = 0) -> None:
        """Print the JSON summary (with --json) and end with ``exit_code``."""
        if self.live:
            typer.echo("\r\033[K", err=True, nl=False)
        if self.as_json:
            summary = {
                **summary,
                "seconds": round(time.perf_counter() - self.started, 3),
                "exit_code": exit_code,
            }
            typer.echo(json.dumps(summary, ensure_ascii=False, default=str))
        if exit_code:
            raise typer.Exit(exit_code)
