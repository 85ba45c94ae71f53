"""The statement store's tables as they are now (the migrations create them)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from summit_outlook.model.statements import COLUMNS, MAX_SIDE_CHARS, MAX_SPEAKER_CHARS
from summit_outlook.model.summits import (
    MAX_QUESTION_CHARS,
    MAX_SUMMIT_ID_CHARS,
    MAX_TITLE_CHARS,
)

# Keys of the `meta` table.
META_SEEDED = "seeded"  # the bundled article's statements were seeded (schema 1 on)
META_SEEDED_SAGAS = "seeded_sagas"  # the bundled summits and their sagas were seeded (schema 2 on)
META_VERSION = "version"

STATEMENT_COLUMNS: tuple[str, ...] = ("id", *COLUMNS, "import_id", "added_at", "row_version")

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
        sa.Column("summit", sa.String(MAX_SUMMIT_ID_CHARS), nullable=False),
        # The import that added it (undone as one step), or None when added one at a time.
        sa.Column("import_id", sa.Integer, nullable=True),
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
    sa.Index("ix_statements_summit", "summit"),
    sa.Index("ix_statements_import", "import_id"),
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
    # Statements deleted in one action (several selected, an import undone) share a batch: the
    # trash id of the batch's first entry. Undo restores a whole batch.
    sa.Column("batch", sa.Integer, nullable=True),
    sqlite_autoincrement=True,
)

SUMMITS_TABLE = sa.Table(
    "summits",
    METADATA,
    sa.Column("id", sa.String(MAX_SUMMIT_ID_CHARS), primary_key=True),
    sa.Column("title", sa.String(MAX_TITLE_CHARS), nullable=False),
    # JSON list of names.
    sa.Column("principals", sa.Text, nullable=False),
    sa.Column("question", sa.String(MAX_QUESTION_CHARS), nullable=False),
    sa.Column("deadline", sa.Date, nullable=True),
    sa.Column("resolution", sa.String(16), nullable=False),
    sa.Column("resolved_on", sa.Date, nullable=True),
    sa.Column("resolution_source", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=False), nullable=False),
)

IMPORTS_TABLE = sa.Table(
    "imports",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # The file's name, or what else the statements came from ("the kept rows of an article").
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("added", sa.Integer, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=False), nullable=False),
    sa.Column("undone_at", sa.DateTime(timezone=False), nullable=True),
    sqlite_autoincrement=True,
)
