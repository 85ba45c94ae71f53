"""Opening the database: SQLite's connection hooks (real transactions, WAL, a busy timeout) and
files, read-only folders included; PostgreSQL and other URLs pass through."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url

from summit_outlook.paths import DB_URL_VARIABLE
from summit_outlook.store.errors import StoreError

# How long a writer waits for another writer's lock before giving up; a write here takes
# milliseconds, so 30 s only runs out when something holds the database far too long.
BUSY_TIMEOUT_MS = 30_000
# Connection execution option telling the SQLite BEGIN hook to take the write lock up front.
WRITE_OPTION = "summit_outlook_write"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and non-SQLite databases."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    if database in ("", ":memory:") or url.query.get("mode") == "memory":
        return None
    return Path(database)


def readable_in_unwritable_folder(url: URL, path: Path) -> URL:
    """`url`, or a read-only URL that SQLite can open when the file's folder is not writable.

    A WAL-mode database needs its -shm file beside it even to read, so in a read-only folder
    SQLite refuses to open it at all. Opened read-only and immutable it reads, as long as no
    unfinished write-ahead log is waiting there (its content would be skipped): then plain
    read-only is tried, which SQLite allows when the log's companion files already exist.
    """
    if url.query.get("mode") or not path.is_file() or os.access(path.parent, os.W_OK):
        return url
    options = {"mode": "ro", "uri": "true"}
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        options["immutable"] = "1"
    return url.set(database=f"file:{path}").update_query_dict(options)


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """Per connection: SQLAlchemy emits BEGIN itself; wait for locks; foreign keys; WAL."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # WAL lets readers work while one writer writes; the mode is stored in the file. A
        # read-only file cannot switch modes, and reading it still works, so that is not fatal.
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(conn: Connection) -> None:
    """BEGIN IMMEDIATE for writes (take the lock first, so writers queue instead of failing)."""
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# What the store is tested on, for messages about a URL it cannot use.
SUPPORTED = "sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/DATABASE"


def parsed_url(text: str) -> URL:
    """The database URL in `text`, or StoreError saying it is none (its password never shown)."""
    try:
        return make_url(text)
    except sa.exc.ArgumentError:
        scheme = text.partition("://")[0] if "://" in text else ""
        shown = f"a URL starting {scheme!r}" if scheme else "the value given"
        raise StoreError(f"{DB_URL_VARIABLE}: {shown} is not a database URL; use {SUPPORTED}") from None


def create_engine(url: URL) -> Engine:
    """An engine for `url`; SQLite gets real transactions, WAL and a busy timeout. A database
    SQLAlchemy does not know, or whose driver is not installed, is a StoreError naming it."""
    if url.get_backend_name() != "sqlite":
        try:
            return sa.create_engine(url)
        except sa.exc.NoSuchModuleError:
            raise StoreError(
                f"{DB_URL_VARIABLE}: unknown database {url.drivername!r}; use {SUPPORTED}"
            ) from None
        except ImportError as error:
            raise StoreError(
                f"{DB_URL_VARIABLE}: the driver for {url.drivername!r} is not installed ({error}); "
                f"the store is made for {SUPPORTED}"
            ) from None
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    sa.event.listen(engine, "connect", _configure_sqlite_connection)
    sa.event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def read_only_reason(url: URL, path: Path | None, location: str) -> str | None:
    """Why saving to this database cannot work, where that shows without writing; None otherwise.

    Only a read-only SQLite file or URL shows beforehand (os.access also sees the immutable
    attribute, which stops root too). A full disk or a read-only server shows when a save fails,
    and that save says why.
    """
    if path is None:
        return None
    options = url.query
    if options.get("mode") == "ro" or options.get("immutable") == "1":
        return f"the statements database is opened read-only ({location})"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the statements database is read-only ({location})"
    return None
