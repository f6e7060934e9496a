"""Saved reports: each comes back whole under its id and nothing else does; ids are random and
unguessable; a report on disk outlives the store; a file that is not a reports database is
refused; threads sharing a store lose nothing."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from unspin.errors import InputError
from unspin.web.reports import ReportStore, SavedReport

ID = "Zq3xN0bY-_kL2mWc9Hd7Tg"  # as new_id makes them: 22 URL-safe characters
REPORT = ("compare", "Cruel summer: 40°C in Sevilla", "spun", '{"schema": 1}', "<h1>é</h1>")


@pytest.fixture
def store() -> Iterator[ReportStore]:
    reports = ReportStore()
    reports.save(ID, *REPORT)
    yield reports
    reports.close()


def test_a_saved_report_comes_back_whole(store: ReportStore) -> None:
    saved = store.get(ID)
    assert saved is not None
    assert saved == SavedReport(ID, saved.created, *REPORT)


def test_a_report_is_stamped_with_the_second_it_was_saved_in_utc(store: ReportStore) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    store.save("later", *REPORT)
    saved = store.get("later")
    assert saved is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", saved.created)
    assert before <= datetime.fromisoformat(saved.created) <= before + timedelta(seconds=5)


def test_ids_are_128_random_bits_in_url_safe_characters(store: ReportStore) -> None:
    ids = {store.new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", i) for i in ids)  # 16 bytes, base64url, unpadded


def test_a_new_id_saves_nothing_until_its_report_is_saved(store: ReportStore) -> None:
    report_id = store.new_id()
    assert store.get(report_id) is None
    store.save(report_id, "check", "t", "unchanged", "{}", "<p></p>")
    saved = store.get(report_id)
    assert saved is not None
    assert saved == SavedReport(
        report_id, saved.created, "check", "t", "unchanged", "{}", "<p></p>"
    )


@pytest.mark.parametrize(
    "report_id",
    [
        ID.swapcase(),  # ids are case-sensitive: another id
        ID[:-1],  # a prefix of an id
        ID + " ",  # an id with a space after it
        "../" + ID,  # a path around it
        "' OR '1'='1",  # SQL: the id is a parameter, never part of the query
        "",  # no id at all
        "\x00",  # a NUL, as "%00" in a URL decodes
        "x" * 10_000,  # far longer than any id
    ],
)
def test_an_unknown_or_malformed_id_finds_no_report(store: ReportStore, report_id: str) -> None:
    assert store.get(report_id) is None


def test_a_second_save_under_an_id_is_refused_and_the_first_report_stands(
    store: ReportStore,
) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.save(ID, "check", "another", "unchanged", "{}", "")
    saved = store.get(ID)
    assert saved is not None
    assert (saved.kind, saved.title) == REPORT[:2]


def test_reports_in_memory_belong_to_their_store_alone(store: ReportStore) -> None:
    other = ReportStore(":memory:")
    assert other.get(ID) is None
    other.close()


def test_a_report_on_disk_outlives_its_store_in_a_folder_made_for_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "corpus-reports.db"
    first = ReportStore(path)
    first.save(ID, *REPORT)
    first.close()
    again = ReportStore(str(path))
    saved = again.get(ID)
    again.close()
    assert saved is not None
    assert (saved.id, saved.json, saved.html) == (ID, REPORT[3], REPORT[4])
    with closing(sqlite3.connect(path)) as db:  # WAL: readers do not wait for a writer
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize(
    "table",
    [
        None,  # not SQLite at all
        "CREATE TABLE reports (x)",  # SQLite, but its "reports" table is someone else's
    ],
)
def test_a_file_that_is_not_a_reports_database_is_refused_by_name(
    tmp_path: Path, table: str | None
) -> None:
    path = tmp_path / "reports.db"
    if table is None:
        path.write_bytes(b"not a database at all\n" * 100)
    else:
        with closing(sqlite3.connect(path)) as db:
            db.execute(table)
    with pytest.raises(InputError, match=r"reports\.db: not a reports database \("):
        ReportStore(path)


def test_threads_sharing_a_store_lose_no_report(tmp_path: Path) -> None:
    store = ReportStore(tmp_path / "reports.db")
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for k in range(25):
                store.save(f"{n}-{k}", "check", f"story {n}-{k}", "unchanged", "{}", "")
                assert store.get(f"{n}-{k}") is not None
        except BaseException as error:  # carried back to the test's thread
            failures.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert all(store.get(f"{n}-{k}") is not None for n in range(8) for k in range(25))
    store.close()


def test_a_path_no_database_can_be_opened_at_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "reports.db"
    folder.mkdir()  # a folder where the file should be: a mistyped setting
    with pytest.raises(InputError, match=r"reports\.db: cannot open a reports database there"):
        ReportStore(folder)
