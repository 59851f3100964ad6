"""The agenda as last announced, and what changed since: small edits announced, large ones held.

The database keeps the agenda the bot last announced. At start and on /reload the live agenda
is compared with it, so edits made while the bot was stopped are announced too, and the
notices are queued in the same transaction that records the new snapshot: nothing is announced
twice, and a crash loses nothing (the next start finds the same difference again).

A large change (more than SMALL_CHANGE sessions, every upcoming session of a source file gone,
or an emptied agenda) is usually a mistake (a file moved away, an empty export) and is held:
nothing is sent and the snapshot stays until an organiser decides, by the change set's digest,
to send the notices or to update silently. A held change needs no state of its own: it is the
difference itself, so it survives restarts, and restoring the file makes it vanish.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from scheduler.agenda import Agenda
from scheduler.broadcast import AUDIENCE, audience_of
from scheduler.changes import CANCELLED, EventChange, diff_agendas
from scheduler.model import Event
from scheduler.store import SYSTEM, Database

SMALL_CHANGE = 10  # at most this many changed sessions are announced without asking
# A notice in the reader's zone and language (HTML); the language is the chat's, None unknown.
Renderer = Callable[[EventChange, ZoneInfo, str | None], str]


@dataclass(frozen=True, slots=True)
class ChangeSet:
    changes: tuple[EventChange, ...]
    removed_files: tuple[str, ...]  # source files none of whose upcoming sessions remain
    emptied: bool  # upcoming sessions were announced and none is left

    @property
    def digest(self) -> str:
        """Names this exact set of changes, so a decision applies to what was shown."""
        summary = [
            (c.event_id, c.what, _fields(c.after) if c.after else None) for c in self.changes
        ]
        return hashlib.sha256(json.dumps(summary).encode()).hexdigest()[:16]

    @property
    def needs_decision(self) -> bool:
        return len(self.changes) > SMALL_CHANGE or bool(self.removed_files) or self.emptied

    def count(self, what: str) -> int:
        return sum(1 for c in self.changes if what in c.what)


@dataclass(frozen=True, slots=True)
class Review:
    changes: ChangeSet
    held: bool  # waiting for an organiser's decision: nothing was sent
    queued: int  # notices queued now
    notices: int  # notices the change means (queued, or to be queued if confirmed)
    chats: int  # distinct chats those notices go to


class AnnouncedAgenda:
    def __init__(
        self, database: Database, default_zone: str, clock: Callable[[], float] = time.time
    ) -> None:
        self.db = database
        self.default_zone = default_zone
        self.clock = clock

    def changes(self, agenda: Agenda, now: datetime) -> ChangeSet | None:
        """The changes since the last announcement; None when nothing was ever announced."""
        announced = self._snapshot()
        if announced is None:
            return None
        changes = tuple(diff_agendas(announced, agenda, now))
        live = {e.path for e in agenda.events}
        gone = {c.before.path for c in changes if CANCELLED in c.what and c.before.path}
        upcoming_before = any(e.end > now for e in announced.events)
        emptied = upcoming_before and not any(e.end > now for e in agenda.events)
        return ChangeSet(changes, tuple(sorted(Path(p).name for p in gone - live)), emptied)

    def review(self, agenda: Agenda, now: datetime, render: Renderer) -> Review | None:
        """At start and after a reload: announce a small change, hold a large one.

        Returns None when there is nothing to tell (the snapshot is brought up to date)."""
        found = self.changes(agenda, now)
        if found is None or not found.changes:
            with self.db.transaction() as sql:
                _record(sql, agenda, self.clock())
            return None
        if found.needs_decision:
            notices, chats = self._reach(found)
            return Review(found, held=True, queued=0, notices=notices, chats=chats)
        return self._settle(agenda, found, render, send=True)

    def decide(
        self, digest: str, agenda: Agenda, now: datetime, render: Renderer, *, send: bool
    ) -> Review | None:
        """An organiser's decision on a held change: send the notices or update silently.

        None when the change shown is no longer the one waiting (already decided, or the
        agenda changed since): nothing is done, the caller says so."""
        found = self.changes(agenda, now)
        if found is None or not found.changes or found.digest != digest:
            return None
        return self._settle(agenda, found, render, send=send)

    def _settle(self, agenda: Agenda, found: ChangeSet, render: Renderer, *, send: bool) -> Review:
        queued, chats = 0, set[int]()
        with self.db.transaction() as sql:
            if send:
                for change in found.changes:
                    reached = _queue_notice(sql, change, render, self.default_zone, self.clock())
                    queued += len(reached)
                    chats.update(reached)
            _record(sql, agenda, self.clock())
        if not send:
            notices, count = self._reach(found)
            return Review(found, held=False, queued=0, notices=notices, chats=count)
        return Review(found, held=False, queued=queued, notices=queued, chats=len(chats))

    def _reach(self, found: ChangeSet) -> tuple[int, int]:
        """How many notices the changes mean, and to how many distinct chats."""
        notices, chats = 0, set[int]()
        for change in found.changes:
            rows = self.db.query(_AUDIENCE_ZONES, _params(change))
            notices += len(rows)
            chats.update(int(str(row[0])) for row in rows)
        return notices, len(chats)

    def snapshot(self) -> Agenda | None:
        """The agenda as last announced (the fields a notice needs), None before any."""
        return self._snapshot()

    def _snapshot(self) -> Agenda | None:
        if not self.db.query("SELECT 1 FROM state WHERE key = 'announced_at'"):
            return None
        rows = self.db.query("SELECT event FROM announced")
        return Agenda([_event(json.loads(str(row[0]))) for row in rows])


_AUDIENCE_ZONES = f"""
    SELECT a.chat_id, c.timezone, COALESCE(c.language, c.user_language)
    FROM ({AUDIENCE}) a JOIN chats c ON c.chat_id = a.chat_id
    ORDER BY a.chat_id
"""


def _params(change: EventChange) -> dict[str, object]:
    return audience_of(change.before.series or "", change.before.id)


def _queue_notice(
    sql: sqlite3.Connection, change: EventChange, render: Renderer, default_zone: str, now: float
) -> list[int]:
    """One notice per follower of the event, each in the follower's own zone and language;
    the chats reached."""
    followers = sql.execute(_AUDIENCE_ZONES, _params(change)).fetchall()
    if not followers:
        return []
    broadcast = sql.execute(
        "INSERT INTO broadcasts (organiser, audience, status, created_at, confirmed_at)"
        " VALUES (?, ?, 'confirmed', ?, ?)",
        (SYSTEM, f"event:{change.event_id}", now, now),
    ).lastrowid
    texts: dict[tuple[str, str | None], str] = {}
    rows = []
    for chat, zone, language in followers:
        key = (str(zone or default_zone), str(language) if language else None)
        if key not in texts:
            texts[key] = render(change, ZoneInfo(key[0]), key[1])
        rows.append((broadcast, int(chat), texts[key]))
    sql.executemany(
        "INSERT OR IGNORE INTO outbox (broadcast_id, chat_id, part, html) VALUES (?, ?, 0, ?)", rows
    )
    return [int(chat) for chat, _, _ in followers]


def _record(sql: sqlite3.Connection, agenda: Agenda, now: float) -> None:
    sql.execute("DELETE FROM announced")
    sql.executemany(
        "INSERT INTO announced VALUES (?, ?)",
        [(e.id, json.dumps(_fields(e))) for e in agenda.events],
    )
    sql.execute("INSERT OR REPLACE INTO state VALUES ('announced_at', ?)", (str(now),))


def _fields(event: Event) -> dict[str, object]:
    """What a change notice needs of an event, as JSON."""
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "timezone": event.timezone,
        "place": event.place,
        "venue": event.venue,
        "room": event.room,
        "series": event.series,
        "path": event.path,
    }


def _event(fields: dict[str, object]) -> Event:
    def text(key: str) -> str | None:
        value = fields.get(key)
        return str(value) if value is not None else None

    zone = ZoneInfo(str(fields["timezone"]))
    return Event(
        str(fields["id"]),
        str(fields["title"]),
        str(fields["kind"]),
        datetime.fromisoformat(str(fields["start"])).astimezone(zone),
        datetime.fromisoformat(str(fields["end"])).astimezone(zone),
        str(fields["timezone"]),
        place=text("place"),
        venue=text("venue"),
        room=text("room"),
        series=text("series"),
        path=str(fields.get("path") or ""),
    )
