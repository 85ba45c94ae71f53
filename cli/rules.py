"""`summit-outlook rules check`: validate a rules file, listing every problem."""

from __future__ import annotations

import argparse

from summit_outlook.cli.common import Commands, rules_from


def add_commands(commands: Commands) -> None:
    rules = commands.add_parser("rules", help="work with rules files")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    check = rules_commands.add_parser("check", help="validate a rules file, listing all problems")
    check.add_argument("file", nargs="?", help="rules TOML (default: the bundled one)")
    check.set_defaults(handler=command_rules_check)


def command_rules_check(args: argparse.Namespace) -> None:
    rules = rules_from(args.file)
    predicates = sum(len(family.predicates) for family in rules.families)
    print(f"{args.file or 'bundled rules'}: OK ({len(rules.families)} families, {predicates} predicates)")
