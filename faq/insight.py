"""What organisers learn from the questions: the ones the bot could not answer well.

Only the question, a salted SHA-256 hash of the user id, the answer kind and its confidence
are stored, in SQLite. Questions are grouped by their normalised words so that
"What is GLACY?" and "what is glacy" count together.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
"""
MAX_QUESTION = 500


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    question: str  # the most recent wording
    count: int
    users: int
    last_asked: float
    kind: str  # "none" when any of the group ended without an answer, else "search"


class UnansweredLog:
    """The ``index.sources.UnansweredLog`` the ask service records into, in its own table."""

    def __init__(self, path: Path, salt: str, clock: Callable[[], float] = time.time) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.executescript(SCHEMA)
        self._salt = salt
        self._clock = clock

    def record(self, question: str, user_id: int | None, kind: str, score: float) -> None:
        text = question[:MAX_QUESTION]
        normalised = " ".join(sorted(set(content_words(text)))) or text.lower().strip()
        user_hash = None
        if user_id is not None:
            user_hash = hashlib.sha256(f"{self._salt}:{user_id}".encode()).hexdigest()
        with self._connection:
            self._connection.execute(
                "INSERT INTO unanswered (asked_at, question, normalised, user_hash, kind, score)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self._clock(), text, normalised, user_hash, kind, score),
            )

    def top(self, limit: int = 20) -> list[UnansweredQuestion]:
        """The most frequent unanswered questions, most asked first."""
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
