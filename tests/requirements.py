"""What a test needs from the machine: without it, skip loudly; under CI=true, fail.

`make test` installs what the tests need (Chromium, PostgreSQL), so on CI a missing one is a
broken setup, not a reason to pass with tests quietly not run.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing(message: str) -> NoReturn:
    """Skip the test, saying why, or fail it when CI=true."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; under CI=true a missing requirement is a failure")
    pytest.skip(message)
    raise AssertionError("unreachable")
