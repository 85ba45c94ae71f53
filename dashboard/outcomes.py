"""What an editing action did, shown where it happened: our summary, and the user's words as plain text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd
import streamlit as st

from summit_outlook.model.statements import StatementProblem
from summit_outlook.store import DuplicateStatement, NotFound, StoreError


class Tone(StrEnum):
    """How an outcome is shown: green, amber or red."""

    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Outcome:
    """What an action did: a summary in our words, and the user's words as plain text."""

    tone: Tone
    summary: str  # fixed wording: safe to show as a message
    details: str = ""  # statements, file names, store messages: plain text only
    problems: list[StatementProblem] = field(default_factory=list)


def outcome_ui(key: str) -> None:
    """Show the outcome kept under `key`, if any."""
    outcome: Outcome | None = st.session_state.get(key)
    if outcome is None:
        return
    {Tone.SUCCESS: st.success, Tone.WARNING: st.warning, Tone.ERROR: st.error}[outcome.tone](outcome.summary)
    if outcome.details:
        st.text(outcome.details)
    if outcome.problems:
        st.dataframe(
            problems_table(outcome.problems),
            hide_index=True,
            width="content",
            column_config={
                "row": st.column_config.NumberColumn("Row", format="%d"),
                "field": st.column_config.TextColumn("Field"),
                "problem": st.column_config.TextColumn("Problem"),
            },
        )


def problems_table(problems: list[StatementProblem]) -> pd.DataFrame:
    """Problems as a table of row, field and problem (plain cells, whatever the file held)."""
    return pd.DataFrame(
        {
            "row": [problem.row for problem in problems],
            "field": [problem.field for problem in problems],
            "problem": [problem.message for problem in problems],
        }
    )


def store_failure(action: str, error: StoreError) -> Outcome:
    """The outcome of a write the store refused."""
    if isinstance(error, DuplicateStatement):
        return Outcome(Tone.WARNING, f"Not {action}: this statement is already stored.", str(error))
    if isinstance(error, NotFound):
        return Outcome(Tone.WARNING, f"Not {action}: the statement is no longer stored.", str(error))
    return Outcome(Tone.ERROR, f"Not {action}: the statements database refused the change.", str(error))
