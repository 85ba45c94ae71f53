"""The statement store's repository: statements added, edited, deleted with undo, imported and
exported, each write one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from summit_outlook.csv_files import write_rows
from summit_outlook.model.statements import (
    COLUMNS,
    Statement,
    from_stored,
    iter_statements_bytes,
    iter_statements_csv,
)
from summit_outlook.model.summits import Summit, SummitsError, assign_summits
from summit_outlook.output import OutputError, open_output
from summit_outlook.paths import database_url
from summit_outlook.store.engine import (
    WRITE_OPTION,
    create_engine,
    parsed_url,
    read_only_reason,
    readable_in_unwritable_folder,
    sqlite_path,
)
from summit_outlook.store.errors import (
    DuplicateStatement,
    NotFound,
    StaleStatement,
    StoreError,
    SummitInUse,
    UnknownSummit,
    store_error,
)
from summit_outlook.store.migrations import migrate, needs_migration, schema_version
from summit_outlook.store.schema import (
    IMPORTS_TABLE,
    META_SEEDED,
    META_SEEDED_SAGAS,
    META_TABLE,
    META_VERSION,
    STATEMENT_COLUMNS,
    STATEMENTS_TABLE,
    SUMMITS_TABLE,
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
    # undo_import() takes it; None when nothing was added. Not part of what the import did.
    import_id: int | None = field(default=None, compare=False)

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
        "summit": statement.summit,
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
        self.url = parsed_url(url or database_url())
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

    def frame(self, *, summit: str | None = None) -> pd.DataFrame:
        """All statements (or one summit's), ordered by date then id; dates as datetime64, added_at in UTC."""
        columns = [STATEMENTS_TABLE.c[name] for name in STATEMENT_COLUMNS]
        query = sa.select(*columns).order_by(STATEMENTS_TABLE.c.date, STATEMENTS_TABLE.c.id)
        if summit is not None:
            query = query.where(STATEMENTS_TABLE.c.summit == summit)
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return _rows_to_frame(rows)

    def summits(self) -> list[Summit]:
        """Every summit, in the order they were added."""
        query = sa.select(SUMMITS_TABLE).order_by(SUMMITS_TABLE.c.added_at, SUMMITS_TABLE.c.id)
        with self._reading() as conn:
            return [_row_to_summit(row) for row in conn.execute(query)]

    def summit(self, summit_id: str) -> Summit:
        """The summit with this id; UnknownSummit if there is none."""
        with self._reading() as conn:
            return _row_to_summit(_summit_row(conn, summit_id))

    def imports(self, *, limit: int = 20) -> pd.DataFrame:
        """The latest imports not undone: id, name, added, added_at (newest first)."""
        table = IMPORTS_TABLE
        query = (
            sa.select(table.c.id, table.c.name, table.c.added, table.c.added_at)
            .where(table.c.undone_at.is_(None))
            .order_by(table.c.id.desc())
            .limit(limit)
        )
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return pd.DataFrame([tuple(row) for row in rows], columns=["id", "name", "added", "added_at"])

    def get(self, statement_id: int) -> Statement:
        """The statement with this id; NotFound if there is none."""
        with self._reading() as conn:
            row = _statement_row(conn, statement_id)
        return _row_to_statement(row)

    # --- writing ---

    def seed_if_empty(self, statements: list[Statement]) -> int:
        """Add `statements` the first time only; returns how many were added (0 ever after).

        Statements naming no summit belong to the store's summit when it has only one.
        """
        with self._writing() as conn:
            if _meta_value(conn, META_SEEDED) is not None:
                return 0
            added = 0
            if _count(conn) == 0:
                statements = _assigned(conn, statements, source="the bundled statements")
                added = _insert_new(conn, statements, added_at=_utc_now()).added
            # Marked even when the store already held statements: those are the user's own.
            conn.execute(sa.insert(META_TABLE).values(key=META_SEEDED, value=added))
            _bump_version(conn)
        return added

    def seed_summits(self, summits: list[Summit], statements: list[Statement]) -> int:
        """Add the bundled summits not stored yet, and the statements of those added, once only
        (a store upgraded from one summit gets them too); returns how many statements were added."""
        with self._writing() as conn:
            if _meta_value(conn, META_SEEDED_SAGAS) is not None:
                return 0
            stored = set(conn.execute(sa.select(SUMMITS_TABLE.c.id)).scalars())
            new = [summit for summit in summits if summit.id not in stored]
            now = _utc_now()
            for summit in new:
                conn.execute(sa.insert(SUMMITS_TABLE).values(**_summit_values(summit), added_at=now))
            new_ids = {summit.id for summit in new}
            wanted = [statement for statement in statements if statement.summit in new_ids]
            added = _insert_new(conn, wanted, added_at=now).added
            conn.execute(sa.insert(META_TABLE).values(key=META_SEEDED_SAGAS, value=added))
            _bump_version(conn)
        return added

    # --- summits ---

    def add_summit(self, summit: Summit) -> None:
        """Store a new summit; StoreError if its id is taken."""
        with self._writing() as conn:
            taken = conn.execute(sa.select(SUMMITS_TABLE.c.id).where(SUMMITS_TABLE.c.id == summit.id)).first()
            if taken is not None:
                raise StoreError(f"a summit with id {summit.id!r} already exists; choose another id")
            conn.execute(sa.insert(SUMMITS_TABLE).values(**_summit_values(summit), added_at=_utc_now()))
            _bump_version(conn)

    def update_summit(self, summit: Summit) -> None:
        """Replace the stored summit of the same id (title, question, resolution...)."""
        with self._writing() as conn:
            _summit_row(conn, summit.id)
            conn.execute(
                sa.update(SUMMITS_TABLE)
                .where(SUMMITS_TABLE.c.id == summit.id)
                .values(**_summit_values(summit))
            )
            _bump_version(conn)

    def remove_summit(self, summit_id: str) -> None:
        """Remove a summit that no statement belongs to; SummitInUse otherwise."""
        with self._writing() as conn:
            _summit_row(conn, summit_id)
            used = conn.execute(
                sa.select(sa.func.count())
                .select_from(STATEMENTS_TABLE)
                .where(STATEMENTS_TABLE.c.summit == summit_id)
            ).scalar_one()
            if used:
                raise SummitInUse(f"summit {summit_id!r} has {used} statement(s); delete or move them first")
            conn.execute(sa.delete(SUMMITS_TABLE).where(SUMMITS_TABLE.c.id == summit_id))
            _bump_version(conn)

    # --- statements ---

    def add(self, statement: Statement) -> int:
        """Store one statement and return its id; DuplicateStatement if it is already stored,
        UnknownSummit if the summit it names is not stored (or it names none among several)."""
        with self._writing() as conn:
            statement = _assigned_one(conn, statement)
            values = _statement_values(statement)
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
        DuplicateStatement if the new values clash with another statement. A statement naming no
        summit stays with the summit it belongs to; UnknownSummit if it names one not stored.
        """
        table = STATEMENTS_TABLE
        with self._writing() as conn:
            current = _statement_row(conn, statement_id)
            _refuse_stale(current, expected_version)
            if not statement.summit:
                statement = statement.model_copy(update={"summit": current.summit})
            statement = _assigned_one(conn, statement)
            values = _statement_values(statement)
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
        expected = None if expected_version is None else {statement_id: expected_version}
        return self.delete_many([statement_id], expected_versions=expected)

    def delete_many(
        self, statement_ids: Iterable[int], *, expected_versions: Mapping[int, int] | None = None
    ) -> int:
        """Delete several statements in one step (all, or none if one is gone: NotFound, or
        changed since the version given for it: StaleStatement); returns the trash entry of the
        batch, which restore_deleted() puts back as one step."""
        ids = list(dict.fromkeys(int(statement_id) for statement_id in statement_ids))
        if not ids:
            raise NotFound("no statements to delete")
        with self._writing() as conn:
            rows = [_statement_row(conn, statement_id) for statement_id in ids]
            for row in rows:
                _refuse_stale(row, (expected_versions or {}).get(int(row.id)))
            entry = _trash_rows(conn, rows)
            _bump_version(conn)
        return entry

    def undo_import(self, import_id: int) -> tuple[int | None, int]:
        """Delete what one import added (those of its statements still stored) in one step.

        Returns the trash entry of the batch (restore_deleted() brings the import back) and how
        many statements were removed; StoreError if that import is unknown or undone already.
        """
        with self._writing() as conn:
            record = conn.execute(sa.select(IMPORTS_TABLE).where(IMPORTS_TABLE.c.id == import_id)).first()
            if record is None or record.undone_at is not None:
                raise NotFound(f"no import {import_id} to undo; it may have been undone already")
            rows = conn.execute(
                sa.select(STATEMENTS_TABLE).where(STATEMENTS_TABLE.c.import_id == import_id)
            ).all()
            entry = _trash_rows(conn, rows) if rows else None
            conn.execute(
                sa.update(IMPORTS_TABLE).where(IMPORTS_TABLE.c.id == import_id).values(undone_at=_utc_now())
            )
            _bump_version(conn)
        return entry, len(rows)

    def row_version(self, statement_id: int) -> int:
        """The statement's row version (see update); NotFound if there is none."""
        with self._reading() as conn:
            return int(_statement_row(conn, statement_id).row_version)

    def undo_last_delete(self) -> int | None:
        """Restore the most recent delete (a whole batch) under the old ids; None if none is left.

        If a statement has been added again since, its trash entry is dropped and the id of the
        statement now stored stands for it. Returns the id of the batch's first statement.
        """
        newest = sa.select(TRASH_TABLE).order_by(TRASH_TABLE.c.trash_id.desc()).limit(1)
        return self._restore_trashed(newest)

    def restore_deleted(self, entry: int) -> int | None:
        """Restore the statements of one trash entry (from delete(), delete_many() or
        undo_import()), as undo_last_delete() does; None when that entry is gone: restored
        already, or older than the trash keeps.

        Each editor undoes their own deletes, whatever others have deleted since.
        """
        return self._restore_trashed(sa.select(TRASH_TABLE).where(TRASH_TABLE.c.trash_id == entry))

    def restored_ids(self, entry: int) -> list[int]:
        """The statement ids a trash batch holds (empty once restored or forgotten)."""
        with self._reading() as conn:
            return [int(row.statement_id) for row in _batch_rows(conn, entry)]

    def _restore_trashed(self, query: sa.Select[Any]) -> int | None:
        with self._writing() as conn:
            first = conn.execute(query).first()
            if first is None:
                return None
            batch = first.batch if first.batch is not None else first.trash_id
            restored = [_restore(conn, trashed._mapping) for trashed in _batch_rows(conn, batch)]
            conn.execute(
                sa.delete(TRASH_TABLE).where(
                    sa.or_(TRASH_TABLE.c.batch == batch, TRASH_TABLE.c.trash_id == batch)
                )
            )
            _bump_version(conn)
        return restored[0] if restored else None

    def import_statements(
        self,
        statements: Iterable[Statement],
        *,
        summit: str | None = None,
        name: str = "import",
        source: str = "the statements",
    ) -> ImportResult:
        """Add every statement not already stored, all in one transaction (all or nothing).

        `statements` may be a stream (statements_from_lines): it is stored IMPORT_CHUNK_ROWS at a
        time as it arrives, so memory stays flat on any size; an exception while it is read (a
        bad row found further on) undoes the whole import. Statements naming no summit get
        `summit` (or the store's only summit); a missing or unknown summit raises StatementsError
        naming the row, and nothing is stored. The added statements form one import, which
        undo_import() takes back as one step.
        """
        added = total = 0
        with self._writing() as conn:
            known = _known_summits(conn)
            default = summit if summit is not None else (known[0] if len(known) == 1 else None)
            now = _utc_now()
            import_id = conn.execute(
                sa.insert(IMPORTS_TABLE)
                .values(name=name, added=0, added_at=now)
                .returning(IMPORTS_TABLE.c.id)
            ).scalar_one()
            for batch in _batches(statements, IMPORT_CHUNK_ROWS):
                batch = assign_summits(batch, known, source=source, default=default, first_row=total + 1)
                result = _insert_new(conn, batch, added_at=now, import_id=import_id)
                added += result.added
                total += len(batch)
            if added:
                conn.execute(
                    sa.update(IMPORTS_TABLE).where(IMPORTS_TABLE.c.id == import_id).values(added=added)
                )
                _bump_version(conn)
            else:
                conn.execute(sa.delete(IMPORTS_TABLE).where(IMPORTS_TABLE.c.id == import_id))
        return ImportResult(added, total - added, import_id=int(import_id) if added else None)

    def import_csv(
        self,
        path_or_bytes: str | os.PathLike[str] | bytes,
        *,
        source_name: str | None = None,
        summit: str | None = None,
    ) -> ImportResult:
        """Import a whole statements CSV (a path, or uploaded bytes), streamed in batches.

        Any problem in the file raises StatementsError (each bad row and field, an unknown
        summit included), and nothing is stored: the rows read before it are undone with the
        transaction. Errors name a path by itself, and bytes by `source_name`. Rows with an empty
        summit cell belong to `summit`.
        """
        if isinstance(path_or_bytes, bytes | bytearray):
            name = source_name or "uploaded file"
            statements = iter_statements_bytes(bytes(path_or_bytes), source=name)
        else:
            name = str(path_or_bytes)
            statements = iter_statements_csv(path_or_bytes)
        return self.import_statements(statements, summit=summit, name=Path(name).name, source=name)

    # --- export ---

    def export_csv(self, path: str | os.PathLike[str], *, summit: str | None = None) -> int:
        """Write all statements (or one summit's) as a bundled-format CSV (spreadsheet-safe),
        atomically over a regular file (summit_outlook.output): a failure leaves any previous
        file as it was. Returns how many statements were written."""
        columns = [STATEMENTS_TABLE.c[name] for name in COLUMNS]
        query = sa.select(*columns).order_by(STATEMENTS_TABLE.c.date, STATEMENTS_TABLE.c.id)
        if summit is not None:
            query = query.where(STATEMENTS_TABLE.c.summit == summit)
        with self._reading() as conn:
            if summit is not None:
                _summit_row(conn, summit)
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


def _insert_new(
    conn: Connection,
    statements: Iterable[Statement],
    *,
    added_at: dt.datetime,
    import_id: int | None = None,
) -> ImportResult:
    """Insert the statements not yet stored (nor repeated earlier in the batch)."""
    rows: dict[str, dict[str, Any]] = {}
    total = 0
    for statement in statements:
        total += 1
        values = _statement_values(statement)
        rows.setdefault(values["fingerprint"], {**values, "added_at": added_at, "import_id": import_id})
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


def _trash_rows(conn: Connection, rows: list[sa.Row[Any]]) -> int:
    """Move statement rows to the trash as one batch; returns the batch's entry."""
    now = _utc_now()
    entry: int | None = None
    for row in rows:
        trashed = {key: value for key, value in row._mapping.items() if key != "id"}
        inserted = conn.execute(
            sa.insert(TRASH_TABLE).values(**trashed, statement_id=row.id, deleted_at=now, batch=entry)
        ).inserted_primary_key[0]
        if entry is None:
            entry = int(inserted)
            conn.execute(sa.update(TRASH_TABLE).where(TRASH_TABLE.c.trash_id == entry).values(batch=entry))
    table = STATEMENTS_TABLE
    for row in rows:
        # The version in the WHERE clause: on PostgreSQL another transaction may have changed
        # or deleted the row since it was read; then it is refused, and the whole batch with it.
        deleted = conn.execute(
            sa.delete(table).where(table.c.id == row.id, table.c.row_version == row.row_version)
        ).rowcount
        if deleted != 1:
            _refuse_stale(_statement_row(conn, row.id), row.row_version)
    _prune_trash(conn)
    assert entry is not None
    return entry


def _batch_rows(conn: Connection, batch: int) -> list[sa.Row[Any]]:
    """The trash entries of one batch (a trash entry from before batches is its own batch)."""
    query = (
        sa.select(TRASH_TABLE)
        .where(sa.or_(TRASH_TABLE.c.batch == batch, TRASH_TABLE.c.trash_id == batch))
        .order_by(TRASH_TABLE.c.trash_id)
    )
    return conn.execute(query).all()


def _prune_trash(conn: Connection) -> None:
    """Forget all but the TRASH_LIMIT most recent deletes (a batch is one delete)."""
    batch = sa.func.coalesce(TRASH_TABLE.c.batch, TRASH_TABLE.c.trash_id)
    cutoff = conn.execute(
        sa.select(batch).distinct().order_by(batch.desc()).offset(TRASH_LIMIT - 1).limit(1)
    ).scalar()
    if cutoff is not None:
        conn.execute(sa.delete(TRASH_TABLE).where(batch < cutoff))


def _known_summits(conn: Connection) -> list[str]:
    return list(conn.execute(sa.select(SUMMITS_TABLE.c.id)).scalars())


def _assigned(
    conn: Connection, statements: Iterable[Statement], *, source: str, default: str | None = None
) -> list[Statement]:
    """The statements with known summits (StatementsError naming each bad row otherwise); those
    naming none belong to `default`, or to the store's only summit when it has one."""
    known = _known_summits(conn)
    if default is None and len(known) == 1:
        default = known[0]
    return assign_summits(list(statements), known, source=source, default=default)


def _assigned_one(conn: Connection, statement: Statement) -> Statement:
    """One statement with a known summit; UnknownSummit otherwise."""
    known = _known_summits(conn)
    summit = statement.summit or (known[0] if len(known) == 1 else "")
    if not summit:
        raise UnknownSummit("name the summit this statement is about; the store holds several")
    if summit not in known:
        raise UnknownSummit(f"unknown summit {summit!r}; it may have been removed")
    return statement if summit == statement.summit else statement.model_copy(update={"summit": summit})


def _summit_row(conn: Connection, summit_id: str) -> sa.Row[Any]:
    row = conn.execute(sa.select(SUMMITS_TABLE).where(SUMMITS_TABLE.c.id == summit_id)).first()
    if row is None:
        raise UnknownSummit(f"no summit with id {summit_id!r}; `summit-outlook summits` lists them")
    return row


def _summit_values(summit: Summit) -> dict[str, Any]:
    values = summit.model_dump(mode="python")
    values["principals"] = json.dumps(list(summit.principals), ensure_ascii=False)
    values["resolution"] = summit.resolution.value
    return values


def _row_to_summit(row: sa.Row[Any]) -> Summit:
    values = dict(row._mapping)
    values.pop("added_at", None)
    try:
        values["principals"] = tuple(json.loads(values["principals"] or "[]"))
        return Summit.model_validate(values)
    except (ValueError, SummitsError) as error:
        raise StoreError(
            f"summit {values.get('id')!r} is stored in a shape this program cannot read ({error})"
        ) from None


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
