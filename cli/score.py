"""`summit-outlook score`: statements given as arguments explained, or a file of them scored in bulk."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from summit_outlook.cli.common import Commands, UserError, add_rules_and_weights, rules_from, weights_from
from summit_outlook.cli.texts import text_chunks
from summit_outlook.model.explain import describe_signal, explain_texts
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.output import open_output
from summit_outlook.report.bulk_scoring import all_cores, chunk_csv, csv_in_parallel

# Bulk scoring reads and writes this many statements at a time, so memory stays flat on any size;
# a file of more than one such chunk is scored by --jobs processes.
BULK_CHUNK = 20_000
# What one process scores at a time when several do: each holds a chunk's working set, so with two
# scoring at once 20,000 took 607 MB in all four processes of --jobs 2 on 1,000,000 synthetic lines
# (30.1 s), 5,000 took 487 MB (31.2 s) and 2,000 470 MB (30.8 s), the output bytes the same. Alone,
# 20,000 is the fastest (45.7 s, 287 MB; 2,000: 49.2 s).
PARALLEL_CHUNK = 2_000


def add_command(commands: Commands) -> None:
    score = commands.add_parser("score", help="score statements and explain each score")
    score.add_argument("texts", nargs="*", metavar="TEXT", help="statements to score")
    score.add_argument("--json", action="store_true", help="one JSON object per statement")
    score.add_argument("--input", metavar="FILE", help=".txt (one per line) or .csv (text column)")
    score.add_argument("--output", metavar="FILE", help="CSV to write (default: stdout)")
    score.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes scoring an --input file of more than one chunk (default: all cores)",
    )
    add_rules_and_weights(score)
    score.set_defaults(handler=command_score)


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more; got {text!r}")
    return jobs


def _print_explained(texts: Sequence[str], rules: Rules, weights: Weights, as_json: bool) -> None:
    for record in explain_texts(texts, rules, weights):
        if as_json:
            print(json.dumps(record, ensure_ascii=False))
            continue
        print(f"{record['score']:+.3f}  {record['text']}")
        for signal in record["signals"]:
            print(f"        {describe_signal(signal)}")


@dataclass(frozen=True)
class BulkOptions:
    """How a file is scored: the rules and weights, the files they came from, and the processes."""

    rules: Rules
    weights: Weights
    rules_path: str | None
    weights_path: str | None
    jobs: int


def _csv_chunks_scored(chunks: Iterator[pd.DataFrame], options: BulkOptions, size: int) -> Iterator[str]:
    """Each chunk (of `size` lines) scored, as CSV text: here, for one job or a file of at most
    BULK_CHUNK lines; else in workers."""
    ahead = list(itertools.islice(chunks, BULK_CHUNK // size + 1))
    if options.jobs == 1 or sum(len(chunk) for chunk in ahead) <= BULK_CHUNK:
        for index, chunk in enumerate(itertools.chain(ahead, chunks)):
            yield chunk_csv(chunk, options.rules, options.weights, header=index == 0)
        return
    yield from csv_in_parallel(
        itertools.chain(ahead, chunks),
        jobs=options.jobs,
        rules=options.rules,
        weights=options.weights,
        rules_path=options.rules_path,
        weights_path=options.weights_path,
    )


def _bulk_score(source: Path, output: TextIO, options: BulkOptions) -> None:
    written = False
    size = BULK_CHUNK if options.jobs == 1 else PARALLEL_CHUNK
    for text in _csv_chunks_scored(text_chunks(source, size), options, size):
        output.write(text)
        written = True
    if not written:
        raise UserError(f"{source}: no statements in the file")


def command_score(args: argparse.Namespace) -> None:
    rules = rules_from(args.rules)
    weights = weights_from(args.weights, rules)
    if args.input:
        if args.texts:
            raise UserError("give statements as arguments or with --input, not both")
        jobs = args.jobs or all_cores()
        options = BulkOptions(rules, weights, args.rules, args.weights, jobs)
        if args.output:
            with open_output(args.output) as output:
                _bulk_score(Path(args.input), output, options)
        else:
            _bulk_score(Path(args.input), sys.stdout, options)
        return
    if not args.texts:
        raise UserError("nothing to score: give one or more statements, or --input FILE")
    _print_explained(args.texts, rules, weights, args.json)
