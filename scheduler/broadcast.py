"""Organiser broadcasts: create, preview, confirm into the outbox, report.

Only organisers may broadcast; anyone else gets NotAllowed and the attempt is logged. A draft
holds the messages to send as the front end made them (the bot: Telegram HTML, each part
within Telegram's limit); it is confirmed by its own organiser; confirming expands it into
one outbox row per (chat, part), UNIQUE, so a second confirm (a double tap on the button)
queues nothing twice.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

from index.notes import Note
from scheduler.reminders import EVERYTHING
from scheduler.store import Database

log = logging.getLogger(__name__)
MAX_PARTS = 20


class NotAllowed(PermissionError):
    """Someone who is not an organiser tried to broadcast."""


class BroadcastError(ValueError):
    """The broadcast cannot be created or confirmed; the message says why."""


class AlreadyConfirmed(BroadcastError):
    """The draft was confirmed before (a double tap): nothing is queued twice."""


@dataclass(frozen=True, slots=True)
class Preview:
    broadcast_id: int
    parts: list[str]  # the messages exactly as they will be sent
    recipients: int  # active chats in the audience right now
    audience: str  # "*" or a series


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    broadcast_id: int
    total: int  # outbox rows (chats x parts)
    sent: int
    pending: int  # waiting or being sent
    failed: int
    blocked: int
    unknown: int  # in flight at a crash: may or may not have arrived
    expired: int = 0  # reminders still waiting when their session began: not sent

    @property
    def finished(self) -> bool:
        return self.pending == 0


# "Everyone" is every active chat that uses the bot (that wrote to it, /start included, or
# follows something): an organiser broadcasting the agenda expects all of them to get it; but
# not a chat that sent "/unsubscribe all", until it follows something again. A series is its
# followers and those following everything; personal /remind entries count for notices about
# their own event.
AUDIENCE = """
    SELECT c.chat_id FROM chats c WHERE c.active = 1 AND (:everyone AND c.announcements = 1
        OR EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = c.chat_id
                   AND s.series IN ('*', :series))
        OR EXISTS (SELECT 1 FROM personal p WHERE p.chat_id = c.chat_id
                   AND p.event_id = :event))
"""


# An organiser's broadcast has its text in parts; the bot's own batches (reminders, agenda
# change notices) give each chat its own text in the outbox
_ORGANISERS = "EXISTS (SELECT 1 FROM broadcast_parts p WHERE p.broadcast_id = b.broadcast_id)"


def audience_of(series: str, event: str = "") -> dict[str, object]:
    """The parameters of AUDIENCE: everyone, a series, or the followers of one event."""
    return {"everyone": series == EVERYTHING, "series": series, "event": event}


class BroadcastService:
    def __init__(
        self,
        database: Database,
        organisers: Callable[[int], bool] | Collection[int],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = database
        self._is_organiser = organisers if callable(organisers) else organisers.__contains__
        self.clock = clock

    def create(
        self,
        organiser: int,
        parts: list[str],
        audience: str = EVERYTHING,
        *,
        worded: dict[str, list[str]] | None = None,
    ) -> Preview:
        """A draft of ``parts``, the messages as they will be sent, to ``audience``.

        ``worded`` holds the same message written for readers of other languages ("fr": its
        parts), when the bot words it (the agenda); every other reader gets ``parts``.
        """
        self._require(organiser, "create a broadcast")
        versions = {"": parts, **(worded or {})}
        for version in versions.values():
            if not version:
                raise BroadcastError(Note("the broadcast text is empty"))
            if len(version) > MAX_PARTS:
                raise BroadcastError(
                    Note(
                        "too long: {count} messages (at most {most})",
                        count=len(version),
                        most=MAX_PARTS,
                    )
                )
        rows = [(language, part) for language, version in versions.items() for part in version]
        with self.db.transaction() as sql:
            broadcast_id = self._insert(sql, organiser, audience, "draft")
            sql.executemany(
                "INSERT INTO broadcast_parts VALUES (?, ?, ?, ?)",
                [(broadcast_id, n, part, language) for n, (language, part) in enumerate(rows)],
            )
            recipients = sql.execute(
                f"SELECT COUNT(*) FROM ({AUDIENCE})", audience_of(audience)
            ).fetchone()[0]
        return Preview(broadcast_id, parts, int(recipients), audience)

    def confirm(self, organiser: int, broadcast_id: int) -> int:
        """Queue the draft for its audience as it is now; returns the rows queued. A second
        confirm raises AlreadyConfirmed."""
        self._require(organiser, "confirm a broadcast")
        with self.db.transaction() as sql:
            found = sql.execute(
                "SELECT organiser, audience, status FROM broadcasts WHERE broadcast_id = ?",
                (broadcast_id,),
            ).fetchone()
            if found is None or found[0] != organiser:
                raise BroadcastError(Note("no broadcast {number} of yours", number=broadcast_id))
            if found[2] == "cancelled":
                raise BroadcastError(Note("broadcast {number} was cancelled", number=broadcast_id))
            if found[2] == "confirmed":
                raise AlreadyConfirmed(
                    Note("broadcast {number} is already queued", number=broadcast_id)
                )
            sql.execute(
                "UPDATE broadcasts SET status = 'confirmed', confirmed_at = ?"
                " WHERE broadcast_id = ?",
                (self.clock(), broadcast_id),
            )
            return _queue(sql, broadcast_id, audience_of(str(found[1])))

    def cancel(self, organiser: int, broadcast_id: int) -> None:
        self._require(organiser, "cancel a broadcast")
        with self.db.transaction() as sql:
            changed = sql.execute(
                "UPDATE broadcasts SET status = 'cancelled'"
                " WHERE broadcast_id = ? AND organiser = ? AND status = 'draft'",
                (broadcast_id, organiser),
            ).rowcount
        if not changed:
            raise BroadcastError(
                Note("broadcast {number} is not a draft of yours", number=broadcast_id)
            )

    def resend_unknown(self, organiser: int, broadcast_id: int) -> int:
        """Re-queue rows in doubt after a crash: the organiser prefers a duplicate to a gap."""
        self._require(organiser, "resend a broadcast")
        with self.db.transaction() as sql:
            return int(
                sql.execute(
                    "UPDATE outbox SET status = 'pending', not_before = 0, detail = NULL"
                    " WHERE broadcast_id = ? AND status = 'unknown'",
                    (broadcast_id,),
                ).rowcount
            )

    def status(self, broadcast_id: int) -> str | None:
        """'draft', 'confirmed' or 'cancelled'; None when no organiser made such a broadcast
        (the bot's own batches, its agenda change notices and reminders, are none)."""
        rows = self.db.query(
            f"SELECT status FROM broadcasts b WHERE broadcast_id = ? AND {_ORGANISERS}",
            (broadcast_id,),
        )
        return str(rows[0][0]) if rows else None

    def latest(self, limit: int = 5) -> list[tuple[int, str, float]]:
        """The organisers' latest broadcasts, newest first: id, status, when made."""
        rows = self.db.query(
            f"SELECT broadcast_id, status, created_at FROM broadcasts b WHERE {_ORGANISERS}"
            " ORDER BY broadcast_id DESC LIMIT ?",
            (limit,),
        )
        return [(int(str(i)), str(status), float(str(made))) for i, status, made in rows]

    def report(self, broadcast_id: int) -> DeliveryReport:
        rows = self.db.query(
            "SELECT status, COUNT(*) FROM outbox WHERE broadcast_id = ? GROUP BY status",
            (broadcast_id,),
        )
        counts = {str(status): int(str(number)) for status, number in rows}

        def count(*statuses: str) -> int:
            return sum(counts.get(s, 0) for s in statuses)

        return DeliveryReport(
            broadcast_id,
            total=count("pending", "sending", "sent", "failed", "blocked", "unknown", "expired"),
            sent=count("sent"),
            pending=count("pending", "sending"),
            failed=count("failed"),
            blocked=count("blocked"),
            unknown=count("unknown"),
            expired=count("expired"),
        )

    def _require(self, user_id: int, action: str) -> None:
        if not self._is_organiser(user_id):
            log.warning("user %s tried to %s: not an organiser, refused", user_id, action)
            raise NotAllowed("not allowed: only organisers can send broadcasts")

    def _insert(self, sql: sqlite3.Connection, organiser: int, audience: str, status: str) -> int:
        cursor = sql.execute(
            "INSERT INTO broadcasts (organiser, audience, status, created_at) VALUES (?, ?, ?, ?)",
            (organiser, audience, status, self.clock()),
        )
        return int(cursor.lastrowid or 0)


def _queue(sql: sqlite3.Connection, broadcast_id: int, audience: dict[str, object]) -> int:
    """One outbox row per (chat in the audience, part of the version in the chat's language,
    or of the default one); existing rows are left alone."""
    cursor = sql.execute(
        f"""
        INSERT OR IGNORE INTO outbox (broadcast_id, chat_id, part)
        SELECT :broadcast, a.chat_id, p.part FROM ({AUDIENCE}) a
        JOIN chats c ON c.chat_id = a.chat_id
        JOIN broadcast_parts p ON p.broadcast_id = :broadcast AND p.language = CASE
            WHEN EXISTS (SELECT 1 FROM broadcast_parts w WHERE w.broadcast_id = :broadcast
                         AND w.language = COALESCE(c.language, c.user_language, ''))
            THEN COALESCE(c.language, c.user_language, '') ELSE '' END
        ORDER BY p.part, a.chat_id
        """,
        {"broadcast": broadcast_id, **audience},
    )
    return int(cursor.rowcount)
