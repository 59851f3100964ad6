"""CLI sub-command for scripts: `workshop-bot agenda [--day DAY] [--now ISO8601] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import Any

from bot.settings import load_settings


def register(subparsers: Any) -> None:
    agenda = subparsers.add_parser("agenda", help="list the agenda")
    agenda.add_argument("--day", type=date.fromisoformat, help="only this day, YYYY-MM-DD")
    agenda.add_argument(
        "--now", type=datetime.fromisoformat, help="list what is not over yet at this time"
    )
    agenda.add_argument("--json", action="store_true")
    agenda.set_defaults(func=run_agenda)


def run_agenda(args: argparse.Namespace) -> int:
    from corpus.problems import ValidationError
    from scheduler.agenda import load_agenda

    try:
        agenda = load_agenda(load_settings().agenda_dir)
    except ValidationError as error:
        print(error, file=sys.stderr)
        return 1
    events = agenda.sorted()
    if args.day:
        events = agenda.on_day(args.day)
    if args.now:
        now = args.now if args.now.tzinfo else args.now.replace(tzinfo=UTC)
        events = [e for e in events if e.end > now]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": e.id,
                        "title": e.title,
                        "kind": e.kind,
                        "start": e.start.isoformat(),
                        "end": e.end.isoformat(),
                        "timezone": e.timezone,
                        "room": e.room,
                        "place": e.place,
                        "venue": e.venue,
                        "series": e.series,
                        "sample": e.sample,
                    }
                    for e in events
                ],
                ensure_ascii=False,
            )
        )
        return 0
    for e in events:
        where = ", ".join(p for p in (e.room, e.venue, e.place) if p)
        print(
            f"{e.start:%Y-%m-%d %H:%M}-{e.end:%H:%M} {e.timezone:18} {e.id:28} {e.title}  [{where}]"
        )
    return 0
