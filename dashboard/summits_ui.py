"""A summit on its page (title, question, principals, resolution) and the forms that add or edit one.

Writes happen in callbacks after the editor check, like every other write; what a summit says is
user text, shown escaped or as plain text.
"""

from __future__ import annotations

import streamlit as st

from summit_outlook.dashboard.editing import EARLIEST_DATE
from summit_outlook.dashboard.editor_access import editing_refused
from summit_outlook.dashboard.navigation import PageKind, go_to, plain_markdown
from summit_outlook.dashboard.outcomes import Outcome, Tone, outcome_ui, store_failure
from summit_outlook.model.summits import (
    MAX_PRINCIPAL_CHARS,
    MAX_QUESTION_CHARS,
    MAX_SUMMIT_ID_CHARS,
    MAX_SUMMIT_NOTE_CHARS,
    MAX_SUMMIT_SOURCE_CHARS,
    MAX_TITLE_CHARS,
    RESOLUTION_LABELS,
    Resolution,
    Summit,
    SummitsError,
    slug,
    validate_summits,
)
from summit_outlook.store import Store, StoreError

SUMMIT_OUTCOME = "summit_outcome"
NEW_SUMMIT = "new_summit"  # widget-key prefix of the add form
RESOLUTION_OPTIONS: tuple[str, ...] = tuple(resolution.value for resolution in Resolution)
FIELDS = (
    "id",
    "title",
    "principals",
    "question",
    "deadline",
    "resolution",
    "resolved_on",
    "resolution_source",
    "note",
)


def summit_header_ui(summit: Summit) -> None:
    """The summit's title and question, who it is between, and what became of it."""
    st.header(plain_markdown(summit.title), anchor=False)
    st.text(summit.question)
    parts = []
    if summit.principals:
        parts.append(" and ".join(summit.principals))
    if summit.deadline is not None:
        parts.append(f"deadline {summit.deadline.day} {summit.deadline:%b %Y}")
    parts.append(summit.resolution_text())
    st.caption(plain_markdown(" \u00b7 ".join(parts)))
    if summit.resolved:
        st.text(f"Resolution source: {summit.resolution_source}")


def key(prefix: str, name: str) -> str:
    return f"{prefix}_{name}"


def seed_summit_fields(prefix: str, summit: Summit | None) -> None:
    """Starting values of the summit form, once; after that the widgets hold what was typed."""
    values: dict[str, object] = {
        "id": "",
        "title": "",
        "principals": "",
        "question": "",
        "deadline": None,
        "resolution": Resolution.OPEN.value,
        "resolved_on": None,
        "resolution_source": "",
        "note": "",
    }
    if summit is not None:
        values.update(summit.model_dump(mode="python"))
        values["principals"] = ", ".join(summit.principals)
        values["resolution"] = summit.resolution.value
    for name, value in values.items():
        st.session_state.setdefault(key(prefix, name), value)


def summit_fields_ui(prefix: str, *, new: bool) -> None:
    if new:
        st.text_input(
            "Id",
            key=key(prefix, "id"),
            max_chars=MAX_SUMMIT_ID_CHARS,
            placeholder="trump-kim-hanoi-2019 (left empty: made from the title)",
            help="Lowercase letters, digits and '-': it goes into the page's URL and a CSV's summit column.",
        )
    st.text_input(
        "Title", key=key(prefix, "title"), max_chars=MAX_TITLE_CHARS, placeholder="Trump-Kim summit, Hanoi"
    )
    st.text_input(
        "Principals",
        key=key(prefix, "principals"),
        max_chars=MAX_PRINCIPAL_CHARS * 3,
        placeholder="Donald Trump, Kim Jong Un",
        help="The leaders who would meet, separated by commas.",
    )
    st.text_input(
        "Question",
        key=key(prefix, "question"),
        max_chars=MAX_QUESTION_CHARS,
        placeholder="Will Trump and Kim meet in person before 31 Dec 2019?",
    )
    deadline, resolution, resolved_on = st.columns([1, 1.4, 1])
    deadline.date_input(
        "Deadline (optional)", key=key(prefix, "deadline"), min_value=EARLIEST_DATE, format="YYYY-MM-DD"
    )
    resolution.selectbox(
        "Resolution",
        RESOLUTION_OPTIONS,
        key=key(prefix, "resolution"),
        format_func=lambda value: RESOLUTION_LABELS[Resolution(value)].capitalize(),
    )
    resolved_on.date_input(
        "Resolved on",
        key=key(prefix, "resolved_on"),
        min_value=EARLIEST_DATE,
        format="YYYY-MM-DD",
        help="The day it was held or cancelled; for 'not held by the deadline', the deadline.",
    )
    st.text_input(
        "Resolution source",
        key=key(prefix, "resolution_source"),
        max_chars=MAX_SUMMIT_SOURCE_CHARS,
        placeholder="The URL of a report of the outcome",
    )
    st.text_input("Note", key=key(prefix, "note"), max_chars=MAX_SUMMIT_NOTE_CHARS)


def summit_from_fields(prefix: str) -> Summit | None:
    """The summit the form describes, or None with its problems kept to show."""
    record = {name: st.session_state.get(key(prefix, name)) for name in FIELDS}
    if not record["id"]:
        record["id"] = slug(str(record["title"] or ""))
    if record["resolution"] == Resolution.OPEN.value:
        record["resolved_on"] = None
    try:
        (summit,) = validate_summits([record], source="the form")
    except SummitsError as error:
        st.session_state[SUMMIT_OUTCOME] = Outcome(
            Tone.ERROR, "Not saved: correct the summit's fields.", "\n".join(error.problems)
        )
        return None
    return summit


def add_summit_ui(store: Store) -> None:
    """A form for a new summit (the overview's, for editors)."""
    with st.expander("Add a summit", icon=":material/add:"):
        seed_summit_fields(NEW_SUMMIT, None)
        with st.form("new_summit_form", border=False):
            summit_fields_ui(NEW_SUMMIT, new=True)
            st.form_submit_button("Add summit", type="primary", on_click=add_summit, args=(store,))
        outcome_ui(SUMMIT_OUTCOME)


def add_summit(store: Store) -> None:
    summit = summit_from_fields(NEW_SUMMIT)
    if summit is None or editing_refused():
        return
    try:
        store.add_summit(summit)
    except StoreError as error:
        st.session_state[SUMMIT_OUTCOME] = store_failure("saved", error)
        return
    for name in FIELDS:
        st.session_state.pop(key(NEW_SUMMIT, name), None)
    st.session_state[SUMMIT_OUTCOME] = Outcome(Tone.SUCCESS, "Summit added.", summit.title)
    go_to(PageKind.SUMMIT, summit.id)


def edit_summit_ui(store: Store, summit: Summit) -> None:
    """The summit's own form on its page: change its question or record its resolution."""
    prefix = f"summit_{summit.id}"
    with st.expander("Edit this summit or record its outcome", icon=":material/edit:"):
        seed_summit_fields(prefix, summit)
        with st.form(f"{prefix}_form", border=False):
            summit_fields_ui(prefix, new=False)
            st.form_submit_button(
                "Save summit", type="primary", on_click=save_summit, args=(store, summit.id)
            )
        outcome_ui(SUMMIT_OUTCOME)


def save_summit(store: Store, summit_id: str) -> None:
    prefix = f"summit_{summit_id}"
    st.session_state[key(prefix, "id")] = summit_id
    summit = summit_from_fields(prefix)
    if summit is None or editing_refused():
        return
    try:
        store.update_summit(summit)
    except StoreError as error:
        st.session_state[SUMMIT_OUTCOME] = store_failure("saved", error)
        return
    st.session_state[SUMMIT_OUTCOME] = Outcome(Tone.SUCCESS, "Summit saved.", summit.resolution_text())
