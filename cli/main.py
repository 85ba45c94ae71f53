"""The command line's entry point: one parser with a command per module, and one-line errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from summit_outlook.cli import outlook, rules, score, serve, statements, summits
from summit_outlook.cli.common import EXIT_USER_ERROR, UserError
from summit_outlook.extract import ExtractionRulesError
from summit_outlook.model.rules import RulesError
from summit_outlook.model.scoring import WeightsError
from summit_outlook.model.statements import StatementsError
from summit_outlook.model.summits import SummitsError
from summit_outlook.output import OutputError
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
    serve.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.handler(args)
    except USER_ERRORS as error:
        print(f"summit-outlook: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # `summit-outlook timeline | head` is fine
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
