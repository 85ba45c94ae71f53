"""Schema migrations: numbered, applied in order, one migrator at a time."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from summit_outlook.model.statements import MAX_SIDE_CHARS, MAX_SPEAKER_CHARS
from summit_outlook.model.summits import BUNDLED_SUMMIT_ID, MAX_SUMMIT_ID_CHARS
from summit_outlook.store.errors import StoreError
from summit_outlook.store.schema import (
    IMPORTS_TABLE,
    META_TABLE,
    META_VERSION,
    SCHEMA_VERSION_TABLE,
    SUMMITS_TABLE,
)

# PostgreSQL advisory lock that serialises schema migrations (any fixed number; this one spells
# "SUMMIT" in ASCII).
MIGRATION_LOCK_KEY = 0x53554D4D4954


# --- version 1: the tables as they were then (frozen: later versions alter them) ---------------

_V1 = sa.MetaData()


def _v1_statement_columns() -> list[sa.Column]:
    return [
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("speaker", sa.String(MAX_SPEAKER_CHARS), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("side", sa.String(MAX_SIDE_CHARS), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=False), nullable=False),
    ]


_V1_META = sa.Table(
    "meta",
    _V1,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)
_V1_STATEMENTS = sa.Table(
    "statements",
    _V1,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_v1_statement_columns(),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.UniqueConstraint("fingerprint", name="uq_statements_fingerprint"),
    sa.Index("ix_statements_date", "date"),
    sqlite_autoincrement=True,
)
_V1_TRASH = sa.Table(
    "trash",
    _V1,
    sa.Column("trash_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("statement_id", sa.Integer, nullable=False),
    *_v1_statement_columns(),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=False), nullable=False),
    sqlite_autoincrement=True,
)


def _migration_1_create_tables(conn: Connection) -> None:
    """Version 1: statements, the trash for undo, and the meta table (seeded marker, version)."""
    _V1.create_all(conn)
    conn.execute(sa.insert(META_TABLE).values(key=META_VERSION, value=0))


# --- version 2: row versions -----------------------------------------------------------------------


def _migration_2_row_versions(conn: Connection) -> None:
    """Version 2: a version per statement, advanced by every change to it, so that a save made
    from an older reading of it is refused instead of overwriting what changed since (the trash
    keeps it, so an undone delete carries on from it). Existing rows start at 1."""
    for table in ("statements", "trash"):
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1")


# --- version 3: summits ---------------------------------------------------------------------------

# The summit every statement of a version-1 or -2 store is about: the bundled article's. Written out
# here, not read from data/summits.json, so this migration does the same whatever that file says.
_V3_BUNDLED_SUMMIT = {
    "id": BUNDLED_SUMMIT_ID,
    "title": "Trump-Putin summit",
    "principals": json.dumps(["Donald Trump", "Vladimir Putin"]),
    "question": "Will Trump and Putin meet in person again, after their Alaska summit, before 31 Dec 2025?",
    "deadline": dt.date(2025, 12, 31),
    "resolution": "open",
    "resolved_on": None,
    "resolution_source": "",
    "note": (
        "The bundled article's summit (data/sources/trump-putin-summit-2025-11.txt): the Budapest "
        "meeting announced on 13 Oct 2025 and cancelled on 21 Oct. Left open: the bundled data ends "
        "on 17 Nov 2025 and holds no source on what followed."
    ),
}


def _migration_3_summits(conn: Connection) -> None:
    """Version 3: the summits table (with the bundled one), a summit per statement (existing rows
    belong to the bundled summit), imports that can be undone, and trash batches."""
    # Created from the current definitions: when a later migration alters these two tables,
    # freeze their version-3 shape here first, as version 1's are above.
    SUMMITS_TABLE.create(conn)
    IMPORTS_TABLE.create(conn)
    conn.execute(sa.insert(SUMMITS_TABLE).values(**_V3_BUNDLED_SUMMIT, added_at=_utc_now()))
    summit = f"VARCHAR({MAX_SUMMIT_ID_CHARS}) NOT NULL DEFAULT '{BUNDLED_SUMMIT_ID}'"
    for table in ("statements", "trash"):
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN summit {summit}")
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN import_id INTEGER")
    conn.exec_driver_sql("ALTER TABLE trash ADD COLUMN batch INTEGER")
    conn.exec_driver_sql("CREATE INDEX ix_statements_summit ON statements (summit)")
    conn.exec_driver_sql("CREATE INDEX ix_statements_import ON statements (import_id)")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# Applied in order; the schema version is how many have run. Append, never edit or reorder.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _migration_1_create_tables,
    _migration_2_row_versions,
    _migration_3_summits,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
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


def needs_migration(conn: Connection, location: str) -> bool:
    """Whether the schema is older than SCHEMA_VERSION; StoreError if it is newer."""
    current = schema_version(conn)
    _check_not_newer(current, location)
    return current != SCHEMA_VERSION


def migrate(conn: Connection, location: str) -> None:
    """Bring the schema up to SCHEMA_VERSION, inside the caller's write transaction."""
    if conn.dialect.name == "postgresql":
        # SQLite's write transaction locks the file; PostgreSQL's takes no lock before
        # the first write, so two processes opening a new database at once both created
        # the tables ("duplicate key value violates unique constraint", found by the
        # PostgreSQL tests). One migrator at a time, until this transaction ends.
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
    # Read again under the write lock: another process may have migrated meanwhile.
    SCHEMA_VERSION_TABLE.create(conn, checkfirst=True)
    current = schema_version(conn)
    _check_not_newer(current, location)
    for migration in MIGRATIONS[current:]:
        migration(conn)
    _set_schema_version(conn, SCHEMA_VERSION)
