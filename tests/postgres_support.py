"""A throwaway PostgreSQL server for the store's tests: Debian's binaries, a temporary cluster on a
free loopback port, one new database per test.

`make test` installs Debian's postgresql when it is missing (scripts/ensure-postgresql.sh); without
it the PostgreSQL tests skip loudly, and fail under CI=true, where it must exist.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.requirements import missing

# Where Debian puts each PostgreSQL version's server programs.
DEBIAN_ROOT = Path("/usr/lib/postgresql")
USER = "summit"
START_TIMEOUT_S = 60
_DATABASES = itertools.count(1)


def find_postgres() -> Path | None:
    """The bin folder of the newest PostgreSQL server installed, or None."""
    found = sorted(
        (folder for folder in DEBIAN_ROOT.glob("*/bin") if (folder / "initdb").exists()),
        key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0,
    )
    return found[-1] if found else None


def require_postgres() -> Path:
    """The server's bin folder; without one, skip (or fail when CI=true, where it must exist)."""
    found = find_postgres()
    if found is not None:
        return found
    message = (
        f"POSTGRESQL MISSING, test not run: no initdb under {DEBIAN_ROOT} (`make postgresql` installs it)"
    )
    missing(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_postgres(bin_folder: Path) -> Iterator[str]:
    """A new cluster, started; yields the server's URL without a database name, stops it after.

    PostgreSQL refuses to run as root, so as root its programs run as Debian's `postgres` user, in
    a folder of its own (pytest's temporary folders are private to root).
    """
    folder = Path(tempfile.mkdtemp(prefix="summit-outlook-pg-"))
    as_server_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres")
        as_server_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*command: str) -> None:
        done = subprocess.run(
            [*as_server_user, *command], capture_output=True, text=True, timeout=START_TIMEOUT_S, check=False
        )
        if done.returncode != 0:
            log = (
                (folder / "server.log").read_text(errors="replace")[-1500:]
                if (folder / "server.log").exists()
                else ""
            )
            pytest.fail(f"{' '.join(command[:2])} failed: {done.stderr.strip()[-1500:]}\n{log}")

    try:
        run(str(bin_folder / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "--no-sync")
        # Durability is not what these tests are about: no fsync keeps them fast.
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(
            str(bin_folder / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        )
        try:
            yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}"
        finally:
            run(str(bin_folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def new_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server; yields its URL and drops it after."""
    name = f"store_test_{os.getpid()}_{next(_DATABASES)}"
    admin = sa.create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield f"{server_url}/{name}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
