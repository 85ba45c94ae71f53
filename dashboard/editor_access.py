"""Who may edit, and whether anything can be saved: the sign-in form and the read-only notes.

With no editor secret configured everyone may edit and the page says nothing about it. With one
(see dashboard.auth), a session signs in with it; only whether it did is kept in the session,
never the secret, which is also never logged, shown or put in the URL.
"""

from __future__ import annotations

import os

import streamlit as st

from summit_outlook.dashboard.auth import (
    SIGN_IN_THROTTLE,
    configured_secret,
    may_edit,
    secret_matches,
    throttle_client,
    wait_message,
)
from summit_outlook.dashboard.outcomes import Outcome, Tone, outcome_ui
from summit_outlook.dashboard.store_access import Origin, StatementSource
from summit_outlook.paths import TRUSTED_PROXIES_VARIABLE

# Session-state keys.
SIGNED_IN = "editor_signed_in"  # True once this session gave the secret
SECRET_INPUT = "editor_secret_input"  # the password field; emptied as soon as it is read
SIGN_IN_REFUSED = "editor_sign_in_refused"  # why the last sign-in failed, or None
EDIT_REFUSED = "editor_edit_refused"
WRONG_PASSWORD = "That is not the editor password."


def editing_refused() -> bool:
    """Whether this session may not change statements now; if so, the sign-in form says why.

    Every write checks this again: the widgets are hidden from a signed-out session, and a
    secret configured since the page was drawn applies too.
    """
    secret = configured_secret(st.secrets)
    if may_edit(secret=secret, signed_in=st.session_state.get(SIGNED_IN) is True):
        return False
    st.session_state[EDIT_REFUSED] = Outcome(Tone.ERROR, "Nothing changed: sign in as an editor first.")
    return True


def sign_in() -> None:
    """Callback of the sign-in form: compare, keep only the yes/no, forget what was typed.

    A client address with too many recent wrong passwords is not even compared: it waits.
    """
    given = str(st.session_state.get(SECRET_INPUT) or "")
    st.session_state[SECRET_INPUT] = ""
    client = client_address()
    wait = SIGN_IN_THROTTLE.wait_seconds(client)
    if wait > 0:
        st.session_state[SIGNED_IN] = False
        st.session_state[SIGN_IN_REFUSED] = wait_message(wait)
        return
    secret = configured_secret(st.secrets)
    accepted = secret is not None and secret_matches(given, secret)
    st.session_state[SIGNED_IN] = accepted
    st.session_state[SIGN_IN_REFUSED] = None if accepted else WRONG_PASSWORD
    if accepted:
        SIGN_IN_THROTTLE.succeeded(client)
        st.session_state.pop(EDIT_REFUSED, None)
    else:
        SIGN_IN_THROTTLE.failed(client)


def client_address() -> str:
    """Whose sign-in count this session's attempts go to (see dashboard.auth.throttle_client).

    Streamlit gives None for 127.0.0.1 and ::1 (the server's machine) and the peer's address
    otherwise, as uvicorn has it: the socket's, or a trusted proxy's X-Forwarded-For.
    """
    address = st.context.ip_address
    return throttle_client(
        address if isinstance(address, str) else None,
        forwarded_for=st.context.headers.get_all("X-Forwarded-For"),
        trusted_proxies=os.environ.get(TRUSTED_PROXIES_VARIABLE),
    )


def sign_out() -> None:
    st.session_state[SIGNED_IN] = False
    st.session_state.pop(SIGN_IN_REFUSED, None)


def editor_access_ui() -> bool:
    """Whether this session may edit. With an editor secret configured: sign in, or sign out.

    Without a secret everyone may edit and nothing is said about it.
    """
    if configured_secret(st.secrets) is None:
        return True
    if st.session_state.get(SIGNED_IN) is True:
        note, button = st.columns([5, 1], vertical_alignment="center")
        note.caption("Signed in as an editor: you can add, edit, delete and import statements.")
        button.button(
            "Sign out", key="sign_out", on_click=sign_out, icon=":material/logout:", width="stretch"
        )
        return True
    with st.form("sign_in", border=True, width=460):
        st.markdown("**Sign in to edit statements**")
        st.caption("Adding, editing, deleting and importing need the editor password; viewing does not.")
        st.text_input("Editor password", type="password", key=SECRET_INPUT, autocomplete="current-password")
        st.form_submit_button("Sign in", on_click=sign_in, icon=":material/login:")
    refused = st.session_state.get(SIGN_IN_REFUSED)
    if refused:
        st.error(refused)
    outcome_ui(EDIT_REFUSED)
    return False


def saving_status_ui(source: StatementSource) -> bool:
    """Say why statements cannot be saved, when they cannot; returns whether they can."""
    if source.origin is Origin.CSV_FILE:
        st.info(
            "These statements come from the file named by SUMMIT\\_OUTLOOK\\_STATEMENTS and are shown "
            "read-only: adding, editing and importing are off.",
            icon=":material/lock:",
        )
        st.text(source.location)
        return False
    if not source.can_save:
        st.warning(
            "Saving is unavailable, so statements cannot be added, edited or imported. "
            "Viewing, weights and downloads still work.",
            icon=":material/block:",
        )
        st.text(f"Why: {source.saving_problem}")
        return False
    return True
