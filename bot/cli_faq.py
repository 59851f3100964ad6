"""CLI sub-command for organisers: `workshop-bot report`, the questions the bot could not answer."""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from typing import Any

from bot.settings import load_settings
from bot.telegram_text import clip


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="questions the bot could not answer well")
    report.add_argument("--limit", type=_positive, default=20, help="how many (default 20)")
    report.add_argument("--json", action="store_true", help="print JSON instead of text")
    report.set_defaults(func=run_report)


MOST = 1_000_000  # more than any log holds; a larger number overflows SQLite's integers


def _positive(text: str) -> int:
    value = int(text) if text.isdigit() and len(text) <= len(str(MOST)) else 0
    if not 1 <= value <= MOST:
        raise argparse.ArgumentTypeError(f"expected a number from 1 to {MOST}, not {text!r}")
    return value


def _utc(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


REPORT_QUESTION = 200  # characters of a question on its line of the report (--json: all)


def run_report(args: argparse.Namespace) -> int:
    from faq.insight import UnansweredLog
    from scheduler.store import storage_problem

    settings = load_settings()
    try:
        log = UnansweredLog(settings.db_path, settings.user_hash_salt)
        try:
            rows = log.top(args.limit)
            wrong = log.unhelpful(args.limit)
        finally:
            log.close()
    except (sqlite3.Error, OSError) as error:
        raise storage_problem(settings.db_path, error) from error
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "question": r.question,
                        "count": r.count,
                        "users": r.users,
                        "last_asked": _utc(r.last_asked),
                        "kind": r.kind,
                    }
                    for r in rows
                ]
                + [
                    {
                        "question": w.question,
                        "count": w.count,
                        "last_asked": _utc(w.last_asked),
                        "kind": "unhelpful",
                        "shown": w.shown,
                    }
                    for w in wrong
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not rows and not wrong:
        print("No unanswered questions recorded yet, and no answer marked unhelpful.")
    for row in rows:
        print(
            f"{row.count:4}x  {row.users:3} users  last {_utc(row.last_asked)}  [{row.kind}]  "
            f"{clip(row.question, REPORT_QUESTION)}"
        )
    if wrong:
        print("\nAnswered but marked unhelpful:")
    for answer in wrong:
        print(
            f"{answer.count:4}x  last {_utc(answer.last_asked)}  "
            f"{clip(answer.question, REPORT_QUESTION)}  -> {answer.shown}"
        )
    return 0
