"""`workshop-bot report`: the most frequent unanswered questions, as text or JSON."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.cli import main
from faq.insight import UnansweredLog

BASE = int(time.time()) // 60 * 60 - 3600  # an hour ago: well inside the 90-day retention


def _utc(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "var" / "bot.sqlite3"
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("WORKSHOP_BOT_DB", str(path))
    monkeypatch.setenv("WORKSHOP_BOT_SALT", "test-salt")
    return path


def record(database: Path, *questions: str) -> None:
    times = iter(range(BASE, BASE + 1000, 60))
    log = UnansweredLog(database, "test-salt", lambda: float(next(times)))
    for question in questions:
        log.record(question, 7, "none", 0.1)
    log.close()


def test_report_json_lists_groups_with_counts_and_last_time(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record(database, "Where is lunch?", "where is lunch", "wifi password")
    assert main(["report", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "question": "where is lunch",
            "count": 2,
            "users": 1,
            "last_asked": _utc(BASE + 60),
            "kind": "none",
        },
        {
            "question": "wifi password",
            "count": 1,
            "users": 1,
            "last_asked": _utc(BASE + 120),
            "kind": "none",
        },
    ]


def test_report_text_respects_the_limit(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record(database, "where is lunch", "where is lunch", "wifi password")
    assert main(["report", "--limit", "1"]) == 0
    assert capsys.readouterr().out == (
        f"   2x    1 users  last {_utc(BASE + 60)}  [none]  where is lunch\n"
    )


def test_report_text_clips_a_long_question_to_its_line(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 4,096-character message filled the terminal (walkthrough 14); --json keeps it all."""
    record(database, "why " * 300)
    assert main(["report"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.endswith("why…") and len(line) < 260
    assert main(["report", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)[0]["question"]) > 400


def test_report_says_so_when_nothing_was_recorded(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report"]) == 0
    assert capsys.readouterr().out == (
        "No unanswered questions recorded yet, and no answer marked unhelpful.\n"
    )


@pytest.mark.parametrize("limit", ["0", "-3", "many", "99999999999999999999"])
def test_report_rejects_a_limit_that_is_not_positive(
    database: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["report", "--limit", limit])
    assert exited.value.code == 2
    assert "expected a number from 1 to 1000000" in capsys.readouterr().err
