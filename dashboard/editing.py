"""Statements one at a time: the stored ones in a table, and forms to add, edit, preview or delete one.

Writes happen in widget callbacks, before the script runs, so the page that follows already shows
the stored result (and each bad field's message beside that field). Statement text, speakers and
store messages are the user's words: they go to st.text and table cells, never into Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from summit_outlook.dashboard.drafts import (
    FIELDS,
    Preview,
    check_statement,
    describe,
    form_values,
    preview,
    row_statement,
)
from summit_outlook.dashboard.editor_access import editing_refused
from summit_outlook.dashboard.outcomes import Outcome, Tone, outcome_ui, store_failure
from summit_outlook.dashboard.store_access import StatementSource
from summit_outlook.model.outlook import MatchedStatements
from summit_outlook.model.rules import Rules
from summit_outlook.model.statements import (
    EARLIEST_DATE,
    MAX_NOTE_CHARS,
    MAX_SIDE_CHARS,
    MAX_SOURCE_CHARS,
    MAX_SPEAKER_CHARS,
    MAX_TEXT_CHARS,
    Kind,
    Role,
    Statement,
    latest_date,
)
from summit_outlook.report.views import OutlookView, format_day
from summit_outlook.store import TRASH_LIMIT, Store, StoreError

# Session-state keys (the fields' own keys are `{prefix}_{field}`).
NEW = "new"  # widget-key prefix of the add form
STORED_OUTCOME = "stored_outcome"
DELETES_TO_UNDO = "deletes_to_undo"  # trash entries of this session's deletes, not undone yet
STORED_TABLE = "stored_table"

# Rows tall enough for the quote to wrap (as in the outlook's table); the edit form shows all of it.
STORED_ROW_HEIGHT = 80
STORED_TABLE_HEIGHT = 36 + 6 * STORED_ROW_HEIGHT  # header and six rows

ROLE_OPTIONS: tuple[str, ...] = tuple(role.value for role in Role)
KIND_OPTIONS: tuple[str, ...] = tuple(kind.value for kind in Kind)
KIND_HELP = (
    "Quote: the speaker's own words. Paraphrase: reported speech (words in quotation marks inside "
    "it are the speaker's). Event: a report of what happened, in the writer's words."
)


def label_of(value: str) -> str:
    """A role or kind as people write it: head_of_state -> Head of state."""
    return value.replace("_", " ").capitalize()


# --- the stored statements ------------------------------------------------------------------


def stored_statements_ui(view: OutlookView, source: StatementSource, *, selectable: bool) -> int | None:
    """The stored statements, newest first; returns the position of the selected one, if any."""
    statements = view.scored.statements
    st.subheader("Stored statements", anchor=False)
    if statements.empty:
        st.info("No statements are stored yet.")
        return None
    table = stored_table(statements)
    hint = " Select a row to edit or delete it." if selectable else ""
    st.caption(f"{len(table)} statements, newest first; scores under your weights.{hint}")
    picked = st.dataframe(
        table,
        # Keyed on the store's version: after any write the rows may have moved, so the
        # selection starts afresh rather than pointing at another statement.
        key=f"{STORED_TABLE}_{source.version}",
        hide_index=True,
        column_order=("date", "speaker", "role", "side", "text", "score", "kind", "source", "note"),
        row_height=STORED_ROW_HEIGHT,
        height=min(STORED_TABLE_HEIGHT, 38 + STORED_ROW_HEIGHT * len(table)),
        on_select="rerun" if selectable else "ignore",
        selection_mode="single-row",
        column_config={
            "date": st.column_config.DateColumn("Date", format="D MMM YYYY", width=90),
            "speaker": st.column_config.TextColumn("Speaker", width=115),
            "role": st.column_config.TextColumn("Role", width=100),
            "side": st.column_config.TextColumn("Side", width=95),
            "text": st.column_config.TextColumn("Quote", width=350),
            "kind": st.column_config.TextColumn("Kind", width=90),
            "score": st.column_config.NumberColumn("Score", format="%+.2f", width=60),
            "source": st.column_config.TextColumn("Source", width=200),
            "note": st.column_config.TextColumn("Note", width=200),
        },
    )
    if not selectable:
        return None
    rows = picked.selection.rows
    return int(table.index[rows[0]]) if rows and rows[0] < len(table) else None


def stored_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements as the management table lists them: newest first, indexed by their position."""
    table = statements[["date", "speaker", "role", "side", "text", "kind", "score", "source", "note"]].copy()
    table["date"] = pd.to_datetime(table["date"]).dt.date
    table["role"] = table["role"].str.replace("_", " ")
    order = ["date", "id"] if "id" in statements else ["date"]
    newest_first = statements.sort_values(order, ascending=False, kind="stable").index
    return table.loc[newest_first]


def edit_statement_ui(
    store: Store, statements: pd.DataFrame, position: int, rules: Rules, view: OutlookView
) -> None:
    """The selected statement in a form: save changes, preview them, or delete it."""
    row = statements.iloc[position]
    statement_id = int(row["id"])
    prefix = f"edit_{statement_id}"
    seed_fields(prefix, form_values(row_statement(row)))
    with st.form(f"{prefix}_form", border=True):
        st.markdown(f"**Edit the statement of {format_day(pd.Timestamp(row['date']))}**")
        statement_fields_ui(prefix, st.session_state.get(errors_key(prefix), {}))
        save, check, delete, _ = st.columns([1, 1, 1, 2])
        save.form_submit_button(
            "Save changes",
            type="primary",
            icon=":material/save:",
            on_click=save_changes,
            args=(store, statement_id, prefix),
            width="stretch",
        )
        check.form_submit_button(
            "Preview", icon=":material/visibility:", on_click=preview_fields, args=(prefix,), width="stretch"
        )
        delete.form_submit_button(
            "Delete statement",
            icon=":material/delete:",
            on_click=delete_statement,
            args=(store, statement_id),
            width="stretch",
        )
        preview_ui(prefix, rules, view)


def undo_ui(store: Store) -> None:
    """The outcome of the last edit or delete, and after a delete, the way back."""
    outcome_ui(STORED_OUTCOME)
    if st.session_state.get(DELETES_TO_UNDO):
        st.button(
            "Undo last delete", key="undo_delete", icon=":material/undo:", on_click=undo_delete, args=(store,)
        )


def save_changes(store: Store, statement_id: int, prefix: str) -> None:
    statement = checked_fields(prefix)
    if statement is None or editing_refused():
        return
    try:
        store.update(statement_id, statement)
    except StoreError as error:
        st.session_state[STORED_OUTCOME] = store_failure("saved", error)
        return
    st.session_state[STORED_OUTCOME] = Outcome(Tone.SUCCESS, "Changes saved.", describe(statement))


def delete_statement(store: Store, statement_id: int) -> None:
    if editing_refused():
        return
    try:
        deleted = store.get(statement_id)
        entry = store.delete(statement_id)
    except StoreError as error:
        st.session_state[STORED_OUTCOME] = store_failure("deleted", error)
        return
    st.session_state[STORED_OUTCOME] = Outcome(Tone.SUCCESS, "Statement deleted.", describe(deleted))
    st.session_state[DELETES_TO_UNDO] = [*st.session_state.get(DELETES_TO_UNDO, []), entry]


def undo_delete(store: Store) -> None:
    """Restore this session's latest delete: another editor's deletes since are not undone."""
    entries = list(st.session_state.get(DELETES_TO_UNDO, []))
    if editing_refused() or not entries:
        return
    try:
        restored = store.restore_deleted(entries[-1])
        statement = store.get(restored) if restored is not None else None
    except StoreError as error:
        st.session_state[STORED_OUTCOME] = store_failure("restored", error)
        return
    st.session_state[DELETES_TO_UNDO] = entries[:-1]
    if statement is None:
        st.session_state[STORED_OUTCOME] = Outcome(
            Tone.WARNING,
            "Nothing to undo: that delete is no longer in the trash (undone elsewhere, or older "
            f"than the {TRASH_LIMIT} deletes it keeps).",
        )
    else:
        st.session_state[STORED_OUTCOME] = Outcome(Tone.SUCCESS, "Statement restored.", describe(statement))


# --- adding one statement -------------------------------------------------------------------


def add_statement_ui(store: Store, rules: Rules, view: OutlookView, matched: MatchedStatements) -> None:
    """A form for one new statement: preview what it would do, then save it."""
    seed_fields(NEW, blank_values())
    with st.form(f"{NEW}_form", border=False):
        statement_fields_ui(NEW, st.session_state.get(errors_key(NEW), {}))
        check, save, _ = st.columns([1, 1, 3])
        check.form_submit_button(
            "Preview", icon=":material/visibility:", on_click=preview_fields, args=(NEW,), width="stretch"
        )
        save.form_submit_button(
            "Save statement",
            type="primary",
            icon=":material/add:",
            on_click=save_new,
            args=(store,),
            width="stretch",
        )
        preview_ui(NEW, rules, view, matched=matched)
    outcome_ui(outcome_key(NEW))


def blank_values() -> dict[str, object]:
    return {
        "date": dt.date.today(),
        "speaker": "",
        "role": Role.OTHER.value,
        "side": "",
        "text": "",
        "kind": Kind.QUOTE.value,
        "source": "",
        "note": "",
    }


def save_new(store: Store) -> None:
    statement = checked_fields(NEW)
    if statement is None:
        st.session_state[outcome_key(NEW)] = Outcome(Tone.ERROR, "Not saved: correct the marked fields.")
        return
    if editing_refused():
        return
    try:
        store.add(statement)
    except StoreError as error:
        st.session_state[outcome_key(NEW)] = store_failure("saved", error)
        return
    st.session_state[outcome_key(NEW)] = Outcome(
        Tone.SUCCESS, "Statement saved: the outlook includes it now.", describe(statement)
    )
    # Ready for the next statement, which is often the same speaker's, from the same source.
    for name in ("text", "note"):
        st.session_state[field_key(NEW, name)] = ""


# --- the fields, shared by the add and edit forms --------------------------------------------


def field_key(prefix: str, name: str) -> str:
    return f"{prefix}_{name}"


def errors_key(prefix: str) -> str:
    return f"{prefix}_errors"


def preview_key(prefix: str) -> str:
    return f"{prefix}_preview"


def outcome_key(prefix: str) -> str:
    return f"{prefix}_outcome"


def seed_fields(prefix: str, values: Mapping[str, object]) -> None:
    """Give each field its starting value once; after that the widget holds what was typed."""
    for name in FIELDS:
        st.session_state.setdefault(field_key(prefix, name), values[name])


def fields_of(prefix: str) -> dict[str, object]:
    return {name: st.session_state.get(field_key(prefix, name)) for name in FIELDS}


def checked_fields(prefix: str) -> Statement | None:
    """Validate the form's fields; keep each bad field's message for the next run to show."""
    statement, errors = check_statement(fields_of(prefix))
    st.session_state[errors_key(prefix)] = errors
    st.session_state.pop(preview_key(prefix), None)
    st.session_state.pop(outcome_key(prefix), None)
    return statement


def preview_fields(prefix: str) -> None:
    statement = checked_fields(prefix)
    if statement is not None:
        st.session_state[preview_key(prefix)] = statement


def statement_fields_ui(prefix: str, errors: Mapping[str, str]) -> None:
    """The statement's fields as widgets keyed `{prefix}_{field}`, each bad one's message below it."""
    date, speaker, role, side = st.columns([1, 2, 1.2, 1.2])
    with date:
        # The picker offers the dates a statement may have, and also the one the field holds: a
        # row stored with a date outside them (before the check existed) opens, and saving
        # it asks for a plausible date; deleting it works as for any other.
        held = st.session_state.get(field_key(prefix, "date"))
        held = held if isinstance(held, dt.date) else None
        st.date_input(
            "Date",
            key=field_key(prefix, "date"),
            min_value=min(EARLIEST_DATE, held or EARLIEST_DATE),
            max_value=max(latest_date(), held or EARLIEST_DATE),
            format="YYYY-MM-DD",
        )
        field_error_ui(errors, "date")
    with speaker:
        st.text_input(
            "Speaker",
            key=field_key(prefix, "speaker"),
            max_chars=MAX_SPEAKER_CHARS,
            placeholder="Dmitry Peskov",
        )
        field_error_ui(errors, "speaker")
    with role:
        st.selectbox("Role", ROLE_OPTIONS, format_func=label_of, key=field_key(prefix, "role"))
        field_error_ui(errors, "role")
    with side:
        st.text_input(
            "Side",
            key=field_key(prefix, "side"),
            max_chars=MAX_SIDE_CHARS,
            placeholder="unknown",
            help="Whom the speaker speaks for, e.g. Russia or United States.",
        )
        field_error_ui(errors, "side")
    st.text_area(
        "Quote",
        key=field_key(prefix, "text"),
        max_chars=MAX_TEXT_CHARS,
        height=90,
        placeholder="The words as said or reported, e.g. We hope the summit will take place.",
    )
    field_error_ui(errors, "text")
    kind, source, note = st.columns([1.6, 2, 2])
    with kind:
        st.radio(
            "Kind",
            KIND_OPTIONS,
            format_func=label_of,
            key=field_key(prefix, "kind"),
            horizontal=True,
            help=KIND_HELP,
        )
        field_error_ui(errors, "kind")
    with source:
        st.text_input(
            "Source",
            key=field_key(prefix, "source"),
            max_chars=MAX_SOURCE_CHARS,
            placeholder="URL or publication",
        )
        field_error_ui(errors, "source")
    with note:
        st.text_input(
            "Note",
            key=field_key(prefix, "note"),
            max_chars=MAX_NOTE_CHARS,
            placeholder="Optional, e.g. how the date was worked out",
        )
        field_error_ui(errors, "note")


def field_error_ui(errors: Mapping[str, str], name: str) -> None:
    """A field's problem, right under it. The messages are the model's wording, not user text."""
    if name in errors:
        st.error(field_message(name, errors[name]), icon=":material/error:")


def field_message(name: str, message: str) -> str:
    """'Speaker is empty', 'Date is missing', 'Side: String should have at most 100 characters'."""
    label = label_of("quote" if name == "text" else name)
    if message == "missing":
        message = "is missing"
    return f"{label} {message}" if message.startswith("is ") else f"{label}: {message}"


def preview_ui(
    prefix: str, rules: Rules, view: OutlookView, *, matched: MatchedStatements | None = None
) -> None:
    """The previewed statement's score and explanation, as plain text."""
    statement: Statement | None = st.session_state.get(preview_key(prefix))
    if statement is None:
        return
    shown = preview(statement, rules, view.weights, matched=matched, now=view.headline)
    with st.container(border=True):
        st.markdown(f"**Preview: score {shown.score:+.2f}**, {shown.verdict}")
        st.text("\n".join(shown.signals) or "No signal matched: the quote has none of the rules' phrases.")
        if shown.with_it is not None:
            st.caption(outlook_change(shown))


def outlook_change(shown: Preview) -> str:
    """What saving would do to the headline: 'If saved, the outlook would be 14.9 (Off) on ...'."""
    after = shown.with_it
    assert after is not None
    text = f"If saved, the outlook would be {after.outlook:.1f} ({after.status}) on {format_day(after.date)}"
    if shown.now is not None:
        text += f"; it is now {shown.now.outlook:.1f} ({shown.now.status}) on {format_day(shown.now.date)}"
    return text + "."
