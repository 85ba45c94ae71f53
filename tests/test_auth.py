"""The editor secret: open by default, required once configured, compared safely."""

from __future__ import annotations

import pytest

from summit_outlook.dashboard.auth import (
    MAX_REMEMBERED_CLIENTS,
    SECRET_ENV,
    SignInThrottle,
    configured_secret,
    may_edit,
    secret_matches,
    wait_message,
)


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
