"""Summits in the store: the migration from one summit per store, summits edited, statements
that must name a known summit, bulk deletes and undoing a whole import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from summit_outlook.model.statements import Statement, StatementsError, read_statements_csv
from summit_outlook.model.summits import (
    BUNDLED_SUMMIT_ID,
    Resolution,
    Summit,
    SummitsError,
    bundled_sagas_path,
    bundled_summits,
    parse_summits_json,
)
from summit_outlook.store import Store, StoreError, migrations, open_seeded_store
from summit_outlook.store.errors import SummitInUse, UnknownSummit


def _statement(number: int, summit: str = "", **fields: object) -> Statement:
    values: dict[str, object] = {
        "date": dt.date(2024, 3, 1) + dt.timedelta(days=number),
        "speaker": f"Envoy {number}",
        "text": f"We are ready to meet ({number}).",
        "summit": summit,
    }
    values.update(fields)
    return Statement.model_validate(values)


def _summit(summit_id: str, **fields: object) -> Summit:
    values: dict[str, object] = {
        "id": summit_id,
        "title": f"Summit {summit_id}",
        "principals": ["A", "B"],
        "question": "Will A and B meet?",
    }
    values.update(fields)
    return Summit.model_validate(values)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'statements.db'}"


@pytest.fixture
def store(database_url: str):
    with Store(database_url) as opened:
        yield opened


# --- the migration from schema version 1 ---------------------------------------------------------


def _version_1_database(url: str) -> None:
    """A database as schema version 1 left it: two statements, one deleted into the trash."""
    engine = sa.create_engine(url)
    now = dt.datetime(2025, 11, 20, 12, 0)
    row = {
        "role": "head_of_state",
        "side": "United States",
        "source": "article",
        "kind": "quote",
        "note": "",
        "added_at": now,
    }
    with engine.begin() as conn:
        migrations.SCHEMA_VERSION_TABLE.create(conn)
        migrations._migration_1_create_tables(conn)
        conn.execute(sa.insert(migrations.SCHEMA_VERSION_TABLE).values(version=1))
        statements = migrations._V1.tables["statements"]
        trash = migrations._V1.tables["trash"]
        conn.execute(
            sa.insert(statements),
            [
                {
                    **row,
                    "date": dt.date(2025, 10, 22),
                    "speaker": "Donald Trump",
                    "text": "We canceled the meeting.",
                    "fingerprint": "f1",
                },
                {
                    **row,
                    "date": dt.date(2025, 11, 9),
                    "speaker": "Sergey Lavrov",
                    "text": "We are ready to meet.",
                    "fingerprint": "f2",
                },
                {
                    **row,
                    "date": dt.date(2025, 11, 1),
                    "speaker": "Dmitry Peskov",
                    "text": "There is no date yet.",
                    "fingerprint": "f3",
                },
            ],
        )
        # Deleted as version 1 deleted: the row moves to the trash.
        (deleted,) = conn.execute(sa.select(statements).where(statements.c.fingerprint == "f3")).all()
        values = {key: value for key, value in deleted._mapping.items() if key != "id"}
        conn.execute(sa.insert(trash).values(**values, statement_id=deleted.id, deleted_at=now))
        conn.execute(sa.delete(statements).where(statements.c.id == deleted.id))
        conn.execute(sa.insert(migrations._V1.tables["meta"]).values(key="seeded", value=2))
    engine.dispose()


def test_a_version_1_store_with_statements_migrates_into_the_bundled_summit(database_url: str) -> None:
    _version_1_database(database_url)
    with Store(database_url) as store:
        assert store.schema_version() == migrations.SCHEMA_VERSION
        frame = store.frame()
        assert frame["speaker"].tolist() == ["Donald Trump", "Sergey Lavrov"]
        assert set(frame["summit"]) == {BUNDLED_SUMMIT_ID}
        (summit,) = store.summits()
        assert summit.id == BUNDLED_SUMMIT_ID and summit.resolution is Resolution.OPEN
        # What was deleted before the migration comes back into its summit.
        restored = store.undo_last_delete()
        assert restored == 3
        assert store.frame().set_index("id").loc[3, "summit"] == BUNDLED_SUMMIT_ID
        # A statement naming no summit still goes to the only one.
        new_id = store.add(_statement(1))
        assert store.frame().set_index("id").loc[new_id, "summit"] == BUNDLED_SUMMIT_ID


def test_seeding_an_upgraded_store_adds_the_sagas_once_and_keeps_the_users_statements(
    database_url: str,
) -> None:
    _version_1_database(database_url)
    bundled = bundled_summits()
    sagas = read_statements_csv(bundled_sagas_path())
    with open_seeded_store(database_url) as store:
        # The article's statements were seeded by version 1 already: not again.
        assert store.count() == 2 + len(sagas)
        assert {summit.id for summit in store.summits()} == {summit.id for summit in bundled}
    with open_seeded_store(database_url) as store:
        assert store.count() == 2 + len(sagas)


def test_a_new_store_is_seeded_with_every_bundled_summit_and_statement(database_url: str) -> None:
    bundled = bundled_summits()
    sagas = read_statements_csv(bundled_sagas_path())
    with open_seeded_store(database_url) as store:
        counts = store.frame().groupby("summit").size()
        assert set(counts.index) == {summit.id for summit in bundled}
        assert counts[BUNDLED_SUMMIT_ID] == 16  # the article's statements, as before
        assert counts.drop(BUNDLED_SUMMIT_ID).sum() == len(sagas)


# --- summits --------------------------------------------------------------------------------------


def test_summits_are_added_edited_resolved_and_removed(store: Store) -> None:
    store.add_summit(_summit("a-b-2026", deadline="2026-12-31"))
    assert store.summit("a-b-2026").deadline == dt.date(2026, 12, 31)
    held = _summit(
        "a-b-2026", resolution="held", resolved_on="2026-05-01", resolution_source="https://x.example"
    )
    store.update_summit(held)
    assert store.summit("a-b-2026").resolution_text() == "held on 1 May 2026"
    with pytest.raises(StoreError, match="already exists"):
        store.add_summit(_summit("a-b-2026"))
    store.add(_statement(1, summit="a-b-2026"))
    with pytest.raises(SummitInUse, match="has 1 statement"):
        store.remove_summit("a-b-2026")
    store.delete(int(store.frame(summit="a-b-2026")["id"].iloc[0]))
    store.remove_summit("a-b-2026")
    with pytest.raises(UnknownSummit, match="no summit with id 'a-b-2026'"):
        store.summit("a-b-2026")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "Not A Slug"}, "field 'id'"),
        ({"resolution": "held"}, "needs resolved_on"),
        ({"resolution": "held", "resolved_on": "2026-01-01"}, "needs resolution_source"),
        (
            {"resolution": "not_held", "resolved_on": "2026-01-01", "resolution_source": "x"},
            "needs a deadline",
        ),
        ({"resolved_on": "2026-01-01"}, "an open summit has no resolved_on"),
        ({"deadline": "2026-02-30"}, "not a date"),
        ({"resolution": "postponed"}, "field 'resolution'"),
    ],
)
def test_a_bad_summit_is_refused_with_its_field(fields: dict, message: str) -> None:
    record = {"id": "ok", "title": "T", "question": "Q?", **fields}
    with pytest.raises(SummitsError, match=message):
        parse_summits_json(f"[{__import__('json').dumps(record)}]", source="outcomes.json")


def test_the_bundled_outcomes_are_valid_and_every_resolution_has_a_source() -> None:
    summits = bundled_summits()
    assert len(summits) == 20
    resolved = [summit for summit in summits if summit.resolved]
    assert len(resolved) == 19
    assert all(summit.resolution_source.startswith("http") for summit in resolved)


# --- statements belong to known summits -----------------------------------------------------------


def test_an_import_naming_an_unknown_summit_is_refused_with_row_and_field(
    store: Store, tmp_path: Path
) -> None:
    store.add_summit(_summit("other"))
    path = tmp_path / "in.csv"
    path.write_text(
        "date,speaker,text,summit\n"
        "2024-01-01,A,We will meet.,other\n"
        "2024-01-02,B,We will meet soon.,no-such-summit\n",
        encoding="utf-8",
    )
    with pytest.raises(StatementsError, match=r"row 2, field 'summit': unknown summit 'no-such-summit'"):
        store.import_csv(path)
    assert store.count() == 0


def test_rows_without_a_summit_need_one_when_the_store_holds_several(store: Store, tmp_path: Path) -> None:
    store.add_summit(_summit("other"))
    path = tmp_path / "in.csv"
    path.write_text("date,speaker,text\n2024-01-01,A,We will meet.\n", encoding="utf-8")
    with pytest.raises(StatementsError, match=r"row 1, field 'summit': missing"):
        store.import_csv(path)
    result = store.import_csv(path, summit="other")
    assert result.added == 1
    assert store.frame()["summit"].tolist() == ["other"]
    with pytest.raises(UnknownSummit):
        store.add(_statement(5))


# --- bulk delete and undoing an import ------------------------------------------------------------


def test_several_statements_are_deleted_and_restored_as_one_step(store: Store) -> None:
    ids = [store.add(_statement(number)) for number in range(5)]
    entry = store.delete_many(ids[1:4])
    assert store.frame()["id"].tolist() == [ids[0], ids[4]]
    assert store.restore_deleted(entry) == ids[1]
    assert store.frame()["id"].tolist() == ids
    assert store.restore_deleted(entry) is None


def test_a_whole_import_is_undone_and_redone(store: Store) -> None:
    store.add(_statement(0))
    result = store.import_statements([_statement(number) for number in range(1, 40)], name="file.csv")
    assert result.added == 39
    assert store.imports()["name"].tolist() == ["file.csv"]
    entry, removed = store.undo_import(result.import_id)
    assert removed == 39 and store.count() == 1
    assert store.imports().empty
    with pytest.raises(StoreError, match="undone already"):
        store.undo_import(result.import_id)
    assert entry is not None
    store.restore_deleted(entry)
    assert store.count() == 40


def test_a_bulk_delete_counts_as_one_delete_in_the_trash(store: Store, monkeypatch) -> None:
    monkeypatch.setattr("summit_outlook.store.repository.TRASH_LIMIT", 2)
    ids = [store.add(_statement(number)) for number in range(10)]
    big = store.delete_many(ids[:6])
    store.delete(ids[6])
    assert len(store.restored_ids(big)) == 6
    store.delete(ids[7])
    assert store.restored_ids(big) == []
