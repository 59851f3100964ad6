"""The announced agenda: small changes told once (also after downtime), large ones held."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from scheduler.agenda import Agenda
from scheduler.announce import SMALL_CHANGE, AnnouncedAgenda
from scheduler.changes import EventChange
from scheduler.model import Event
from scheduler.notices import DIGEST_AFTER, Notices
from scheduler.reminders import SubscriptionService
from scheduler.store import Database

VILNIUS = ZoneInfo("Europe/Vilnius")
NOW = datetime(2010, 9, 14, 12, 0, tzinfo=VILNIUS)


def _event(identifier: str, hour: int = 9, path: str = "igf.yaml", **changes: object) -> Event:
    start = datetime(2010, 9, 15, hour, 15, tzinfo=VILNIUS)
    event = Event(
        identifier,
        f"Workshop {identifier}",
        "workshop",
        start,
        start + timedelta(hours=1),
        "Europe/Vilnius",
        room="Room 4",
        series="IGF 2010",
        path=f"/agenda/{path}",
    )
    return dataclasses.replace(event, **changes)  # type: ignore[arg-type]


def _one(change: EventChange, zone: ZoneInfo, language: str | None) -> str:
    return f"{change.event_id} {','.join(change.what)} in {zone.key}"


def _digest(changes: Sequence[EventChange], zone: ZoneInfo, language: str | None) -> list[str]:
    return [f"{len(changes)} changes in {zone.key}", ",".join(c.event_id for c in changes)]


_render = Notices(_one, _digest)


def _notices(database: Database) -> list[tuple[object, ...]]:
    return database.query("SELECT chat_id, html FROM outbox ORDER BY broadcast_id, chat_id")


@pytest.fixture
def announced(database: Database) -> AnnouncedAgenda:
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)
    subscriptions.subscribe(2, "IGF 2010")
    subscriptions.set_timezone(2, "Asia/Tokyo")
    subscriptions.subscribe(3, "Octopus")
    return AnnouncedAgenda(database, "Europe/Paris")


def test_the_first_review_only_records_the_agenda(
    database: Database, announced: AnnouncedAgenda
) -> None:
    assert announced.review(Agenda([_event("ws1")]), NOW, _render) is None
    assert _notices(database) == []
    assert announced.review(Agenda([_event("ws1")]), NOW, _render) is None


def test_a_small_change_is_told_once_in_each_followers_zone(
    database: Database, announced: AnnouncedAgenda
) -> None:
    announced.review(Agenda([_event("ws1"), _event("ws2")]), NOW, _render)
    moved = Agenda([_event("ws1", hour=11), _event("ws2"), _event("ws3")])  # ws3 is new: no news
    review = announced.review(moved, NOW, _render)
    assert review is not None
    assert (review.held, review.queued, review.chats) == (False, 2, 2)
    assert _notices(database) == [(1, "ws1 time in Europe/Paris"), (2, "ws1 time in Asia/Tokyo")]
    assert announced.review(moved, NOW, _render) is None  # never twice


def test_edits_made_while_the_bot_was_stopped_are_told_at_start(tmp_path: Path) -> None:
    database = Database(tmp_path / "bot.sqlite3")
    SubscriptionService(database).subscribe(1)
    AnnouncedAgenda(database, "UTC").review(Agenda([_event("ws1")]), NOW, _render)
    database.close()
    restarted = Database(tmp_path / "bot.sqlite3")  # the organiser edited the file meanwhile
    review = AnnouncedAgenda(restarted, "UTC").review(
        Agenda([_event("ws1", room="Room 9")]), NOW, _render
    )
    assert review is not None and review.queued == 1
    assert _notices(restarted) == [(1, "ws1 room in UTC")]


def test_a_removed_file_is_held_until_an_organiser_decides(
    database: Database, announced: AnnouncedAgenda
) -> None:
    camp = [_event(f"camp{n}", path="camp2026.yaml") for n in range(3)]
    announced.review(Agenda([_event("ws1"), *camp]), NOW, _render)
    left = Agenda([_event("ws1")])
    held = announced.review(left, NOW, _render)
    assert held is not None and held.held
    assert held.changes.removed_files == ("camp2026.yaml",)
    assert (held.queued, held.notices, held.chats) == (0, 6, 2)
    assert _notices(database) == []
    again = announced.review(left, NOW, _render)  # a restart or another /reload: still held
    assert again is not None and again.held and again.held_id == held.held_id
    assert held.held_id is not None
    quiet = announced.decide(held.held_id, left, NOW, _render, send=False)
    assert quiet is not None and (quiet.held, quiet.queued) == (False, 0)
    assert _notices(database) == []
    assert announced.decide(held.held_id, left, NOW, _render, send=True) is None  # twice
    assert announced.review(left, NOW, _render) is None


def test_restoring_the_file_makes_the_held_change_vanish(announced: AnnouncedAgenda) -> None:
    full = Agenda([_event("ws1"), _event("camp1", path="camp.yaml")])
    announced.review(full, NOW, _render)
    assert announced.review(Agenda([_event("ws1")]), NOW, _render) is not None
    assert announced.review(full, NOW, _render) is None


def test_a_large_change_or_an_emptied_agenda_is_held(announced: AnnouncedAgenda) -> None:
    many = [_event(f"ws{n}") for n in range(SMALL_CHANGE + 1)]
    announced.review(Agenda(many), NOW, _render)
    moved = Agenda([dataclasses.replace(e, room="Hall B") for e in many])
    review = announced.review(moved, NOW, _render)
    assert review is not None and review.held and not review.changes.removed_files
    emptied = announced.review(Agenda([]), NOW, _render)
    assert emptied is not None and emptied.held and emptied.changes.emptied


def test_sending_a_held_change_queues_every_notice(
    database: Database, announced: AnnouncedAgenda
) -> None:
    announced.review(Agenda([_event("ws1"), _event("camp1", path="camp.yaml")]), NOW, _render)
    left = Agenda([_event("ws1")])
    held = announced.review(left, NOW, _render)
    assert held is not None and held.held_id is not None
    stale = announced.decide(held.held_id + 1, left, NOW, _render, send=True)
    assert stale is None and _notices(database) == []  # not the change that was shown
    sent = announced.decide(held.held_id, left, NOW, _render, send=True)
    assert sent is not None and sent.queued == 2
    assert _notices(database) == [
        (1, "camp1 cancelled in Europe/Paris"),
        (2, "camp1 cancelled in Asia/Tokyo"),
    ]


def test_past_sessions_are_not_news(database: Database, announced: AnnouncedAgenda) -> None:
    announced.review(Agenda([_event("ws1"), _event("ws2")]), NOW, _render)
    later = NOW + timedelta(days=3)
    assert announced.review(Agenda([_event("ws2", room="Hall")]), later, _render) is None


def test_a_decision_acts_only_on_the_change_it_was_shown_for(
    database: Database, announced: AnnouncedAgenda
) -> None:
    """The same file removed twice is the same digest twice: each time is its own change."""
    full = Agenda([_event("ws1"), _event("camp1", path="camp.yaml")])
    left = Agenda([_event("ws1")])
    announced.review(full, NOW, _render)
    first = announced.review(left, NOW, _render)
    assert first is not None and first.held_id is not None
    assert announced.decide(first.held_id, left, NOW, _render, send=False) is not None
    announced.review(full, NOW, _render)  # the file is back (a new session: no news)
    second = announced.review(left, NOW, _render)  # and removed again
    assert second is not None and second.changes.digest == first.changes.digest
    assert second.held_id != first.held_id
    assert announced.decide(first.held_id, left, NOW, _render, send=True) is None
    assert _notices(database) == []
    announced.review(full, NOW, _render)  # restored while waiting: the change is gone
    third = announced.review(left, NOW, _render)
    assert third is not None and third.held_id not in {first.held_id, second.held_id}
    assert announced.decide(second.held_id or 0, left, NOW, _render, send=True) is None
    assert announced.decide(third.held_id or 0, left, NOW, _render, send=True) is not None
    assert len(_notices(database)) == 2


def test_a_chat_following_many_changed_sessions_gets_one_digest(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """Chat 1 follows everything, chat 2 the IGF, chat 4 one session: 2 and 1 get a digest
    (in two parts, in order), 4 a notice; after a restart nothing is told again."""
    SubscriptionService(database).remind(4, "ws0")
    many = [_event(f"ws{n}") for n in range(DIGEST_AFTER + 1)]
    announced.review(Agenda(many), NOW, _render)
    moved = Agenda([dataclasses.replace(e, room="Hall B") for e in many])

    review = announced.review(moved, NOW, _render)

    assert review is not None and not review.held
    assert (review.queued, review.chats) == (5, 3)
    assert database.query("SELECT chat_id, part, html FROM outbox ORDER BY chat_id, part") == [
        (1, 0, "4 changes in Europe/Paris"),
        (1, 1, "ws0,ws1,ws2,ws3"),
        (2, 0, "4 changes in Asia/Tokyo"),
        (2, 1, "ws0,ws1,ws2,ws3"),
        (4, 0, "ws0 room in Europe/Paris"),
    ]
    restarted = AnnouncedAgenda(Database(tmp_path / "bot.sqlite3"), "Europe/Paris")
    assert restarted.review(moved, NOW, _render) is None


def test_a_held_change_counts_a_digest_as_one_message(
    database: Database, announced: AnnouncedAgenda
) -> None:
    many = [_event(f"ws{n}") for n in range(SMALL_CHANGE + 1)]
    announced.review(Agenda(many), NOW, _render)
    moved = Agenda([dataclasses.replace(e, room="Hall B") for e in many])
    held = announced.review(moved, NOW, _render)
    assert held is not None and held.held and held.held_id is not None
    assert (held.notices, held.chats) == (2, 2)  # one digest each to chats 1 and 2
    sent = announced.decide(held.held_id, moved, NOW, _render, send=True)
    assert sent is not None and (sent.queued, sent.chats) == (4, 2)  # two parts each


def test_a_session_back_after_its_cancellation_was_told_is_told_restored(
    database: Database, announced: AnnouncedAgenda
) -> None:
    full = Agenda([_event("ws1"), _event("ws2")])
    announced.review(full, NOW, _render)
    announced.review(Agenda([_event("ws1")]), NOW, _render)  # ws2 cancelled: told

    review = announced.review(full, NOW, _render)

    assert review is not None and not review.held
    assert (review.changes.count("restored"), review.queued) == (1, 2)
    assert _notices(database)[2:] == [
        (1, "ws2 restored in Europe/Paris"),
        (2, "ws2 restored in Asia/Tokyo"),
    ]
    assert announced.review(full, NOW, _render) is None  # never twice


def test_a_restored_session_is_told_after_a_restart_and_at_its_new_time(tmp_path: Path) -> None:
    """The told cancellation is in the database: a restart between the cancellation and the
    restoration (or the organiser's edits while the bot was stopped) loses nothing."""
    database = Database(tmp_path / "bot.sqlite3")
    SubscriptionService(database).subscribe(1)
    AnnouncedAgenda(database, "UTC").review(Agenda([_event("ws1"), _event("ws2")]), NOW, _render)
    AnnouncedAgenda(database, "UTC").review(Agenda([_event("ws1")]), NOW, _render)
    database.close()
    restarted = Database(tmp_path / "bot.sqlite3")
    back = Agenda([_event("ws1"), _event("ws2", hour=14)])

    review = AnnouncedAgenda(restarted, "UTC").review(back, NOW, _render)

    assert review is not None and review.queued == 1
    [change] = review.changes.changes
    assert (change.before.start.hour, change.after and change.after.start.hour) == (9, 14)
    assert _notices(restarted) == [(1, "ws2 cancelled in UTC"), (1, "ws2 restored in UTC")]


def test_a_session_back_before_followers_heard_of_its_cancellation_is_no_news(
    database: Database, announced: AnnouncedAgenda
) -> None:
    """Followers were never told: the held change was decided silently, or is still held."""
    full = Agenda([_event("ws1"), _event("camp1", path="camp.yaml")])
    left = Agenda([_event("ws1")])
    announced.review(full, NOW, _render)
    held = announced.review(left, NOW, _render)
    assert held is not None and held.held_id is not None
    announced.decide(held.held_id, left, NOW, _render, send=False)

    assert announced.review(full, NOW, _render) is None
    assert _notices(database) == []


def test_a_told_cancellation_is_forgotten_once_the_session_is_over(
    database: Database, announced: AnnouncedAgenda
) -> None:
    full = Agenda([_event("ws1", hour=20), _event("ws2")])
    announced.review(full, NOW, _render)
    announced.review(Agenda([_event("ws1", hour=20)]), NOW, _render)  # ws2 cancelled: told
    after_ws2 = NOW + timedelta(days=1, hours=1)
    assert announced.review(Agenda([_event("ws1", hour=20)]), after_ws2, _render) is None

    assert announced.review(full, after_ws2, _render) is None
    assert database.query("SELECT COUNT(*) FROM told_cancelled") == [(0,)]
