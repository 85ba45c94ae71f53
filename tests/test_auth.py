"""The editor secret: open by default, required once configured, compared safely."""

from __future__ import annotations

import pytest

from dashboard.auth import SECRET_ENV, configured_secret, may_edit, secret_matches


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
