"""Who may edit: an optional editor secret guards adding, editing, deleting and importing.

With no secret configured (the local default) everyone may edit. With one, from Streamlit's
secrets (`editor_secret` in .streamlit/secrets.toml) or the environment variable below, a session
must sign in with it first. The secret is compared in constant time and never logged, echoed or
put in the URL; viewing, adjusting one's own weights and downloading stay open to all.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping

SECRET_ENV = "SUMMIT_OUTLOOK_EDITOR_SECRET"
SECRET_KEY = "editor_secret"


def configured_secret(secrets: Mapping[str, object] | None = None) -> str | None:
    """The editor secret, from Streamlit secrets first, then the environment; None when unset."""
    value: object = None
    if secrets is not None:
        try:
            value = secrets.get(SECRET_KEY)
        except Exception:  # noqa: BLE001 - st.secrets raises when there is no secrets file
            value = None
    if not value:
        value = os.environ.get(SECRET_ENV)
    return str(value) if value else None


def secret_matches(given: str, expected: str) -> bool:
    """Whether `given` is the secret, in time that does not depend on where they differ."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def may_edit(*, secret: str | None, signed_in: bool) -> bool:
    """Editing is open without a secret, and for signed-in sessions with one."""
    return secret is None or signed_in
