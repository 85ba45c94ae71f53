"""`summit-outlook import`, `export` and `extract`: statements into and out of the store, and
found in a news article."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd

from summit_outlook.cli.common import Commands
from summit_outlook.csv_files import write_frame
from summit_outlook.extract import candidates_to_frame, extract_statements
from summit_outlook.reading import read_text
from summit_outlook.store import open_seeded_store

# A news story is tens of kilobytes; a file beyond this is a whole archive, not one article.
MAX_ARTICLE_BYTES = 1024 * 1024


def add_commands(commands: Commands) -> None:
    importer = commands.add_parser(
        "import", help="add a statements CSV to the store (all or nothing; duplicates skipped)"
    )
    importer.add_argument("file", metavar="FILE.csv", help="columns date,speaker,text (+ optional, summit)")
    importer.add_argument(
        "--summit",
        metavar="ID",
        help="the summit of rows whose summit cell is empty (`summit-outlook summits`)",
    )
    importer.set_defaults(handler=command_import)

    exporter = commands.add_parser("export", help="write the store as a statements CSV")
    exporter.add_argument("file", metavar="FILE.csv")
    exporter.add_argument("--summit", metavar="ID", help="only this summit's statements (default: all)")
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


def command_import(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        result = store.import_csv(args.file, summit=args.summit)
        print(
            f"{args.file}: imported {result.added} statement(s), "
            f"skipped {result.skipped_duplicates} already stored; the store now holds {store.count()}"
        )


def command_export(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        count = store.export_csv(args.file, summit=args.summit)
    print(f"{args.file}: exported {count} statement(s)")


def _published_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


def command_extract(args: argparse.Namespace) -> None:
    path = Path(args.file)
    article = read_text(path, max_bytes=MAX_ARTICLE_BYTES, what="news article")
    candidates = extract_statements(article, published=args.published, home_side=args.home_side)
    frame = candidates_to_frame(candidates, source=args.source or path.name)
    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    if args.format == "json":
        print(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=1))
    else:
        write_frame(sys.stdout, frame)
