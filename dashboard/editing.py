"""Statements one at a time: the stored ones in a table, and forms to add, edit, preview or delete one.

Writes happen in widget callbacks, before the script runs, so the page that follows already shows
the stored result (and each bad field's message beside that field). Statement text, speakers and
store messages are the user's words: they go to st.text and table cells, never into Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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
from summit_outlook.model.summits import Summit
from summit_outlook.report.views import OutlookView, format_day
from summit_outlook.store import TRASH_LIMIT, StaleStatement, Store, StoreError

# Session-state keys (the fields' own keys are `{prefix}_{field}`).
NEW = "new"  # widget-key prefix of the add form
STORED_OUTCOME = "stored_outcome"
DELETES_TO_UNDO = "deletes_to_undo"  # trash entries of this session's deletes, not undone yet
STORED_TABLE = "stored_table"
# The statement whose form is open: (id, table key, its row selected there, or None when it was
# opened before a write renewed the table); and a selected row whose form was closed.
EDITING = "editing_statement"
CLOSED = "editing_closed"
FILTER_TEXT = "filter_text"
FILTER_SPEAKERS = "filter_speakers"
FILTER_SIDES = "filter_sides"
FILTER_DATES = "filter_dates"

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


def stored_statements_ui(view: OutlookView, source: StatementSource, *, selectable: bool) -> Picked:
    """The summit's stored statements, newest first, searchable and filtered; returns the
    positions of the selected ones (none, one to edit, or several to delete at once)."""
    statements = view.scored.statements
    st.subheader("Stored statements", anchor=False)
    if statements.empty:
        st.info("No statements are stored for this summit yet.")
        return Picked()
    table = filtered(stored_table(statements), statements_filter_ui(statements))
    hint = " Select a row to edit it, or several to delete them at once." if selectable else ""
    shown = f"{len(table)} of {len(statements)}" if len(table) != len(statements) else f"{len(table)}"
    st.caption(f"{shown} statements, newest first; scores under your weights.{hint}")
    # Keyed on the store's version: after any write the rows may have moved, so the selection
    # starts afresh rather than pointing at another statement (the one being edited stays open).
    table_key = f"{STORED_TABLE}_{source.version}"
    picked = st.dataframe(
        table,
        key=table_key,
        hide_index=True,
        column_order=("date", "speaker", "role", "side", "text", "score", "kind", "source", "note"),
        row_height=STORED_ROW_HEIGHT,
        height=min(STORED_TABLE_HEIGHT, 38 + STORED_ROW_HEIGHT * max(len(table), 1)),
        on_select="rerun" if selectable else "ignore",
        selection_mode="multi-row",
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
        return Picked()
    selected = [row for row in picked.selection.rows if row < len(table)]
    if len(selected) > 1:
        st.session_state.pop(EDITING, None)
        return Picked(selected=[int(table.index[row]) for row in selected])
    return Picked(editing=statement_being_edited(statements, table, selected, table_key))


@dataclass(frozen=True)
class Picked:
    """What the table's selection asks for: one statement's form, or several statements to delete."""

    editing: int | None = None  # the position of the statement whose form is open
    selected: list[int] = field(default_factory=list)  # positions of several selected statements


def statement_being_edited(
    statements: pd.DataFrame, table: pd.DataFrame, selected: list[int], table_key: str
) -> int | None:
    """The position of the statement whose form is open: the row selected in the table, or the
    one open before a write (anyone's) renewed the table, as long as it is still stored. Its
    Close button closes it (a selected row stays closed until another is selected)."""
    editing = st.session_state.get(EDITING)
    if selected and selected[0] < len(table):
        if st.session_state.get(CLOSED) == (table_key, selected[0]):
            return None
        st.session_state.pop(CLOSED, None)
        position = int(table.index[selected[0]])
        st.session_state[EDITING] = (int(statements["id"].iloc[position]), table_key, selected[0])
        return position
    st.session_state.pop(CLOSED, None)
    if editing is None or (editing[1] == table_key and editing[2] is not None) or "id" not in statements:
        st.session_state.pop(EDITING, None)  # nothing open, or deselected in this very table
        return None
    positions = (statements["id"] == editing[0]).to_numpy().nonzero()[0]
    if not len(positions):  # deleted meanwhile
        st.session_state.pop(EDITING, None)
        return None
    st.session_state[EDITING] = (editing[0], table_key, None)
    return int(positions[0])


def close_form() -> None:
    """Callback of Close: the form goes; a row selected in the table stays closed."""
    editing = st.session_state.pop(EDITING, None)
    if editing is not None and editing[2] is not None:
        st.session_state[CLOSED] = (editing[1], editing[2])


@dataclass(frozen=True)
class StatementFilter:
    """What the stored statements are narrowed to: words in the quote, speakers, sides, days."""

    text: str = ""
    speakers: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()  # (first, last), or () for every day


def statements_filter_ui(statements: pd.DataFrame) -> StatementFilter:
    """Search and filter controls over the stored statements."""
    text, speakers, sides, dates = st.columns([2, 1.4, 1.2, 1.4])
    days = pd.to_datetime(statements["date"])
    first, last = days.min().date(), days.max().date()
    # Keyed on the statements' own range: a statement added beyond it widens the filter with it,
    # rather than being hidden by a range picked before it existed.
    chosen_dates = dates.date_input(
        "Dates",
        value=(first, last),
        # Wide enough for a row stored with an implausible date, which the table still lists.
        min_value=min(first, EARLIEST_DATE),
        max_value=max(last, latest_date()),
        key=f"{FILTER_DATES}_{first}_{last}",
        format="YYYY-MM-DD",
    )
    return StatementFilter(
        text=text.text_input("Search", key=FILTER_TEXT, placeholder="words in the quote or speaker"),
        speakers=tuple(
            speakers.multiselect("Speakers", sorted(set(statements["speaker"])), key=FILTER_SPEAKERS)
        ),
        sides=tuple(sides.multiselect("Sides", sorted(set(statements["side"])), key=FILTER_SIDES)),
        dates=tuple(chosen_dates)
        if isinstance(chosen_dates, tuple | list) and len(chosen_dates) == 2
        else (),
    )


def filtered(table: pd.DataFrame, chosen: StatementFilter) -> pd.DataFrame:
    """The table's rows that pass the filter (all when it is empty)."""
    keep = pd.Series(True, index=table.index)
    if chosen.text.strip():
        words = chosen.text.strip().casefold()
        keep &= table["text"].str.casefold().str.contains(words, regex=False) | table[
            "speaker"
        ].str.casefold().str.contains(words, regex=False)
    if chosen.speakers:
        keep &= table["speaker"].isin(chosen.speakers)
    if chosen.sides:
        keep &= table["side"].isin(chosen.sides)
    if chosen.dates:
        first, last = chosen.dates
        keep &= (table["date"] >= first) & (table["date"] <= last)
    return table[keep]


def stored_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements as the management table lists them: newest first, indexed by their position."""
    table = statements[["date", "speaker", "role", "side", "text", "kind", "score", "source", "note"]].copy()
    table["date"] = pd.to_datetime(table["date"]).dt.date
    table["role"] = table["role"].str.replace("_", " ")
    order = ["date", "id"] if "id" in statements else ["date"]
    newest_first = statements.sort_values(order, ascending=False, kind="stable").index
    return table.loc[newest_first]


def edit_statement_ui(
    store: Store,
    statements: pd.DataFrame,
    position: int,
    rules: Rules,
    view: OutlookView,
    summits: Sequence[Summit] = (),
) -> None:
    """The selected statement in a form: save changes, preview them, or delete it.

    The form remembers the statement's row version when it was opened: a save or delete after
    someone else changed it is refused with what changed, and Reload starts again from theirs.
    """
    row = statements.iloc[position]
    statement_id = int(row["id"])
    prefix = f"edit_{statement_id}"
    if field_key(prefix, "text") not in st.session_state:  # (re)opened: start from the stored row
        open_fields(prefix, row_statement(row), int(row.get("row_version", 1)))
    with st.form(f"{prefix}_form", border=True):
        st.markdown(f"**Edit the statement of {format_day(pd.Timestamp(row['date']))}**")
        statement_fields_ui(prefix, st.session_state.get(errors_key(prefix), {}), summits=summits)
        save, check, delete, close, _ = st.columns([1, 1, 1, 1, 1])
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
            args=(store, statement_id, prefix),
            width="stretch",
        )
        close.form_submit_button("Close", icon=":material/close:", on_click=close_form, width="stretch")
        preview_ui(prefix, rules, view)
    stale: StaleStatement | None = st.session_state.get(stale_key(prefix))
    if stale is not None:
        st.button(
            "Reload the statement",
            key=f"{prefix}_reload",
            icon=":material/refresh:",
            help="Show the statement as it is stored now; your edits in the form are replaced.",
            on_click=reload_fields,
            args=(prefix, stale),
        )


def open_fields(prefix: str, statement: Statement, version: int) -> None:
    """Put a stored statement in the form, and remember which version of it that is."""
    values = form_values(statement)
    for name in FIELDS:
        st.session_state[field_key(prefix, name)] = values[name]
    st.session_state[opened_key(prefix)] = (version, values)
    st.session_state.pop(stale_key(prefix), None)
    st.session_state.pop(errors_key(prefix), None)
    st.session_state.pop(preview_key(prefix), None)


def reload_fields(prefix: str, stale: StaleStatement) -> None:
    """Callback of Reload: the form shows the statement as it is now stored."""
    open_fields(prefix, stale.current, stale.current_version)
    st.session_state[STORED_OUTCOME] = Outcome(
        Tone.SUCCESS, "Reloaded: the form shows the statement as it is stored now.", describe(stale.current)
    )


def opened_version(prefix: str) -> int | None:
    opened = st.session_state.get(opened_key(prefix))
    return opened[0] if opened else None


def changed_elsewhere(prefix: str, action: str, error: StaleStatement, mine: Statement | None) -> Outcome:
    """The outcome of a save or delete refused because someone else changed the statement: what
    they changed, and the user's own version, so nothing typed is lost."""
    opened = st.session_state.get(opened_key(prefix))
    before = opened[1] if opened else {}
    now = form_values(error.current)
    lines = [
        f"{label_of('quote' if name == 'text' else name)}: {_shown(before.get(name))} -> {_shown(now[name])}"
        for name in FIELDS
        if before.get(name) != now[name]
    ]
    details = "They changed:\n" + "\n".join(lines or ["(nothing you can see; it was saved again)"])
    if mine is not None:
        details += f"\nYour version, not saved:\n{describe(mine)}"
    st.session_state[stale_key(prefix)] = error
    return Outcome(
        Tone.WARNING,
        f"Not {action}: someone else changed this statement after you opened it. Reload the "
        "statement to see their version, then make your change again.",
        details,
    )


def _shown(value: object, limit: int = 80) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def bulk_delete_ui(store: Store, statements: pd.DataFrame, positions: list[int]) -> None:
    """Several selected statements, deleted in one step (and undone in one)."""
    ids = [int(statements.iloc[position]["id"]) for position in positions]
    st.button(
        f"Delete {len(ids)} selected statements",
        key="delete_selected",
        icon=":material/delete_sweep:",
        on_click=delete_statements,
        args=(store, ids),
    )


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
        version = store.update(statement_id, statement, expected_version=opened_version(prefix))
    except StaleStatement as error:
        st.session_state[STORED_OUTCOME] = changed_elsewhere(prefix, "saved", error, statement)
        return
    except StoreError as error:
        st.session_state[STORED_OUTCOME] = store_failure("saved", error)
        return
    st.session_state[opened_key(prefix)] = (version, form_values(statement))
    st.session_state.pop(stale_key(prefix), None)
    st.session_state[STORED_OUTCOME] = Outcome(Tone.SUCCESS, "Changes saved.", describe(statement))


def delete_statements(store: Store, statement_ids: list[int]) -> None:
    if editing_refused():
        return
    try:
        entry = store.delete_many(statement_ids)
    except StoreError as error:
        st.session_state[STORED_OUTCOME] = store_failure("deleted", error)
        return
    st.session_state[STORED_OUTCOME] = Outcome(
        Tone.SUCCESS, f"{len(statement_ids)} statements deleted; one undo puts them all back."
    )
    st.session_state[DELETES_TO_UNDO] = [*st.session_state.get(DELETES_TO_UNDO, []), entry]


def delete_statement(store: Store, statement_id: int, prefix: str) -> None:
    if editing_refused():
        return
    try:
        deleted = store.get(statement_id)
        entry = store.delete(statement_id, expected_version=opened_version(prefix))
    except StaleStatement as error:
        st.session_state[STORED_OUTCOME] = changed_elsewhere(prefix, "deleted", error, None)
        return
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
        count = len(store.restored_ids(entries[-1]))
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
    elif count > 1:
        st.session_state[STORED_OUTCOME] = Outcome(Tone.SUCCESS, f"{count} statements restored.")
    else:
        st.session_state[STORED_OUTCOME] = Outcome(Tone.SUCCESS, "Statement restored.", describe(statement))


# --- adding one statement -------------------------------------------------------------------


def add_statement_ui(
    store: Store,
    rules: Rules,
    view: OutlookView,
    matched: MatchedStatements,
    summits: Sequence[Summit],
    summit_id: str,
) -> None:
    """A form for one new statement (of the page's summit unless another is picked): preview what
    it would do, then save it."""
    seed_fields(NEW, blank_values(summit_id))
    with st.form(f"{NEW}_form", border=False):
        statement_fields_ui(NEW, st.session_state.get(errors_key(NEW), {}), summits=summits)
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


def blank_values(summit_id: str = "") -> dict[str, object]:
    return {
        "summit": summit_id,
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


def opened_key(prefix: str) -> str:
    """Where an edit form keeps the row version and values it was opened with."""
    return f"{prefix}_opened"


def stale_key(prefix: str) -> str:
    """Where an edit form keeps the refusal of its last save or delete (someone else changed it)."""
    return f"{prefix}_stale"


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


def summit_picker_ui(widget_key: str, summits: Sequence[Summit], *, label: str = "Summit") -> None:
    """A choice of summit by title (the value is its id), for the forms that add statements."""
    titles = {summit.id: summit.title for summit in summits}
    st.selectbox(
        label,
        list(titles),
        key=widget_key,
        format_func=lambda summit_id: titles.get(summit_id, summit_id),
        help="The summit these statements are about; each statement belongs to one.",
    )


def statement_fields_ui(prefix: str, errors: Mapping[str, str], *, summits: Sequence[Summit] = ()) -> None:
    """The statement's fields as widgets keyed `{prefix}_{field}`, each bad one's message below it."""
    if summits:
        summit_picker_ui(field_key(prefix, "summit"), summits)
        field_error_ui(errors, "summit")
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
