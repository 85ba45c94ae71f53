"""The command line's entry point: one parser with a command per module, and one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from summit_outlook.cli import backtest, evaluate, outlook, rules, score, serve, statements, summits
from summit_outlook.cli.common import EXIT_USER_ERROR, UserError
from summit_outlook.extract import ExtractionRulesError
from summit_outlook.model.rules import RulesError
from summit_outlook.model.scoring import WeightsError
from summit_outlook.model.statements import StatementsError
from summit_outlook.model.summits import SummitsError
from summit_outlook.output import OutputError
from summit_outlook.reading import InputError
from summit_outlook.store import StoreError

# Each is a problem with the user's input or environment: one line, exit 2, no traceback.
USER_ERRORS = (
    UserError,
    StatementsError,
    RulesError,
    WeightsError,
    StoreError,
    SummitsError,
    ExtractionRulesError,
    OutputError,
    InputError,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit-outlook",
        description="Turn dated, attributed diplomatic statements into a summit-likelihood outlook.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    score.add_command(commands)
    outlook.add_commands(commands)
    statements.add_commands(commands)
    summits.add_commands(commands)
    rules.add_commands(commands)
    backtest.add_command(commands)
    evaluate.add_command(commands)
    serve.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Started with stdout closed (`>&-`), Python has None for it and print() drops everything:
    # every command but serve prints what it did, so it would seem to work and say nothing.
    if sys.stdout is None:
        if args.command != "serve":
            print("summit-outlook: error: stdout is closed; nothing could be printed", file=sys.stderr)
            return EXIT_USER_ERROR
        args.handler(args)  # serve becomes the server process
        return 0
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    try:
        args.handler(args)
        sys.stdout.flush()
    except USER_ERRORS as error:
        print(f"summit-outlook: error: {_message(error)}", file=sys.stderr)
        _discard_unwritten(stdout)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # `summit-outlook timeline | head` is fine
        _discard_unwritten(stdout)
        return 0
    finally:
        sys.stdout = stdout
    return 0


def _message(error: Exception) -> str:
    """The error as the one line it is printed as (a rules file's list of problems keeps its lines,
    unless there is only one)."""
    if isinstance(error, RulesError) and len(error.problems) == 1:
        return f"{error.source}: {error.problems[0]}"
    return str(error)


class _Stdout:
    """Standard output whose write failures (a full disk, /dev/full) are OutputError, one line at
    exit 2 like any other output's; a closed pipe stays BrokenPipeError."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._guarded(self._stream.write, text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def _guarded(self, operation, *args):
        try:
            return operation(*args)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError("stdout", error.strerror or str(error)) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _discard_unwritten(stream: TextIO) -> None:
    """Point stdout at /dev/null, so what could not be written is not retried (and fails again,
    with a traceback) when the interpreter flushes it on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a real file (a test's capture): nothing will be retried
        pass


if __name__ == "__main__":
    sys.exit(main())
