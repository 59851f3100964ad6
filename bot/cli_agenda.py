"""CLI sub-command for scripts: `workshop-bot agenda [--day DAY] [--now ISO8601] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from bot.settings import load_settings

if TYPE_CHECKING:
    from pathlib import Path

    from scheduler.agenda import Agenda
    from scheduler.model import Event


def _day(text: str) -> date:
    """argparse's reader of --day: a clear refusal, not Python's parser message."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such day: {text!r} (use YYYY-MM-DD)") from None


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"no such time: {text!r} (use ISO 8601, e.g. 2026-03-23T09:00+01:00)"
        ) from None


def register(subparsers: Any) -> None:
    agenda = subparsers.add_parser("agenda", help="list the agenda")
    agenda.add_argument("--day", type=_day, help="only this day, YYYY-MM-DD")
    agenda.add_argument("--now", type=_moment, help="list what is not over yet at this time")
    agenda.add_argument("--json", action="store_true")
    agenda.set_defaults(func=run_agenda)

    schedule = subparsers.add_parser(
        "import-schedule", help="import pretalx/frab JSON, frab XML or iCalendar into the agenda"
    )
    schedule.add_argument("file")
    schedule.add_argument("--into", help="agenda folder (default: the configured one)")
    schedule.add_argument(
        "--force",
        action="store_true",
        help="import even a schedule with no events, or over an imported file edited since",
    )
    schedule.add_argument(
        "--timezone",
        help="zone of times the file gives without one (default: the configured default_timezone)",
    )
    schedule.set_defaults(func=run_import_schedule)

    export = subparsers.add_parser("export-ics", help="write the agenda (or one event) as .ics")
    export.add_argument("--event", help="only this event id")
    export.add_argument("--output", help="file to write (default: standard output)")
    export.set_defaults(func=run_export_ics)


def _configured_agenda() -> Agenda | None:
    """The configured agenda, or None after printing its problems."""
    from corpus.problems import ValidationError
    from scheduler.agenda import load_agenda

    try:
        return load_agenda(load_settings().agenda_dir)
    except ValidationError as error:
        print(error, file=sys.stderr)
        return None


def run_agenda(args: argparse.Namespace) -> int:
    agenda = _configured_agenda()
    if agenda is None:
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
    if not events:
        print("Nothing on the agenda for that day." if args.day else "Nothing on the agenda.")
    for e in events:
        # an event of several days says its last one: "2013-05-20 09:00-2013-05-21 17:00"
        until = f"{e.end:%H:%M}" if e.end.date() == e.start.date() else f"{e.end:%Y-%m-%d %H:%M}"
        print(f"{e.start:%Y-%m-%d %H:%M}-{until} {e.timezone:18} {e.id:28} {e.title}  [{e.where}]")
    return 0


def _skipped_count(skipped: list[str]) -> str:
    return f" ({len(skipped)} skipped)" if skipped else ""


def run_import_schedule(args: argparse.Namespace) -> int:
    from pathlib import Path

    from corpus.problems import ValidationError
    from scheduler.export import EditedSinceImport, HoldsAnother, write_agenda_file, write_name
    from scheduler.importers import ImportFailed, import_schedule
    from scheduler.zones import parse_zone

    source = Path(args.file)
    if not source.is_file():
        why = "a folder" if source.is_dir() else "not a regular file" if source.exists() else ""
        print(f"{source}: {why or 'no such file'}", file=sys.stderr)
        return 2
    settings = load_settings()
    folder = Path(args.into) if args.into else settings.agenda_dir
    zone = parse_zone(args.timezone or settings.default_timezone)
    if zone is None:
        print(f"unknown time zone {args.timezone or settings.default_timezone!r}", file=sys.stderr)
        return 2
    before = _agenda_or_none(folder)
    try:
        result = import_schedule(source, zone)
        if not result.events and not args.force:
            print(
                f"{source}: no events to import{_skipped_count(result.skipped)}; the agenda is "
                "unchanged (--force imports an empty schedule anyway)",
                file=sys.stderr,
            )
            for reason in result.skipped:
                print(f"skipped: {reason}", file=sys.stderr)
            return 1
        target = write_agenda_file(result, folder, source.stem, force=args.force)
    except (ImportFailed, EditedSinceImport, HoldsAnother) as error:
        print(error, file=sys.stderr)
        return 1
    except ValidationError as error:
        print(f"not imported, the agenda is unchanged:\n{error}", file=sys.stderr)
        return 1
    print(f"imported {len(result.events)} events from {result.title} into {target}")
    if target.stem != Path(write_name(source.stem)).stem:
        print(f"{target.name} held an earlier import of this schedule: it was updated")
    chosen = "--timezone" if args.timezone else "the configured default_timezone"
    if result.assumed_zone:
        print(
            f"the file gives times without a zone: read as {result.assumed_zone} ({chosen}; "
            "re-import with --timezone ZONE if that is wrong)"
        )
    for name, line in result.unknown_zones.items():
        print(
            f"unknown time zone {name!r} in {source}:{line}; read as {zone.key} ({chosen}; "
            "re-import with --timezone ZONE if that is wrong)"
        )
    for reason in result.skipped:
        print(f"skipped: {reason}")
    after = _agenda_or_none(folder)
    if before is not None and after is not None:
        _print_changes(before, after)
    return 0


def _agenda_or_none(folder: Path) -> Agenda | None:
    from corpus.problems import ValidationError
    from scheduler.agenda import load_agenda

    try:
        return load_agenda(folder)
    except (ValidationError, OSError):
        return None


def _print_changes(before: Agenda, after: Agenda) -> None:
    """What the import changed in sessions not over yet: what followers will be told."""
    from scheduler.changes import CANCELLED, diff_agendas

    now = datetime.now(UTC)
    changes = diff_agendas(before, after, now)
    added = [e for e in after.sorted() if before.get(e.id) is None and not e.over(now)]
    if not changes and not added:
        if any(not e.over(now) for e in after.events):
            print("no upcoming session changed")
        return
    for change in changes:
        old, new = change.before, change.after
        if new is None or CANCELLED in change.what:
            print(f"removed: {old.title} ({old.id}), {_when(old)}")
            continue
        if "time" in change.what:
            print(f"moved: {old.title} ({old.id}), {_when(old)} -> {_when(new)}")
        if "room" in change.what or "place" in change.what:
            print(f"new place: {old.title} ({old.id}), {old.where} -> {new.where}")
    if added:
        print(f"new: {len(added)} upcoming session{'s' if len(added) != 1 else ''}")
    if changes:
        print(
            "followers of these sessions are told when the bot reloads the agenda (/reload, "
            "or its next start; a large change waits for an organiser to confirm it)"
        )


def _when(event: Event) -> str:
    return f"{event.start:%Y-%m-%d %H:%M}-{event.end:%H:%M} {event.timezone}"


def run_export_ics(args: argparse.Namespace) -> int:
    from pathlib import Path

    from scheduler.export import to_ics

    agenda = _configured_agenda()
    if agenda is None:
        return 1
    events = agenda.sorted()
    if args.event:
        events = [e for e in events if e.id == args.event]
        if not events:
            print(f"no event with id {args.event!r}", file=sys.stderr)
            return 2
    data = to_ics(events)
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as error:  # no such folder, a folder, no permission, a full disk
            print(f"cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 2
    else:
        sys.stdout.buffer.write(data)
    return 0
