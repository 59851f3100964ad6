"""Subscriptions and reminders: who follows what, and which reminders are due now.

A chat follows the whole agenda, a series, or single events (/remind). Before each followed
event it gets a reminder at each of its lead times (default 24 h and 15 min). A reminder
missed while the bot was down is still sent, marked late, if the event has not started yet;
once it has started the reminder is dropped. A lead whose moment had already passed when the
session first appeared on the agenda is not sent at all: a session added 16 minutes ahead gets
its 15-minute reminder, not a late 24-hour one.

Due reminders are claimed here and handed to the outbox (see queue), which paces them, waits
out Telegram's flood control and retries, exactly as for broadcasts.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.store import SYSTEM, Database
from scheduler.zones import MAX_NAME, parse_zone

DEFAULT_LEADS = (24 * 60, 15)
EVERYTHING = "*"
LATE_AFTER = 120  # seconds past its moment after which a reminder says it is late
PER_TICK = 1000  # claims per tick: about what 30 messages/s send between two 30 s ticks

# One batch's next followers in chat id order (chats is keyed by chat_id: a range scan that
# stops after :budget hits). Followers: everything, the event's series, or a personal /remind;
# a /remind with its own lead time gets only that one for its session, all else the defaults.
_CLAIM = """
INSERT INTO deliveries (chat_id, event_id, minutes, start, claimed_at, sent_at)
SELECT c.chat_id, :event, :minutes, :start, :stamp, NULL FROM chats c
WHERE c.chat_id > :cursor AND c.active = 1
  AND (EXISTS (SELECT 1 FROM subscriptions s
               WHERE s.chat_id = c.chat_id AND s.series IN ('*', :series))
       OR EXISTS (SELECT 1 FROM personal p WHERE p.chat_id = c.chat_id AND p.event_id = :event))
  AND COALESCE((SELECT p.minutes = :minutes FROM personal p
                 WHERE p.chat_id = c.chat_id AND p.event_id = :event AND p.minutes IS NOT NULL),
                :minutes IN (:first, :second))
  AND NOT EXISTS (SELECT 1 FROM deliveries x
                  WHERE x.chat_id = c.chat_id AND x.event_id = :event AND x.minutes = :minutes
                    AND x.start = :start)
ORDER BY c.chat_id
LIMIT :budget
ON CONFLICT DO NOTHING
RETURNING chat_id
"""


def _reminded_for_another_start(
    sql: sqlite3.Connection, event_id: str, minutes: int, start: float
) -> bool:
    found = sql.execute(
        "SELECT 1 FROM lead_runs WHERE event_id = ? AND minutes = ? AND start != ? LIMIT 1",
        (event_id, minutes, start),
    ).fetchone()
    return found is not None


def seen_key(event: Event) -> str:
    """An event at one start, as ``events_seen`` records it: "opening@1774252800"."""
    return f"{event.id}@{event.start.timestamp():.0f}"


@dataclass(frozen=True, slots=True)
class DueReminder:
    chat_id: int
    event: Event
    minutes: int  # the lead time this reminder is for
    late: bool  # its moment passed while the bot was down


class SubscriptionService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def subscribe(self, chat_id: int, series: str = EVERYTHING) -> None:
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            # following anything again brings the organisers' announcements back too
            sql.execute(
                "UPDATE chats SET active = 1, announcements = 1 WHERE chat_id = ?", (chat_id,)
            )
            sql.execute("INSERT OR IGNORE INTO subscriptions VALUES (?, ?)", (chat_id, series))

    def unsubscribe(
        self, chat_id: int, series: str | None = None, *, personal: bool = False
    ) -> int:
        """Stop following a series, or every series (None); ``personal`` also drops the
        /remind choices, which are kept otherwise, and the organisers' announcements to
        everyone ("/unsubscribe all": nothing more until the chat follows something again).
        Returns the follows removed."""
        with self.db.transaction() as sql:
            if series is not None:
                return int(
                    sql.execute(
                        "DELETE FROM subscriptions WHERE chat_id = ? AND series = ?",
                        (chat_id, series),
                    ).rowcount
                )
            count = sql.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount
            if personal:
                count += sql.execute("DELETE FROM personal WHERE chat_id = ?", (chat_id,)).rowcount
                sql.execute("UPDATE chats SET announcements = 0 WHERE chat_id = ?", (chat_id,))
            return int(count)

    def remind(self, chat_id: int, event_id: str, minutes: int | None = None) -> None:
        """Follow one session, at ``minutes`` before it (that session only) or the defaults."""
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            sql.execute("UPDATE chats SET active = 1 WHERE chat_id = ?", (chat_id,))
            sql.execute(
                "INSERT INTO personal VALUES (?, ?, ?)"
                " ON CONFLICT (chat_id, event_id) DO UPDATE SET minutes = excluded.minutes",
                (chat_id, event_id, minutes),
            )

    def forget(self, chat_id: int, event_id: str) -> bool:
        """Drop a personal reminder; False when there was none."""
        with self.db.transaction() as sql:
            return bool(
                sql.execute(
                    "DELETE FROM personal WHERE chat_id = ? AND event_id = ?", (chat_id, event_id)
                ).rowcount
            )

    def personal(self, chat_id: int) -> dict[str, int | None]:
        """The chat's personal reminders: event id -> its own lead (None: the defaults)."""
        rows = self.db.query("SELECT event_id, minutes FROM personal WHERE chat_id = ?", (chat_id,))
        return {str(e): int(str(m)) if m is not None else None for e, m in rows}

    def leads_ahead(self, chat_id: int, event: Event, now: datetime) -> list[int]:
        """The lead times (minutes) of the reminders this chat will still get for ``event``,
        longest first: none for a session under way or over, none whose moment has passed."""
        mine = self.personal(chat_id)
        followed = event.id in mine or bool(
            {EVERYTHING, event.series or ""} & set(self.series(chat_id))
        )
        if not followed:
            return []
        own = mine.get(event.id)
        leads = (own,) if own is not None else DEFAULT_LEADS
        return sorted((m for m in leads if event.start - timedelta(minutes=m) > now), reverse=True)

    def set_timezone(self, chat_id: int, zone: str) -> ZoneInfo:
        """Remember the chat's own zone (a name, a city or a UTC offset); raises ValueError
        for text that names no zone."""
        found = parse_zone(zone)
        if found is None:
            raise ValueError(f"unknown time zone {zone[:MAX_NAME]!r}")
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            sql.execute("UPDATE chats SET timezone = ? WHERE chat_id = ?", (found.key, chat_id))
        return found

    def timezone(self, chat_id: int) -> str | None:
        rows = self.db.query("SELECT timezone FROM chats WHERE chat_id = ?", (chat_id,))
        return str(rows[0][0]) if rows and rows[0][0] else None

    def set_language(self, chat_id: int, language: str) -> None:
        """The chat's chosen interface language (a code with a catalog: the caller checks)."""
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            sql.execute("UPDATE chats SET language = ? WHERE chat_id = ?", (language, chat_id))

    def language(self, chat_id: int) -> str | None:
        """The language chosen for the chat, else the one Telegram last gave for it."""
        rows = self.db.query(
            "SELECT COALESCE(language, user_language) FROM chats WHERE chat_id = ?", (chat_id,)
        )
        return str(rows[0][0]) if rows and rows[0][0] else None

    def chosen_language(self, chat_id: int) -> str | None:
        rows = self.db.query("SELECT language FROM chats WHERE chat_id = ?", (chat_id,))
        return str(rows[0][0]) if rows and rows[0][0] else None

    def seen_language(self, chat_id: int, language: str) -> None:
        """Telegram's language for a chat that follows something, kept for its reminders
        and notices (a chat that follows nothing has no row, and none is made for it)."""
        if self.db.query(
            "SELECT 1 FROM chats WHERE chat_id = ? AND user_language IS NOT ?",
            (chat_id, language),
        ):
            with self.db.transaction() as sql:
                sql.execute(
                    "UPDATE chats SET user_language = ? WHERE chat_id = ?", (language, chat_id)
                )

    def tell_once(self, chat_id: int) -> bool:
        """True the first time only: the chat is told that treaty texts are in English."""
        if self.db.query("SELECT 1 FROM chats WHERE chat_id = ? AND told_english = 1", (chat_id,)):
            return False
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            told = sql.execute(
                "UPDATE chats SET told_english = 1 WHERE chat_id = ? AND told_english = 0",
                (chat_id,),
            )
            return bool(told.rowcount)

    def series(self, chat_id: int) -> list[str]:
        rows = self.db.query("SELECT series FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return sorted(str(r[0]) for r in rows)

    def my_events(self, chat_id: int, agenda: Agenda) -> list[Event]:
        followed = set(self.series(chat_id))
        personal = {
            str(r[0])
            for r in self.db.query("SELECT event_id FROM personal WHERE chat_id = ?", (chat_id,))
        }
        return [
            e
            for e in agenda.sorted()
            if e.id in personal or EVERYTHING in followed or (e.series or "") in followed
        ]

    def seen(self, chat_id: int) -> None:
        """A private chat wrote to the bot: it is known from now on (a plain /broadcast reaches
        everyone who uses the bot), and one that had blocked the bot is delivered to again."""
        if self.db.query("SELECT 1 FROM chats WHERE chat_id = ? AND active = 1", (chat_id,)):
            return  # the usual case: no write for every message
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            sql.execute("UPDATE chats SET active = 1 WHERE chat_id = ?", (chat_id,))

    def mark_inactive(self, chat_id: int) -> None:
        """The user blocked the bot: stop sending to them."""
        with self.db.transaction() as sql:
            sql.execute("UPDATE chats SET active = 0 WHERE chat_id = ?", (chat_id,))


def overlaps(events: list[Event]) -> list[tuple[Event, Event]]:
    ordered = sorted(events, key=lambda e: e.start)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :] if a.overlaps(b)]


class ReminderService:
    def __init__(
        self,
        database: Database,
        clock: Callable[[], float] = time.time,
        per_tick: int = PER_TICK,
    ) -> None:
        self.db = database
        self.clock = clock
        self.per_tick = per_tick

    def due(self, agenda: Agenda, now: datetime) -> list[DueReminder]:
        """Claim and return reminders due at ``now`` (at most ``per_tick``); each only once.

        Work is done per (event, lead) batch as its moment arrives: a tick with nothing new
        costs almost nothing however many subscribers there are. A batch is claimed in chat id
        order, ``per_tick`` at a time (what can be sent before the next tick anyway), so a tick
        stays short and few claims are left unsent by a crash. Someone who subscribes after a
        lead's moment has passed gets the later leads only.
        """
        batches = self._due_batches(agenda, now)
        if not batches:
            return []
        stamp = self.clock()
        budget = self.per_tick
        claimed: list[DueReminder] = []
        with self.db.transaction() as sql:
            for event, minutes in batches:
                if budget == 0:
                    break
                key = (event.id, minutes, event.start.timestamp())
                found = sql.execute(
                    "SELECT opened_at, cursor FROM open_batches"
                    " WHERE event_id = ? AND minutes = ? AND start = ?",
                    key,
                ).fetchone()
                opened, cursor = (
                    (float(found[0]), int(found[1])) if found else (now.timestamp(), -1)
                )
                late = opened - (event.start.timestamp() - minutes * 60) > LATE_AFTER
                if not found and late and _reminded_for_another_start(sql, *key):
                    # moved after this lead's reminder went out: the change notice told them
                    sql.execute("INSERT OR IGNORE INTO lead_runs VALUES (?, ?, ?)", key)
                    continue
                chats = [
                    int(row[0])
                    for row in sql.execute(
                        _CLAIM,
                        {
                            "event": event.id,
                            "series": event.series or "",
                            "minutes": minutes,
                            "start": event.start.timestamp(),
                            "cursor": cursor,
                            "budget": budget,
                            "stamp": stamp,
                            "first": DEFAULT_LEADS[0],
                            "second": DEFAULT_LEADS[1],
                        },
                    ).fetchall()
                ]
                if len(chats) < budget:  # everyone is claimed: the batch is closed
                    sql.execute(
                        "DELETE FROM open_batches WHERE event_id = ? AND minutes = ? AND start = ?",
                        key,
                    )
                    sql.execute("INSERT OR IGNORE INTO lead_runs VALUES (?, ?, ?)", key)
                else:
                    sql.execute(
                        "INSERT OR REPLACE INTO open_batches VALUES (?, ?, ?, ?, ?)",
                        (*key, opened, max(chats)),
                    )
                budget -= len(chats)
                claimed.extend(DueReminder(chat, event, minutes, late) for chat in sorted(chats))
        return claimed

    def first_seen(self, agenda: Agenda, now: datetime) -> dict[str, float]:
        """When each event first appeared on the agenda at its start (now, for new ones), by
        ``seen_key``: a session moved is new at its new time, so a lead already past when
        the move is seen never comes "sent late". A key recorded before starts were (the
        event id alone) stands for the start the event has."""
        seen = {
            str(event): float(str(moment))
            for event, moment in self.db.query("SELECT event_id, first_seen FROM events_seen")
        }
        new = [
            (seen_key(e), seen.get(e.id, now.timestamp()))
            for e in agenda.events
            if seen_key(e) not in seen
        ]
        if new:
            with self.db.transaction() as sql:
                sql.executemany("INSERT OR IGNORE INTO events_seen VALUES (?, ?)", new)
            seen.update(new)
        return seen

    def _due_batches(self, agenda: Agenda, now: datetime) -> list[tuple[Event, int]]:
        """(event, lead) pairs whose moment has come, not yet fully claimed, soonest first;
        a lead whose moment had passed before the event appeared is never due."""
        own: dict[str, set[int]] = {}
        for event_id, minutes in self.db.query(
            "SELECT DISTINCT event_id, minutes FROM personal WHERE minutes IS NOT NULL"
        ):
            own.setdefault(str(event_id), set()).add(int(str(minutes)))
        done = {
            (str(e), int(str(m)), float(str(t)))
            for e, m, t in self.db.query("SELECT event_id, minutes, start FROM lead_runs")
        }
        seen = self.first_seen(agenda, now)
        return sorted(
            (
                (e, minutes)
                for e in agenda.events
                if e.start > now
                for minutes in sorted(set(DEFAULT_LEADS) | own.get(e.id, set()))
                if seen[seen_key(e)] <= (moment := e.start - timedelta(minutes=minutes)).timestamp()
                and moment <= now
                and (e.id, minutes, e.start.timestamp()) not in done
            ),
            key=lambda pair: (pair[0].start, -pair[1], pair[0].id),
        )

    def queue(self, messages: list[tuple[DueReminder, str]]) -> int:
        """Hand claimed reminders, each with its chat's own text, to the outbox; rows queued.

        One transaction queues the rows and marks the claims done, so a crash leaves each
        claim either queued (the outbox delivers it) or unsent (``unsent`` finds it again);
        never both, never neither. A row expires when its session begins."""
        now = self.clock()
        queued = 0
        batches: dict[str, int] = {}
        with self.db.transaction() as sql:
            for reminder, html in messages:
                event, start = reminder.event, reminder.event.start.timestamp()
                audience = f"reminder:{event.id}:{reminder.minutes}:{start:.0f}"
                if audience not in batches:
                    batches[audience] = _batch(sql, audience, now)
                queued += sql.execute(
                    "INSERT OR IGNORE INTO outbox (broadcast_id, chat_id, part, html, expires)"
                    " VALUES (?, ?, 0, ?, ?)",
                    (batches[audience], reminder.chat_id, html, start),
                ).rowcount
                sql.execute(
                    "UPDATE deliveries SET sent_at = ?"
                    " WHERE chat_id = ? AND event_id = ? AND minutes = ? AND start = ?",
                    (now, reminder.chat_id, event.id, reminder.minutes, start),
                )
        return queued

    def unsent(self, agenda: Agenda, now: datetime) -> list[DueReminder]:
        """Claims never handed to the outbox (the bot died in between): still worth sending,
        unless the event has started or moved (the batch for its new start reminds anew)."""
        rows = self.db.query(
            "SELECT chat_id, event_id, minutes, start FROM deliveries WHERE sent_at IS NULL"
        )
        events = {e.id: e for e in agenda.events}
        return [
            DueReminder(int(str(chat)), events[str(event)], int(str(minutes)), True)
            for chat, event, minutes, start in rows
            if str(event) in events
            and events[str(event)].start > now
            and events[str(event)].start.timestamp() == float(str(start))
        ]


def _batch(sql: sqlite3.Connection, audience: str, now: float) -> int:
    """The outbox batch (a confirmed broadcast of the bot's own) of one (event, lead, start)."""
    found = sql.execute(
        "SELECT broadcast_id FROM broadcasts WHERE organiser = ? AND audience = ?",
        (SYSTEM, audience),
    ).fetchone()
    if found:
        return int(found[0])
    cursor = sql.execute(
        "INSERT INTO broadcasts (organiser, audience, status, created_at, confirmed_at)"
        " VALUES (?, ?, 'confirmed', ?, ?)",
        (SYSTEM, audience, now, now),
    )
    return int(cursor.lastrowid or 0)
