"""Statements being entered: form values and edited table rows checked against the Statement model,
and a preview of what one statement would do before it is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from summit_outlook.model.explain import describe_signal, explain_texts
from summit_outlook.model.outlook import (
    Headline,
    MatchedStatements,
    headline,
    match_statements,
    outlook_series,
    score_statements,
)
from summit_outlook.model.rules import Rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import (
    COLUMNS,
    Statement,
    StatementProblem,
    StatementsError,
    from_stored,
    to_frame,
    validate_records,
)
from summit_outlook.report.views import NEUTRAL_SCORE

# The fields a person fills in, in the order the form shows them.
FIELDS: tuple[str, ...] = ("date", "speaker", "role", "side", "text", "kind", "source", "note", "summit")


def check_statement(values: Mapping[str, object]) -> tuple[Statement | None, dict[str, str]]:
    """The statement these form values make, or None and each bad field's message."""
    try:
        (statement,) = validate_records([_cleaned(values)], source="the form")
    except StatementsError as error:
        messages: dict[str, str] = {}
        for problem in error.problems:
            messages.setdefault(problem.field, problem.message)
        return None, messages
    return statement, {}


def check_rows(rows: pd.DataFrame, *, source: str) -> list[Statement]:
    """Statements from table rows whose index is the row number people see.

    Raises StatementsError naming every bad row (by that number) and field; nothing half-valid.
    """
    numbers = [int(number) for number in rows.index]
    records = [_cleaned(record) for record in rows.to_dict("records")]
    try:
        return validate_records(records, source=source)
    except StatementsError as error:
        renumbered = [
            StatementProblem(row=numbers[problem.row - 1], field=problem.field, message=problem.message)
            for problem in error.problems
        ]
        raise StatementsError(source, renumbered) from None


def _cleaned(values: Mapping[str, object]) -> dict[str, object]:
    """Widget and table values as the model takes them: dates as dates, blanks as empty text."""
    record: dict[str, object] = {}
    for field in FIELDS:
        value = values.get(field)
        if field == "date":
            record[field] = _as_date(value)
        elif value is None or (isinstance(value, float) and pd.isna(value)):
            record[field] = ""  # an emptied cell: "is empty" for a required field, the default otherwise
        else:
            record[field] = value
    return record


def _as_date(value: object) -> object:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    return value


def form_values(statement: Statement) -> dict[str, object]:
    """A statement as the form's widget values (role and kind as their plain names)."""
    values = statement.model_dump(mode="python", include=set(FIELDS))
    values["role"], values["kind"] = statement.role.value, statement.kind.value
    return values


def row_statement(row: Mapping[str, object]) -> Statement:
    """A stored row (from the statements frame) as a Statement."""
    return from_stored({field: _as_date(row[field]) if field == "date" else row[field] for field in COLUMNS})


def describe(statement: Statement) -> str:
    """A statement in one plain line for messages: date, speaker, then the words."""
    return f"{statement.date.isoformat()}, {statement.speaker} ({statement.role.value}): {statement.text}"


@dataclass(frozen=True)
class Preview:
    """What a statement would do: its score and signals, and the outlook with it added."""

    score: float
    signals: list[str]  # one plain line per matched signal: family, words, modifiers, contribution
    now: Headline | None  # the outlook as it is
    with_it: Headline | None  # the outlook if the statement were added (None when not worked out)

    @property
    def verdict(self) -> str:
        if self.score > NEUTRAL_SCORE:
            return "raises the outlook"
        if self.score < -NEUTRAL_SCORE:
            return "lowers the outlook"
        return "no signal: it does not move the outlook"


def preview(
    statement: Statement,
    rules: Rules,
    weights: Weights,
    *,
    matched: MatchedStatements | None = None,
    now: Headline | None = None,
) -> Preview:
    """Score and explain `statement`; with `matched` (the stored statements), also the outlook with it.

    Only the new statement is matched; the stored ones keep their cached match table.
    """
    (explained,) = explain_texts([statement.text], rules, weights)
    signals = [describe_signal(record) for record in explained["signals"]]
    events = sorted({record["hard_event"] for record in explained["signals"] if record["hard_event"]})
    if events:
        signals.append(f"hard event ({', '.join(events)}): weighs more, and what was said before weighs less")
    with_it = None
    if matched is not None:
        added = with_statement(matched, statement, rules)
        with_it = headline(outlook_series(score_statements(added, rules, weights), rules, weights))
    return Preview(score=float(explained["score"]), signals=signals, now=now, with_it=with_it)


def with_statement(matched: MatchedStatements, statement: Statement, rules: Rules) -> MatchedStatements:
    """The match table of the stored statements plus one more, matching only the new one."""
    new = match_statements(to_frame([statement]), rules)
    offset = len(matched.statements)
    statements = pd.concat([matched.statements, new.statements], ignore_index=True)
    matches = pd.concat(
        [matched.matches, new.matches.assign(statement=new.matches["statement"] + offset)], ignore_index=True
    )
    return MatchedStatements(statements=statements, matches=matches)
