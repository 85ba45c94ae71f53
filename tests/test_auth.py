"""The editor secret: open by default, required once configured, compared safely."""

from __future__ import annotations

import pytest

from summit_outlook.cli.serve import server_environment
from summit_outlook.dashboard.auth import (
    LOCAL_CLIENT,
    MAX_REMEMBERED_CLIENTS,
    SECRET_ENV,
    SignInThrottle,
    configured_secret,
    may_edit,
    secret_matches,
    throttle_client,
    wait_message,
)
from summit_outlook.paths import TRUSTED_PROXIES_VARIABLE


def test_no_secret_means_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    assert configured_secret({}) is None
    assert may_edit(secret=None, signed_in=False)


def test_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, "s3cret")
    assert configured_secret({}) == "s3cret"
    assert not may_edit(secret="s3cret", signed_in=False)
    assert may_edit(secret="s3cret", signed_in=True)


def test_streamlit_secrets_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, "from-env")
    assert configured_secret({"editor_secret": "from-secrets"}) == "from-secrets"


def test_a_secrets_object_that_raises_falls_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoSecretsFile:
        def get(self, _key):
            raise FileNotFoundError("no secrets.toml")

    monkeypatch.setenv(SECRET_ENV, "from-env")
    assert configured_secret(NoSecretsFile()) == "from-env"


@pytest.mark.parametrize(
    ("given", "expected", "matches"),
    [
        ("s3cret", "s3cret", True),
        ("s3cre", "s3cret", False),
        ("", "s3cret", False),
        ("S3CRET", "s3cret", False),
        ("naïve", "naïve", True),
    ],
)
def test_secret_matches(given: str, expected: str, matches: bool) -> None:
    assert secret_matches(given, expected) is matches


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sign_in_pauses_after_the_limit_of_wrong_passwords_until_the_oldest_expires() -> None:
    clock = FakeClock()
    throttle = SignInThrottle(limit=3, window_s=60.0, clock=clock)
    for _ in range(3):
        assert throttle.wait_seconds("a") == 0.0
        throttle.failed("a")
        clock.now += 10
    assert throttle.wait_seconds("a") == pytest.approx(30.0)  # first failure at 1000, now 1030
    assert throttle.wait_seconds("b") == 0.0  # another address is not affected
    clock.now += 30
    assert throttle.wait_seconds("a") == 0.0  # the oldest failure left the window
    throttle.failed("a")
    assert throttle.wait_seconds("a") == pytest.approx(10.0)  # the failures at 1010, 1020, 1060


def test_a_successful_sign_in_forgets_the_failures() -> None:
    throttle = SignInThrottle(limit=2, window_s=60.0, clock=FakeClock())
    throttle.failed("a")
    throttle.succeeded("a")
    throttle.failed("a")
    assert throttle.wait_seconds("a") == 0.0


def test_expired_addresses_are_forgotten_when_many_are_remembered() -> None:
    clock = FakeClock()
    throttle = SignInThrottle(limit=2, window_s=60.0, clock=clock)
    for number in range(MAX_REMEMBERED_CLIENTS):
        throttle.failed(f"10.0.{number // 256}.{number % 256}")
    clock.now += 61
    throttle.failed("new")
    assert len(throttle._failures) == 1


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0.5, "1 minute."), (59.0, "1 minute."), (61.0, "2 minutes."), (300.0, "5 minutes.")],
)
def test_wait_message(seconds: float, expected: str) -> None:
    assert wait_message(seconds).endswith(f"paused for {expected}")


# Whose count an attempt goes to (issue 15, item 4): the address as Streamlit gives it (None for
# 127.0.0.1 and ::1), the connection's X-Forwarded-For headers, FORWARDED_ALLOW_IPS (None: unset).
@pytest.mark.parametrize(
    ("address", "forwarded_for", "trusted", "client"),
    [
        # The socket's own address, whatever a header says, when no proxy is trusted.
        ("198.51.100.4", ["203.0.113.7"], "", "198.51.100.4"),
        (None, ["203.0.113.7"], "", LOCAL_CLIENT),
        # Every loopback address is this machine: 127.0.0.2 and IPv4 as a server on :: sees it.
        ("127.0.0.2", [], "", LOCAL_CLIENT),
        ("::ffff:127.0.0.1", [], "", LOCAL_CLIENT),
        ("::ffff:198.51.100.4", [], "", "198.51.100.4"),
        # An IPv6 client counts with its /64.
        ("2001:db8:1:2:aaaa::1", [], "", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", [], "", "2001:db8:1:2::/64"),
        # Unset, uvicorn believes a header from this machine: an address the header named is this
        # machine's connection, rotating the header changes nothing (the bypass the issue found).
        ("203.0.113.7", ["203.0.113.7"], None, LOCAL_CLIENT),
        ("203.0.113.8", ["6.6.6.6, 203.0.113.8"], None, LOCAL_CLIENT),
        ("2001:db8::7", ["[2001:db8::7]:4711"], None, LOCAL_CLIENT),
        ("203.0.113.9", ["203.0.113.9:4711"], None, LOCAL_CLIENT),
        ("198.51.100.4", ["203.0.113.7"], None, "198.51.100.4"),  # not from the header: a peer
        # A named proxy's report is believed: the client behind it counts on its own.
        ("203.0.113.7", ["203.0.113.7"], "127.0.0.1", "203.0.113.7"),
        ("not an address", [], "10.0.0.1", "not an address"),
        ("x" * 500, [], "10.0.0.1", "x" * 100),
    ],
)
def test_throttle_client(address, forwarded_for, trusted, client) -> None:
    assert throttle_client(address, forwarded_for=forwarded_for, trusted_proxies=trusted) == client


def test_serve_trusts_no_proxy_unless_the_operator_names_some() -> None:
    assert server_environment({"HOME": "/root"}) == {"HOME": "/root", TRUSTED_PROXIES_VARIABLE: ""}
    named = {TRUSTED_PROXIES_VARIABLE: "10.0.0.1"}
    assert server_environment(named) == named
