"""`summit-outlook score`: statements given as arguments explained, or a file of them scored in bulk."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import pandas as pd

from summit_outlook.cli.common import Commands, UserError, add_rules_and_weights, rules_from, weights_from
from summit_outlook.csv_files import write_frame
from summit_outlook.model.explain import describe_signal, explain_texts, score_texts
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.output import open_output

# Bulk scoring reads and writes this many statements at a time, so memory stays flat on any size.
BULK_CHUNK = 20_000


def add_command(commands: Commands) -> None:
    score = commands.add_parser("score", help="score statements and explain each score")
    score.add_argument("texts", nargs="*", metavar="TEXT", help="statements to score")
    score.add_argument("--json", action="store_true", help="one JSON object per statement")
    score.add_argument("--input", metavar="FILE", help=".txt (one per line) or .csv (text column)")
    score.add_argument("--output", metavar="FILE", help="CSV to write (default: stdout)")
    add_rules_and_weights(score)
    score.set_defaults(handler=command_score)


def _print_explained(texts: Sequence[str], rules: Rules, weights: Weights, as_json: bool) -> None:
    for record in explain_texts(texts, rules, weights):
        if as_json:
            print(json.dumps(record, ensure_ascii=False))
            continue
        print(f"{record['score']:+.3f}  {record['text']}")
        for signal in record["signals"]:
            print(f"        {describe_signal(signal)}")


def _text_chunks(path: Path) -> Iterator[pd.DataFrame]:
    """Statements of a .txt (one per line) or .csv (a `text` column) file, in chunks."""
    if not path.exists():
        raise UserError(f"{path}: file not found")
    if path.suffix.lower() == ".csv":
        yield from _csv_chunks(path)
        return
    try:
        with path.open(encoding="utf-8-sig") as handle:
            chunk: list[str] = []
            for line in handle:
                chunk.append(line.rstrip("\r\n"))
                if len(chunk) == BULK_CHUNK:
                    yield pd.DataFrame({"text": chunk})
                    chunk = []
            if chunk:
                yield pd.DataFrame({"text": chunk})
    except UnicodeDecodeError as error:
        raise UserError(f"{path}: not UTF-8 text (byte {error.start})") from None


def _csv_chunks(path: Path) -> Iterator[pd.DataFrame]:
    try:
        reader = pd.read_csv(
            path, dtype=str, keep_default_na=False, chunksize=BULK_CHUNK, encoding="utf-8-sig"
        )
        for chunk in reader:
            if "text" not in chunk.columns:
                raise UserError(f"{path}: no 'text' column (columns: {', '.join(chunk.columns)})")
            yield chunk
    except UnicodeDecodeError as error:
        raise UserError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UserError(f"{path}: not a readable CSV ({str(error).strip()})") from None


def _bulk_score(source: Path, output: TextIO, rules: Rules, weights: Weights) -> int:
    written = 0
    for chunk in _text_chunks(source):
        scores, _ = score_texts(chunk["text"].tolist(), rules, weights)
        chunk = chunk.assign(score=[round(score, 4) for score in scores])
        write_frame(output, chunk, header=written == 0)
        written += len(chunk)
    if written == 0:
        raise UserError(f"{source}: no statements in the file")
    return written


def command_score(args: argparse.Namespace) -> None:
    rules = rules_from(args.rules)
    weights = weights_from(args.weights, rules)
    if args.input:
        if args.texts:
            raise UserError("give statements as arguments or with --input, not both")
        if args.output:
            with open_output(args.output) as output:
                _bulk_score(Path(args.input), output, rules, weights)
        else:
            _bulk_score(Path(args.input), sys.stdout, rules, weights)
        return
    if not args.texts:
        raise UserError("nothing to score: give one or more statements, or --input FILE")
    _print_explained(args.texts, rules, weights, args.json)
