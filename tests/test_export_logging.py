"""The chart exporter's own failures: browser libraries' errors logged as one line, a page not ready
retried, a closed browser's leftover processes found."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
from pathlib import Path

import pytest

from summit_outlook.report.export import (
    ExportError,
    _channel_closed,
    _kill_leftovers,
    _one_line_errors,
    _page_not_ready,
    names_a_profile,
)


def test_an_error_logged_with_its_traceback_becomes_its_reason(caplog) -> None:
    logger = logging.getLogger("choreographer.test_child")
    _one_line_errors(("choreographer",))
    try:
        raise ConnectionError("Executor is closed.")
    except ConnectionError as error:
        with caplog.at_level(logging.ERROR, logger="choreographer"):
            logger.error("Error in run_read_loop.", exc_info=error)
    (record,) = caplog.records
    assert record.exc_info is None
    assert record.getMessage() == "Error in run_read_loop. (ConnectionError: Executor is closed.)"
    assert "Traceback" not in caplog.text


def test_records_without_an_error_pass_unchanged(caplog) -> None:
    logger = logging.getLogger("choreographer.test_plain")
    _one_line_errors(("choreographer",))
    with caplog.at_level(logging.WARNING, logger="choreographer"):
        logger.warning("Wait expired, Browser is being closed by watchdog.")
    assert [record.getMessage() for record in caplog.records] == [
        "Wait expired, Browser is being closed by watchdog."
    ]


def test_a_page_whose_scripts_had_not_loaded_is_told_from_other_failures() -> None:
    """Seen on a loaded machine: a fresh browser's first render found kaleido's page without its
    scripts; the exporter tries that render once more on a fresh browser, and nothing else."""
    not_ready = ExportError(
        "the SVG export failed (JavascriptError: {'description': 'ReferenceError: kaleido_scopes is not "
        "defined'}); try again"
    )
    killed = ExportError("the PNG export failed: Chromium stopped during it; it is restarting, try again")
    assert _page_not_ready(not_ready)
    assert not _page_not_ready(killed)
    assert not _page_not_ready(ExportError("the PNG export timed out after 6 s; try again"))


def _start_fake_browser_process(*arguments: str) -> subprocess.Popen:
    """A process named like Chromium, in a session of its own (as an orphaned utility is)."""
    # A shell named chromium-test, waiting on a child ("; :" keeps it from replacing itself).
    return subprocess.Popen(
        ["chromium-test", "-c", "sleep 60; :", "sh", *arguments], executable="/bin/sh", start_new_session=True
    )


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds processes through /proc")
def test_a_closed_browsers_process_outside_its_group_is_found_by_its_profile(tmp_path: Path) -> None:
    """Seen in CI: a Chromium utility outlived close outside its browser's process group and
    session, and not reparented to init; every process of a browser names its profile folder."""
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    ours = _start_fake_browser_process(profile)
    another_browsers = _start_fake_browser_process(f"--user-data-dir={tmp_path / 'other'}")
    try:
        _kill_leftovers({profile.encode()})
        assert ours.wait(timeout=5) == -signal.SIGKILL
        assert another_browsers.poll() is None
    finally:
        for process in (ours, another_browsers):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # its sleep too
            process.wait()


def test_a_render_failed_on_a_closed_pipe_is_a_browser_that_stopped() -> None:
    """Seen in a fault test: a render whose browser was killed failed on its closed pipe before the
    browser's launcher had exited; that is the browser stopping, not an unknown failure."""
    from choreographer.channels import ChannelClosedError

    assert _channel_closed(ChannelClosedError("The communication channel was either never opened or closed."))
    assert not _channel_closed(OSError("No space left on device"))
    assert not _channel_closed(None)


def test_a_renderers_rewritten_command_line_still_names_its_profile() -> None:
    """Chromium's zygote-forked processes rewrite their command line as one string with spaces."""
    profile = b"--user-data-dir=/tmp/tmpabc123"
    rewritten = b"/usr/lib/chromium/chromium --type=renderer --user-data-dir=/tmp/tmpabc123 --lang=en-US"
    assert names_a_profile(rewritten, {profile})
    assert names_a_profile(b"/usr/lib/chromium/chromium\0--user-data-dir=/tmp/tmpabc123\0", {profile})
    assert not names_a_profile(rewritten.replace(b"abc123", b"abc1234"), {profile})
    assert not names_a_profile(b"", {profile})
