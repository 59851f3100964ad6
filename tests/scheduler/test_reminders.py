"""Reminders with a controllable clock: due once, late after downtime, never after start."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.outbox import OutboxDispatcher, SendResult
from scheduler.reminders import ReminderService, SubscriptionService, overlaps
from scheduler.store import SCHEMA_VERSION, Database
from tests.scheduler.conftest import FakeClock, ScriptedSender

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
    reminders.first_seen(agenda, START - timedelta(days=3))  # on the agenda for days
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
    service.queue([(unsent[0], "reminder")])
    assert service.unsent(agenda, START - timedelta(hours=24)) == []


def test_a_moved_session_is_reminded_again_for_its_new_time(database: Database) -> None:
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database)
    before = Agenda([_event("opening", START)])
    for reminder in reminders.due(before, START - timedelta(hours=24)):
        reminders.queue([(reminder, "reminder")])
    moved = Agenda([_event("opening", START + timedelta(hours=2))])  # the organiser reloads
    # the day-before reminder went out for the old time; the change notice covers the move
    assert reminders.due(moved, START - timedelta(hours=12)) == []
    [again] = reminders.due(moved, START + timedelta(hours=2) - timedelta(minutes=15))
    assert (again.chat_id, again.minutes, again.event.start) == (1, 15, moved.events[0].start)


def test_an_unsent_reminder_for_the_old_time_is_not_resent_after_a_move(
    database: Database,
) -> None:
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database)
    reminders.due(Agenda([_event("opening", START)]), START - timedelta(minutes=15))  # no send
    moved = Agenda([_event("opening", START + timedelta(hours=2))])
    assert reminders.unsent(moved, START - timedelta(minutes=10)) == []


def test_a_schema_4_database_keeps_its_deliveries(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        """
        CREATE TABLE chats (chat_id INTEGER PRIMARY KEY, timezone TEXT,
                            active INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE subscriptions (chat_id INTEGER NOT NULL, series TEXT NOT NULL,
                                    PRIMARY KEY (chat_id, series));
        CREATE TABLE deliveries (chat_id INTEGER NOT NULL, event_id TEXT NOT NULL,
                                 minutes INTEGER NOT NULL, claimed_at REAL NOT NULL,
                                 sent_at REAL, PRIMARY KEY (chat_id, event_id, minutes));
        CREATE TABLE lead_runs (event_id TEXT NOT NULL, minutes INTEGER NOT NULL,
                                start REAL NOT NULL, PRIMARY KEY (event_id, minutes, start));
        PRAGMA user_version = 4;
        """
    )
    stamp = START.timestamp()
    old.execute("INSERT INTO chats (chat_id) VALUES (1)")
    old.execute("INSERT INTO subscriptions VALUES (1, '*')")
    old.execute("INSERT INTO deliveries VALUES (1, 'opening', 1440, ?, ?)", (stamp, stamp))
    old.execute("INSERT INTO lead_runs VALUES ('opening', 1440, ?)", (stamp,))
    old.commit()
    old.close()

    database = Database(path)
    agenda = Agenda([_event("opening", START)])

    assert database.query("SELECT chat_id, event_id, minutes, start FROM deliveries") == [
        (1, "opening", 1440, stamp)
    ]
    assert ReminderService(database).due(agenda, START - timedelta(hours=23)) == []  # not again
    assert database.query("PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_series_personal_and_custom_leads(database: Database) -> None:
    agenda = Agenda([_event("a", START, "GLACY"), _event("b", START, "Octopus")])
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1, "GLACY")
    subscriptions.remind(2, "b", minutes=60)
    reminders = ReminderService(database)
    reminders.first_seen(agenda, START - timedelta(days=3))
    due = reminders.due(agenda, START - timedelta(minutes=60))
    assert sorted((r.chat_id, r.event.id, r.minutes) for r in due) == [
        (1, "a", 1440),
        (2, "b", 60),
    ]


def test_a_remind_lead_is_for_that_session_only(database: Database) -> None:
    agenda = Agenda([_event("a", START), _event("b", START + timedelta(hours=2))])
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)
    subscriptions.remind(1, "a", minutes=5)
    reminders = ReminderService(database)
    reminders.first_seen(agenda, START - timedelta(days=3))
    moments = [START + timedelta(hours=2) - timedelta(hours=24), START - timedelta(minutes=15)]
    moments += [START - timedelta(minutes=5), START + timedelta(hours=2) - timedelta(minutes=15)]
    due = [(r.event.id, r.minutes) for moment in moments for r in reminders.due(agenda, moment)]
    # "a" only at its own 5 minutes; "b" keeps the defaults (its 24-hour moment comes first)
    assert due == [("b", 1440), ("a", 5), ("b", 15)]


def test_unsubscribe_keeps_personal_reminders_unless_asked(database: Database) -> None:
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)
    subscriptions.remind(1, "a", minutes=30)
    assert subscriptions.unsubscribe(1) == 1
    assert subscriptions.personal(1) == {"a": 30}
    assert subscriptions.unsubscribe(1, personal=True) == 1
    assert subscriptions.personal(1) == {}


def test_leads_ahead_promise_only_what_will_come(database: Database) -> None:
    event = _event("a", START)
    subscriptions = SubscriptionService(database)
    assert subscriptions.leads_ahead(1, event, START - timedelta(days=2)) == []  # not followed
    subscriptions.subscribe(1)
    assert subscriptions.leads_ahead(1, event, START - timedelta(days=2)) == [1440, 15]
    assert subscriptions.leads_ahead(1, event, START - timedelta(minutes=17)) == [15]
    assert subscriptions.leads_ahead(1, event, START - timedelta(minutes=10)) == []
    subscriptions.remind(1, "a", 60)
    assert subscriptions.leads_ahead(1, event, START - timedelta(hours=3)) == [60]
    assert subscriptions.leads_ahead(1, event, START + timedelta(minutes=1)) == []


def test_a_schema_6_chat_wide_lead_stays_with_its_personal_reminders(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        """
        CREATE TABLE leads (chat_id INTEGER NOT NULL, minutes INTEGER NOT NULL,
                            PRIMARY KEY (chat_id, minutes));
        CREATE TABLE personal (chat_id INTEGER NOT NULL, event_id TEXT NOT NULL,
                               PRIMARY KEY (chat_id, event_id));
        INSERT INTO leads VALUES (1, 30);
        INSERT INTO personal VALUES (1, 'a'), (2, 'a');
        PRAGMA user_version = 6;
        """
    )
    old.close()
    subscriptions = SubscriptionService(Database(path))
    assert (subscriptions.personal(1), subscriptions.personal(2)) == ({"a": 30}, {"a": None})


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


def test_a_session_added_late_gets_only_the_reminders_still_ahead(database: Database) -> None:
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database)
    agenda = Agenda([_event("opening", START)])
    # added 16 minutes before it starts: no "sent late" 24-hour reminder, then the 15-minute one
    assert reminders.due(agenda, START - timedelta(minutes=16)) == []
    [soon] = reminders.due(agenda, START - timedelta(minutes=15))
    assert (soon.minutes, soon.late) == (15, False)


def test_queued_reminders_are_in_the_outbox_and_no_longer_unsent(database: Database) -> None:
    subscriptions = SubscriptionService(database)
    for chat in (1, 2):
        subscriptions.subscribe(chat)
    reminders = ReminderService(database)
    agenda = Agenda([_event("opening", START)])
    due = reminders.due(agenda, START - timedelta(minutes=15))
    assert reminders.queue([(r, f"for {r.chat_id}") for r in due]) == 2
    assert reminders.queue([(r, f"for {r.chat_id}") for r in due]) == 0  # never twice
    assert reminders.unsent(agenda, START - timedelta(minutes=15)) == []
    rows = database.query("SELECT chat_id, html, expires FROM outbox ORDER BY chat_id")
    assert rows == [(1, "for 1", START.timestamp()), (2, "for 2", START.timestamp())]


async def test_a_429_mid_batch_delays_the_reminders_but_loses_none(database: Database) -> None:
    clock = FakeClock(START.timestamp() - 15 * 60)
    subscriptions = SubscriptionService(database)
    for chat in range(1, 301):
        subscriptions.subscribe(chat)
    reminders = ReminderService(database, clock=clock)
    agenda = Agenda([_event("opening", START)])
    due = reminders.due(agenda, START - timedelta(minutes=15))
    reminders.queue([(r, "⏰ Opening") for r in due])
    sender = ScriptedSender(clock, {31: [SendResult.retry(5)], 200: [SendResult.transient("x")]})
    dispatcher = OutboxDispatcher(database, sender, clock=clock, sleep=clock.sleep)
    assert await dispatcher.run_until_idle() == 300
    assert sorted(chat for _, chat, _ in sender.delivered) == list(range(1, 301))


async def test_a_reminder_still_waiting_when_the_session_begins_is_not_sent(
    database: Database,
) -> None:
    clock = FakeClock(START.timestamp() - 15 * 60)
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database, clock=clock)
    agenda = Agenda([_event("opening", START)])
    reminders.queue([(r, "⏰") for r in reminders.due(agenda, START - timedelta(minutes=15))])
    sender = ScriptedSender(clock, {1: [SendResult.retry(20 * 60)]})  # flood control: 20 min
    dispatcher = OutboxDispatcher(database, sender, clock=clock, sleep=clock.sleep)
    assert await dispatcher.run_until_idle() == 0
    assert sender.delivered == []
    assert database.query("SELECT status FROM outbox") == [("expired",)]


def test_a_chat_that_writes_again_after_blocking_gets_reminders_again(
    database: Database,
) -> None:
    agenda = Agenda([_event("opening", START)])
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)
    subscriptions.mark_inactive(1)  # Telegram said 403: blocked
    subscriptions.seen(1)  # they unblocked and wrote to the bot
    [due] = ReminderService(database).due(agenda, START - timedelta(minutes=15))
    assert due.chat_id == 1


def test_a_command_waits_out_another_programs_lock(database: Database, tmp_path: Path) -> None:
    """A backup or a sqlite3 shell holding the write lock for a moment delays, never loses."""
    other = sqlite3.connect(tmp_path / "bot.sqlite3", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(1.0, lambda: other.execute("COMMIT"))
    release.start()
    SubscriptionService(database).subscribe(7)
    release.join()
    other.close()
    assert SubscriptionService(database).series(7) == ["*"]


def test_a_session_moved_late_gets_only_the_reminders_still_ahead(database: Database) -> None:
    SubscriptionService(database).subscribe(1)
    reminders = ReminderService(database)
    assert reminders.due(Agenda([_event("opening", START)]), START - timedelta(days=3)) == []
    # moved three days earlier, seen 20 hours before its new start: the 24-hour moment had
    # passed when the move was seen, so no "sent late" reminder; the 15-minute one comes
    moved = Agenda([_event("opening", START - timedelta(days=2))])
    seen = START - timedelta(days=2, hours=20)
    assert reminders.due(moved, seen) == []
    [soon] = reminders.due(moved, START - timedelta(days=2, minutes=15))
    assert (soon.minutes, soon.late) == (15, False)


def test_sessions_seen_before_starts_were_recorded_keep_their_first_sighting(
    database: Database,
) -> None:
    SubscriptionService(database).subscribe(1)
    with database.transaction() as sql:  # a row written by an earlier version: the id alone
        sql.execute(
            "INSERT INTO events_seen VALUES ('opening', ?)", (START.timestamp() - 86400 * 7,)
        )
    [missed] = ReminderService(database).due(
        Agenda([_event("opening", START)]), START - timedelta(hours=23)
    )
    assert (missed.minutes, missed.late) == (1440, True)
