"""`summit-outlook summits`: list the summits of the store, add, edit, resolve and remove them."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from summit_outlook.cli.common import Commands, UserError
from summit_outlook.model.summits import Resolution, Summit, SummitsError, validate_summits
from summit_outlook.store import open_seeded_store


def add_commands(commands: Commands) -> None:
    summits = commands.add_parser("summits", help="list the summits (or add, edit, resolve, remove one)")
    summits.add_argument("--format", choices=["table", "json"], default="table")
    summits.set_defaults(handler=command_list)
    actions = summits.add_subparsers(dest="summits_action", metavar="ACTION")

    add = actions.add_parser("add", help="add a summit")
    add.add_argument("id", help="a slug: lowercase letters, digits and '-' (e.g. trump-kim-2019)")
    _summit_fields(add, required=True)
    add.set_defaults(handler=command_add)

    edit = actions.add_parser("edit", help="change a summit's title, principals, question, deadline or note")
    edit.add_argument("id")
    _summit_fields(edit, required=False)
    edit.set_defaults(handler=command_edit)

    resolve = actions.add_parser("resolve", help="record what became of a summit")
    resolve.add_argument("id")
    outcome = resolve.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--held", metavar="YYYY-MM-DD", type=_date, help="held on this day")
    outcome.add_argument("--cancelled", metavar="YYYY-MM-DD", type=_date, help="cancelled on this day")
    outcome.add_argument("--not-held", action="store_true", help="not held by its deadline")
    outcome.add_argument("--open", action="store_true", help="open again (not resolved)")
    resolve.add_argument("--source", default="", help="where the outcome is reported (a URL)")
    resolve.set_defaults(handler=command_resolve)

    remove = actions.add_parser("remove", help="remove a summit that has no statements")
    remove.add_argument("id")
    remove.set_defaults(handler=command_remove)


def _summit_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--title", required=required, help='e.g. "Trump-Kim summit, Hanoi"')
    parser.add_argument("--question", required=required, help='e.g. "Will Trump and Kim meet in 2019?"')
    parser.add_argument("--principals", help='the leaders, comma-separated: "Donald Trump, Kim Jong Un"')
    parser.add_argument("--deadline", metavar="YYYY-MM-DD", help="the question's deadline ('' for none)")
    parser.add_argument("--note", help="anything else worth knowing, with its sources")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


def _validated(record: dict[str, object], source: str) -> Summit:
    try:
        (summit,) = validate_summits([record], source=source)
    except SummitsError as error:
        raise UserError("; ".join(error.problems)) from None
    return summit


def _given(args: argparse.Namespace) -> dict[str, object]:
    fields = ("title", "question", "principals", "deadline", "note")
    return {name: getattr(args, name) for name in fields if getattr(args, name) is not None}


def command_list(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        summits = store.summits()
        counts = store.frame().groupby("summit").size()
    if args.format == "json":
        records = [{**summit.record(), "statements": int(counts.get(summit.id, 0))} for summit in summits]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return
    width = max((len(summit.id) for summit in summits), default=2)
    for summit in summits:
        count = int(counts.get(summit.id, 0))
        counted = f"{count:>4} statement{'s' if count != 1 else ' '}"
        print(f"{summit.id:<{width}}  {summit.resolution_text():<26}  {counted}  {summit.title}")


def command_add(args: argparse.Namespace) -> None:
    summit = _validated({"id": args.id, **_given(args)}, "summit")
    with open_seeded_store() as store:
        store.add_summit(summit)
    print(f"added summit {summit.id}: {summit.title}")


def command_edit(args: argparse.Namespace) -> None:
    changes = _given(args)
    if not changes:
        raise UserError("nothing to change: give --title, --question, --principals, --deadline or --note")
    with open_seeded_store() as store:
        current = store.summit(args.id)
        summit = _validated({**current.record(), **changes}, f"summit {args.id}")
        store.update_summit(summit)
    print(f"changed summit {summit.id}: {summit.title}")


def command_resolve(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        current = store.summit(args.id)
        record = current.record()
        if args.open:
            record.update(resolution=Resolution.OPEN.value, resolved_on=None, resolution_source="")
        elif args.not_held:
            if current.deadline is None:
                raise UserError(
                    f"summit {args.id} has no deadline; give it one with `summits edit --deadline`"
                )
            record.update(
                resolution=Resolution.NOT_HELD.value,
                resolved_on=current.deadline.isoformat(),
                resolution_source=args.source,
            )
        else:
            resolution = Resolution.HELD if args.held else Resolution.CANCELLED
            day = args.held or args.cancelled
            record.update(
                resolution=resolution.value, resolved_on=day.isoformat(), resolution_source=args.source
            )
        summit = _validated(record, f"summit {args.id}")
        store.update_summit(summit)
    print(f"{summit.id}: {summit.resolution_text()}", file=sys.stdout)


def command_remove(args: argparse.Namespace) -> None:
    with open_seeded_store() as store:
        store.remove_summit(args.id)
    print(f"removed summit {args.id}")
