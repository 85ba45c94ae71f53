"""Schema migrations: numbered, applied in order, one migrator at a time."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from summit_outlook.store.errors import StoreError
from summit_outlook.store.schema import (
    META_TABLE,
    META_VERSION,
    METADATA,
    SCHEMA_VERSION_TABLE,
    STATEMENTS_TABLE,
    TRASH_TABLE,
)

# PostgreSQL advisory lock that serialises schema migrations (any fixed number; this one spells
# "SUMMIT" in ASCII).
MIGRATION_LOCK_KEY = 0x53554D4D4954


def _migration_1_create_tables(conn: Connection) -> None:
    """Version 1: statements, the trash for undo, and the meta table (seeded marker, version)."""
    METADATA.create_all(conn, tables=[META_TABLE, STATEMENTS_TABLE, TRASH_TABLE])
    conn.execute(sa.insert(META_TABLE).values(key=META_VERSION, value=0))


# Applied in order; the schema version is how many have run. Append, never edit or reorder.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_migration_1_create_tables,)
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
