"""Reminders with a controllable clock: due once, late after downtime, never after start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.reminders import ReminderService, SubscriptionService, overlaps
from scheduler.store import Database

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2026, 10, 26, 9, 0, tzinfo=PARIS)  # the Monday after the DST change


def _event(identifier: str, start: datetime, series: str = "Octopus") -> Event:
    return Event(
        identifier,
        identifier.title(),
        "session",
        start,
        start + timedelta(hours=1),
        "Europe/Paris",
        series=series,
    )


@pytest.fixture
def database(tmp_path: Path) -> Database:
    return Database(tmp_path / "bot.sqlite3")


def test_reminders_are_due_once_at_each_lead(database: Database) -> None:
    agenda = Agenda([_event("opening", START)])
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database)
    assert reminders.due(agenda, START - timedelta(hours=25)) == []
    day_before = reminders.due(agenda, START - timedelta(hours=24))
    assert [(r.chat_id, r.minutes, r.late) for r in day_before] == [(1, 1440, False)]
    assert reminders.due(agenda, START - timedelta(hours=23)) == []
    soon = reminders.due(agenda, START - timedelta(minutes=15))
    assert [(r.minutes, r.late) for r in soon] == [(15, False)]
    assert reminders.due(agenda, START - timedelta(minutes=5)) == []


def test_reminder_lead_follows_the_dst_change(database: Database) -> None:
    agenda = Agenda([_event("opening", START)])
    SubscriptionService(database).subscribe(1)
    # 24 hours before Monday 09:00 CET is Sunday 08:00 UTC, i.e. Sunday 09:00 CET.
    due = ReminderService(database).due(agenda, datetime(2026, 10, 25, 8, 0, tzinfo=UTC))
    assert [r.minutes for r in due] == [1440]


def test_missed_reminder_is_sent_late_and_dropped_after_start(database: Database) -> None:
    agenda = Agenda([_event("opening", START), _event("closing", START + timedelta(hours=3))])
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database)
    # the bot was down all day; it comes back 10 minutes before the opening
    due = reminders.due(agenda, START - timedelta(minutes=10))
    assert sorted((r.event.id, r.minutes, r.late) for r in due) == [
        ("closing", 1440, True),
        ("opening", 15, True),
        ("opening", 1440, True),
    ]
    # an event already under way gets nothing
    assert reminders.due(agenda, START + timedelta(minutes=5)) == []


def test_restart_neither_loses_nor_doubles(database: Database, tmp_path: Path) -> None:
    agenda = Agenda([_event("opening", START)])
    SubscriptionService(database).subscribe(1)
    first = ReminderService(database).due(agenda, START - timedelta(hours=24))
    database.close()  # crash after claiming, before sending
    reopened = Database(tmp_path / "bot.sqlite3")
    service = ReminderService(reopened)
    assert service.due(agenda, START - timedelta(hours=24)) == []  # not doubled
    unsent = service.unsent(agenda, START - timedelta(hours=24))
    assert [(r.chat_id, r.minutes) for r in unsent] == [(first[0].chat_id, 1440)]  # not lost
    service.sent(unsent[0])
    assert service.unsent(agenda, START - timedelta(hours=24)) == []


def test_series_personal_and_custom_leads(database: Database) -> None:
    agenda = Agenda([_event("a", START, "GLACY"), _event("b", START, "Octopus")])
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1, "GLACY")
    subscriptions.remind(2, "b", minutes=60)
    due = ReminderService(database).due(agenda, START - timedelta(minutes=60))
    assert sorted((r.chat_id, r.event.id, r.minutes) for r in due) == [
        (1, "a", 1440),
        (2, "b", 60),
    ]


def test_blocked_chats_get_nothing(database: Database) -> None:
    agenda = Agenda([_event("opening", START)])
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)
    subscriptions.mark_inactive(1)
    assert ReminderService(database).due(agenda, START - timedelta(minutes=15)) == []


def test_my_sessions_and_overlaps(database: Database) -> None:
    agenda = Agenda([_event("a", START), _event("b", START + timedelta(minutes=30), "x")])
    subscriptions = SubscriptionService(database)
    subscriptions.remind(1, "a")
    subscriptions.remind(1, "b")
    mine = subscriptions.my_events(1, agenda)
    assert [e.id for e in mine] == ["a", "b"]
    assert [(x.id, y.id) for x, y in overlaps(mine)] == [("a", "b")]


def test_timezone_is_validated(database: Database) -> None:
    subscriptions = SubscriptionService(database)
    assert subscriptions.set_timezone(1, "Asia/Tokyo").key == "Asia/Tokyo"
    assert subscriptions.timezone(1) == "Asia/Tokyo"
    with pytest.raises(ValueError, match="unknown time zone"):
        subscriptions.set_timezone(1, "Mars/Olympus")


def test_large_batches_are_claimed_a_tick_budget_at_a_time(database: Database) -> None:
    agenda = Agenda([_event("opening", START), _event("lunch", START + timedelta(hours=3))])
    subscriptions = SubscriptionService(database)
    for chat in range(1, 6):
        subscriptions.subscribe(chat)
    reminders = ReminderService(database, per_tick=2)
    moment = START - timedelta(hours=24)
    ticks = [reminders.due(agenda, moment + timedelta(minutes=3 * n)) for n in range(4)]
    # not late: the batch opened on time, even if its last claims leave minutes later
    assert [[(r.chat_id, r.event.id, r.late) for r in tick] for tick in ticks] == [
        [(1, "opening", False), (2, "opening", False)],
        [(3, "opening", False), (4, "opening", False)],
        [(5, "opening", False)],
        [],
    ]
