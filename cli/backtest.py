"""`summit-outlook backtest`: the track record of the outlook on resolved summits, and the weights
search (--fit) for the lowest leave-one-summit-out Brier score."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from summit_outlook.cli.common import Commands, UserError, add_rules_and_weights, rules_from, weights_from
from summit_outlook.csv_files import write_frame
from summit_outlook.model.backtest import (
    DEFAULT_HORIZON_DAYS,
    FIT_BUDGET,
    Backtest,
    BacktestError,
    WeightsFit,
    changed_weights,
    fit_weights,
    match_for_backtest,
    resolved_summits,
    run_backtest,
)
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import read_statements_csv, to_frame
from summit_outlook.model.summits import Summit, bundled_summits_path, read_summits_json
from summit_outlook.output import write_output
from summit_outlook.store import open_seeded_store

SCORE_COLUMNS = ["days", "held_days", "brier", "base_rate_brier", "constant_brier", "log_loss"]


def add_command(commands: Commands) -> None:
    parser = commands.add_parser(
        "backtest",
        help="score the outlook on resolved summits (leave-one-summit-out), or --fit the weights",
        description="For every resolved summit, each day from its first statement to the day before "
        "its resolution: the outlook from the statements known that day, as a probability of a "
        "summit within the horizon (fitted on the other summits), scored by Brier score and log "
        "loss beside the base rate and a constant 50%. Reads the statement store, or --statements "
        "with --outcomes.",
    )
    parser.add_argument(
        "--horizon",
        type=int,
        default=DEFAULT_HORIZON_DAYS,
        metavar="DAYS",
        help=f"'held within this many days' (default {DEFAULT_HORIZON_DAYS})",
    )
    add_rules_and_weights(parser)
    parser.add_argument(
        "--summit",
        nargs="+",
        metavar="ID",
        help="score only these summits (the mapping still fits on the others)",
    )
    parser.add_argument(
        "--statements", metavar="FILE.csv", help="statements with a summit column, instead of the store"
    )
    parser.add_argument(
        "--outcomes",
        metavar="FILE.json",
        help="the summits and their outcomes, in the bundled data/summits.json format (with --statements; "
        "default: the bundled file)",
    )
    parser.add_argument(
        "--fit",
        action="store_true",
        help="search the family weights, role weights and half-life for the lowest Brier score",
    )
    parser.add_argument(
        "--budget",
        type=int,
        default=FIT_BUDGET,
        metavar="N",
        help=f"--fit: at most N backtests (default {FIT_BUDGET})",
    )
    parser.add_argument("--seed", type=int, default=0, help="--fit: the search order's seed (default 0)")
    parser.add_argument("--output", metavar="FILE.json", help="--fit: write the weights found to this file")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.set_defaults(handler=command_backtest)


def _inputs(args: argparse.Namespace) -> tuple[pd.DataFrame, list[Summit], str]:
    """The statements (with their summits), the summits and what they are, for the heading."""
    if args.outcomes and not args.statements:
        raise UserError("--outcomes goes with --statements FILE.csv (the store keeps its own outcomes)")
    if args.statements:
        outcomes = args.outcomes or str(bundled_summits_path())
        statements = to_frame(read_statements_csv(args.statements))
        summits = read_summits_json(outcomes)
        named = set(statements["summit"]) - {""}
        unknown = sorted(named - {summit.id for summit in summits})
        if unknown:
            raise UserError(f"{args.statements}: summits not in {outcomes}: {', '.join(unknown)}")
        if not named:
            raise UserError(f"{args.statements}: no summit column; a backtest needs each row's summit")
        return statements, summits, f"{args.statements} with {outcomes}"
    with open_seeded_store() as store:
        return store.frame(), store.summits(), f"the statement store ({store.location})"


def command_backtest(args: argparse.Namespace) -> None:
    if args.output and not args.fit:
        raise UserError("--output writes the weights --fit finds; add --fit")
    if args.budget < 1:
        raise UserError(f"--budget: {args.budget} is not a positive number of backtests")
    rules = rules_from(args.rules)
    weights = weights_from(args.weights, rules)
    statements, summits, where = _inputs(args)
    resolved = resolved_summits(match_for_backtest(statements, rules), summits)
    try:
        if args.fit:
            _fit(args, resolved, rules, weights)
            return
        result = run_backtest(resolved, rules, weights, horizon_days=args.horizon, only=args.summit)
    except BacktestError as error:
        raise UserError(str(error)) from None
    if args.format == "json":
        print(json.dumps(result.record(), ensure_ascii=False, indent=1))
    elif args.format == "csv":
        write_frame(sys.stdout, score_frame(result))
    else:
        print_table(result, rules, where)


def score_frame(result: Backtest) -> pd.DataFrame:
    """One row per scored summit and one for all of them: the CSV format."""
    rows = [
        {"summit": one.summit.id, "resolution": one.summit.resolution_text(), **one.scores.record()}
        for one in result.summits
    ]
    rows.append({"summit": "overall", "resolution": "", **result.overall.record()})
    frame = pd.DataFrame(rows)
    return frame[["summit", "resolution", *SCORE_COLUMNS, "base_rate_log_loss", "constant_log_loss"]]


def print_table(result: Backtest, rules: Rules, where: str) -> None:
    overall = result.overall
    changed = result.weights.differences(rules)
    print(
        f"Track record: 'held within {result.horizon_days} days' on {overall.days} days of "
        f"{len(result.summits)} resolved summits ({where})."
    )
    print(
        f"Each day's probability comes from a mapping fitted on the other {result.resolved_summits - 1} "
        f"resolved summits (leave-one-summit-out); base rate {result.base_rate:.3f} over all "
        f"{result.resolved_summits}."
    )
    print(f"Weights: {'default' if not changed else ', '.join(f'{k}={v:g}' for k, v in changed.items())}")
    if result.left_out:
        print(f"No day to score (no statement before the resolution): {', '.join(result.left_out)}")
    print()
    width = max(len("overall"), *(len(one.summit.id) for one in result.summits))
    labels = [("days", 5), ("held", 5), ("Brier", 6), ("base", 6), ("50%", 6), ("logloss", 7)]
    header = f"{'summit':<{width}}  " + "  ".join(f"{label:>{size}}" for label, size in labels)
    print(header)
    print("-" * len(header))
    for name, scores in [(one.summit.id, one.scores) for one in result.summits] + [("overall", overall)]:
        if name == "overall":
            print("-" * len(header))
        print(
            f"{name:<{width}}  {scores.days:>5}  {scores.held_days:>5}  {scores.brier:>6.3f}  "
            f"{scores.base_rate_brier:>6.3f}  {scores.constant_brier:>6.3f}  {scores.log_loss:>7.3f}"
        )
    print()
    verdict = "below" if overall.brier < overall.base_rate_brier else "not below"
    print(
        f"Brier {overall.brier:.4f} is {verdict} the base rate's {overall.base_rate_brier:.4f} "
        f"(constant 50%: {overall.constant_brier:.4f}); log loss {overall.log_loss:.4f} against "
        f"{overall.base_rate_log_loss:.4f} and {overall.constant_log_loss:.4f}."
    )


def _fit(args: argparse.Namespace, resolved, rules: Rules, start: Weights) -> None:
    fit: WeightsFit = fit_weights(
        resolved, rules, start, horizon_days=args.horizon, budget=args.budget, seed=args.seed
    )
    if args.output:
        write_output(args.output, (fit.weights.to_json() + "\n").encode("utf-8"))
    if args.format == "json":
        print(json.dumps({"horizon_days": args.horizon, **fit.record()}, ensure_ascii=False, indent=1))
        return
    if args.format == "csv":
        write_frame(
            sys.stdout,
            pd.DataFrame([{"before": fit.before, "after": fit.after, "evaluations": fit.evaluations}]),
        )
        return
    print(
        f"Leave-one-summit-out Brier score ('held within {args.horizon} days', {fit.resolved_summits} "
        f"resolved summits): {fit.before:.4f} before, {fit.after:.4f} after {fit.evaluations} backtests."
    )
    print(
        "The weights were chosen on these same summits, so the score after is optimistic: a "
        "track record for them needs summits they were not fitted on."
    )
    moved = changed_weights(start, fit.weights)
    if not moved:
        print("No change of weight scored lower: the weights stay as they were.")
    for name, (old, new) in moved.items():
        print(f"  {name}: {old:g} -> {new:g}")
    if args.output:
        print(f"{args.output}: the weights found (load them with --weights, or in the dashboard's sidebar)")
