"""The statement store: statements kept in a database (SQLite by default) with undo and import."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from summit_outlook.csv_files import write_rows
from summit_outlook.model.statements import (
    COLUMNS,
    Statement,
    bundled_statements_path,
    decode_bytes,
    parse_csv_text,
    read_statements_csv,
)
from summit_outlook.output import OutputError, open_output
from summit_outlook.paths import database_url

# How long a writer waits for another writer's lock before giving up; a write here takes
# milliseconds, so 30 s only runs out when something holds the database far too long.
BUSY_TIMEOUT_MS = 30_000
# Rows per INSERT batch during an import; keeps each statement's parameter list small.
IMPORT_CHUNK_ROWS = 500
# Fingerprints per IN (...) lookup; below SQLite's default limit of 32,766 bound parameters.
LOOKUP_CHUNK_ROWS = 500
# How many deleted statements the trash keeps for undo; older ones are forgotten.
TRASH_LIMIT = 100
# PostgreSQL advisory lock that serialises schema migrations (any fixed number; this one spells
# "SUMMIT" in ASCII).
MIGRATION_LOCK_KEY = 0x53554D4D4954

# Keys of the `meta` table.
META_SEEDED = "seeded"
META_VERSION = "version"
# Connection execution option telling the SQLite BEGIN hook to take the write lock up front.
_WRITE_OPTION = "summit_outlook_write"

STATEMENT_COLUMNS: tuple[str, ...] = ("id", *COLUMNS, "added_at")


class StoreError(ValueError):
    """Something the user can fix went wrong with the statements database; one-line message."""


class DuplicateStatement(StoreError):
    """The statement (same date, speaker and text) is already stored."""

    def __init__(self, message: str, *, existing_id: int | None = None):
        super().__init__(message)
        self.existing_id = existing_id


class NotFound(StoreError, KeyError):
    """No statement has the given id (it may have been deleted meanwhile)."""

    def __str__(self) -> str:
        # KeyError would quote the message; show it as written.
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class ImportResult:
    """What an import did: statements added, and statements skipped as already stored."""

    added: int
    skipped_duplicates: int

    def __str__(self) -> str:
        return f"added {self.added}, skipped {self.skipped_duplicates} already stored"


# --- schema -----------------------------------------------------------------------------------
# The current shape of each table, used by queries. Migration 1 creates them as they are now;
# when a later migration alters a table, copy its version-1 definition into migration 1 first.

METADATA = sa.MetaData()

SCHEMA_VERSION_TABLE = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("version", sa.Integer, nullable=False),
)

META_TABLE = sa.Table(
    "meta",
    METADATA,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)


def _statement_columns() -> list[sa.Column[Any]]:
    """Columns shared by `statements` and `trash`: one statement's fields."""
    return [
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("speaker", sa.String(200), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("side", sa.String(100), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        # UTC, stored without a zone so SQLite and PostgreSQL keep the same value.
        sa.Column("added_at", sa.DateTime(timezone=False), nullable=False),
    ]


STATEMENTS_TABLE = sa.Table(
    "statements",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_statement_columns(),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.UniqueConstraint("fingerprint", name="uq_statements_fingerprint"),
    sa.Index("ix_statements_date", "date"),
    # Never reuse a deleted id, so undo can put a statement back under its old id.
    sqlite_autoincrement=True,
)

TRASH_TABLE = sa.Table(
    "trash",
    METADATA,
    sa.Column("trash_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("statement_id", sa.Integer, nullable=False),
    *_statement_columns(),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=False), nullable=False),
    sqlite_autoincrement=True,
)


def _migration_1_create_tables(conn: Connection) -> None:
    """Version 1: statements, the trash for undo, and the meta table (seeded marker, version)."""
    METADATA.create_all(conn, tables=[META_TABLE, STATEMENTS_TABLE, TRASH_TABLE])
    conn.execute(sa.insert(META_TABLE).values(key=META_VERSION, value=0))


# Applied in order; the schema version is how many have run. Append, never edit or reorder.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_migration_1_create_tables,)
SCHEMA_VERSION = len(MIGRATIONS)


# --- small pure helpers -----------------------------------------------------------------------


def default_url() -> str:
    """The database URL: $SUMMIT_OUTLOOK_DB_URL, else a SQLite file in the user's data folder."""
    return database_url()


def _normalise(value: str) -> str:
    """Unicode-compatible, case-folded, single-spaced text for fingerprints."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).strip().casefold()


def fingerprint(statement: Statement) -> str:
    """Hash of the normalised date, speaker and text: equal for the same words said twice."""
    key = "\x1f".join((statement.date.isoformat(), _normalise(statement.speaker), _normalise(statement.text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _utc_now() -> dt.datetime:
    """Now in UTC, without a zone (the stored form)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _statement_values(statement: Statement) -> dict[str, Any]:
    """One statement as column values, fingerprint included."""
    return {
        "date": statement.date,
        "speaker": statement.speaker,
        "role": statement.role.value,
        "side": statement.side,
        "text": statement.text,
        "source": statement.source,
        "kind": statement.kind.value,
        "note": statement.note,
        "fingerprint": fingerprint(statement),
    }


def _describe(statement: Statement) -> str:
    """A short reference to a statement for messages."""
    text = statement.text if len(statement.text) <= 60 else statement.text[:57] + "..."
    return f"{statement.date.isoformat()} {statement.speaker}: {text!r}"


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and non-SQLite databases."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    if database in ("", ":memory:") or url.query.get("mode") == "memory":
        return None
    return Path(database)


def _readable_in_unwritable_folder(url: URL, path: Path) -> URL:
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


# --- engine set-up ----------------------------------------------------------------------------


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
    write = conn.get_execution_options().get(_WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _create_engine(url: URL) -> Engine:
    """An engine for `url`; SQLite gets real transactions, WAL and a busy timeout."""
    if url.get_backend_name() != "sqlite":
        return sa.create_engine(url)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    sa.event.listen(engine, "connect", _configure_sqlite_connection)
    sa.event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


# --- errors -----------------------------------------------------------------------------------

# SQLite result codes (Python 3.11+ exposes them) and PostgreSQL SQLSTATEs, to one reason each.
_READ_ONLY = "read-only"
_FULL = "full"
_BUSY = "busy"
_CANNOT_OPEN = "cannot-open"
_SQLITE_REASONS = {
    "SQLITE_READONLY": _READ_ONLY,
    "SQLITE_FULL": _FULL,
    "SQLITE_BUSY": _BUSY,
    "SQLITE_LOCKED": _BUSY,
    "SQLITE_CANTOPEN": _CANNOT_OPEN,
    "SQLITE_PERM": _READ_ONLY,
}
_POSTGRES_REASONS = {"25006": _READ_ONLY, "53100": _FULL, "55P03": _BUSY}


def _error_reason(error: DBAPIError) -> str | None:
    """Why a database call failed, when it is a cause the user can do something about."""
    original = error.orig
    name = str(getattr(original, "sqlite_errorname", ""))
    for prefix, reason in _SQLITE_REASONS.items():
        if name.startswith(prefix):
            return reason
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return _POSTGRES_REASONS.get(str(state))


def _store_error(error: DBAPIError, *, action: str, location: str) -> StoreError:
    """A one-line StoreError for a failed database call: what, where, what to do."""
    reason = _error_reason(error)
    if reason == _READ_ONLY:
        return StoreError(f"{action}: the statements database is read-only ({location})")
    if reason == _FULL:
        return StoreError(f"{action}: the disk is full ({location}); free some space, try again")
    if reason == _BUSY:
        return StoreError(
            f"{action}: the statements database is busy ({location}); another program is "
            "writing to it, try again in a moment"
        )
    if reason == _CANNOT_OPEN:
        return StoreError(
            f"{action}: cannot open the statements database ({location}); check that the "
            "folder exists and is writable"
        )
    detail = str(error.orig).splitlines()[0] if error.orig is not None else str(error)
    return StoreError(f"{action}: database error ({location}): {detail}")


# --- the store --------------------------------------------------------------------------------


class Store:
    """Statements in a database: add, edit, delete with undo, import and export as CSV."""

    def __init__(self, url: str | None = None):
        """Open (creating the file and folder if needed) and migrate the database at `url`."""
        self.url = make_url(url or default_url())
        self.path = _sqlite_path(self.url)
        if self.path is not None:
            self.url = _readable_in_unwritable_folder(self.url, self.path)
        self.location = str(self.path) if self.path else self.url.render_as_string(hide_password=True)
        if self.path is not None:
            self._ensure_folder(self.path.parent)
        self._engine = _create_engine(self.url)
        try:
            self._migrate()
        except BaseException:
            self._engine.dispose()
            raise

    @classmethod
    def open_default(cls) -> Store:
        """The store at default_url()."""
        return cls(default_url())

    def __repr__(self) -> str:
        return f"Store({self.location!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections; the store can be reopened with a new Store."""
        self._engine.dispose()

    # --- transactions ---

    def _ensure_folder(self, folder: Path) -> None:
        """Create the database's folder, or say clearly why it cannot be."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the folder for the statements database ({folder}): {error.strerror}"
            ) from None

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A read transaction (one consistent snapshot)."""
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as error:
            raise _store_error(error, action="cannot read", location=self.location) from error

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction: all of it is saved, or none of it (on any exception)."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{_WRITE_OPTION: True})
                with conn.begin():
                    yield conn
        except IntegrityError as error:
            if "fingerprint" not in str(error.orig):
                raise _store_error(error, action="cannot save", location=self.location) from error
            # Only reachable when another writer got in between our check and insert, which
            # BEGIN IMMEDIATE rules out on SQLite; PostgreSQL's READ COMMITTED allows it.
            raise DuplicateStatement(
                "cannot save: another program stored the same statement at the same time; "
                "reload and try again"
            ) from error
        except DBAPIError as error:
            raise _store_error(error, action="cannot save", location=self.location) from error

    # --- schema ---

    def _migrate(self) -> None:
        """Bring the schema up to SCHEMA_VERSION; a read-only, current database is fine."""
        with self._reading() as conn:
            current = _schema_version(conn)
        _check_not_newer(current, self.location)
        if current == SCHEMA_VERSION:
            return
        with self._writing() as conn:
            if conn.dialect.name == "postgresql":
                # SQLite's write transaction locks the file; PostgreSQL's takes no lock before
                # the first write, so two processes opening a new database at once both created
                # the tables ("duplicate key value violates unique constraint", found by the
                # PostgreSQL tests). One migrator at a time, until this transaction ends.
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
            # Read again under the write lock: another process may have migrated meanwhile.
            SCHEMA_VERSION_TABLE.create(conn, checkfirst=True)
            current = _schema_version(conn)
            _check_not_newer(current, self.location)
            for migration in MIGRATIONS[current:]:
                migration(conn)
            _set_schema_version(conn, SCHEMA_VERSION)

    def schema_version(self) -> int:
        """The schema version stored in the database."""
        with self._reading() as conn:
            return _schema_version(conn)

    # --- reading ---

    def count(self) -> int:
        """How many statements are stored."""
        with self._reading() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(STATEMENTS_TABLE)).scalar_one()

    def version(self) -> int:
        """A counter that changes on every write; use it to know when cached data is stale."""
        with self._reading() as conn:
            return _meta_value(conn, META_VERSION) or 0

    def frame(self) -> pd.DataFrame:
        """All statements, ordered by date then id; dates as datetime64, added_at in UTC."""
        columns = [STATEMENTS_TABLE.c[name] for name in STATEMENT_COLUMNS]
        query = sa.select(*columns).order_by(STATEMENTS_TABLE.c.date, STATEMENTS_TABLE.c.id)
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return _rows_to_frame(rows)

    def get(self, statement_id: int) -> Statement:
        """The statement with this id; NotFound if there is none."""
        with self._reading() as conn:
            row = _statement_row(conn, statement_id)
        return _row_to_statement(row)

    # --- writing ---

    def seed_if_empty(self, statements: list[Statement]) -> int:
        """Add `statements` the first time only; returns how many were added (0 ever after)."""
        with self._writing() as conn:
            if _meta_value(conn, META_SEEDED) is not None:
                return 0
            added = 0
            if _count(conn) == 0:
                added = _insert_new(conn, statements, added_at=_utc_now()).added
            # Marked even when the store already held statements: those are the user's own.
            conn.execute(sa.insert(META_TABLE).values(key=META_SEEDED, value=added))
            _bump_version(conn)
        return added

    def add(self, statement: Statement) -> int:
        """Store one statement and return its id; DuplicateStatement if it is already stored."""
        values = _statement_values(statement)
        with self._writing() as conn:
            _refuse_duplicate(conn, values["fingerprint"], statement)
            new_id = conn.execute(
                sa.insert(STATEMENTS_TABLE)
                .values(**values, added_at=_utc_now())
                .returning(STATEMENTS_TABLE.c.id)
            ).scalar_one()
            _bump_version(conn)
        return int(new_id)

    def update(self, statement_id: int, statement: Statement) -> None:
        """Replace statement `statement_id`; NotFound if gone, DuplicateStatement if it clashes."""
        values = _statement_values(statement)
        with self._writing() as conn:
            _statement_row(conn, statement_id)
            _refuse_duplicate(conn, values["fingerprint"], statement, except_id=statement_id)
            conn.execute(
                sa.update(STATEMENTS_TABLE).where(STATEMENTS_TABLE.c.id == statement_id).values(**values)
            )
            _bump_version(conn)

    def delete(self, statement_id: int) -> int:
        """Delete a statement, keeping it in the trash; returns its trash entry, which
        restore_deleted() takes (undo_last_delete() restores whichever delete came last)."""
        with self._writing() as conn:
            row = _statement_row(conn, statement_id)
            trashed = {key: value for key, value in row._mapping.items() if key != "id"}
            entry = conn.execute(
                sa.insert(TRASH_TABLE).values(**trashed, statement_id=statement_id, deleted_at=_utc_now())
            ).inserted_primary_key[0]
            conn.execute(sa.delete(STATEMENTS_TABLE).where(STATEMENTS_TABLE.c.id == statement_id))
            _prune_trash(conn)
            _bump_version(conn)
        return int(entry)

    def undo_last_delete(self) -> int | None:
        """Restore the most recently deleted statement under its old id; None if none is left.

        If the same statement has been added again since, the trash entry is dropped and the
        id of the statement now stored is returned.
        """
        newest = sa.select(TRASH_TABLE).order_by(TRASH_TABLE.c.trash_id.desc()).limit(1)
        return self._restore_trashed(newest)

    def restore_deleted(self, entry: int) -> int | None:
        """Restore the statement of one trash entry (from delete()), as undo_last_delete() does;
        None when that entry is gone: restored already, or older than the trash keeps.

        Each editor undoes their own deletes, whatever others have deleted since.
        """
        return self._restore_trashed(sa.select(TRASH_TABLE).where(TRASH_TABLE.c.trash_id == entry))

    def _restore_trashed(self, query: sa.Select[Any]) -> int | None:
        with self._writing() as conn:
            trashed = conn.execute(query).first()
            if trashed is None:
                return None
            restored_id = _restore(conn, trashed._mapping)
            conn.execute(sa.delete(TRASH_TABLE).where(TRASH_TABLE.c.trash_id == trashed.trash_id))
            _bump_version(conn)
        return restored_id

    def import_statements(self, statements: list[Statement]) -> ImportResult:
        """Add every statement not already stored, all in one transaction (all or nothing)."""
        with self._writing() as conn:
            result = _insert_new(conn, statements, added_at=_utc_now())
            if result.added:
                _bump_version(conn)
        return result

    def import_csv(
        self, path_or_bytes: str | os.PathLike[str] | bytes, *, source_name: str | None = None
    ) -> ImportResult:
        """Validate a whole statements CSV (a path, or uploaded bytes), then import it.

        Any problem in the file raises StatementsError (each bad row and field) before anything
        is stored. Errors name a path by itself, and bytes by `source_name`.
        """
        if isinstance(path_or_bytes, bytes | bytearray):
            name = source_name or "uploaded file"
            text = decode_bytes(bytes(path_or_bytes), source=name)
            statements = parse_csv_text(text, source=name)
        else:
            statements = read_statements_csv(path_or_bytes)
        return self.import_statements(statements)

    # --- export ---

    def export_csv(self, path: str | os.PathLike[str]) -> int:
        """Write all statements as a bundled-format CSV (spreadsheet-safe), atomically over a
        regular file (summit_outlook.output): a failure leaves any previous file as it was.
        Returns how many statements were written."""
        columns = [STATEMENTS_TABLE.c[name] for name in COLUMNS]
        query = sa.select(*columns).order_by(STATEMENTS_TABLE.c.date, STATEMENTS_TABLE.c.id)
        with self._reading() as conn:
            rows = conn.execute(query).all()
        try:
            with open_output(path) as handle:
                write_rows(handle, COLUMNS, (_csv_record(row) for row in rows))
        except OutputError as error:
            raise StoreError(
                f"cannot export to {path}: {error.reason}; the previous file is unchanged"
            ) from error
        return len(rows)


# --- query helpers (each runs inside the caller's transaction) ---------------------------------


def _schema_version(conn: Connection) -> int:
    """The applied schema version; 0 for a new, empty database."""
    if not sa.inspect(conn).has_table(SCHEMA_VERSION_TABLE.name):
        return 0
    version = conn.execute(sa.select(sa.func.max(SCHEMA_VERSION_TABLE.c.version))).scalar()
    return int(version or 0)


def _set_schema_version(conn: Connection, version: int) -> None:
    """Record `version` as the single row of schema_version."""
    conn.execute(sa.delete(SCHEMA_VERSION_TABLE))
    conn.execute(sa.insert(SCHEMA_VERSION_TABLE).values(version=version))


def _check_not_newer(version: int, location: str) -> None:
    """Refuse a database written by a newer Summit Outlook; its shape is unknown here."""
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the statements database ({location}) has schema version {version}, newer than "
            f"this program's {SCHEMA_VERSION}; update Summit Outlook to open it"
        )


def _meta_value(conn: Connection, key: str) -> int | None:
    """A value from the meta table, or None when the key is absent."""
    value = conn.execute(sa.select(META_TABLE.c.value).where(META_TABLE.c.key == key)).scalar()
    return None if value is None else int(value)


def _bump_version(conn: Connection) -> None:
    """Advance the write counter (atomic in the database, so concurrent writers both count)."""
    conn.execute(
        sa.update(META_TABLE).where(META_TABLE.c.key == META_VERSION).values(value=META_TABLE.c.value + 1)
    )


def _count(conn: Connection) -> int:
    """How many statements are stored."""
    return conn.execute(sa.select(sa.func.count()).select_from(STATEMENTS_TABLE)).scalar_one()


def _statement_row(conn: Connection, statement_id: int) -> sa.Row[Any]:
    """The full row of one statement (fingerprint included); NotFound if there is none."""
    row = conn.execute(sa.select(STATEMENTS_TABLE).where(STATEMENTS_TABLE.c.id == statement_id)).first()
    if row is None:
        raise NotFound(f"no statement with id {statement_id}; it may have been deleted")
    return row


def _id_with_fingerprint(conn: Connection, value: str) -> int | None:
    """The id of the stored statement with this fingerprint, if any."""
    return conn.execute(
        sa.select(STATEMENTS_TABLE.c.id).where(STATEMENTS_TABLE.c.fingerprint == value)
    ).scalar()


def _refuse_duplicate(
    conn: Connection, value: str, statement: Statement, *, except_id: int | None = None
) -> None:
    """Raise DuplicateStatement if another stored statement has this fingerprint."""
    existing = _id_with_fingerprint(conn, value)
    if existing is not None and existing != except_id:
        raise DuplicateStatement(
            f"already stored as statement {existing}: {_describe(statement)}",
            existing_id=existing,
        )


def _stored_fingerprints(conn: Connection, values: list[str]) -> set[str]:
    """Which of these fingerprints are already stored."""
    found: set[str] = set()
    column = STATEMENTS_TABLE.c.fingerprint
    for chunk in _chunks(values, LOOKUP_CHUNK_ROWS):
        found.update(conn.execute(sa.select(column).where(column.in_(chunk))).scalars())
    return found


def _insert_chunk(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert one batch of statement rows."""
    conn.execute(sa.insert(STATEMENTS_TABLE), rows)


def _insert_new(conn: Connection, statements: Iterable[Statement], *, added_at: dt.datetime) -> ImportResult:
    """Insert the statements not yet stored (nor repeated earlier in the batch)."""
    rows: dict[str, dict[str, Any]] = {}
    total = 0
    for statement in statements:
        total += 1
        values = _statement_values(statement)
        rows.setdefault(values["fingerprint"], {**values, "added_at": added_at})
    stored = _stored_fingerprints(conn, list(rows))
    new_rows = [row for key, row in rows.items() if key not in stored]
    for chunk in _chunks(new_rows, IMPORT_CHUNK_ROWS):
        _insert_chunk(conn, chunk)
    return ImportResult(added=len(new_rows), skipped_duplicates=total - len(new_rows))


def _restore(conn: Connection, trashed: Any) -> int:
    """Put a trashed statement back under its old id, unless it has been added again since."""
    existing = _id_with_fingerprint(conn, trashed["fingerprint"])
    if existing is not None:
        return existing
    values = {column.name: trashed[column.name] for column in STATEMENTS_TABLE.columns if column.name != "id"}
    values["id"] = trashed["statement_id"]
    conn.execute(sa.insert(STATEMENTS_TABLE).values(**values))
    return int(values["id"])


def _prune_trash(conn: Connection) -> None:
    """Forget all but the TRASH_LIMIT most recent deletions."""
    cutoff = conn.execute(
        sa.select(TRASH_TABLE.c.trash_id)
        .order_by(TRASH_TABLE.c.trash_id.desc())
        .offset(TRASH_LIMIT - 1)
        .limit(1)
    ).scalar()
    if cutoff is not None:
        conn.execute(sa.delete(TRASH_TABLE).where(TRASH_TABLE.c.trash_id < cutoff))


# --- conversions ------------------------------------------------------------------------------


def _rows_to_frame(rows: list[sa.Row[Any]]) -> pd.DataFrame:
    """Statement rows as the store's DataFrame, with fixed column types even when empty."""
    frame = pd.DataFrame([tuple(row) for row in rows], columns=list(STATEMENT_COLUMNS))
    frame["id"] = frame["id"].astype("int64")
    frame["date"] = pd.to_datetime(frame["date"])
    frame["added_at"] = pd.to_datetime(frame["added_at"], utc=True)
    return frame


def _row_to_statement(row: sa.Row[Any]) -> Statement:
    """A stored row back as a Statement."""
    return Statement.model_validate({name: row._mapping[name] for name in COLUMNS})


def _csv_record(row: sa.Row[Any]) -> list[str]:
    """One stored statement as bundled-format CSV cells (dates as YYYY-MM-DD)."""
    values = row._mapping
    return [values[name].isoformat() if name == "date" else str(values[name] or "") for name in COLUMNS]


def open_seeded_store(url: str | None = None) -> Store:
    """The store at `url` (default_url() by default), seeded once from the bundled dataset."""
    store = Store(url)
    # A read-only store still serves what it has; writes will say why they fail.
    with contextlib.suppress(StoreError):
        store.seed_if_empty(read_statements_csv(bundled_statements_path()))
    return store
