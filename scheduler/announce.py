"""The agenda as last announced, and what changed since: small edits announced, large ones held.

The database keeps the agenda the bot last announced. At start and on /reload the live agenda
is compared with it, so edits made while the bot was stopped are announced too, and the
notices are queued in the same transaction that records the new snapshot: nothing is announced
twice, and a crash loses nothing (the next start finds the same difference again). It also
keeps the sessions whose cancellation was told (told_cancelled, recorded with those notices):
one back on the agenda is a change too, "restored", so followers who heard "cancelled" hear
that it is on again before its reminder comes.

A large change (more than SMALL_CHANGE sessions, every upcoming session of a source file gone,
or an emptied agenda) is usually a mistake (a file moved away, an empty export) and is held:
nothing is sent and the snapshot stays until an organiser decides to send the notices or to
update silently. The change is the difference itself, so it survives restarts and restoring
the file makes it vanish; its row in held_changes gives it an id for the buttons, kept while
the same change waits, and spent by a decision or when the change goes away. So a button
shown for one change never acts on a later identical one (the same file removed again).
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
from scheduler.changes import CANCELLED, EventChange, diff_agendas
from scheduler.model import Event
from scheduler.notices import Followers, Notices, queue_notices
from scheduler.store import Database

SMALL_CHANGE = 10  # at most this many changed sessions are announced without asking


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
    held_id: int | None = None  # the held change's id, for the organiser's buttons


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
        rows = self.db.query("SELECT event FROM told_cancelled")
        told = [_event(json.loads(str(row[0]))) for row in rows]
        changes = tuple(diff_agendas(announced, agenda, now, told))
        live = {e.path for e in agenda.events}
        gone = {c.before.path for c in changes if CANCELLED in c.what and c.before.path}
        upcoming_before = any(e.end > now for e in announced.events)
        emptied = upcoming_before and not any(e.end > now for e in agenda.events)
        return ChangeSet(changes, tuple(sorted(Path(p).name for p in gone - live)), emptied)

    def review(self, agenda: Agenda, now: datetime, notices: Notices) -> Review | None:
        """At start and after a reload: announce a small change, hold a large one.

        Returns None when there is nothing to tell (the snapshot is brought up to date)."""
        found = self.changes(agenda, now)
        if found is None or not found.changes:
            with self.db.transaction() as sql:
                _record(sql, agenda, now, self.clock())
                _supersede(sql)
            return None
        if found.needs_decision:
            messages, chats = self._reach(found)
            held_id = self._hold(found.digest)
            return Review(found, True, queued=0, notices=messages, chats=chats, held_id=held_id)
        return self._settle(agenda, found, notices, now, send=True)

    def decide(
        self, held_id: int, agenda: Agenda, now: datetime, notices: Notices, *, send: bool
    ) -> Review | None:
        """An organiser's decision on the held change ``held_id``: send the notices or update
        silently.

        None when that change is no longer the one waiting (already decided, gone, or the
        agenda changed since): nothing is done, the caller says so."""
        rows = self.db.query(
            "SELECT digest FROM held_changes WHERE held_id = ? AND status = 'open'", (held_id,)
        )
        found = self.changes(agenda, now)
        if not rows or found is None or not found.changes or found.digest != rows[0][0]:
            return None
        return self._settle(agenda, found, notices, now, send=send)

    def _hold(self, digest: str) -> int:
        """The id of the held change ``digest``: the one waiting already, or a new one."""
        with self.db.transaction() as sql:
            waiting = sql.execute(
                "SELECT held_id FROM held_changes WHERE status = 'open' AND digest = ?", (digest,)
            ).fetchone()
            if waiting is not None:
                return int(waiting[0])
            _supersede(sql)
            cursor = sql.execute(
                "INSERT INTO held_changes (digest, created_at) VALUES (?, ?)",
                (digest, self.clock()),
            )
            return int(cursor.lastrowid or 0)

    def _settle(
        self, agenda: Agenda, found: ChangeSet, notices: Notices, now: datetime, *, send: bool
    ) -> Review:
        with self.db.transaction() as sql:
            followers = Followers.find(
                lambda query, params: sql.execute(query, params).fetchall(),
                found.changes,
                self.default_zone,
            )
            queued = queue_notices(sql, followers, notices, self.clock()) if send else 0
            if send:
                _told_cancelled(sql, [c.before for c in found.changes if CANCELLED in c.what])
            _record(sql, agenda, now, self.clock())
            sql.execute(
                "UPDATE held_changes SET status = 'decided' WHERE status = 'open' AND digest = ?",
                (found.digest,),
            )
            _supersede(sql)
        messages = queued if send else followers.messages
        return Review(found, False, queued=queued, notices=messages, chats=len(followers.of_chat))

    def _reach(self, found: ChangeSet) -> tuple[int, int]:
        """How many messages the changes mean (digests counted once), to how many chats."""
        followers = Followers.find(self.db.query, found.changes, self.default_zone)
        return followers.messages, len(followers.of_chat)

    def snapshot(self) -> Agenda | None:
        """The agenda as last announced (the fields a notice needs), None before any."""
        return self._snapshot()

    def _snapshot(self) -> Agenda | None:
        if not self.db.query("SELECT 1 FROM state WHERE key = 'announced_at'"):
            return None
        rows = self.db.query("SELECT event FROM announced")
        return Agenda([_event(json.loads(str(row[0]))) for row in rows])


def _supersede(sql: sqlite3.Connection) -> None:
    """The change waiting is gone (a file restored, another change): its buttons are spent."""
    sql.execute("UPDATE held_changes SET status = 'superseded' WHERE status = 'open'")


def _told_cancelled(sql: sqlite3.Connection, events: list[Event]) -> None:
    sql.executemany(
        "INSERT OR REPLACE INTO told_cancelled VALUES (?, ?, ?)",
        [(e.id, json.dumps(_fields(e)), e.end.timestamp()) for e in events],
    )


def _record(sql: sqlite3.Connection, agenda: Agenda, now: datetime, recorded_at: float) -> None:
    """``agenda`` is the one announced; a told cancellation is kept while its session is off
    it and not over (one back on it was announced as restored, or decided silently)."""
    sql.execute("DELETE FROM announced")
    sql.executemany(
        "INSERT INTO announced VALUES (?, ?)",
        [(e.id, json.dumps(_fields(e))) for e in agenda.events],
    )
    sql.execute("DELETE FROM told_cancelled WHERE event_id IN (SELECT event_id FROM announced)")
    sql.execute("DELETE FROM told_cancelled WHERE ends_at <= ?", (now.timestamp(),))
    sql.execute("INSERT OR REPLACE INTO state VALUES ('announced_at', ?)", (str(recorded_at),))


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
