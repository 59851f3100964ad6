"""Subscriptions and reminders: who follows what, and which reminders are due now.

A chat follows the whole agenda, a series, or single events (/remind). Before each followed
event it gets a reminder at each of its lead times (default 24 h and 15 min). A reminder
missed while the bot was down is still sent, marked late, if the event has not started yet;
once it has started the reminder is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.store import Database

DEFAULT_LEADS = (24 * 60, 15)
EVERYTHING = "*"
LATE_AFTER = 120  # seconds past its moment after which a reminder says it is late


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
            sql.execute("UPDATE chats SET active = 1 WHERE chat_id = ?", (chat_id,))
            sql.execute("INSERT OR IGNORE INTO subscriptions VALUES (?, ?)", (chat_id, series))

    def unsubscribe(self, chat_id: int, series: str | None = None) -> int:
        """Stop following a series (or everything, with personal reminders); rows removed."""
        with self.db.transaction() as sql:
            if series is None:
                removed = sql.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
                count = removed.rowcount
                count += sql.execute("DELETE FROM personal WHERE chat_id = ?", (chat_id,)).rowcount
                return count
            return sql.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND series = ?", (chat_id, series)
            ).rowcount

    def remind(self, chat_id: int, event_id: str, minutes: int | None = None) -> None:
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            sql.execute("INSERT OR IGNORE INTO personal VALUES (?, ?)", (chat_id, event_id))
            if minutes is not None:
                sql.execute("INSERT OR IGNORE INTO leads VALUES (?, ?)", (chat_id, minutes))

    def set_timezone(self, chat_id: int, zone: str) -> ZoneInfo:
        """Remember the chat's own zone; raises ValueError for an unknown zone."""
        try:
            found = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {zone!r}") from None
        with self.db.transaction() as sql:
            sql.execute("INSERT OR IGNORE INTO chats (chat_id) VALUES (?)", (chat_id,))
            sql.execute("UPDATE chats SET timezone = ? WHERE chat_id = ?", (found.key, chat_id))
        return found

    def timezone(self, chat_id: int) -> str | None:
        rows = self.db.query("SELECT timezone FROM chats WHERE chat_id = ?", (chat_id,))
        return str(rows[0][0]) if rows and rows[0][0] else None

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

    def mark_inactive(self, chat_id: int) -> None:
        """The user blocked the bot: stop sending to them."""
        with self.db.transaction() as sql:
            sql.execute("UPDATE chats SET active = 0 WHERE chat_id = ?", (chat_id,))


def overlaps(events: list[Event]) -> list[tuple[Event, Event]]:
    ordered = sorted(events, key=lambda e: e.start)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :] if a.overlaps(b)]


class ReminderService:
    def __init__(self, database: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = database
        self.clock = clock

    def due(self, agenda: Agenda, now: datetime) -> list[DueReminder]:
        """Claim and return every reminder due at ``now``; a claimed reminder is never due again.

        Work is done once per (event, lead) as its moment arrives, so a tick with nothing new
        costs almost nothing however many subscribers there are. Someone who subscribes after
        a lead's moment has passed gets the later leads only.
        """
        leads = {int(str(r[0])) for r in self.db.query("SELECT DISTINCT minutes FROM leads")}
        leads |= set(DEFAULT_LEADS)
        done = {
            (str(e), int(str(m)), float(str(t)))
            for e, m, t in self.db.query("SELECT event_id, minutes, start FROM lead_runs")
        }
        batches = [
            (e, minutes)
            for e in agenda.events
            if e.start > now
            for minutes in leads
            if e.start - timedelta(minutes=minutes) <= now
            and (e.id, minutes, e.start.timestamp()) not in done
        ]
        if not batches:
            return []
        by_id = {e.id: e for e, _ in batches}
        claimed: list[DueReminder] = []
        stamp = self.clock()
        with self.db.transaction() as sql:
            sql.execute(
                "CREATE TEMP TABLE IF NOT EXISTS due_batches"
                " (event_id TEXT, series TEXT, start REAL, minutes INTEGER)"
            )
            sql.execute("DELETE FROM due_batches")
            sql.executemany(
                "INSERT INTO due_batches VALUES (?, ?, ?, ?)",
                [(e.id, e.series or "", e.start.timestamp(), m) for e, m in batches],
            )
            rows = sql.execute(
                """
                WITH followers AS (
                    SELECT s.chat_id, b.event_id, b.start, b.minutes FROM due_batches b
                    JOIN subscriptions s ON s.series = '*' OR s.series = b.series
                    UNION
                    SELECT p.chat_id, b.event_id, b.start, b.minutes FROM due_batches b
                    JOIN personal p ON p.event_id = b.event_id
                )
                SELECT f.chat_id, f.event_id, f.minutes, f.start FROM followers f
                JOIN chats c ON c.chat_id = f.chat_id AND c.active = 1
                WHERE CASE WHEN EXISTS (SELECT 1 FROM leads l WHERE l.chat_id = f.chat_id)
                           THEN EXISTS (SELECT 1 FROM leads l
                                        WHERE l.chat_id = f.chat_id AND l.minutes = f.minutes)
                           ELSE f.minutes IN (?, ?) END
                  AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.chat_id = f.chat_id
                                  AND x.event_id = f.event_id AND x.minutes = f.minutes)
                """,
                DEFAULT_LEADS,
            ).fetchall()
            sql.executemany(
                "INSERT INTO deliveries VALUES (?, ?, ?, ?, NULL)",
                [(chat, event, minutes, stamp) for chat, event, minutes, _ in rows],
            )
            sql.executemany(
                "INSERT OR IGNORE INTO lead_runs VALUES (?, ?, ?)",
                [(e.id, m, e.start.timestamp()) for e, m in batches],
            )
        for chat_id, event_id, minutes, start in rows:
            late = now.timestamp() - (start - minutes * 60) > LATE_AFTER
            claimed.append(DueReminder(int(chat_id), by_id[event_id], int(minutes), late))
        return claimed

    def sent(self, reminder: DueReminder) -> None:
        with self.db.transaction() as sql:
            sql.execute(
                "UPDATE deliveries SET sent_at = ?"
                " WHERE chat_id = ? AND event_id = ? AND minutes = ?",
                (self.clock(), reminder.chat_id, reminder.event.id, reminder.minutes),
            )

    def unsent(self, agenda: Agenda, now: datetime) -> list[DueReminder]:
        """Claims whose send never completed (the bot died in between): still worth sending."""
        rows = self.db.query(
            "SELECT chat_id, event_id, minutes FROM deliveries WHERE sent_at IS NULL"
        )
        events = {e.id: e for e in agenda.events}
        return [
            DueReminder(int(str(chat)), events[str(event)], int(str(minutes)), True)
            for chat, event, minutes in rows
            if str(event) in events and events[str(event)].start > now
        ]
