"""A big conference agenda built from the real schedule exports in tests/fixtures/schedules.

The four exports (pretalx, frab JSON, frab XML, iCalendar: 268 sessions) are imported with the
importers, each moved by whole weeks (weekdays and clock times stay as published) so that it
is under way around ``now``, and repeated as a second edition a year later until there are
400; the 401st is one of them with the 5,500-character title a real export once carried (its
abstract pasted into the title field), spanning three days and in progress at ``now``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from scheduler.export import write_agenda_file
from scheduler.importers import ImportResult, import_schedule
from scheduler.model import Event

SCHEDULES = Path(__file__).parent / "fixtures" / "schedules"
EXPORTS = ("debconf23.xml", "frab-camp2019.json", "kielux_2020.ics", "pretalx-rc3.json")
SIZE = 401
LONG_ID = "long-title"
LONG_TITLE_CHARACTERS = 5500


def _imported(now: datetime) -> list[Event]:
    events: list[Event] = []
    for name in EXPORTS:
        found = sorted(
            import_schedule(SCHEDULES / name, ZoneInfo("Europe/Berlin")).events, key=_start
        )
        middle = found[len(found) // 2].start
        weeks = timedelta(weeks=round((now - middle) / timedelta(weeks=1)))
        events += [_moved(e, weeks) for e in found]
    return sorted(events, key=_start)


def _start(event: Event) -> tuple[datetime, str]:
    return event.start, event.id


def _moved(event: Event, by: timedelta, suffix: str = "") -> Event:
    return replace(
        event,
        id=(event.id[: 40 - len(suffix)] + suffix),
        start=event.start + by,
        end=event.end + by,
        series="Octopus Conference",
    )


def conference(now: datetime) -> list[Event]:
    """401 sessions, about half of them over at ``now``, one in progress with a huge title."""
    real = _imported(now)
    year = timedelta(weeks=52)
    return [
        *real,
        *(_moved(e, year, "-2") for e in real[: SIZE - 1 - len(real)]),
        long_titled(next(e for e in real if e.description), now),
    ]


def long_titled(model: Event, now: datetime) -> Event:
    """``model`` renamed with its abstract repeated to 5,500 characters (an emoji among them:
    Telegram counts it twice), from yesterday to tomorrow."""
    # on one line, as the importer writes every title: the model picked may have a
    # description of several lines, as one export's has in some weeks
    words = " ".join(f"{model.title} 🔐 {model.description}".split()) + " "
    title = (words * (LONG_TITLE_CHARACTERS // len(words) + 1)).strip()[:LONG_TITLE_CHARACTERS]
    zone = ZoneInfo(model.timezone)
    yesterday = (now - timedelta(days=1)).astimezone(zone)
    start = yesterday.replace(hour=9, minute=0, second=0, microsecond=0)
    return replace(
        model,
        id=LONG_ID,
        title=title,
        start=start,
        end=start + timedelta(days=2, hours=8),
        series="Octopus Conference",
    )


def write_conference(folder: Path, now: datetime) -> list[Event]:
    """The conference as an agenda file in ``folder``, the way import-schedule writes one."""
    events = conference(now)
    write_agenda_file(ImportResult("Octopus Conference", events), folder, "octopus")
    return events
