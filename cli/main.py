"""The `summit-outlook` command line: score statements, print or draw the outlook, check rules."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import pandas as pd

from summit_outlook.csv_files import write_frame
from summit_outlook.extract import ExtractionRulesError, candidates_to_frame, extract_statements
from summit_outlook.model.explain import describe_signal, explain_texts, score_texts
from summit_outlook.model.outlook import match_statements, outlook_series, score_statements
from summit_outlook.model.rules import Rules, RulesError, load_rules
from summit_outlook.model.scoring import Weights, WeightsError, load_weights
from summit_outlook.model.statements import (
    StatementsError,
    bundled_statements_path,
    read_statements_csv,
    to_frame,
)
from summit_outlook.output import OutputError, open_output, write_output
from summit_outlook.store import StoreError, open_seeded_store

EXIT_USER_ERROR = 2
# Bulk scoring reads and writes this many statements at a time, so memory stays flat on any size.
BULK_CHUNK = 20_000
TIMELINE_COLUMNS = ["date", "outlook", "status", "statements", "events"]


class UserError(Exception):
    """A problem with the user's input: reported in one message, no traceback."""


def _rules(path: str | None) -> Rules:
    return load_rules(path) if path else load_rules()


def _weights(path: str | None, rules: Rules) -> Weights:
    return load_weights(path, rules) if path else Weights.defaults(rules)


# --- score -----------------------------------------------------------------------------------


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
    rules = _rules(args.rules)
    weights = _weights(args.weights, rules)
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


# --- timeline ----------------------------------------------------------------------------------


def timeline_frame(
    statements_path: str | None, rules: Rules, weights: Weights, *, from_store: bool = False
) -> pd.DataFrame:
    """The daily outlook series for a statements file (the bundled data by default) or the store."""
    if from_store:
        with open_seeded_store() as store:
            statements = store.frame()
    else:
        statements = to_frame(read_statements_csv(statements_path or bundled_statements_path()))
    scored = score_statements(match_statements(statements, rules), rules, weights)
    return outlook_series(scored, rules, weights)


def command_timeline(args: argparse.Namespace) -> None:
    rules = _rules(args.rules)
    weights = _weights(args.weights, rules)
    if args.store and args.statements:
        raise UserError("give --statements FILE or --store, not both")
    series = timeline_frame(args.statements, rules, weights, from_store=args.store)
    series = series[TIMELINE_COLUMNS].copy()
    series["date"] = series["date"].dt.strftime("%Y-%m-%d")
    series["outlook"] = series["outlook"].round(1)
    if args.format == "json":
        print(json.dumps(series.to_dict(orient="records"), ensure_ascii=False, indent=1))
    else:
        write_frame(sys.stdout, series)


# --- chart -------------------------------------------------------------------------------------

CHART_SUFFIXES = (".png", ".svg", ".html")


def command_chart(args: argparse.Namespace) -> None:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UserError(f"{output}: unknown chart format '{suffix or '(none)'}'; use .png, .svg or .html")
    # Imported here: plotly and the dashboard modules would slow every other command's start.
    from summit_outlook.report.charts import outlook_figure, toolbar_config
    from summit_outlook.report.export import chart_html
    from summit_outlook.report.views import explanations, outlook_view

    rules = _rules(args.rules)
    weights = _weights(args.weights, rules)
    statements = to_frame(read_statements_csv(args.statements or bundled_statements_path()))
    view = outlook_view(match_statements(statements, rules), rules, weights)
    figure = outlook_figure(view, rules, explanations(view.scored, rules))
    if suffix == ".html":
        data = chart_html(figure, config=toolbar_config(output.stem)).encode("utf-8")
    else:
        data = _static_chart(figure, suffix.removeprefix("."))
    write_output(output, data)


def _static_chart(figure, image_format: str) -> bytes:
    """The chart as PNG or SVG, rendered by kaleido in a local Chromium."""
    from summit_outlook.report.export import (
        ChartExporter,
        ExportError,
        ImageFormat,
        find_chromium,
        render_image,
    )

    browser = find_chromium()
    if browser.path is None:
        raise UserError(
            f"{image_format.upper()} export needs Chromium: {browser.reason}; .html works without it"
        )
    exporter = ChartExporter(browser.path)
    try:
        return render_image(figure, ImageFormat(image_format), exporter)
    except ExportError as error:
        raise UserError(str(error)) from None
    finally:
        exporter.close()


# --- the statement store --------------------------------------------------------------------


def command_import(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        result = store.import_csv(args.file)
        print(
            f"{args.file}: imported {result.added} statement(s), "
            f"skipped {result.skipped_duplicates} already stored; the store now holds {store.count()}"
        )


def command_export(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        count = store.export_csv(args.file)
    print(f"{args.file}: exported {count} statement(s)")


# --- extract ----------------------------------------------------------------------------------


def _published_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


def command_extract(args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        article = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except UnicodeDecodeError as error:
        raise UserError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read file ({error.strerror})") from None
    candidates = extract_statements(article, published=args.published, home_side=args.home_side)
    frame = candidates_to_frame(candidates, source=args.source or path.name)
    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    if args.format == "json":
        print(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=1))
    else:
        write_frame(sys.stdout, frame)


# --- rules check -------------------------------------------------------------------------------


def command_rules_check(args: argparse.Namespace) -> None:
    rules = _rules(args.file)
    patterns = sum(len(family.patterns) for family in rules.families)
    print(f"{args.file or 'bundled rules'}: OK ({len(rules.families)} families, {patterns} patterns)")


# --- entry point -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit-outlook",
        description="Turn dated, attributed diplomatic statements into a summit-likelihood outlook.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    score = commands.add_parser("score", help="score statements and explain each score")
    score.add_argument("texts", nargs="*", metavar="TEXT", help="statements to score")
    score.add_argument("--json", action="store_true", help="one JSON object per statement")
    score.add_argument("--input", metavar="FILE", help=".txt (one per line) or .csv (text column)")
    score.add_argument("--output", metavar="FILE", help="CSV to write (default: stdout)")
    score.add_argument("--rules", metavar="FILE", help="rules TOML (default: bundled)")
    score.add_argument("--weights", metavar="FILE", help="weights JSON (default: the rules')")
    score.set_defaults(handler=command_score)

    timeline = commands.add_parser("timeline", help="print the daily outlook series")
    timeline.add_argument("--statements", metavar="FILE.csv", help="default: the bundled dataset")
    timeline.add_argument("--weights", metavar="FILE", help="weights JSON (default: the rules')")
    timeline.add_argument("--rules", metavar="FILE", help="rules TOML (default: bundled)")
    timeline.add_argument("--store", action="store_true", help="use the statement store")
    timeline.add_argument("--format", choices=["csv", "json"], default="csv")
    timeline.set_defaults(handler=command_timeline)

    chart = commands.add_parser("chart", help="draw the outlook chart to a PNG, SVG or HTML file")
    chart.add_argument("--output", required=True, metavar="FILE", help="FILE.png, FILE.svg or FILE.html")
    chart.add_argument("--statements", metavar="FILE.csv", help="default: the bundled dataset")
    chart.add_argument("--weights", metavar="FILE", help="weights JSON (default: the rules')")
    chart.add_argument("--rules", metavar="FILE", help="rules TOML (default: bundled)")
    chart.set_defaults(handler=command_chart)

    importer = commands.add_parser(
        "import", help="add a statements CSV to the store (all or nothing; duplicates skipped)"
    )
    importer.add_argument("file", metavar="FILE.csv", help="columns date,speaker,text (+ optional)")
    importer.set_defaults(handler=command_import)

    exporter = commands.add_parser("export", help="write the store as a statements CSV")
    exporter.add_argument("file", metavar="FILE.csv")
    exporter.set_defaults(handler=command_export)

    extract = commands.add_parser(
        "extract", help="find dated, attributed statements in a news article (for review)"
    )
    extract.add_argument("file", metavar="FILE.txt", help="the article as plain text")
    extract.add_argument(
        "--published",
        required=True,
        type=_published_date,
        metavar="YYYY-MM-DD",
        help="publication date; relative dates in the text are resolved against it",
    )
    extract.add_argument("--source", help="what to put in the source column (default: file name)")
    extract.add_argument(
        "--home-side",
        metavar="COUNTRY",
        help="the publication's country: officials it names by a bare title ('President Donald "
        "Trump') are taken to be its (default: their side stays unknown)",
    )
    extract.add_argument("--format", choices=["csv", "json"], default="csv")
    extract.set_defaults(handler=command_extract)

    rules = commands.add_parser("rules", help="work with rules files")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    check = rules_commands.add_parser("check", help="validate a rules file, listing all problems")
    check.add_argument("file", nargs="?", help="rules TOML (default: the bundled one)")
    check.set_defaults(handler=command_rules_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.handler(args)
    except (
        UserError,
        StatementsError,
        RulesError,
        WeightsError,
        StoreError,
        ExtractionRulesError,
        OutputError,
    ) as error:
        print(f"summit-outlook: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # `summit-outlook timeline | head` is fine
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
