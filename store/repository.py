"""The statement store's repository: statements added, edited, deleted with undo, imported and
exported, each write one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from summit_outlook.csv_files import write_rows
from summit_outlook.model.statements import (
    COLUMNS,
    Statement,
    from_stored,
    iter_statements_bytes,
    iter_statements_csv,
)
from summit_outlook.output import OutputError, open_output
from summit_outlook.paths import database_url
from summit_outlook.store.engine import (
    WRITE_OPTION,
    create_engine,
    read_only_reason,
    readable_in_unwritable_folder,
    sqlite_path,
)
from summit_outlook.store.errors import (
    DuplicateStatement,
    NotFound,
    StaleStatement,
    StoreError,
    store_error,
)
from summit_outlook.store.migrations import migrate, needs_migration, schema_version
from summit_outlook.store.schema import (
    META_SEEDED,
    META_TABLE,
    META_VERSION,
    STATEMENT_COLUMNS,
    STATEMENTS_TABLE,
    TRASH_TABLE,
)

# Rows per INSERT batch during an import; keeps each statement's parameter list small.
IMPORT_CHUNK_ROWS = 500
# Fingerprints per IN (...) lookup; below SQLite's default limit of 32,766 bound parameters.
LOOKUP_CHUNK_ROWS = 500
# How many deleted statements the trash keeps for undo; older ones are forgotten.
TRASH_LIMIT = 100


@dataclass(frozen=True)
class ImportResult:
    """What an import did: statements added, and statements skipped as already stored."""

    added: int
    skipped_duplicates: int

    def __str__(self) -> str:
        return f"added {self.added}, skipped {self.skipped_duplicates} already stored"


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


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items from any iterable, read as they are needed."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Store:
    """Statements in a database: add, edit, delete with undo, import and export as CSV."""

    def __init__(self, url: str | None = None):
        """Open (creating the file and folder if needed) and migrate the database at `url`."""
        self.url = make_url(url or database_url())
        self.path = sqlite_path(self.url)
        if self.path is not None:
            self.url = readable_in_unwritable_folder(self.url, self.path)
        self.location = str(self.path) if self.path else self.url.render_as_string(hide_password=True)
        if self.path is not None:
            self._ensure_folder(self.path.parent)
        self._engine = create_engine(self.url)
        try:
            self._migrate()
        except BaseException:
            self._engine.dispose()
            raise

    @classmethod
    def open_default(cls) -> Store:
        """The store at database_url()."""
        return cls(database_url())

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
            raise store_error(error, action="cannot read", location=self.location) from error

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction: all of it is saved, or none of it (on any exception)."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    yield conn
        except IntegrityError as error:
            if "fingerprint" not in str(error.orig):
                raise store_error(error, action="cannot save", location=self.location) from error
            # Only reachable when another writer got in between our check and insert, which
            # BEGIN IMMEDIATE rules out on SQLite; PostgreSQL's READ COMMITTED allows it.
            raise DuplicateStatement(
                "cannot save: another program stored the same statement at the same time; "
                "reload and try again"
            ) from error
        except DBAPIError as error:
            raise store_error(error, action="cannot save", location=self.location) from error

    # --- schema ---

    def _migrate(self) -> None:
        """Bring the schema up to date; a read-only, current database is fine."""
        with self._reading() as conn:
            if not needs_migration(conn, self.location):
                return
        with self._writing() as conn:
            migrate(conn, self.location)

    def saving_problem(self) -> str | None:
        """Why saving cannot work, when that shows without writing (a read-only SQLite file)."""
        return read_only_reason(self.url, self.path, self.location)

    def schema_version(self) -> int:
        """The schema version stored in the database."""
        with self._reading() as conn:
            return schema_version(conn)

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

    def update(self, statement_id: int, statement: Statement, *, expected_version: int | None = None) -> int:
        """Replace statement `statement_id` and return its new row version.

        With `expected_version` (the row version the editor read), a statement changed since is
        not overwritten: StaleStatement says what it is now. NotFound if it is gone,
        DuplicateStatement if the new values clash with another statement.
        """
        values = _statement_values(statement)
        table = STATEMENTS_TABLE
        with self._writing() as conn:
            current = _statement_row(conn, statement_id)
            _refuse_stale(current, expected_version)
            _refuse_duplicate(conn, values["fingerprint"], statement, except_id=statement_id)
            # The version in the WHERE clause too: on PostgreSQL another transaction may have
            # changed the row since it was read; this update then waits for it and matches nothing.
            updated = conn.execute(
                sa.update(table)
                .where(table.c.id == statement_id, table.c.row_version == current.row_version)
                .values(**values, row_version=table.c.row_version + 1)
            ).rowcount
            if updated != 1:
                _refuse_stale(_statement_row(conn, statement_id), current.row_version)
            _bump_version(conn)
        return int(current.row_version) + 1

    def delete(self, statement_id: int, *, expected_version: int | None = None) -> int:
        """Delete a statement, keeping it in the trash; returns its trash entry, which
        restore_deleted() takes (undo_last_delete() restores whichever delete came last).

        With `expected_version`, a statement changed since that version is not deleted
        (StaleStatement), so nobody deletes a correction they have not seen.
        """
        table = STATEMENTS_TABLE
        with self._writing() as conn:
            row = _statement_row(conn, statement_id)
            _refuse_stale(row, expected_version)
            trashed = {key: value for key, value in row._mapping.items() if key != "id"}
            entry = conn.execute(
                sa.insert(TRASH_TABLE).values(**trashed, statement_id=statement_id, deleted_at=_utc_now())
            ).inserted_primary_key[0]
            deleted = conn.execute(
                sa.delete(table).where(table.c.id == statement_id, table.c.row_version == row.row_version)
            ).rowcount
            if deleted != 1:  # changed or deleted by another transaction meanwhile (PostgreSQL)
                _refuse_stale(_statement_row(conn, statement_id), row.row_version)
            _prune_trash(conn)
            _bump_version(conn)
        return int(entry)

    def row_version(self, statement_id: int) -> int:
        """The statement's row version (see update); NotFound if there is none."""
        with self._reading() as conn:
            return int(_statement_row(conn, statement_id).row_version)

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

    def import_statements(self, statements: Iterable[Statement]) -> ImportResult:
        """Add every statement not already stored, all in one transaction (all or nothing).

        `statements` may be a stream (statements_from_lines): it is stored IMPORT_CHUNK_ROWS at a
        time as it arrives, so memory stays flat on any size; an exception while it is read (a
        bad row found further on) undoes the whole import.
        """
        added = total = 0
        with self._writing() as conn:
            for batch in _batches(statements, IMPORT_CHUNK_ROWS):
                result = _insert_new(conn, batch, added_at=_utc_now())
                added += result.added
                total += len(batch)
            if added:
                _bump_version(conn)
        return ImportResult(added=added, skipped_duplicates=total - added)

    def import_csv(
        self, path_or_bytes: str | os.PathLike[str] | bytes, *, source_name: str | None = None
    ) -> ImportResult:
        """Import a whole statements CSV (a path, or uploaded bytes), streamed in batches.

        Any problem in the file raises StatementsError (each bad row and field), and nothing is
        stored: the rows read before it are undone with the transaction. Errors name a path by
        itself, and bytes by `source_name`.
        """
        if isinstance(path_or_bytes, bytes | bytearray):
            name = source_name or "uploaded file"
            return self.import_statements(iter_statements_bytes(bytes(path_or_bytes), source=name))
        return self.import_statements(iter_statements_csv(path_or_bytes))

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


def _refuse_stale(row: sa.Row[Any], expected_version: int | None) -> None:
    """Raise StaleStatement if the stored row is no longer at the version the caller read."""
    if expected_version is not None and int(row.row_version) != expected_version:
        raise StaleStatement(
            f"statement {row.id} was changed by someone else since it was read (now version "
            f"{row.row_version}, read as version {expected_version}); reload it and try again",
            statement_id=int(row.id),
            current=_row_to_statement(row),
            current_version=int(row.row_version),
        )


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
    # Put back is a change too: whoever read it before the delete must read it again.
    values["row_version"] = int(trashed["row_version"]) + 1
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


def _rows_to_frame(rows: list[sa.Row[Any]]) -> pd.DataFrame:
    """Statement rows as the store's DataFrame, with fixed column types even when empty."""
    frame = pd.DataFrame([tuple(row) for row in rows], columns=list(STATEMENT_COLUMNS))
    frame["id"] = frame["id"].astype("int64")
    frame["row_version"] = frame["row_version"].astype("int64")
    frame["date"] = pd.to_datetime(frame["date"])
    frame["added_at"] = pd.to_datetime(frame["added_at"], utc=True)
    return frame


def _row_to_statement(row: sa.Row[Any]) -> Statement:
    """A stored row back as a Statement."""
    return from_stored({name: row._mapping[name] for name in COLUMNS})


def _csv_record(row: sa.Row[Any]) -> list[str]:
    """One stored statement as bundled-format CSV cells (dates as YYYY-MM-DD)."""
    values = row._mapping
    return [values[name].isoformat() if name == "date" else str(values[name] or "") for name in COLUMNS]
