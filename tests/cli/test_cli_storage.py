"""An unusable database stops the start with one clear line and exit 1, never a traceback."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"these are the organiser's notes, not a database\n" * 40)


def _damaged(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE chats (chat_id INTEGER PRIMARY KEY, note TEXT)")
    connection.executemany("INSERT INTO chats VALUES (?, ?)", [(n, "x" * 50) for n in range(9000)])
    connection.commit()
    connection.close()
    with path.open("r+b") as file:  # overwrite pages in the middle of the table's b-tree
        file.seek(4096 * 3)
        file.write(b"\xff" * 8192)


def _a_folder(path: Path) -> None:
    path.mkdir()


def _under_a_file(path: Path) -> None:
    path.parent.rmdir()
    path.parent.write_text("a file where the folder should be")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not a database": (_not_a_database, "it is not a SQLite database"),
    "damaged": (_damaged, "it is damaged"),
    "a folder": (_a_folder, "the path is a folder"),
    "under a file": (_under_a_file, "its folder cannot be created or written"),
}


@pytest.mark.parametrize(
    ("command", "case"),
    [("console", case) for case in sorted(CASES)]
    + [("report", "not a database"), ("report", "under a file")],
)
def test_an_unusable_database_is_one_line_and_exit_1(
    command: str,
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    spoil, remedy = CASES[case]
    database = tmp_path / "var" / "bot.sqlite3"
    database.parent.mkdir()
    spoil(database)
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("WORKSHOP_BOT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("WORKSHOP_BOT_DB", str(database))
    monkeypatch.setattr("sys.stdin", io.StringIO("hi\n"))
    assert main([command]) == 1
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"Cannot use the database {database}: {remedy}")
    assert "Traceback" not in captured.out + captured.err


def test_backup_copies_the_database_consistently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "bot.sqlite3"
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("WORKSHOP_BOT_DB", str(database))
    from scheduler.reminders import SubscriptionService
    from scheduler.store import Database

    live = Database(database)
    SubscriptionService(live).subscribe(42)  # the bot keeps running meanwhile
    copy = tmp_path / "backups" / "bot-copy.sqlite3"
    assert main(["backup", str(copy)]) == 0
    assert capsys.readouterr().out == f"backed up {database} to {copy}\n"
    assert Database(copy).query("SELECT chat_id FROM subscriptions") == [(42,)]
    assert main(["backup", str(copy)]) == 2  # never overwrites an earlier backup
    live.close()
