"""Which statements a command reads: one summit's, from the bundled data, a CSV file or the store."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import pandas as pd

from summit_outlook.cli.common import UserError
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv, to_frame
from summit_outlook.model.summits import (
    BUNDLED_SUMMIT_ID,
    Summit,
    bundled_sagas_path,
    bundled_summits,
    by_id,
)
from summit_outlook.store import open_seeded_store


@dataclass(frozen=True)
class SummitStatements:
    """One summit's statements and, where known, the summit itself."""

    statements: pd.DataFrame
    summit: Summit | None
    summit_id: str  # "" for a file whose rows name no summit


def add_source_options(parser: argparse.ArgumentParser, *, store: bool = True) -> None:
    """--statements, --store and --summit: where the statements come from, and whose."""
    parser.add_argument(
        "--statements", metavar="FILE.csv", help="default: the bundled data (the article and the sagas)"
    )
    if store:
        parser.add_argument("--store", action="store_true", help="use the statement store")
    parser.add_argument(
        "--summit",
        metavar="ID",
        help=f"whose statements (`summit-outlook summits` lists them; default: {BUNDLED_SUMMIT_ID}, "
        "or a file's only summit)",
    )


def bundled_frame() -> pd.DataFrame:
    """Every bundled statement: the article's (the bundled summit's) and the sagas', each with its summit."""
    article = to_frame(read_statements_csv(bundled_statements_path()))
    article["summit"] = BUNDLED_SUMMIT_ID
    sagas = to_frame(read_statements_csv(bundled_sagas_path()))
    return pd.concat([article, sagas], ignore_index=True)


def summit_statements(args: argparse.Namespace) -> SummitStatements:
    """The statements the command's options name: one summit's, never several summits mixed."""
    from_store = getattr(args, "store", False)
    if from_store and args.statements:
        raise UserError("give --statements FILE or --store, not both")
    if from_store:
        wanted = args.summit or BUNDLED_SUMMIT_ID
        with open_seeded_store() as store:
            summit = store.summit(wanted)
            statements = store.frame(summit=wanted)
        return SummitStatements(statements, summit, wanted)
    if args.statements:
        return _file_statements(args.statements, args.summit)
    known = by_id(bundled_summits())
    wanted = args.summit or BUNDLED_SUMMIT_ID
    if wanted not in known:
        raise UserError(f"unknown summit {wanted!r} in the bundled data; known: {', '.join(sorted(known))}")
    frame = bundled_frame()
    return SummitStatements(frame[frame["summit"] == wanted].reset_index(drop=True), known[wanted], wanted)


def _file_statements(path: str, wanted: str | None) -> SummitStatements:
    frame = to_frame(read_statements_csv(path))
    named = sorted(set(frame["summit"]) - {""})
    known = by_id(bundled_summits())
    if wanted is not None:
        chosen = frame[frame["summit"] == wanted].reset_index(drop=True)
        if chosen.empty:
            listed = ", ".join(named) or "none: the file has no summit column"
            raise UserError(f"{path}: no statements of summit {wanted!r} (its summits: {listed})")
        return SummitStatements(chosen, known.get(wanted), wanted)
    if len(named) > 1:
        raise UserError(
            f"{path}: its rows name {len(named)} summits ({', '.join(named)}); choose one with --summit ID"
        )
    summit_id = named[0] if named else ""
    return SummitStatements(frame, known.get(summit_id), summit_id)
