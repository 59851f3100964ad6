"""Scheduler at scale: reminder ticks for 10,000 subscribers x 200 sessions, the outbox, a
20,000-event .ics import (target <= 10 s) and a 10 MB agenda load (target <= 2 s).

Outbox figures use an in-process fake sender: `outbox_capacity` sends a 10,000-subscriber
broadcast with the rate limit lifted (what the dispatcher and SQLite can push), `outbox_paced`
sends BENCH_OUTBOX_PACED messages (default 300) at the real 29/s limit through a sender that
takes BENCH_OUTBOX_LATENCY_MS (default 20) per message, on the real clock.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from bench.harness import latency
from bench.schedules import write_agenda, write_ics
from scheduler.agenda import Agenda, load_agenda
from scheduler.broadcast import BroadcastService
from scheduler.importers import import_schedule
from scheduler.model import Event
from scheduler.outbox import OutboxDispatcher, SendResult
from scheduler.reminders import ReminderService, SubscriptionService
from scheduler.store import Database

SUBSCRIBERS = 10_000
T = TypeVar("T")
SESSIONS = 200
TICKS = 50


def _reminder_ticks() -> dict[str, object]:
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
        for _ in range(TICKS):  # ticks every 30 s from the first moment: claims come due
            began = time.perf_counter()
            claimed += len(reminders.due(agenda, now))
            busy.append(time.perf_counter() - began)
            now += timedelta(seconds=30)
        database.close()
    return {
        "subscribers": SUBSCRIBERS,
        "sessions": SESSIONS,
        "setup_seconds": round(setup_seconds, 2),
        "tick_nothing_due": latency(idle),
        "tick_with_claims": latency(busy),
        "claimed": claimed,
        "claims_per_tick_at_most": reminders.per_tick,
    }


PACED = int(os.environ.get("BENCH_OUTBOX_PACED", "300"))
LATENCY = float(os.environ.get("BENCH_OUTBOX_LATENCY_MS", "20")) / 1000
ORGANISER = 1


class _FakeSender:
    """Counts what it is given; every message takes ``latency`` seconds, like an HTTP call."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.received: list[int] = []

    async def send(self, chat_id: int, html: str) -> SendResult:
        if self.latency:
            await asyncio.sleep(self.latency)
        self.received.append(chat_id)
        return SendResult.ok()


def _broadcast(folder: str, name: str, chats: int) -> tuple[Database, float]:
    database = Database(Path(folder) / name)
    subscriptions = SubscriptionService(database)
    for chat in range(1, chats + 1):
        subscriptions.subscribe(chat)
    broadcasts = BroadcastService(database, {ORGANISER})
    began = time.perf_counter()
    preview = broadcasts.create(ORGANISER, ["The plenary moves to Room 4 at 14:15."])
    broadcasts.confirm(ORGANISER, preview.broadcast_id)
    return database, time.perf_counter() - began


def _send(database: Database, sender: _FakeSender, rate: float) -> dict[str, object]:
    dispatcher = OutboxDispatcher(database, sender, rate=rate)
    began = time.perf_counter()
    sent = asyncio.run(dispatcher.run_until_idle())
    seconds = time.perf_counter() - began
    return {
        "messages": sent,
        "seconds": round(seconds, 2),
        "per_second": round(sent / seconds, 2),
        "duplicates": len(sender.received) - len(set(sender.received)),
    }


def _outbox() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        database, confirm_seconds = _broadcast(folder, "capacity.sqlite3", SUBSCRIBERS)
        capacity = _send(database, _FakeSender(0.0), rate=1_000_000)
        capacity["confirm_seconds"] = round(confirm_seconds, 3)
        database.close()
        database, _ = _broadcast(folder, "paced.sqlite3", PACED)
        paced = _send(database, _FakeSender(LATENCY), rate=29.0)
        paced["sender_latency_ms"] = LATENCY * 1000
        database.close()
    return {"outbox_capacity": capacity, "outbox_paced": paced}


ICS_EVENTS = 20_000


def _big_files() -> dict[str, object]:
    """Wall and CPU seconds: the machine may be shared, CPU time is the code's own."""
    with tempfile.TemporaryDirectory() as folder:
        source = write_ics(Path(folder) / "bench.ics", ICS_EVENTS)
        (clock, cpu), result = _timed(lambda: import_schedule(source, ZoneInfo("UTC")))
        imported = {
            "events": len(result.events),
            "skipped": len(result.skipped),
            "megabytes": round(source.stat().st_size / 2**20, 1),
            "seconds": clock,
            "cpu_seconds": cpu,
            "target_seconds": 10,
        }
        agenda = Path(folder) / "agenda"
        agenda.mkdir()
        events = write_agenda(agenda / "big.yaml")
        (clock, cpu), loaded = _timed(lambda: load_agenda(agenda))
        load = {
            "events": len(loaded.events),
            "written": events,
            "megabytes": round((agenda / "big.yaml").stat().st_size / 2**20, 1),
            "seconds": clock,
            "cpu_seconds": cpu,
            "target_seconds": 2,
        }
    return {"ics_import": imported, "agenda_load": load}


def _timed(work: Callable[[], T]) -> tuple[tuple[float, float], T]:
    began, cpu = time.perf_counter(), time.process_time()
    done = work()
    return (round(time.perf_counter() - began, 2), round(time.process_time() - cpu, 2)), done


def run() -> dict[str, object]:
    return {**_reminder_ticks(), **_outbox(), **_big_files()}
