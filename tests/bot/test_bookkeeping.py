"""Writes that can wait: done at once when the database is free, later and in order when not."""

from __future__ import annotations

import sqlite3
import time
from functools import partial
from pathlib import Path

from bot.bookkeeping import Bookkeeping
from scheduler.reminders import SubscriptionService
from scheduler.store import Database


def _chats(database: Database) -> list[int]:
    return [int(str(c)) for (c,) in database.query("SELECT chat_id FROM chats ORDER BY chat_id")]


def test_a_free_database_is_written_at_once(tmp_path: Path) -> None:
    database = Database(tmp_path / "bot.sqlite3")
    seen = SubscriptionService(database).seen
    assert Bookkeeping().attempt("a chat seen", lambda: seen(5)) is None  # seen returns None
    assert _chats(database) == [5]


def test_writes_met_by_a_lock_are_made_in_order_once_it_is_gone(tmp_path: Path) -> None:
    database = Database(tmp_path / "bot.sqlite3")
    subscriptions = SubscriptionService(database)
    bookkeeping = Bookkeeping(first_pause=0.05)
    other = sqlite3.connect(database.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    done: list[int] = []

    def seen(chat: int) -> None:
        subscriptions.seen(chat)
        done.append(chat)

    started = time.monotonic()
    for chat in (3, 1, 2):
        bookkeeping.attempt("a chat seen", partial(seen, chat))
    assert time.monotonic() - started < 0.5  # nobody waited for the lock
    assert (bookkeeping.waiting, _chats(database)) == (3, [])
    other.execute("COMMIT")
    deadline = time.monotonic() + 5
    while bookkeeping.waiting and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (done, _chats(database)) == ([3, 1, 2], [1, 2, 3])
    bookkeeping.close()


def test_closing_makes_the_writes_still_waiting(tmp_path: Path) -> None:
    database = Database(tmp_path / "bot.sqlite3")
    subscriptions = SubscriptionService(database)
    bookkeeping = Bookkeeping(first_pause=60.0)
    other = sqlite3.connect(database.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    bookkeeping.attempt("a chat seen", lambda: subscriptions.seen(9))
    other.execute("COMMIT")
    bookkeeping.close()
    assert (bookkeeping.waiting, _chats(database)) == (0, [9])
