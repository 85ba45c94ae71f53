"""`summit-outlook evaluate`: how well the rules read a file of labelled statements, and every miss."""

from __future__ import annotations

import argparse
import json

from summit_outlook.cli.common import Commands, UserError, rules_from
from summit_outlook.model import evaluation
from summit_outlook.model.evaluation import LABELS, NEUTRAL_BAND, Evaluation, EvaluationError, Miss
from summit_outlook.model.explain import describe_signal
from summit_outlook.model.scoring import Weights

FORMATS = ("text", "json")


def add_command(commands: Commands) -> None:
    evaluate = commands.add_parser(
        "evaluate", help="check the rules against labelled statements (sign agreement, misses)"
    )
    evaluate.add_argument(
        "file", metavar="FILE", help="JSON Lines or CSV with text and label (-1, 0 or 1) columns"
    )
    evaluate.add_argument(
        "--format", choices=FORMATS, default="text", help="text (default) or one JSON object"
    )
    evaluate.add_argument("--rules", metavar="FILE", help="rules TOML (default: bundled)")
    evaluate.set_defaults(handler=command_evaluate)


def command_evaluate(args: argparse.Namespace) -> None:
    rules = rules_from(args.rules)
    try:
        statements = evaluation.read_labelled(args.file)
    except EvaluationError as error:
        raise UserError(str(error)) from None
    result = evaluation.evaluate(statements, rules, Weights.defaults(rules))
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        print("\n".join(report_lines(result)))


def report_lines(result: Evaluation) -> list[str]:
    """The evaluation as text: agreement, confusion, unread and opposite, families, misses."""
    lines = [
        f"sign agreement: {result.agreeing}/{result.statements} = {result.agreement:.1%}"
        f" (a score within {NEUTRAL_BAND:g} of 0 reads as 0)",
        "",
        "confusion (rows: label, columns: model)",
        "          " + "".join(f"{_signed(sign):>6}" for sign in LABELS),
    ]
    for label in LABELS:
        counts = result.confusion[label]
        lines.append(f"  label {_signed(label):>2}" + "".join(f"{counts[sign]:>6}" for sign in LABELS))
    lines += [
        "",
        f"statements with a direction: {result.directed}; "
        f"unread (scored 0): {result.unread} ({result.unread_share:.1%}); "
        f"opposite sign: {result.opposite} ({result.opposite_share:.1%})",
        "",
        "per-family precision: of the statements a family moved, those labelled the way it pulled",
    ]
    width = max((len(family.label) for family in result.families), default=0)
    for family in result.families:
        precision = "-" if family.precision is None else f"{family.precision:.0%}"
        lines.append(
            f"  {family.label:<{width}}  direction {_signed(family.direction):>2}  "
            f"{family.agreeing:>4}/{family.statements:<4} {precision:>5}"
        )
    lines += ["", f"misses: {len(result.misses)}"]
    for miss in result.misses:
        lines += _miss_lines(miss)
    return lines


def _miss_lines(miss: Miss) -> list[str]:
    name = miss.id or f"row {miss.row}"
    head = f"  {name}  label {_signed(miss.label)}, model {_signed(miss.sign)} (score {miss.score:+.3f})"
    lines = [head, f"      {miss.text}"]
    explained = [describe_signal(signal) for signal in miss.signals] or ["no signal matched"]
    return lines + [f"        {line}" for line in explained]


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"
