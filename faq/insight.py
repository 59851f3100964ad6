"""What organisers learn from the questions: the ones the bot could not answer well.

Only the question with its personal data replaced (faq/redact.py), a keyed hash of the user
id (HMAC-SHA256 under a random secret made at first use and kept in the database, unless one
is configured: a public default salt let anyone reverse the hashes of Telegram's small id
space), the answer kind and its confidence are stored, in SQLite, for 90 days. Questions are
grouped by their normalised words so "What is GLACY?" and "what is glacy" count together.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faq.redact import redact
from index.text import content_words

SCHEMA = """
CREATE TABLE IF NOT EXISTS unanswered (
    id INTEGER PRIMARY KEY,
    asked_at REAL NOT NULL,
    question TEXT NOT NULL,
    normalised TEXT NOT NULL,
    user_hash TEXT,
    kind TEXT NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS unanswered_normalised ON unanswered (normalised);
CREATE TABLE IF NOT EXISTS unanswered_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answered (       -- answers given, for the 👍/👎 under each
    id INTEGER PRIMARY KEY,
    asked_at REAL NOT NULL,
    question TEXT NOT NULL,                   -- redacted like the unanswered ones
    shown TEXT NOT NULL,                      -- what the answer pointed to ("Art. 29 ETS 185")
    user_hash TEXT,
    helpful INTEGER                           -- NULL: no verdict; 1 👍; 0 👎
);
"""
KEEP_UNJUDGED = 30 * 24 * 3600  # answers nobody judged are forgotten after 30 days
RETENTION = 90 * 24 * 3600  # every logged question and verdict is deleted after 90 days
MAX_QUESTION = 500
# Seconds a write waits for the database's lock: enough for the bot's own short writes, and
# no answer waits for a program that holds the database locked (a record is retried later
# by the caller, an answer goes without its 👍/👎 buttons).
LOCK_WAIT = 0.25


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    question: str  # the most recent wording
    count: int
    users: int
    last_asked: float
    kind: str  # "none" when any of the group ended without an answer, else "search"


@dataclass(frozen=True, slots=True)
class UnhelpfulAnswer:
    question: str
    shown: str  # what the answer pointed to
    count: int
    last_asked: float


class UnansweredLog:
    """The ``index.sources.UnansweredLog`` the ask service records into, in its own table."""

    def __init__(
        self, path: Path, salt: str | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False, timeout=LOCK_WAIT)
        self._connection.execute("PRAGMA journal_mode=WAL")
        # a log, not a ledger: WAL without an fsync per answer (a crash loses nothing; only a
        # power cut may lose the last answers logged), which kept every answer waiting 10 ms
        self._connection.execute("PRAGMA synchronous=NORMAL")
        self._connection.executescript(SCHEMA)
        self._lock = threading.Lock()  # handlers in worker threads share the connection
        self._key = (salt or self._secret()).encode()
        self._clock = clock
        self._last_sweep = time.time()
        self._redact_old_rows()
        self._forget_old_rows()

    def _forget_old_rows(self) -> None:
        """The retention period: what participants asked more than 90 days ago (by the wall
        clock) is deleted."""
        cutoff = time.time() - RETENTION
        with self._lock, self._connection:
            self._connection.execute("DELETE FROM unanswered WHERE asked_at < ?", (cutoff,))
            self._connection.execute("DELETE FROM answered WHERE asked_at < ?", (cutoff,))

    def _secret(self) -> str:
        with self._connection:
            self._connection.execute(
                "INSERT OR IGNORE INTO unanswered_state VALUES ('secret', ?)",
                (secrets.token_hex(32),),
            )
        row = self._connection.execute(
            "SELECT value FROM unanswered_state WHERE key = 'secret'"
        ).fetchone()
        return str(row[0])

    def _redact_old_rows(self) -> None:
        """Questions stored before redaction existed are redacted once."""
        if self._connection.execute(
            "SELECT 1 FROM unanswered_state WHERE key = 'redacted'"
        ).fetchone():
            return
        rows = self._connection.execute("SELECT id, question FROM unanswered").fetchall()
        with self._connection:
            self._connection.executemany(
                "UPDATE unanswered SET question = ? WHERE id = ?",
                [(redact(str(q)), i) for i, q in rows if redact(str(q)) != q],
            )
            self._connection.execute("INSERT INTO unanswered_state VALUES ('redacted', '1')")

    def remember(self, question: str, shown: str, user_id: int | None) -> int:
        """Keep an answer given, so a 👎 can say which question got what; returns its id."""
        user_hash = self.user_hash(user_id) if user_id is not None else None
        now = self._clock()
        with self._lock, self._connection:
            self._connection.execute(
                "DELETE FROM answered WHERE helpful IS NULL AND asked_at < ?",
                (now - KEEP_UNJUDGED,),
            )
            cursor = self._connection.execute(
                "INSERT INTO answered (asked_at, question, shown, user_hash) VALUES (?, ?, ?, ?)",
                (now, redact(question[:MAX_QUESTION]), shown[:MAX_QUESTION], user_hash),
            )
        return int(cursor.lastrowid or 0)

    def judge(self, answer_id: int, helpful: bool, user_id: int | None) -> bool:
        """The asker's verdict on an answer; False when it is not theirs or is forgotten."""
        user_hash = self.user_hash(user_id) if user_id is not None else None
        with self._lock, self._connection:
            changed = self._connection.execute(
                "UPDATE answered SET helpful = ? WHERE id = ? AND user_hash IS ?",
                (int(helpful), answer_id, user_hash),
            ).rowcount
        return bool(changed)

    def unhelpful(self, limit: int = 20) -> list[UnhelpfulAnswer]:
        """Answers marked 👎, the most often first: the wrong answers nobody would see."""
        with self._lock:
            rows = self._connection.execute(
                """
                SELECT question, shown, COUNT(*), MAX(asked_at) FROM answered
                WHERE helpful = 0 GROUP BY question, shown
                ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT ?
                """,
                (limit,),
            ).fetchall()
        return [UnhelpfulAnswer(str(q), str(s), int(c), float(t)) for q, s, c, t in rows]

    def user_hash(self, user_id: int) -> str:
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()

    def record(self, question: str, user_id: int | None, kind: str, score: float) -> None:
        text = redact(question[:MAX_QUESTION])
        normalised = " ".join(sorted(set(content_words(text)))) or text.lower().strip()
        user_hash = self.user_hash(user_id) if user_id is not None else None
        if time.time() - self._last_sweep > 24 * 3600:  # a bot that runs for months
            self._last_sweep = time.time()
            self._forget_old_rows()
        with self._lock, self._connection:
            self._connection.execute(
                "INSERT INTO unanswered (asked_at, question, normalised, user_hash, kind, score)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self._clock(), text, normalised, user_hash, kind, score),
            )

    def top(self, limit: int = 20) -> list[UnansweredQuestion]:
        """The most frequent unanswered questions, most asked first."""
        with self._lock:
            return self._top(limit)

    def _top(self, limit: int) -> list[UnansweredQuestion]:
        rows = self._connection.execute(
            """
            SELECT (SELECT question FROM unanswered AS latest
                    WHERE latest.normalised = grouped.normalised
                    ORDER BY asked_at DESC LIMIT 1),
                   COUNT(*), COUNT(DISTINCT user_hash), MAX(asked_at), MIN(kind)
            FROM unanswered AS grouped
            GROUP BY normalised
            ORDER BY COUNT(*) DESC, MAX(asked_at) DESC
            LIMIT ?
            """,
            (limit,),
        ).fetchall()
        return [UnansweredQuestion(q, c, u, t, k) for q, c, u, t, k in rows]

    def close(self) -> None:
        self._connection.close()
