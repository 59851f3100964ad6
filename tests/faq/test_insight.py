"""The unanswered-question log: grouping, counts, last time asked, and no personal data."""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
import time
from pathlib import Path

from faq.insight import UnansweredLog, UnansweredQuestion

BASE = float(int(time.time()) // 60 * 60 - 3600)  # recent: inside the 90-day retention


class Clock:
    def __init__(self) -> None:
        self.now = BASE

    def __call__(self) -> float:
        self.now += 60
        return self.now


def open_log(tmp_path: Path, clock: Clock | None = None) -> UnansweredLog:
    return UnansweredLog(tmp_path / "var" / "bot.sqlite3", "pepper", clock or Clock())


def test_top_groups_wordings_of_the_same_question(tmp_path: Path) -> None:
    clock = Clock()
    log = open_log(tmp_path, clock)
    log.record("What is GLACY?", 1, "none", 0.1)
    log.record("what is glacy", 2, "none", 0.2)
    log.record("Where is lunch?", 1, "search", 0.3)
    assert log.top() == [
        UnansweredQuestion("what is glacy", 2, 2, BASE + 120, "none"),
        UnansweredQuestion("Where is lunch?", 1, 1, BASE + 180, "search"),
    ]
    log.close()


def test_top_orders_by_count_then_most_recent(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record("first question", 1, "none", 0.0)
    log.record("second question", 1, "none", 0.0)
    log.record("third question", 1, "none", 0.0)
    log.record("third question", 1, "none", 0.0)
    assert [(r.question, r.count, r.users) for r in log.top()] == [
        ("third question", 2, 1),
        ("second question", 1, 1),
        ("first question", 1, 1),
    ]
    assert [r.question for r in log.top(limit=1)] == ["third question"]
    log.close()


def test_top_reports_none_when_any_wording_went_unanswered(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record("octopus dinner", 1, "search", 0.4)
    log.record("Octopus dinner?", 1, "none", 0.1)
    assert [r.kind for r in log.top()] == ["none"]
    log.close()


def test_record_stores_only_a_salted_hash_of_the_user(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record("who am i", 424242, "none", 0.0)
    log.record("anonymous", None, "none", 0.0)
    log.close()
    with sqlite3.connect(tmp_path / "var" / "bot.sqlite3") as connection:
        stored = connection.execute("SELECT user_hash FROM unanswered ORDER BY id").fetchall()
    keyed = hmac.new(b"pepper", b"424242", hashlib.sha256).hexdigest()
    assert stored == [(keyed,), (None,)]
    assert "424242" not in str(stored)


def test_without_a_configured_salt_the_key_is_a_secret_kept_in_the_database(
    tmp_path: Path,
) -> None:
    database = tmp_path / "bot.sqlite3"
    first = UnansweredLog(database)
    other = UnansweredLog(tmp_path / "other.sqlite3")
    assert first.user_hash(424242) != other.user_hash(424242)  # no public default to guess
    assert first.user_hash(424242) != hashlib.sha256(b"workshop-bot:424242").hexdigest()
    remembered = first.user_hash(424242)
    first.close()
    assert UnansweredLog(database).user_hash(424242) == remembered  # users still count once


def test_personal_data_never_reaches_the_log(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record(
        "My name is Ana Silva, call me on +351 912 345 678 or ana.silva@pj.pt about art 29",
        1,
        "none",
        0.0,
    )
    [row] = log.top()
    assert row.question == "My name is [name], call me on [number] or [email] about art 29"


def test_questions_stored_before_redaction_are_redacted_once(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    UnansweredLog(database, "pepper").close()
    with sqlite3.connect(database) as connection:  # an older version stored it verbatim
        connection.execute("DELETE FROM unanswered_state WHERE key = 'redacted'")
        connection.execute(
            "INSERT INTO unanswered (asked_at, question, normalised, kind, score)"
            " VALUES (?, 'mail me at judge@court.gov.ng', 'judge', 'none', 0)",
            (time.time(),),
        )
    [row] = UnansweredLog(database, "pepper").top()
    assert row.question == "mail me at [email]"


def test_anonymous_questions_count_no_users(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record("from the console", None, "none", 0.0)
    assert [(r.count, r.users) for r in log.top()] == [(1, 0)]
    log.close()


def test_record_truncates_very_long_questions(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record("x" * 5000, 1, "none", 0.0)
    assert len(log.top()[0].question) == 500
    log.close()


def test_log_survives_reopening(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    log.record("what is the T-CY plenary", 1, "none", 0.0)
    log.close()
    reopened = open_log(tmp_path)
    assert [r.question for r in reopened.top()] == ["what is the T-CY plenary"]
    reopened.close()


def test_top_of_an_empty_log_is_empty(tmp_path: Path) -> None:
    log = open_log(tmp_path)
    assert log.top() == []
    log.close()


def test_questions_older_than_90_days_are_deleted(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    old = UnansweredLog(database, "pepper", lambda: time.time() - 91 * 24 * 3600)
    old.record("what is glacy", 1, "none", 0.0)
    old.remember("art 29", "Budapest Convention · Art. 29", 1)
    old.close()
    recent = UnansweredLog(database, "pepper")
    recent.record("what is octopus", 1, "none", 0.0)
    assert [r.question for r in recent.top()] == ["what is octopus"]
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT COUNT(*) FROM answered").fetchone() == (0,)
