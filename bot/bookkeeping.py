"""Writes that can wait: a chat seen, its Telegram language, an unanswered question.

No reply waits for them. Each is tried at once, without waiting for the database's lock; when
another program holds it (a sqlite3 shell, a long maintenance query, a stalled disk), the
write is kept, in order, and retried from a thread of its own with growing pauses until it
goes through. What a user asked for (a subscription, a broadcast's confirmation) is not
bookkeeping: it waits a moment for the lock, then the user is told that nothing was done
(``bot.conversation``).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import TypeVar

from faq.insight import UnansweredLog
from scheduler.store import BUSY_TIMEOUT, impatient, is_busy

log = logging.getLogger(__name__)
T = TypeVar("T")

FIRST_PAUSE = 0.5  # seconds before the first retry; doubled after each locked attempt
LONGEST_PAUSE = 10.0
MOST_WAITING = 10_000  # writes kept while the database stays locked; the oldest go first


class Bookkeeping:
    def __init__(self, first_pause: float = FIRST_PAUSE) -> None:
        self.first_pause = first_pause
        self._waiting: deque[tuple[str, Callable[[], object]]] = deque()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def attempt(self, what: str, write: Callable[[], T]) -> T | None:
        """``write()``'s result, or None when the database is locked: it is done later.

        ``what`` names the write in the log. A write never overtakes one already waiting."""
        with self._changed:
            behind = bool(self._waiting)
        if not behind:
            try:
                with impatient():
                    return write()
            except Exception as error:
                if not is_busy(error):
                    raise
        self._keep(what, write)
        return None

    @property
    def waiting(self) -> int:
        with self._changed:
            return len(self._waiting)

    def _keep(self, what: str, write: Callable[[], object]) -> None:
        with self._changed:
            if len(self._waiting) >= MOST_WAITING:
                dropped, _ = self._waiting.popleft()
                log.warning("database locked too long: %s is not recorded", dropped)
            self._waiting.append((what, write))
            if self._thread is None and not self._closed:
                log.warning("database locked: %s will be recorded when it is free", what)
                self._thread = threading.Thread(target=self._retry, name="bookkeeping", daemon=True)
                self._thread.start()
            self._changed.notify()

    def _retry(self) -> None:
        pause = self.first_pause
        while True:
            with self._changed:
                while not self._waiting and not self._closed:
                    self._changed.wait()
                if self._closed:  # close() makes the last attempt
                    return
                what, write = self._waiting[0]
            try:
                with impatient():
                    write()
            except Exception as error:
                if is_busy(error):
                    with self._changed:
                        self._changed.wait(pause)
                    pause = min(pause * 2, LONGEST_PAUSE)
                    continue
                log.exception("could not record %s", what)
            with self._changed:
                self._waiting.popleft()
            pause = self.first_pause

    def close(self) -> None:
        """Stop retrying, then try what still waits once more, each waiting BUSY_TIMEOUT for
        the lock; what still cannot be written is logged as lost."""
        with self._changed:
            self._closed = True
            self._changed.notify()
            thread = self._thread
        if thread is not None:
            thread.join()
        while self._waiting:
            what, write = self._waiting[0]
            try:
                write()
            except Exception as error:
                if is_busy(error):
                    log.warning(
                        "database still locked at stop (%.0f s): %d writes lost, %s first",
                        BUSY_TIMEOUT,
                        len(self._waiting),
                        what,
                    )
                    return
                log.exception("could not record %s", what)
            self._waiting.popleft()


class LaterLog:
    """The unanswered log as the ask service records into it: through the bookkeeping, so
    recording a question never holds up or fails its answer."""

    def __init__(self, unanswered: UnansweredLog, bookkeeping: Bookkeeping) -> None:
        self.unanswered = unanswered
        self.bookkeeping = bookkeeping

    def record(self, question: str, user_id: int | None, kind: str, score: float) -> None:
        self.bookkeeping.attempt(
            "an unanswered question",
            lambda: self.unanswered.record(question, user_id, kind, score),
        )
