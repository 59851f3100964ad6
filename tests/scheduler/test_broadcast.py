"""Broadcast drafts, audiences, confirmation, refusal of non-organisers, and agenda diffs."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from scheduler.agenda import Agenda
from scheduler.broadcast import AlreadyConfirmed, BroadcastError, BroadcastService, NotAllowed
from scheduler.changes import diff_agendas
from scheduler.model import Event
from scheduler.reminders import SubscriptionService
from scheduler.store import Database

ORGANISER = 42
VILNIUS = ZoneInfo("Europe/Vilnius")
NOW = datetime(2010, 9, 14, 12, 0, tzinfo=VILNIUS)


def _event(
    identifier: str, hour: int, series: str | None = "IGF 2010", room: str = "Room 4"
) -> Event:
    start = datetime(2010, 9, 15, hour, 15, tzinfo=VILNIUS)
    return Event(
        identifier,
        f"Workshop {identifier}",
        "workshop",
        start,
        start + timedelta(hours=2),
        "Europe/Vilnius",
        room=room,
        series=series,
    )


@pytest.fixture
def followers(database: Database) -> SubscriptionService:
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)  # everything
    subscriptions.subscribe(2, "IGF 2010")
    subscriptions.subscribe(3, "Octopus 2010")
    subscriptions.remind(4, "ws23")
    subscriptions.subscribe(5)
    subscriptions.mark_inactive(5)
    return subscriptions


def _queued(database: Database, broadcast_id: int) -> list[int]:
    rows = database.query(
        "SELECT chat_id FROM outbox WHERE broadcast_id = ? ORDER BY chat_id", (broadcast_id,)
    )
    return [int(str(chat)) for (chat,) in rows]


def test_non_organiser_is_refused_and_logged(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    broadcasts = BroadcastService(database, {ORGANISER})
    with caplog.at_level(logging.WARNING), pytest.raises(NotAllowed):
        broadcasts.create(7, ["free pizza"])
    assert caplog.messages == ["user 7 tried to create a broadcast: not an organiser, refused"]
    assert database.query("SELECT COUNT(*) FROM broadcasts") == [(0,)]


def test_organiser_check_can_be_a_function(database: Database) -> None:
    broadcasts = BroadcastService(database, lambda user: user == ORGANISER)
    assert broadcasts.create(ORGANISER, ["hello"]).parts == ["hello"]
    with pytest.raises(NotAllowed):
        broadcasts.confirm(7, 1)


def test_everyone_means_active_followers_of_anything(
    database: Database, followers: SubscriptionService
) -> None:
    broadcasts = BroadcastService(database, {ORGANISER})
    preview = broadcasts.create(ORGANISER, ["Welcome to Vilnius"])
    assert preview.recipients == 4
    assert broadcasts.confirm(ORGANISER, preview.broadcast_id) == 4
    assert _queued(database, preview.broadcast_id) == [1, 2, 3, 4]


def test_everyone_includes_chats_that_only_started_the_bot(
    database: Database, followers: SubscriptionService
) -> None:
    followers.seen(6)  # sent /start, follows nothing
    followers.seen(5)  # had blocked the bot, wrote again
    broadcasts = BroadcastService(database, {ORGANISER})
    preview = broadcasts.create(ORGANISER, ["Welcome to Vilnius"])
    assert preview.recipients == 6
    broadcasts.confirm(ORGANISER, preview.broadcast_id)
    assert _queued(database, preview.broadcast_id) == [1, 2, 3, 4, 5, 6]
    series = broadcasts.create(ORGANISER, ["IGF only"], "IGF 2010")
    assert series.recipients == 3  # a series is still its followers only (5 follows all)


def test_unsubscribe_all_stops_announcements_until_the_chat_follows_again(
    database: Database, followers: SubscriptionService
) -> None:
    """A participant had no way to stop them but blocking the bot (walkthrough 14)."""
    followers.seen(6)  # sent /start, follows nothing
    followers.unsubscribe(6, personal=True)
    followers.unsubscribe(1, personal=True)
    broadcasts = BroadcastService(database, {ORGANISER})
    assert broadcasts.create(ORGANISER, ["Lunch is served"]).recipients == 3
    followers.seen(6)  # asking a question again is no consent to announcements
    assert broadcasts.create(ORGANISER, ["Lunch is served"]).recipients == 3
    followers.subscribe(1, "IGF 2010")
    preview = broadcasts.create(ORGANISER, ["Lunch is served"])
    broadcasts.confirm(ORGANISER, preview.broadcast_id)
    assert _queued(database, preview.broadcast_id) == [1, 2, 3, 4]


def test_series_audience_is_that_series_and_everything(
    database: Database, followers: SubscriptionService
) -> None:
    broadcasts = BroadcastService(database, {ORGANISER})
    preview = broadcasts.create(ORGANISER, ["IGF 2010: ws23 at 14:15"], "IGF 2010")
    assert preview.recipients == 2
    broadcasts.confirm(ORGANISER, preview.broadcast_id)
    assert _queued(database, preview.broadcast_id) == [1, 2]


def test_confirm_twice_queues_once(database: Database, followers: SubscriptionService) -> None:
    broadcasts = BroadcastService(database, {ORGANISER})
    preview = broadcasts.create(ORGANISER, ["hello"])
    assert broadcasts.confirm(ORGANISER, preview.broadcast_id) == 4
    with pytest.raises(AlreadyConfirmed):
        broadcasts.confirm(ORGANISER, preview.broadcast_id)
    assert broadcasts.report(preview.broadcast_id).total == 4


def test_cancelled_draft_cannot_be_confirmed(
    database: Database, followers: SubscriptionService
) -> None:
    broadcasts = BroadcastService(database, {ORGANISER, 43})
    preview = broadcasts.create(ORGANISER, ["hello"])
    with pytest.raises(BroadcastError):
        broadcasts.confirm(43, preview.broadcast_id)  # not their draft
    broadcasts.cancel(ORGANISER, preview.broadcast_id)
    with pytest.raises(BroadcastError):
        broadcasts.confirm(ORGANISER, preview.broadcast_id)
    assert _queued(database, preview.broadcast_id) == []


def test_empty_text_is_refused(database: Database) -> None:
    with pytest.raises(BroadcastError):
        BroadcastService(database, {ORGANISER}).create(ORGANISER, [])


def test_more_than_twenty_messages_are_refused(database: Database) -> None:
    with pytest.raises(BroadcastError, match="too long: 21 messages"):
        BroadcastService(database, {ORGANISER}).create(ORGANISER, ["part"] * 21)


def test_agenda_diff_finds_time_room_and_cancellation() -> None:
    old = Agenda([_event("ws23", 14), _event("ws24", 16), _event("ws25", 10), _event("ws26", 9)])
    moved = dataclasses.replace(
        _event("ws24", 16), start=_event("ws24", 17).start, end=_event("ws24", 17).end
    )
    new = Agenda([_event("ws23", 14, room="Room 2"), moved, _event("ws26", 9), _event("ws27", 9)])
    changes = diff_agendas(old, new, NOW)
    assert [(c.event_id, c.what) for c in changes] == [
        ("ws25", ("cancelled",)),
        ("ws23", ("room",)),
        ("ws24", ("time",)),
    ]


def test_changes_of_past_events_are_not_news() -> None:
    old = Agenda([_event("ws23", 14)])
    later = NOW + timedelta(days=2)
    assert diff_agendas(old, Agenda([]), later) == []


def test_a_schema_9_broadcast_keeps_its_parts_for_every_reader(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    Database(path).close()
    old = sqlite3.connect(path)
    old.executescript(
        """
        DROP TABLE broadcast_parts;
        CREATE TABLE broadcast_parts (broadcast_id INTEGER NOT NULL, part INTEGER NOT NULL,
                                      html TEXT NOT NULL, PRIMARY KEY (broadcast_id, part));
        INSERT INTO broadcast_parts VALUES (1, 0, 'Lunch in Hall B');
        PRAGMA user_version = 9;
        """
    )
    old.close()

    database = Database(path)

    assert database.query("SELECT html, language FROM broadcast_parts") == [("Lunch in Hall B", "")]
    database.close()


def test_the_bots_own_batches_are_no_broadcast(
    database: Database, followers: SubscriptionService
) -> None:
    """An agenda change notice is a batch of the outbox too, with each chat's own text: it
    had been reported as "Broadcast N: finished" (walkthrough 31)."""
    broadcasts = BroadcastService(database, {ORGANISER})
    sent = broadcasts.create(ORGANISER, ["hello"]).broadcast_id
    broadcasts.confirm(ORGANISER, sent)
    draft = broadcasts.create(ORGANISER, ["later"]).broadcast_id
    with database.transaction() as sql:
        notice = sql.execute(
            "INSERT INTO broadcasts (organiser, audience, status, created_at, confirmed_at)"
            " VALUES (0, 'event:ws23', 'confirmed', 1, 1)"
        ).lastrowid
        sql.execute(
            "INSERT INTO outbox (broadcast_id, chat_id, part, html) VALUES (?, 4, 0, 'moved')",
            (notice,),
        )

    assert broadcasts.status(sent) == "confirmed"
    assert broadcasts.status(int(notice or 0)) is None
    assert [number for number, _, _ in broadcasts.latest()] == [draft, sent]
