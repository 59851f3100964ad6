"""Reminder ticks at scale: 10,000 subscribers x 200 sessions, time to find and claim due ones."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.harness import latency
from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.reminders import ReminderService, SubscriptionService
from scheduler.store import Database

SUBSCRIBERS = 10_000
SESSIONS = 200
TICKS = 50


def run() -> dict[str, object]:
    start = datetime(2026, 3, 23, 8, 0, tzinfo=UTC)
    events = [
        Event(
            f"s{n}",
            f"Session {n}",
            "session",
            start + timedelta(minutes=30 * n),
            start + timedelta(minutes=30 * n + 25),
            "UTC",
            series=f"track{n % 4}",
        )
        for n in range(SESSIONS)
    ]
    agenda = Agenda(events)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(Path(folder) / "bench.sqlite3")
        subscriptions = SubscriptionService(database)
        setup = time.perf_counter()
        with database.transaction() as sql:
            sql.executemany(
                "INSERT INTO chats (chat_id) VALUES (?)", [(c,) for c in range(SUBSCRIBERS)]
            )
            sql.executemany(
                "INSERT INTO subscriptions VALUES (?, ?)",
                [(c, "*" if c % 2 else f"track{c % 4}") for c in range(SUBSCRIBERS)],
            )
        setup_seconds = time.perf_counter() - setup
        reminders = ReminderService(database)
        idle, busy, claimed = [], [], 0
        now = start - timedelta(days=2)
        for _ in range(TICKS):  # nothing due: the common case
            began = time.perf_counter()
            reminders.due(agenda, now)
            idle.append(time.perf_counter() - began)
            now += timedelta(seconds=30)
        now = start - timedelta(minutes=15)
        for tick in range(TICKS):  # sessions becoming due one after another
            began = time.perf_counter()
            claimed += len(reminders.due(agenda, now + timedelta(minutes=30 * tick)))
            busy.append(time.perf_counter() - began)
        del subscriptions
        database.close()
    return {
        "subscribers": SUBSCRIBERS,
        "sessions": SESSIONS,
        "setup_seconds": round(setup_seconds, 2),
        "tick_nothing_due": latency(idle),
        "tick_with_claims": latency(busy),
        "claimed": claimed,
    }
