"""Deliver the outbox: paced sends through an injected Sender, retries, and crash recovery.

A row goes pending -> sending -> sent | failed | blocked, or pending -> expired when it
carries an expiry (a reminder whose session has begun). `sending` is committed before the
Sender is awaited and the outcome right after, so after a hard kill the only rows whose fate is
unknown are those found `sending`: the sends in flight at that instant (at most `concurrency`).
The Bot API has no idempotency key, so nobody can tell whether Telegram got them; `recover()`
marks them `unknown` and they are never re-sent on their own (a crash never doubles a message).
The delivery report counts them, and BroadcastService.resend_unknown re-queues them on request.
Outside a hard kill no row is left in doubt: an exception from the Sender is a transient error,
a cancellation mid-send marks the row `unknown`, and a graceful stop waits for sends in flight.
Telegram's flood-control pause (a 429's retry_after) holds every send, and is kept in the
database with the row it came with (state `outbox_paused_until`), so a dispatcher started
during it, after a restart or a kill, waits it out too instead of sending at once.
One dispatcher per database: it assumes no other process sends the same outbox.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from scheduler.store import Database

log = logging.getLogger(__name__)
BATCH = 64


class SendStatus(StrEnum):
    OK = "ok"
    RETRY_AFTER = "retry_after"  # Telegram's flood control: wait, then try again
    BLOCKED = "blocked"  # the user blocked the bot or the chat is gone
    TRANSIENT = "transient"  # not delivered, safe to try again (network, 5xx)
    FAILED = "failed"  # not delivered and trying again will not help (400 Bad Request)
    UNKNOWN = "unknown"  # sent, no answer in time: it may have arrived, so never resent alone


@dataclass(frozen=True, slots=True)
class SendResult:
    status: SendStatus
    retry_after: float = 0.0
    detail: str = ""

    @classmethod
    def ok(cls) -> SendResult:
        return cls(SendStatus.OK)

    @classmethod
    def retry(cls, seconds: float) -> SendResult:
        return cls(SendStatus.RETRY_AFTER, retry_after=seconds)

    @classmethod
    def blocked(cls, detail: str = "") -> SendResult:
        return cls(SendStatus.BLOCKED, detail=detail)

    @classmethod
    def transient(cls, detail: str = "") -> SendResult:
        return cls(SendStatus.TRANSIENT, detail=detail)

    @classmethod
    def failed(cls, detail: str = "") -> SendResult:
        return cls(SendStatus.FAILED, detail=detail)

    @classmethod
    def unknown(cls, detail: str = "") -> SendResult:
        return cls(SendStatus.UNKNOWN, detail=detail)


class Sender(Protocol):
    async def send(self, chat_id: int, html: str) -> SendResult:
        """Send one HTML message; return TRANSIENT only when it certainly did not arrive."""
        ...


@dataclass(frozen=True, slots=True)
class _Row:
    row_id: int
    chat_id: int
    html: str
    attempts: int


# The console chat's id: no Telegram chat has it. What is queued for it (a broadcast to
# everyone, while someone tried the console on the bot's database) waits for the console to
# show it (``take_due``); a Telegram sender would only be told "chat not found".
CONSOLE_CHAT = 0
MAX_PAUSE = 60.0  # seconds between attempts while the sender keeps failing
PAUSE_KEY = "outbox_paused_until"  # state: {"until": epoch seconds, "seconds": retry_after}


class OutboxDispatcher:
    def __init__(
        self,
        database: Database,
        sender: Sender,
        *,
        rate: float = 29.0,
        per_chat_interval: float = 1.0,
        max_attempts: int = 5,
        concurrency: int = 4,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.db = database
        self.sender = sender
        self.interval = 1.0 / rate
        self.per_chat_interval = per_chat_interval
        self.max_attempts = max_attempts
        self.clock = clock
        self.sleep = sleep
        self._slots = asyncio.Semaphore(concurrency)
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._last_sent: dict[int, float] = {}
        self._recovered = False

    def recover(self) -> int:
        """Rows left `sending` by a killed process become `unknown`; returns how many. A
        flood-control pause a previous run was told of, and not yet over, holds sends here too."""
        self._recovered = True
        self._paused_until = max(self._paused_until, self._stored_pause())
        with self.db.transaction() as sql:
            changed = sql.execute(
                "UPDATE outbox SET status = 'unknown', detail = 'in flight when the bot stopped'"
                " WHERE status = 'sending'"
            ).rowcount
        if changed:
            log.warning("%d outbox message(s) were in flight at a crash: marked unknown", changed)
        return int(changed)

    def _stored_pause(self) -> float:
        """When the last recorded flood-control pause ends (0.0: none). Never later than its
        own length from now: a clock set back since must not stretch it (nothing sent for
        hours)."""
        rows = self.db.query("SELECT value FROM state WHERE key = ?", (PAUSE_KEY,))
        if not rows:
            return 0.0
        try:
            stored = json.loads(str(rows[0][0]))
            until, seconds = float(stored["until"]), float(stored["seconds"])
        except (ValueError, TypeError, KeyError):
            log.warning("unreadable flood-control pause in the database: ignored")
            return 0.0
        until = min(until, self.clock() + seconds)
        if until > self.clock():
            log.warning("flood control: waiting %.1f s more before sending", until - self.clock())
        return until

    async def run(self, stop: asyncio.Event, poll: float = 1.0) -> None:
        """Keep delivering until ``stop`` is set; a send in flight is always finished.

        Supervised: a failure of the sender itself (a locked or damaged database, anything)
        is logged and the loop resumes after a growing pause, so deliveries never stop for
        good; rows left mid-send are marked unknown on resuming, never sent twice."""
        pause = poll
        while not stop.is_set():
            try:
                await self.run_until_idle(stop)
                pause = poll
            except Exception:
                log.exception("outbox sender failed; resuming in %.0f s", pause)
                self._recovered = False  # rows it left `sending` are reported, not resent
                wait, pause = pause, min(pause * 2, MAX_PAUSE)
            else:
                wait = poll
            try:
                await asyncio.wait_for(stop.wait(), timeout=wait)
            except TimeoutError:
                continue

    async def run_until_idle(self, stop: asyncio.Event | None = None) -> int:
        """Send every row that can be sent, waiting out delays; returns the rows sent."""
        if not self._recovered:
            self.recover()
        self._next_slot = max(self._next_slot, self.clock())
        sent = 0
        while stop is None or not stop.is_set():
            rows = self._ready()
            if not rows:
                wake = self._next_wake()
                if wake is None:
                    break
                await self.sleep(wake - self.clock())
                self._next_slot = max(self._next_slot, self.clock())
                continue
            tasks = []
            for row in rows:
                if stop is not None and stop.is_set():
                    break
                await self._pace(row.chat_id)
                await self._slots.acquire()
                tasks.append(asyncio.create_task(self._deliver(row)))
            # every send finishes (and records itself) before any failure is raised
            outcomes = await asyncio.gather(*tasks, return_exceptions=True)
            sent += sum(1 for outcome in outcomes if outcome is True)
            failures = [o for o in outcomes if isinstance(o, BaseException)]
            if failures:
                raise failures[0]
        return sent

    def _ready(self) -> list[_Row]:
        """Pending rows due now whose earlier parts to the same chat are done; one per chat."""
        now = self.clock()
        self._expire(now)
        rows = self.db.query(
            """
            SELECT o.row_id, o.chat_id, COALESCE(o.html, p.html), o.attempts FROM outbox o
            LEFT JOIN broadcast_parts p ON p.broadcast_id = o.broadcast_id AND p.part = o.part
            WHERE o.status = 'pending' AND o.not_before <= ? AND o.chat_id != ?
              AND (o.html IS NOT NULL OR p.html IS NOT NULL)
              AND NOT EXISTS (
                SELECT 1 FROM outbox e
                WHERE e.broadcast_id = o.broadcast_id AND e.chat_id = o.chat_id
                  AND e.part < o.part
                  AND (e.status IN ('pending', 'sending') OR e.sent_at > ?))
            ORDER BY o.broadcast_id, o.part, o.row_id
            LIMIT ?
            """,
            (now, CONSOLE_CHAT, now - self.per_chat_interval, BATCH),
        )
        chosen: dict[int, _Row] = {}
        for row_id, chat_id, html, attempts in rows:
            chat = int(str(chat_id))
            if chat not in chosen:
                chosen[chat] = _Row(int(str(row_id)), chat, str(html), int(str(attempts)))
        return list(chosen.values())

    def _expire(self, now: float) -> None:
        """A reminder still waiting when its session begins is no longer worth sending."""
        due = "status = 'pending' AND expires IS NOT NULL AND expires <= ?"
        if not self.db.query(f"SELECT 1 FROM outbox WHERE {due} LIMIT 1", (now,)):
            return  # the usual case: no write lock taken on every batch
        with self.db.transaction() as sql:
            expired = sql.execute(
                "UPDATE outbox SET status = 'expired', detail = 'the session had begun'"
                f" WHERE {due}",
                (now,),
            ).rowcount
        if expired:
            log.warning("%d reminder(s) not sent before their session began: expired", expired)

    def _next_wake(self) -> float | None:
        rows = self.db.query(
            "SELECT MIN(not_before) FROM outbox WHERE status = 'pending' AND chat_id != ?",
            (CONSOLE_CHAT,),
        )
        earliest = rows[0][0]
        if earliest is None:
            return None
        return max(float(str(earliest)), self.clock() + self.per_chat_interval / 4)

    async def _pace(self, chat_id: int) -> None:
        """Wait for the next global slot, a RetryAfter pause, and this chat's own interval.

        Slots are spaced 1/rate apart from the previous slot, not from the previous send, so
        timer jitter is caught up; the credit is capped at one slot, so any one-second window
        holds at most rate + 1 sends, and an idle spell (see run_until_idle) earns nothing.
        """
        now = self.clock()
        self._next_slot = max(self._next_slot, now - self.interval)
        chat_ready = self._last_sent.get(chat_id, 0.0) + self.per_chat_interval
        moment = max(self._next_slot, self._paused_until, chat_ready)
        self._next_slot = moment + self.interval
        if moment > now:
            await self.sleep(moment - now)
        if self._paused_until > self.clock():  # a RetryAfter arrived while we waited
            await self.sleep(self._paused_until - self.clock())
            self._next_slot = self.clock() + self.interval

    def _mark_sending(self, row: _Row) -> None:
        with self.db.transaction() as sql:
            sql.execute("UPDATE outbox SET status = 'sending' WHERE row_id = ?", (row.row_id,))

    async def _deliver(self, row: _Row) -> bool:
        try:
            self._mark_sending(row)  # a task cancelled before this point sent nothing
            try:
                result = await self.sender.send(row.chat_id, row.html)
            except asyncio.CancelledError:
                self._finish(row, "unknown", "cancelled while sending")
                raise
            except Exception as error:  # any failure of the sender counts as a transient one
                log.warning("send to %s raised %r; will retry", row.chat_id, error)
                result = SendResult.transient(repr(error))
            self._last_sent[row.chat_id] = self.clock()
            return self._record(row, result)
        finally:
            self._slots.release()

    def _record(self, row: _Row, result: SendResult) -> bool:
        now = self.clock()
        if result.status is SendStatus.OK:
            self._finish(row, "sent", None, sent_at=now)
            return True
        if result.status is SendStatus.RETRY_AFTER:
            log.warning("flood control: pausing all sends for %.1f s", result.retry_after)
            self._pause(row, now + result.retry_after, result.retry_after)
        elif result.status is SendStatus.BLOCKED:
            self._block(row, result.detail or "blocked by the user")
        elif result.status is SendStatus.UNKNOWN:  # resending could double it: reported
            log.warning("no answer from Telegram for chat %s: marked unknown", row.chat_id)
            self._finish(row, "unknown", result.detail or "no answer in time", attempt=True)
        elif result.status is SendStatus.TRANSIENT and row.attempts + 1 < self.max_attempts:
            delay = min(2.0 ** (row.attempts + 1), 60.0)
            self._finish(row, "pending", result.detail, not_before=now + delay, attempt=True)
        else:
            self._finish(row, "failed", result.detail, attempt=True)
        return False

    def _finish(
        self,
        row: _Row,
        status: str,
        detail: str | None,
        *,
        sent_at: float | None = None,
        not_before: float = 0.0,
        attempt: bool = False,
    ) -> None:
        with self.db.transaction() as sql:
            sql.execute(
                "UPDATE outbox SET status = ?, detail = ?, sent_at = ?, not_before = ?,"
                " attempts = attempts + ? WHERE row_id = ?",
                (status, detail, sent_at, not_before, int(attempt), row.row_id),
            )

    def _pause(self, row: _Row, until: float, seconds: float) -> None:
        """The row waits for Telegram's pause, and so does every send, in this process and
        in the next one should it start before the pause is over (kept with the row)."""
        if until > self._paused_until:
            self._paused_until = until
            stored = json.dumps({"until": until, "seconds": seconds})
        else:
            stored = None
        with self.db.transaction() as sql:
            if stored is not None:
                sql.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (PAUSE_KEY, stored))
            sql.execute(
                "UPDATE outbox SET status = 'pending', detail = 'retry after', sent_at = NULL,"
                " not_before = ? WHERE row_id = ?",
                (until, row.row_id),
            )

    def _block(self, row: _Row, detail: str) -> None:
        """The user blocked the bot: this row, their other waiting rows, and the chat stop."""
        with self.db.transaction() as sql:
            sql.execute(
                "UPDATE outbox SET status = 'blocked', detail = ? WHERE row_id = ?"
                " OR (chat_id = ? AND status = 'pending')",
                (detail, row.row_id, row.chat_id),
            )
            sql.execute("UPDATE chats SET active = 0 WHERE chat_id = ?", (row.chat_id,))
        log.info("chat %s blocked the bot: marked inactive", row.chat_id)


def take_due(database: Database, chat_id: int, now: float) -> list[str]:
    """Every message due now to ``chat_id``, in order, marked sent: for a front end that shows
    them itself (the console chat, which no Telegram sender reaches). A reminder whose session
    has begun is left to expire, as the sender would."""
    with database.transaction() as sql:
        rows = sql.execute(
            """
            SELECT o.row_id, COALESCE(o.html, p.html) FROM outbox o
            LEFT JOIN broadcast_parts p ON p.broadcast_id = o.broadcast_id AND p.part = o.part
            WHERE o.chat_id = ? AND o.status = 'pending' AND o.not_before <= ?
              AND (o.expires IS NULL OR o.expires > ?)
              AND (o.html IS NOT NULL OR p.html IS NOT NULL)
            ORDER BY o.broadcast_id, o.part, o.row_id
            """,
            (chat_id, now, now),
        ).fetchall()
        sql.executemany(
            "UPDATE outbox SET status = 'sent', sent_at = ? WHERE row_id = ?",
            [(now, row_id) for row_id, _ in rows],
        )
    return [str(html) for _, html in rows]
