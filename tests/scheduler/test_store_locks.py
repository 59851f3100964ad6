"""The database while another program holds its write lock: writes give up soon and say so,
reads never wait."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator

import pytest

from scheduler.store import BUSY_TIMEOUT, Database, DatabaseBusy, impatient


@pytest.fixture
def other_program(database: Database) -> Iterator[sqlite3.Connection]:
    """A sqlite3 shell holding BEGIN EXCLUSIVE on the same file."""
    other = sqlite3.connect(database.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    other.execute("ROLLBACK")
    other.close()


def _subscribe(database: Database, chat_id: int) -> None:
    with database.transaction() as sql:
        sql.execute("INSERT INTO chats (chat_id) VALUES (?)", (chat_id,))


def test_a_write_gives_up_with_database_busy_after_the_busy_timeout(
    database: Database, other_program: sqlite3.Connection
) -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseBusy):
        _subscribe(database, 1)
    assert BUSY_TIMEOUT - 0.2 < time.monotonic() - started < BUSY_TIMEOUT + 1.0


def test_an_impatient_write_gives_up_at_once_and_the_next_one_waits_again(
    database: Database, other_program: sqlite3.Connection
) -> None:
    started = time.monotonic()
    with impatient(), pytest.raises(DatabaseBusy):
        _subscribe(database, 1)
    assert time.monotonic() - started < 0.2
    started = time.monotonic()
    with pytest.raises(DatabaseBusy):
        _subscribe(database, 1)
    assert time.monotonic() - started > BUSY_TIMEOUT - 0.2


def test_reads_do_not_wait_behind_a_write_waiting_for_the_lock(
    database: Database, other_program: sqlite3.Connection
) -> None:
    writer = threading.Thread(target=lambda: _refused(database))
    writer.start()
    time.sleep(0.2)  # the write now waits for the lock, holding the writing connection
    started = time.monotonic()
    rows = database.query("SELECT COUNT(*) FROM chats")
    took = time.monotonic() - started
    writer.join()
    assert (rows, took < 0.2) == ([(0,)], True)


def test_a_write_after_the_lock_is_gone_is_read_at_once(
    database: Database, other_program: sqlite3.Connection
) -> None:
    other_program.execute("COMMIT")
    other_program.execute("BEGIN")  # the fixture's ROLLBACK ends this one
    _subscribe(database, 7)
    assert database.query("SELECT chat_id FROM chats") == [(7,)]


def _refused(database: Database) -> None:
    with pytest.raises(DatabaseBusy):
        _subscribe(database, 1)
