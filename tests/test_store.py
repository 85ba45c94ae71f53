"""The statement store: schema and migrations, edits with undo, imports, concurrency, crashes."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from summit_outlook import output as output_module
from summit_outlook.model.statements import COLUMNS, Statement, StatementsError, read_statements_csv
from summit_outlook.model.summits import BUNDLED_SUMMIT_ID
from summit_outlook.paths import DB_URL_VARIABLE
from summit_outlook.store import (
    DuplicateStatement,
    ImportResult,
    NotFound,
    Store,
    StoreError,
    default_url,
    engine,
    fingerprint,
    migrations,
    repository,
)

# Child processes start fresh ("spawn"): nothing inherited from pytest's process, like a
# second program opening the same file.
SPAWN = multiprocessing.get_context("spawn")
CHILD_TIMEOUT_S = 60


# --- helpers ----------------------------------------------------------------------------------


def _statement(number: int, *, tag: str = "a", **fields: object) -> Statement:
    """A distinct, valid statement for `number` within the group `tag`."""
    values: dict[str, object] = {
        "date": dt.date(2024, 1, 1) + dt.timedelta(days=number % 365),
        "speaker": f"Envoy {tag}-{number}",
        "text": f"We are ready to meet at the summit ({tag} {number}).",
        # A new store holds the bundled summit only (schema version 2 creates it).
        "summit": BUNDLED_SUMMIT_ID,
    }
    values.update(fields)
    return Statement.model_validate(values)


def _statements(count: int, *, tag: str = "a", first: int = 0) -> list[Statement]:
    """`count` distinct statements."""
    return [_statement(number, tag=tag) for number in range(first, first + count)]


def _url(path: Path) -> str:
    """A SQLite URL for a file."""
    return f"sqlite:///{path}"


def _stored_statements(store: Store) -> list[Statement]:
    """The store's contents as Statements, in store order."""
    frame = store.frame()
    records = frame[list(COLUMNS)].to_dict("records")
    return [Statement.model_validate({**row, "date": row["date"].date()}) for row in records]


def _make_read_only(path: Path, request: pytest.FixtureRequest, *, mode: int = 0o444) -> None:
    """Make a file or folder unwritable, also for root (which ignores permission bits)."""
    path.chmod(mode)
    request.addfinalizer(lambda: path.chmod(0o755))
    if os.geteuid() != 0:
        return
    # Root writes through permission bits; the immutable attribute stops root as well.
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("running as root and cannot set the immutable attribute (chattr +i)")
    request.addfinalizer(
        lambda: subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where each test's database file lives (never the default location)."""
    return tmp_path / "data" / "statements.db"


@pytest.fixture
def database_url(db_path: Path) -> str:
    """Each test's own new database: a SQLite file here, a PostgreSQL database in
    tests/test_store_postgres.py, which runs the tests that take this fixture (or `store`) again."""
    return _url(db_path)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A fresh store on a new database."""
    with Store(database_url) as opened:
        yield opened


# --- location and schema ----------------------------------------------------------------------


def test_default_url_is_a_sqlite_file_in_the_users_data_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(DB_URL_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert default_url() == f"sqlite:///{tmp_path / 'share' / 'summit-outlook' / 'statements.db'}"


def test_default_url_comes_from_the_environment(monkeypatch, db_path: Path) -> None:
    monkeypatch.setenv(DB_URL_VARIABLE, _url(db_path))
    assert default_url() == _url(db_path)
    with Store.open_default() as opened:
        assert opened.path == db_path
        assert db_path.exists()


def test_a_new_file_and_its_folder_are_created_at_the_current_schema_version(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with Store(_url(db_path)) as opened:
        assert opened.schema_version() == migrations.SCHEMA_VERSION
        assert opened.count() == 0
        assert opened.version() == 0
        tables = set(sa.inspect(opened._engine).get_table_names())
    assert {"schema_version", "meta", "statements", "trash"} <= tables


def test_an_existing_empty_file_is_migrated(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    with Store(_url(db_path)) as opened:
        assert opened.schema_version() == migrations.SCHEMA_VERSION
        assert opened.add(_statement(1)) == 1


def test_reopening_keeps_statements_and_does_not_migrate_again(database_url: str) -> None:
    with Store(database_url) as first:
        first.add(_statement(1))
    with Store(database_url) as second:
        assert second.count() == 1
        assert second.schema_version() == migrations.SCHEMA_VERSION
        assert second.version() == 1


def test_a_later_migration_runs_once_on_an_older_file(db_path: Path, monkeypatch) -> None:
    with Store(_url(db_path)) as first:
        first.add(_statement(1))
    calls: list[int] = []

    def add_language_column(conn: sa.Connection) -> None:
        calls.append(1)
        conn.exec_driver_sql("ALTER TABLE statements ADD COLUMN language VARCHAR(8)")

    newer = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, add_language_column))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", newer)
    for _ in range(2):
        with Store(_url(db_path)) as upgraded:
            assert upgraded.schema_version() == newer
            assert upgraded.count() == 1
    assert calls == [1]
    columns = {row[1] for row in sqlite3.connect(db_path).execute("PRAGMA table_info(statements)")}
    assert "language" in columns


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    Store(_url(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    current = migrations.SCHEMA_VERSION
    with pytest.raises(StoreError, match=rf"schema version 99, newer than this program's {current}"):
        Store(_url(db_path))


def test_sqlite_uses_wal_foreign_keys_and_a_busy_timeout(store: Store) -> None:
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == engine.BUSY_TIMEOUT_MS


def test_fingerprints_are_unique_in_the_database_itself(store: Store, db_path: Path) -> None:
    store.add(_statement(1))
    with sqlite3.connect(db_path) as conn, pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute(
            "INSERT INTO statements (date, speaker, role, side, text, source, kind, note,"
            " added_at, fingerprint) SELECT date, speaker, role, side, text, source, kind,"
            " note, added_at, fingerprint FROM statements"
        )


# --- seeding ----------------------------------------------------------------------------------


def test_seeding_happens_once_even_after_everything_is_deleted(store: Store) -> None:
    assert store.seed_if_empty(_statements(3)) == 3
    assert store.seed_if_empty(_statements(3)) == 0
    for statement_id in store.frame()["id"]:
        store.delete(int(statement_id))
    assert store.count() == 0
    assert store.seed_if_empty(_statements(3)) == 0
    assert store.count() == 0


def test_seeding_a_store_that_already_has_statements_adds_nothing(store: Store) -> None:
    store.add(_statement(1, tag="mine"))
    assert store.seed_if_empty(_statements(3)) == 0
    assert store.count() == 1


# --- add, update, delete, undo ----------------------------------------------------------------


def test_add_update_delete_undo_round_trip(store: Store) -> None:
    first = store.add(_statement(1, role="minister", side="north", source="https://x.example"))
    second = store.add(_statement(2))
    assert store.get(first) == _statement(1, role="minister", side="north", source="https://x.example")

    edited = _statement(1, text="We are no longer ready to meet.", kind="paraphrase")
    store.update(first, edited)
    assert store.get(first) == edited
    added_at = store.frame().set_index("id").loc[first, "added_at"]

    store.delete(first)
    assert store.count() == 1
    with pytest.raises(NotFound):
        store.get(first)

    assert store.undo_last_delete() == first
    assert store.get(first) == edited
    assert store.frame().set_index("id").loc[first, "added_at"] == added_at
    assert store.undo_last_delete() is None
    assert sorted(store.frame()["id"]) == [first, second]


def test_undo_restores_deletions_newest_first(store: Store) -> None:
    ids = [store.add(statement) for statement in _statements(3)]
    for statement_id in ids:
        store.delete(statement_id)
    assert [store.undo_last_delete() for _ in range(4)] == [ids[2], ids[1], ids[0], None]


def test_restore_deleted_puts_back_that_delete_whatever_came_after(store: Store) -> None:
    ids = [store.add(statement) for statement in _statements(3)]
    entries = [store.delete(statement_id) for statement_id in ids]
    assert store.restore_deleted(entries[0]) == ids[0]
    assert store.restore_deleted(entries[0]) is None  # once only
    assert ids[0] in set(store.frame()["id"]) and not {ids[1], ids[2]} & set(store.frame()["id"])
    assert store.undo_last_delete() == ids[2]  # the newest of those left
    assert store.restore_deleted(10_000) is None


def test_undo_works_from_another_store_on_the_same_file(store: Store, db_path: Path) -> None:
    statement_id = store.add(_statement(1))
    store.delete(statement_id)
    with Store(_url(db_path)) as other_session:
        assert other_session.undo_last_delete() == statement_id
    assert store.get(statement_id) == _statement(1)


def test_a_new_statement_never_takes_a_deleted_id(store: Store) -> None:
    deleted = store.add(_statement(1))
    store.delete(deleted)
    newer = store.add(_statement(2))
    assert newer != deleted
    assert store.undo_last_delete() == deleted
    assert store.count() == 2


def test_undo_after_the_statement_was_added_again_keeps_one_copy(store: Store) -> None:
    deleted = store.add(_statement(1))
    store.delete(deleted)
    again = store.add(_statement(1))
    assert store.undo_last_delete() == again
    assert store.count() == 1
    assert store.undo_last_delete() is None


def test_the_trash_keeps_only_the_latest_deletions(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(repository, "TRASH_LIMIT", 2)
    ids = [store.add(statement) for statement in _statements(4)]
    for statement_id in ids:
        store.delete(statement_id)
    assert [store.undo_last_delete() for _ in range(3)] == [ids[3], ids[2], None]


@pytest.mark.parametrize("operation", ["get", "update", "delete"])
def test_missing_ids_raise_not_found(store: Store, operation: str) -> None:
    calls = {
        "get": lambda: store.get(42),
        "update": lambda: store.update(42, _statement(1)),
        "delete": lambda: store.delete(42),
    }
    with pytest.raises(NotFound, match="no statement with id 42") as caught:
        calls[operation]()
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, StoreError)
    assert str(caught.value) == "no statement with id 42; it may have been deleted"


def test_version_changes_on_every_write_and_only_then(store: Store) -> None:
    seen = [store.version()]

    def wrote() -> None:
        assert store.version() != seen[-1]
        seen.append(store.version())

    statement_id = store.add(_statement(1))
    wrote()
    store.update(statement_id, _statement(2))
    wrote()
    store.delete(statement_id)
    wrote()
    store.undo_last_delete()
    wrote()
    store.import_statements(_statements(2, tag="b"))
    wrote()
    store.frame()
    store.count()
    assert store.import_statements(_statements(2, tag="b")).added == 0
    assert store.version() == seen[-1]


# --- duplicates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        ({}, True),
        ({"text": "  WE ARE READY to meet   at the summit (a 1).  "}, True),
        ({"speaker": "envoy A-1"}, True),
        ({"role": "minister", "source": "elsewhere", "note": "n", "side": "x"}, True),
        ({"date": "2024-01-03"}, False),
        ({"speaker": "Envoy b-1"}, False),
        ({"text": "We are not ready to meet at the summit (a 1)."}, False),
    ],
)
def test_fingerprint_ignores_case_spacing_and_metadata(changes: dict, same: bool) -> None:
    original = _statement(1)
    changed = Statement.model_validate({**original.model_dump(), **changes})
    assert (fingerprint(changed) == fingerprint(original)) is same


def test_adding_a_stored_statement_again_is_refused(store: Store) -> None:
    statement_id = store.add(_statement(1))
    with pytest.raises(DuplicateStatement, match=f"already stored as statement {statement_id}"):
        store.add(_statement(1, text=_statement(1).text.upper()))
    assert store.count() == 1


def test_updating_into_another_statement_is_refused(store: Store) -> None:
    first = store.add(_statement(1))
    second = store.add(_statement(2))
    store.update(first, _statement(1, note="same words, new note"))
    with pytest.raises(DuplicateStatement) as caught:
        store.update(second, _statement(1))
    assert caught.value.existing_id == first
    assert store.get(second) == _statement(2)


def test_import_counts_duplicates_already_stored_and_within_the_batch(store: Store) -> None:
    store.import_statements(_statements(3))
    batch = [*_statements(5), _statement(4), _statement(9, tag="b")]
    assert store.import_statements(batch) == ImportResult(added=3, skipped_duplicates=4)
    assert store.count() == 6


# --- CSV import -------------------------------------------------------------------------------

GOOD_CSV = (
    "date,speaker,role,side,text,source,kind,note\n"
    "2024-03-01,Foreign Minister A,minister,north,We welcome the talks.,,quote,\n"
    "2024-03-02,Spokesperson B,spokesperson,south,A meeting is possible.,,paraphrase,\n"
)
CSV_WITH_ONE_BAD_ROW = (
    "date,speaker,role,text\n"
    "2024-03-01,Foreign Minister A,minister,We welcome the talks.\n"
    "2024-02-30,Spokesperson B,spokesperson,A meeting is possible.\n"
    "2024-03-03,Envoy C,envoy,Preparations continue.\n"
)


def test_import_csv_from_a_path_and_from_bytes(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "upload.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    assert store.import_csv(path) == ImportResult(added=2, skipped_duplicates=0)
    again = store.import_csv(GOOD_CSV.encode("utf-8-sig"), source_name="upload.csv")
    assert again == ImportResult(added=0, skipped_duplicates=2)


@pytest.mark.parametrize("given_as", ["path", "bytes"])
def test_a_file_with_one_bad_row_imports_nothing(store: Store, tmp_path: Path, given_as: str) -> None:
    store.import_statements(_statements(2))
    version = store.version()
    path = tmp_path / "bad.csv"
    path.write_text(CSV_WITH_ONE_BAD_ROW, encoding="utf-8")
    source = path if given_as == "path" else CSV_WITH_ONE_BAD_ROW.encode()
    with pytest.raises(StatementsError) as caught:
        store.import_csv(source, source_name="bad.csv")
    assert [(p.row, p.field) for p in caught.value.problems] == [(2, "date")]
    assert "row 2, field 'date'" in str(caught.value)
    assert str(caught.value).startswith(str(path) if given_as == "path" else "bad.csv")
    assert store.count() == 2
    assert store.version() == version


# --- crashes and failures mid-import ----------------------------------------------------------


def test_a_failure_partway_through_an_import_stores_nothing(store: Store, monkeypatch) -> None:
    store.import_statements(_statements(5))
    monkeypatch.setattr(repository, "IMPORT_CHUNK_ROWS", 10)
    real_insert = repository._insert_chunk
    chunks_inserted: list[int] = []

    def insert_then_fail(conn: sa.Connection, rows: list[dict]) -> None:
        if len(chunks_inserted) == 3:
            raise RuntimeError("simulated crash after 30 rows")
        real_insert(conn, rows)
        chunks_inserted.append(len(rows))

    monkeypatch.setattr(repository, "_insert_chunk", insert_then_fail)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.import_statements(_statements(100, tag="b"))
    assert chunks_inserted == [10, 10, 10]
    assert store.count() == 5


def test_a_full_disk_during_import_gives_a_clear_error_and_stores_nothing(
    store: Store, db_path: Path
) -> None:
    store.import_statements(_statements(5))
    with sqlite3.connect(db_path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    # Cap the file at its current size on every new connection: SQLite then reports SQLITE_FULL.
    store._engine.dispose()
    sa.event.listen(
        store._engine,
        "connect",
        lambda dbapi_connection, _record: dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 1}"),
    )
    with pytest.raises(StoreError, match=r"^cannot save: the disk is full \(.*statements\.db\)"):
        store.import_statements(_statements(2_000, tag="b"))
    assert store.count() == 5


def _import_in_child(url: str, tag: str, count: int, started: object) -> None:
    """Child process: build `count` statements, say so, then import them in one transaction."""
    statements = _statements(count, tag=tag)
    store = Store(url)
    started.set()  # type: ignore[attr-defined]
    store.import_statements(statements)
    store.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_during_a_large_import_leaves_it_all_or_nothing(tmp_path: Path) -> None:
    size = 20_000
    calibration = Store(_url(tmp_path / "calibration.db"))
    started_at = time.perf_counter()
    calibration.import_statements(_statements(size, tag="calibration"))
    import_seconds = time.perf_counter() - started_at
    calibration.close()

    url = _url(tmp_path / "statements.db")
    with Store(url) as store:
        store.import_statements(_statements(10, tag="before"))
    rng = random.Random()
    outcomes: list[str] = []
    for round_number in range(5):
        with Store(url) as store:
            before = store.count()
        started = SPAWN.Event()
        child = SPAWN.Process(target=_import_in_child, args=(url, f"r{round_number}", size, started))
        child.start()
        assert started.wait(CHILD_TIMEOUT_S), "the child never started its import"
        delay = rng.uniform(0, import_seconds)
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.join(CHILD_TIMEOUT_S)
        with Store(url) as store:
            after = store.count()
            with store._engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert after in (before, before + size), f"partial import after SIGKILL at {delay:.3f}s"
        outcomes.append("none" if after == before else "all")
    print(f"SIGKILL outcomes (import takes ~{import_seconds:.2f}s): {outcomes}")


# --- concurrent writers -----------------------------------------------------------------------


def _add_each(url: str, tag: str, count: int, go: object) -> None:
    """Open a store of its own, wait for the signal, then add `count` statements one by one."""
    store = Store(url)
    go.wait(CHILD_TIMEOUT_S)  # type: ignore[attr-defined]
    for statement in _statements(count, tag=tag):
        store.add(statement)
    store.close()


def test_two_threads_adding_at_once_keep_every_statement(database_url: str) -> None:
    url = database_url
    go = threading.Event()
    errors: list[BaseException] = []

    def run(tag: str) -> None:
        try:
            _add_each(url, tag, 50, go)
        except BaseException as error:  # reported below; a thread cannot fail the test itself
            errors.append(error)

    threads = [threading.Thread(target=run, args=(tag,)) for tag in ("t1", "t2")]
    for thread in threads:
        thread.start()
    go.set()
    for thread in threads:
        thread.join(CHILD_TIMEOUT_S)
    assert errors == []
    with Store(url) as store:
        assert store.count() == 100
        assert store.version() == 100


def test_two_processes_adding_at_once_keep_every_statement(database_url: str) -> None:
    url = database_url
    go = SPAWN.Event()
    # Both start on an empty database (a file that does not exist yet), so they also race to
    # create the schema.
    children = [SPAWN.Process(target=_add_each, args=(url, tag, 50, go)) for tag in ("p1", "p2")]
    for child in children:
        child.start()
    go.set()
    for child in children:
        child.join(CHILD_TIMEOUT_S)
    assert [child.exitcode for child in children] == [0, 0]
    with Store(url) as store:
        assert store.count() == 100
        assert store.version() == 100


# --- read-only database -----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["file permissions", "read-only URL"])
def test_a_read_only_database_can_be_read_but_not_written(
    db_path: Path, request: pytest.FixtureRequest, how: str
) -> None:
    with Store(_url(db_path)) as writable:
        statement_id = writable.add(_statement(1))
        writable.add(_statement(2))
    if how == "file permissions":
        _make_read_only(db_path, request)
        url = _url(db_path)
    else:
        url = f"sqlite:///file:{db_path}?mode=ro&uri=true"

    with Store(url) as read_only:
        assert read_only.count() == 2
        assert list(read_only.frame()["id"]) == [statement_id, statement_id + 1]
        assert read_only.version() == 2
        expected = f"cannot save: the statements database is read-only ({db_path})"
        writes = [
            lambda: read_only.add(_statement(3)),
            lambda: read_only.update(statement_id, _statement(4)),
            lambda: read_only.delete(statement_id),
            lambda: read_only.import_statements(_statements(3, tag="b")),
        ]
        for write in writes:
            with pytest.raises(StoreError) as caught:
                write()
            assert str(caught.value) == expected
        assert read_only.count() == 2


def test_a_read_only_file_that_needs_migrating_fails_clearly(
    db_path: Path, request: pytest.FixtureRequest
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    _make_read_only(db_path, request)
    with pytest.raises(StoreError, match=r"^cannot save: the statements database is read-only"):
        Store(_url(db_path))


# --- frame and export -------------------------------------------------------------------------


def test_frame_has_the_columns_and_types_the_dashboard_uses(store: Store) -> None:
    empty = store.frame()
    assert list(empty.columns) == ["id", *COLUMNS, "import_id", "added_at", "row_version"]
    store.add(_statement(30))
    store.add(_statement(1))
    store.add(_statement(1, tag="b"))
    frame = store.frame()
    assert list(frame.columns) == list(empty.columns)
    assert frame["date"].dtype.kind == "M"
    assert str(frame["added_at"].dt.tz) == "UTC"
    assert list(frame["id"]) == [2, 3, 1]
    for table in (empty, frame):
        assert table["id"].dtype == "int64"
        assert table["date"].dtype.kind == "M"


def test_export_writes_the_bundled_format_and_round_trips(store: Store, tmp_path: Path) -> None:
    originals = [
        _statement(2, role="minister", side="north", source="https://a.example", note="n"),
        _statement(1, kind="event", text='She said: "yes, we will meet", then left.'),
    ]
    store.import_statements(originals)
    path = tmp_path / "export.csv"
    assert store.export_csv(path) == 2

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [row[0] for row in rows[1:]] == ["2024-01-02", "2024-01-03"]
    assert read_statements_csv(path) == originals[::-1]

    with Store(_url(tmp_path / "copy.db")) as copy:
        assert copy.import_csv(path) == ImportResult(added=2, skipped_duplicates=0)
        assert _stored_statements(copy) == _stored_statements(store)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_rename_leaves_the_previous_export_intact(store: Store, tmp_path: Path, monkeypatch) -> None:
    store.add(_statement(1))
    path = tmp_path / "export.csv"
    path.write_text("the previous export\n", encoding="utf-8")

    def failing_replace(source: object, destination: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(output_module.os, "replace", failing_replace)
    with pytest.raises(StoreError, match=r"cannot export to .*export\.csv: Input/output error"):
        store.export_csv(path)
    assert path.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "export.csv"]


def test_exporting_into_an_unwritable_folder_fails_clearly(
    store: Store, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store.add(_statement(1))
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "export.csv"
    path.write_text("the previous export\n", encoding="utf-8")
    _make_read_only(folder, request, mode=0o555)
    with pytest.raises(StoreError, match=r"^cannot export to .*export\.csv: .*unchanged$"):
        store.export_csv(path)
    assert path.read_text(encoding="utf-8") == "the previous export\n"


def test_exporting_into_a_missing_folder_fails_clearly(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"cannot export to .*missing.*No such file or directory"):
        store.export_csv(tmp_path / "missing" / "export.csv")


@pytest.mark.parametrize(
    ("wal_bytes", "expected"),
    [
        (None, {"mode": "ro", "uri": "true", "immutable": "1"}),  # no log: immutable reading is exact
        (0, {"mode": "ro", "uri": "true", "immutable": "1"}),
        (64, {"mode": "ro", "uri": "true"}),  # an unfinished log: never skip it, plain read-only
    ],
)
def test_a_store_in_an_unwritable_folder_is_opened_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wal_bytes: int | None, expected: dict[str, str]
) -> None:
    path = tmp_path / "statements.db"
    path.write_bytes(b"")
    if wal_bytes is not None:
        path.with_name("statements.db-wal").write_bytes(b"\0" * wal_bytes)
    monkeypatch.setattr(engine.os, "access", lambda folder, _mode: Path(folder) != tmp_path)
    url = sa.make_url(f"sqlite:///{path}")
    readable = engine.readable_in_unwritable_folder(url, path)
    assert readable.database == f"file:{path}"
    assert dict(readable.query) == expected
    # A writable folder, or a URL that already says how to open the file, is left alone.
    assert engine.readable_in_unwritable_folder(url, tmp_path / "missing.db") == url
    monkeypatch.undo()
    assert engine.readable_in_unwritable_folder(url, path) == url


def test_an_export_removes_temporary_files_of_killed_exports_only(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "statements.csv"
    dead_pid = subprocess.Popen(["true"])  # a process that has ended: nobody writes its file
    dead_pid.wait()
    abandoned = tmp_path / f".statements.csv.{dead_pid.pid}.x1y2.tmp"
    in_progress = tmp_path / f".statements.csv.{os.getpid()}.z3w4.tmp"  # a live writer: this process
    other_export = tmp_path / f".other.csv.{dead_pid.pid}.a5b6.tmp"
    for path in (abandoned, in_progress, other_export):
        path.write_text("partial")
    store.export_csv(target)
    assert not abandoned.exists()
    assert in_progress.exists() and other_export.exists()
    assert target.read_text(encoding="utf-8").startswith(",".join(COLUMNS))
