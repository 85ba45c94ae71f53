"""Who may edit: an optional editor secret guards adding, editing, deleting and importing.

With no secret configured (the local default) everyone may edit. With one, from Streamlit's
secrets (`editor_secret` in .streamlit/secrets.toml) or the environment variable below, a session
must sign in with it first. The secret is compared in constant time and never logged, echoed or
put in the URL; viewing, adjusting one's own weights and downloading stay open to all. Wrong
passwords are counted per client address, and too many pause signing in from there for a while.

The address is the connection's own (its socket's peer), never what a header claims, unless the
operator names trusted proxies (see throttle_client): every client on the server's machine, over
any loopback address, is one client, and so is an IPv6 /64.
"""

from __future__ import annotations

import hmac
import ipaddress
import math
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence

SECRET_ENV = "SUMMIT_OUTLOOK_EDITOR_SECRET"
SECRET_KEY = "editor_secret"
# Wrong passwords one client address may give within the window before signing in from it pauses
# until the oldest of them is older than the window: plenty for typing mistakes, and it holds
# guessing to about 1,400 tries a day per address instead of as many as the server can answer.
MAX_FAILED_SIGN_INS = 5
FAILED_SIGN_IN_WINDOW_S = 300.0
# Beyond this many remembered addresses, those whose failures have all expired are forgotten.
MAX_REMEMBERED_CLIENTS = 10_000
# Who a session is when its connection comes from the server's own machine, or has no address.
LOCAL_CLIENT = "this machine"
# One IPv6 subscriber gets a /64 at least: counted per address, it would have 2**64 of them.
IPV6_CLIENT_PREFIX = 64
# An address a trusted proxy reports that is not an IP address is kept up to this long.
MAX_ADDRESS_CHARS = 100


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


def throttle_client(
    address: str | None, *, forwarded_for: Sequence[str] = (), trusted_proxies: str | None
) -> str:
    """Whose count a sign-in attempt goes to, from the session's address as the server gives it
    (`address`: the socket's peer, or a trusted proxy's X-Forwarded-For), the X-Forwarded-For
    headers the connection arrived with, and the proxies named in TRUSTED_PROXIES_VARIABLE (None
    when it is unset). `summit-outlook serve` sets it to none unless the operator named some.

    With the setting unset, the server believes a header from its own machine, so an address that
    the connection's own header names came through that belief: the connection is this machine's
    (a client there, through an SSH tunnel or a local proxy passing the header on, would
    otherwise pick a fresh address for every five guesses).
    """
    if trusted_proxies is None and address and address in _forwarded_hosts(forwarded_for):
        return LOCAL_CLIENT
    return client_key(address)


def client_key(address: str | None) -> str:
    """The throttle's key for an address: every loopback address (127.0.0.0/8, ::1, and IPv4
    written as IPv6, as a server listening on :: sees it) is this machine, an IPv6 address counts
    with its whole /64, an IPv4 address by itself."""
    if not address:
        return LOCAL_CLIENT
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:MAX_ADDRESS_CHARS]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return LOCAL_CLIENT
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(ip)


def _forwarded_hosts(headers: Sequence[str]) -> set[str]:
    """The hosts X-Forwarded-For headers name, ports and brackets taken off as uvicorn does."""
    hosts: set[str] = set()
    for header in headers:
        for entry in header.split(","):
            entry = entry.strip()
            if entry.startswith("[") and "]" in entry:
                entry = entry[1 : entry.index("]")]
            elif entry.count(":") == 1:
                entry = entry.partition(":")[0]
            hosts.add(entry)
    return hosts


class SignInThrottle:
    """Failed sign-ins per client address in a sliding window, shared by every session.

    Counting per address rather than per session matters: a new browser tab is a new session.
    Clients are keys of throttle_client. Behind a reverse proxy named in TRUSTED_PROXIES_VARIABLE
    the address is the client's as the proxy reports it; behind one not named, everyone shares a
    count, so one guesser can pause others' sign-in for a few minutes at most: that is the price
    of stopping the guessing.
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
