"""Row versions (issue 15, item 3): a save or delete made from an older reading of a statement is
refused with what the statement is now, on SQLite and on PostgreSQL; migration 2 gives the rows
of an existing store their first version."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from summit_outlook.model.statements import Statement
from summit_outlook.model.summits import BUNDLED_SUMMIT_ID
from summit_outlook.store import StaleStatement, Store, fingerprint, migrations
from tests.postgres_support import new_database, require_postgres, running_postgres

# The PostgreSQL server is shared by the module, in one xdist worker.
pytestmark = pytest.mark.xdist_group("postgres")

# In the bundled summit, the only one a new store holds (stored statements always name theirs).
READY = Statement.model_validate(
    {"date": "2025-11-09", "speaker": "Sergei Lavrov", "text": "We are ready.", "summit": BUNDLED_SUMMIT_ID}
)
CORRECTED = READY.model_copy(update={"text": "We are not ready."})
NOTED = READY.model_copy(update={"note": "said in Minsk"})


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[str]:
    with running_postgres(require_postgres()) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        with Store(f"sqlite:///{tmp_path / 'statements.db'}") as opened:
            yield opened
        return
    with new_database(request.getfixturevalue("postgres_server")) as url, Store(url) as opened:
        yield opened


def test_a_new_statement_is_at_version_1_and_each_change_advances_it(store: Store) -> None:
    statement_id = store.add(READY)
    assert store.row_version(statement_id) == 1
    assert store.update(statement_id, CORRECTED, expected_version=1) == 2
    assert store.row_version(statement_id) == 2
    assert list(store.frame()["row_version"]) == [2]


def test_a_save_from_an_older_reading_is_refused_and_says_what_it_is_now(store: Store) -> None:
    """The lost update of the issue: A saves new text, then B, who read the statement before
    that, saves a note. B's save is refused; A's text stays."""
    statement_id = store.add(READY)
    read_by_a = read_by_b = store.row_version(statement_id)
    store.update(statement_id, CORRECTED, expected_version=read_by_a)
    version = store.version()

    with pytest.raises(StaleStatement) as refused:
        store.update(statement_id, NOTED, expected_version=read_by_b)
    assert refused.value.current == CORRECTED
    assert refused.value.current_version == 2
    assert str(refused.value) == (
        f"statement {statement_id} was changed by someone else since it was read (now version 2, "
        "read as version 1); reload it and try again"
    )
    assert store.get(statement_id) == CORRECTED
    assert store.version() == version  # nothing was written

    # Read again, B's note goes in on top of A's text.
    again = store.row_version(statement_id)
    store.update(statement_id, CORRECTED.model_copy(update={"note": "said in Minsk"}), expected_version=again)
    assert (store.get(statement_id).text, store.get(statement_id).note) == (
        "We are not ready.",
        "said in Minsk",
    )


def test_a_delete_from_an_older_reading_is_refused(store: Store) -> None:
    statement_id = store.add(READY)
    store.update(statement_id, CORRECTED, expected_version=1)
    with pytest.raises(StaleStatement):
        store.delete(statement_id, expected_version=1)
    assert store.get(statement_id) == CORRECTED
    store.delete(statement_id, expected_version=2)
    assert store.count() == 0


def test_an_undone_delete_is_a_new_version(store: Store) -> None:
    statement_id = store.add(READY)
    entry = store.delete(statement_id, expected_version=1)
    assert store.restore_deleted(entry) == statement_id
    assert store.row_version(statement_id) == 2
    with pytest.raises(StaleStatement):
        store.update(statement_id, CORRECTED, expected_version=1)


def test_without_an_expected_version_a_save_replaces_whatever_is_stored(store: Store) -> None:
    """The command line and imports have no reading to be stale against."""
    statement_id = store.add(READY)
    store.update(statement_id, CORRECTED)
    store.update(statement_id, NOTED)
    assert store.get(statement_id) == NOTED
    assert store.row_version(statement_id) == 3


def test_two_editors_saving_at_once_from_the_same_reading_one_wins(store: Store) -> None:
    statement_id = store.add(READY)
    version = store.row_version(statement_id)
    start = threading.Barrier(8)
    outcomes: list[str] = []

    def save(number: int) -> None:
        start.wait()
        try:
            store.update(
                statement_id, READY.model_copy(update={"note": f"editor {number}"}), expected_version=version
            )
            outcomes.append(f"saved {number}")
        except StaleStatement:
            outcomes.append("refused")

    threads = [threading.Thread(target=save, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = [outcome for outcome in outcomes if outcome.startswith("saved")]
    assert len(saved) == 1 and outcomes.count("refused") == 7
    assert store.get(statement_id).note == f"editor {saved[0].split()[1]}"
    assert store.row_version(statement_id) == version + 1


def test_migration_2_gives_the_rows_of_a_version_1_store_their_first_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "statements.db"
    # A database as version 1 wrote it (its tables are frozen in the migrations; today's code
    # cannot run against them, so the rows go in as version 1 stored them).
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrations.SCHEMA_VERSION_TABLE.create(conn)
        migrations._migration_1_create_tables(conn)
        conn.execute(sa.insert(migrations.SCHEMA_VERSION_TABLE).values(version=1))
        statements = migrations._V1.tables["statements"]
        for day in (READY.date, dt.date(2025, 11, 10)):
            stored = READY.model_copy(update={"date": day})
            values = {
                name: getattr(stored, name) for name in ("date", "speaker", "side", "text", "source", "note")
            }
            conn.execute(
                sa.insert(statements).values(
                    **values,
                    role=stored.role.value,
                    kind=stored.kind.value,
                    added_at=dt.datetime(2025, 11, 20),
                    fingerprint=fingerprint(stored),
                )
            )
    engine.dispose()
    kept, deleted = 1, 2
    # Deleted as version 1 did it: the row moved to the trash.
    fields = "date, speaker, role, side, text, source, kind, note, added_at, fingerprint"
    with sqlite3.connect(path) as conn:
        assert "row_version" not in {row[1] for row in conn.execute("PRAGMA table_info(statements)")}
        conn.execute(
            f"INSERT INTO trash (statement_id, {fields}, deleted_at) "
            f"SELECT id, {fields}, added_at FROM statements WHERE id = ?",
            (deleted,),
        )
        conn.execute("DELETE FROM statements WHERE id = ?", (deleted,))
        (entry,) = conn.execute("SELECT trash_id FROM trash").fetchone()

    with Store(f"sqlite:///{path}") as upgraded:
        assert upgraded.schema_version() == migrations.SCHEMA_VERSION
        assert upgraded.row_version(kept) == 1
        assert upgraded.get(kept) == READY
        assert upgraded.restore_deleted(entry) == deleted
        assert upgraded.row_version(deleted) == 2
        upgraded.update(kept, CORRECTED, expected_version=1)
