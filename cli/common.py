"""What the commands share: the user-error type and loading the rules and weights they are given."""

from __future__ import annotations

import argparse

from summit_outlook.model.rules import Rules, load_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.weights_files import read_weights_file

EXIT_USER_ERROR = 2

# argparse's `add_subparsers()` object, which each command module adds its command to.
Commands = argparse._SubParsersAction


class UserError(Exception):
    """A problem with the user's input: reported in one message, no traceback."""


def rules_from(path: str | None) -> Rules:
    """The rules in this file, or the bundled ones."""
    return load_rules(path) if path else load_rules()


def weights_from(path: str | None, rules: Rules) -> Weights:
    """The weights in this JSON file, checked against the rules, or the rules' defaults."""
    return read_weights_file(path, rules) if path else Weights.defaults(rules)


def add_rules_and_weights(parser: argparse.ArgumentParser) -> None:
    """The --rules and --weights options of every command that scores."""
    parser.add_argument("--weights", metavar="FILE", help="weights JSON (default: the rules')")
    parser.add_argument("--rules", metavar="FILE", help="rules TOML (default: bundled)")
