"""Operations: `workshop-bot backup FILE`, a consistent copy of the database while the bot runs."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bot.settings import load_settings


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup", help="copy the database consistently (safe while the bot runs)"
    )
    backup.add_argument("destination", help="file to write, e.g. backups/bot-2026-12-04.sqlite3")
    backup.set_defaults(func=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    """SQLite's online backup: pages are copied in steps, so the running bot is never blocked
    for long and the copy is one consistent state (a plain file copy of a WAL database is
    not)."""
    source_path = load_settings().db_path
    destination = Path(args.destination)
    if not source_path.is_file():
        print(f"no database at {source_path}", file=sys.stderr)
        return 1
    if destination.exists():
        print(f"{destination} exists: choose a new file name", file=sys.stderr)
        return 2
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(destination)
    try:
        source.backup(target, pages=256)
        verdict = target.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as error:
        print(f"backup failed: {error}", file=sys.stderr)
        destination.unlink(missing_ok=True)
        return 1
    finally:
        target.close()
        source.close()
    if verdict != "ok":
        print(f"backup written but it does not check out: {verdict}", file=sys.stderr)
        return 1
    print(f"backed up {source_path} to {destination}")
    return 0
