"""CLI sub-command for organisers: `workshop-bot report`, the questions the bot could not answer."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from bot.settings import load_settings


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="questions the bot could not answer well")
    report.add_argument("--limit", type=int, default=20)
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    from faq.insight import UnansweredLog

    settings = load_settings()
    log = UnansweredLog(settings.db_path, settings.user_hash_salt)
    try:
        rows = log.top(args.limit)
    finally:
        log.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "question": r.question,
                        "count": r.count,
                        "users": r.users,
                        "last_asked": time.strftime(
                            "%Y-%m-%dT%H:%M:%SZ", time.gmtime(r.last_asked)
                        ),
                        "kind": r.kind,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not rows:
        print("No unanswered questions recorded yet.")
    for row in rows:
        print(f"{row.count:4}x  {row.users:3} users  [{row.kind}]  {row.question}")
    return 0
