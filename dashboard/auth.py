"""Who may edit: an optional editor secret guards adding, editing, deleting and importing.

With no secret configured (the local default) everyone may edit. With one, from Streamlit's
secrets (`editor_secret` in .streamlit/secrets.toml) or the environment variable below, a session
must sign in with it first. The secret is compared in constant time and never logged, echoed or
put in the URL; viewing, adjusting one's own weights and downloading stay open to all. Wrong
passwords are counted per client address, and too many pause signing in from there for a while.
"""

from __future__ import annotations

import hmac
import math
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

SECRET_ENV = "SUMMIT_OUTLOOK_EDITOR_SECRET"
SECRET_KEY = "editor_secret"
# Wrong passwords one client address may give within the window before signing in from it pauses
# until the oldest of them is older than the window: plenty for typing mistakes, and it holds
# guessing to about 1,400 tries a day per address instead of as many as the server can answer.
MAX_FAILED_SIGN_INS = 5
FAILED_SIGN_IN_WINDOW_S = 300.0
# Beyond this many remembered addresses, those whose failures have all expired are forgotten.
MAX_REMEMBERED_CLIENTS = 10_000


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


class SignInThrottle:
    """Failed sign-ins per client address in a sliding window, shared by every session.

    Counting per address rather than per session matters: a new browser tab is a new session.
    Behind a reverse proxy the address is the client's as the proxy reports it, when uvicorn
    believes that proxy (FORWARDED_ALLOW_IPS; by default one on the same machine). Behind one it
    does not, everyone shares a count, so one guesser can pause others' sign-in for a few minutes
    at most; that is the price of stopping the guessing.
    """

    def __init__(
        self,
        *,
        limit: int = MAX_FAILED_SIGN_INS,
        window_s: float = FAILED_SIGN_IN_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, client: str) -> float:
        """0 when `client` may try now; else the seconds until it may."""
        with self._lock:
            failures = self._recent(client)
            if len(failures) < self.limit:
                return 0.0
            return max(failures[0] + self.window_s - self._clock(), 0.0)

    def failed(self, client: str) -> None:
        with self._lock:
            if client not in self._failures and len(self._failures) >= MAX_REMEMBERED_CLIENTS:
                for known in list(self._failures):
                    self._recent(known)
            failures = self._failures[client] = self._recent(client)
            failures.append(self._clock())

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()

    def _recent(self, client: str) -> deque[float]:
        """The client's failures within the window, older ones dropped (and a client left with
        none forgotten)."""
        failures = self._failures.get(client)
        if failures is None:
            return deque()
        horizon = self._clock() - self.window_s
        while failures and failures[0] <= horizon:
            failures.popleft()
        if not failures:
            del self._failures[client]
        return failures


def wait_message(seconds: float) -> str:
    """What a throttled client is told."""
    minutes = max(math.ceil(seconds / 60), 1)
    return (
        f"Too many wrong passwords from your address: signing in is paused for "
        f"{minutes} minute{'s' if minutes > 1 else ''}."
    )


# One count for the whole server process, which every session's thread shares.
SIGN_IN_THROTTLE = SignInThrottle()
