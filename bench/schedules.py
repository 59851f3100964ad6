"""Big schedule files for bench_scheduler: a 20,000-event .ics and a 10 MB agenda.

Events look like a real conference's: a title, a room, two speakers and an abstract of a
few sentences, in Europe/Paris, fifteen minutes apart in seven rooms.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from scheduler.agenda import MAX_FILE_BYTES

START = datetime(2026, 3, 23, 8, 0)
ABSTRACT = (
    "How investigators preserve and obtain electronic evidence across borders, what the "
    "Second Additional Protocol changes for direct cooperation with providers, and which "
    "safeguards apply. Case studies from three regions, then questions from the floor."
)


def _slots(count: int | None = None) -> Iterator[tuple[int, datetime]]:
    number = 0
    while count is None or number < count:
        yield number, START + timedelta(minutes=15 * (number // 7))
        number += 1


def write_ics(path: Path, events: int) -> Path:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "X-WR-CALNAME:Bench"]
    for number, start in _slots(events):
        end = start + timedelta(minutes=45)
        lines += [
            "BEGIN:VEVENT",
            f"UID:talk-{number}@bench.example.org",
            f"SUMMARY:Talk {number}: electronic evidence in practice",
            f"DTSTART;TZID=Europe/Paris:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/Paris:{end:%Y%m%dT%H%M%S}",
            f"LOCATION:Room {number % 7}",
            f"DESCRIPTION:{ABSTRACT}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def write_agenda(path: Path, size: int = MAX_FILE_BYTES - 4096) -> int:
    """An agenda file of just under ``size`` bytes; returns its events."""
    parts = ["timezone: Europe/Paris\nseries: Bench Conference\nevents:\n"]
    written = len(parts[0])
    for number, start in _slots():
        record = {
            "id": f"talk-{number}",
            "title": f"Talk {number}: electronic evidence in practice",
            "kind": "session",
            "start": f"{start:%Y-%m-%dT%H:%M}",
            "end": f"{start + timedelta(minutes=45):%Y-%m-%dT%H:%M}",
            "room": f"Room {number % 7}",
            "speakers": ["Ana Example", "Bo Example"],
            "description": ABSTRACT,
        }
        text = yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=100)
        if written + len(text.encode()) > size:
            path.write_text("".join(parts), encoding="utf-8")
            return number
        parts.append(text)
        written += len(text.encode())
    raise AssertionError("unreachable")
