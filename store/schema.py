"""The statement store's tables as they are now (the migrations create them)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from summit_outlook.model.statements import COLUMNS, MAX_SIDE_CHARS, MAX_SPEAKER_CHARS

# Keys of the `meta` table.
META_SEEDED = "seeded"
META_VERSION = "version"

STATEMENT_COLUMNS: tuple[str, ...] = ("id", *COLUMNS, "added_at", "row_version")

# The current shape of each table, used by queries. Each migration creates or alters tables with
# its own frozen definitions (store/migrations.py), which end up as these.

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


def statement_columns() -> list[sa.Column[Any]]:
    """Columns shared by `statements` and `trash`: one statement's fields."""
    return [
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("speaker", sa.String(MAX_SPEAKER_CHARS), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("side", sa.String(MAX_SIDE_CHARS), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        # UTC, stored without a zone so SQLite and PostgreSQL keep the same value.
        sa.Column("added_at", sa.DateTime(timezone=False), nullable=False),
        # Advanced by every change to the statement (migration 2): a save or delete made from an
        # older version is refused (optimistic concurrency), so no change is lost unseen.
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    ]


STATEMENTS_TABLE = sa.Table(
    "statements",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *statement_columns(),
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
    *statement_columns(),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=False), nullable=False),
    sqlite_autoincrement=True,
)
