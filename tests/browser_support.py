"""Finding Chromium for the tests that need one: skip loudly without it, fail under CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.export import find_chromium


def require_chromium() -> Path:
    """The Chromium binary to use; without one, skip (or fail when CI=true, where it must exist)."""
    found = find_chromium()
    if found.path is not None:
        return found.path
    message = f"CHROMIUM MISSING, test not run: {found.reason} (`make chromium` installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; under CI=true a missing browser is a failure")
    pytest.skip(message)
    raise AssertionError("unreachable")
