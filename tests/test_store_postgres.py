"""The statement store on PostgreSQL: the store's tests that hold for any database, run again on a
real PostgreSQL server (a throwaway cluster, tests/postgres_support.py), one new database each.

What is SQLite's alone (files, WAL, read-only folders, a full disk, killed writers) stays in
tests/test_store.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres_support import new_database, require_postgres, running_postgres
from tests.test_store import (  # noqa: F401 - collected here again, on PostgreSQL
    store,
    test_a_failure_partway_through_an_import_stores_nothing,
    test_a_file_with_one_bad_row_imports_nothing,
    test_a_new_statement_never_takes_a_deleted_id,
    test_add_update_delete_undo_round_trip,
    test_adding_a_stored_statement_again_is_refused,
    test_export_writes_the_bundled_format_and_round_trips,
    test_frame_has_the_columns_and_types_the_dashboard_uses,
    test_import_counts_duplicates_already_stored_and_within_the_batch,
    test_import_csv_from_a_path_and_from_bytes,
    test_missing_ids_raise_not_found,
    test_reopening_keeps_statements_and_does_not_migrate_again,
    test_restore_deleted_puts_back_that_delete_whatever_came_after,
    test_seeding_a_store_that_already_has_statements_adds_nothing,
    test_seeding_happens_once_even_after_everything_is_deleted,
    test_the_trash_keeps_only_the_latest_deletions,
    test_two_processes_adding_at_once_keep_every_statement,
    test_two_threads_adding_at_once_keep_every_statement,
    test_undo_after_the_statement_was_added_again_keeps_one_copy,
    test_undo_restores_deletions_newest_first,
    test_updating_into_another_statement_is_refused,
    test_version_changes_on_every_write_and_only_then,
)
from tests.test_summits_store import (  # noqa: F401 - collected here again, on PostgreSQL
    test_a_version_1_store_with_statements_migrates_into_the_bundled_summit,
    test_a_whole_import_is_undone_and_redone,
    test_an_import_naming_an_unknown_summit_is_refused_with_row_and_field,
    test_rows_without_a_summit_need_one_when_the_store_holds_several,
    test_seeding_an_upgraded_store_adds_the_sagas_once_and_keeps_the_users_statements,
    test_several_statements_are_deleted_and_restored_as_one_step,
    test_summits_are_added_edited_resolved_and_removed,
)

# One server for the module, in one xdist worker.
pytestmark = pytest.mark.xdist_group("postgres")


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[str]:
    with running_postgres(require_postgres()) as url:
        yield url


@pytest.fixture
def database_url(postgres_server: str) -> Iterator[str]:
    with new_database(postgres_server) as url:
        yield url


def test_the_store_is_on_postgresql(store) -> None:  # noqa: F811 - the fixture imported above
    """So that a fall-back to another database could not pass the tests above unnoticed."""
    assert store.url.get_backend_name() == "postgresql"
    assert store.path is None
