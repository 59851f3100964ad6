"""Agenda commands of the conversation: /agenda [day], /today, /next, /event ID.

Times are shown in the event's own zone and, when different, in the reader's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.replies import Reply, bold, italic
from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.zones import zone_label


def when(event: Event, reader: ZoneInfo) -> str:
    local = f"{event.start:%a %d %b %Y, %H:%M}–{event.end:%H:%M} ({event.timezone})"
    start, end = event.start.astimezone(reader), event.end.astimezone(reader)
    if start.utcoffset() != event.start.utcoffset():
        local += f" · {start:%a %H:%M}–{end:%H:%M} your time ({zone_label(reader)})"
    return local


def event_lines(reply: Reply, event: Event, reader: ZoneInfo, *, details: bool) -> None:
    reply.add(bold(event.title) if not details else bold(f"{event.title}"))
    reply.add(when(event, reader))
    where = ", ".join(p for p in (event.room, event.venue, event.place) if p)
    if where:
        reply.add(where)
    if details:
        if event.speakers:
            reply.add("Speakers: " + ", ".join(event.speakers))
        if event.description:
            reply.add(italic(event.description))
        if event.articles:
            reply.add(
                "Articles: "
                + ", ".join(f"{r.instrument.upper()} Art. {r.article}" for r in event.articles)
            )
        reply.add(f"ID: {event.id}" + (" · sample data" if event.sample else ""))


def agenda_reply(agenda: Agenda, events: list[Event], heading: str, reader: ZoneInfo) -> Reply:
    reply = Reply().add(bold(heading))
    if not events:
        return reply.add("Nothing on the agenda for that.")
    for event in events[:15]:
        reply.blank()
        event_lines(reply, event, reader, details=False)
        reply.add(f"/event {event.id}")
    if any(e.sample for e in events):
        reply.blank().add(italic("Sample agenda built from past Council of Europe activities."))
    return reply


def parse_day(argument: str, now: datetime) -> date | None:
    text = argument.strip().lower()
    if not text:
        return None
    if text == "today":
        return now.date()
    if text == "tomorrow":
        return date.fromordinal(now.date().toordinal() + 1)
    return date.fromisoformat(text)
