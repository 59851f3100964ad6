"""How agenda lists and events read: /agenda [day], /today, /next, /event ID, /mysessions.

Times are shown in the event's own zone and, when its offset differs, in the reader's zone; a
session over several days, or past midnight, carries both dates. A session under way is
"now", not "coming up". Long fields are clipped at a word (a real export once carried a
5,500-character title), and long lists are paged: one page of ``PAGE_SIZE`` sessions with
◀ / ▶ buttons whose callback data holds the whole state (list, first item, size and the moment
the list was ordered), so they work after a restart and never need memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import get_day_names

from bot import actions
from bot.i18n import LANGUAGES, N_, _, dated, ngettext
from bot.replies import Button, Reply, bold, clip, italic
from bot.telegram_text import escape
from scheduler.agenda import FIRST_YEAR, LAST_YEAR, ordered_from_now
from scheduler.model import Event
from scheduler.zones import parse_zone, zone_label

PAGE_SIZE = 10
LIST_TITLE = 150  # UTF-16 units; ten sessions of a page stay well inside one message
FULL_TITLE = 600
PLACE = 100
SPEAKERS = 300
DESCRIPTION = 1500
NOTE = 120
AGENDA_TITLE = 300  # units of a title or place in a broadcast agenda
ALL = "*"  # the scope of the whole agenda in callback data
MINE = "my"  # the scope of the reader's own sessions
NotesFor = Callable[[Event], tuple[str, ...]]


def _last_moment(end: datetime) -> datetime:
    """The end as a day is read: a session ending at midnight ends on the day before."""
    return end - timedelta(microseconds=1)


DayFormat = Callable[[datetime, bool], str]  # a day as the reader writes it, with its year or not


def english_day(moment: datetime, year: bool) -> str:
    """'Wed 15 Sep 2010', or without the year 'Wed 15 Sep'."""
    return f"{moment:%a %d %b %Y}" if year else f"{moment:%a %d %b}"


def period(
    start: datetime, end: datetime, *, year: bool = True, day: DayFormat = english_day
) -> str:
    """'Wed 15 Sep 2010, 14:15–16:15', or over days 'Mon 23 Mar 2026, 09:00 – Wed 25 Mar 17:00'
    (a session past midnight too); a session ending at midnight ends on its first day. ``day``
    writes a day in the reader's language."""
    if _last_moment(end).date() == start.date():
        return f"{day(start, year)}, {start:%H:%M}–{end:%H:%M}"
    last = day(end, year and end.year != start.year)
    return f"{day(start, year)}, {start:%H:%M} – {last} {end:%H:%M}"


def agenda_html(events: list[Event], heading: str) -> str:
    """The agenda a broadcast sends: a heading, then a paragraph per event in its own zone,
    its days in the language being spoken (each reader language gets its own wording)."""
    blocks = [f"<b>{escape(heading)}</b>"]
    for event in events:
        where = event.where
        lines = [
            f"<b>{period(event.start, event.end, day=day)}</b> ({escape(event_zone(event))})",
            escape(clip(event.title, AGENDA_TITLE)),
        ]
        if where:
            lines.append(escape(clip(where, AGENDA_TITLE)))
        lines.append(f"<code>{escape(event.id)}</code>")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def event_zone(event: Event) -> str:
    """The event's zone as people say it ("UTC+1", not the POSIX "Etc/GMT-1")."""
    found = parse_zone(event.timezone)
    return zone_label(found) if found else event.timezone


def day(moment: datetime, year: bool) -> str:
    """A day in the reader's language: "Wed 15 Sep 2010", "mer. 15 sept. 2010"."""
    if year:
        return dated(moment, "%a %d %b %Y", "EEE d MMM y")
    return dated(moment, "%a %d %b", "EEE d MMM")


def long_day(moment: datetime | date) -> str:
    """A day in full: "Wednesday 15 September 2010", "mercredi 15 septembre 2010"."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return dated(moment, "%A %d %B %Y", "EEEE d MMMM y")


def when(event: Event, reader: ZoneInfo) -> str:
    local = f"{period(event.start, event.end, day=day)} ({event_zone(event)})"
    start, end = event.start.astimezone(reader), event.end.astimezone(reader)
    if start.utcoffset() != event.start.utcoffset():
        local += " · " + _("{period} your time ({zone})").format(
            period=period(start, end, year=False, day=day), zone=zone_label(reader)
        )
    return local


def now_line(event: Event, reader: ZoneInfo, now: datetime) -> str | None:
    """'● Now, until 11:00' for a session under way (with the day when it ends another day,
    and the reader's time when it differs), else None."""
    if not event.in_progress(now):
        return None
    until = _until(event.end, now.astimezone(event.end.tzinfo))
    if event.end.astimezone(reader).utcoffset() == event.end.utcoffset():
        return _("● Now, until {time}").format(time=until)
    return _("● Now, until {time} ({reader_time} your time)").format(
        time=until, reader_time=_until(event.end.astimezone(reader), now.astimezone(reader))
    )


def _until(end: datetime, now: datetime) -> str:
    return (
        f"{end:%H:%M}"
        if _last_moment(end).date() == now.date()
        else f"{day(end, False)} {end:%H:%M}"
    )


def event_lines(
    reply: Reply,
    event: Event,
    reader: ZoneInfo,
    *,
    details: bool,
    now: datetime | None = None,
    notes: tuple[str, ...] = (),
) -> None:
    """One event: title, when, where; ``details`` adds speakers, description and articles."""
    current = now_line(event, reader, now) if now else None
    if current:
        reply.add(bold(current))
    reply.add(bold(clip(event.title, FULL_TITLE if details else LIST_TITLE)))
    reply.add(when(event, reader))
    where = event.where
    if where:
        reply.add(clip(where, PLACE))
    for note in notes:
        reply.add(italic(note))
    if details:
        if event.speakers:
            reply.add(
                clip(_("Speakers: {names}").format(names=", ".join(event.speakers)), SPEAKERS)
            )
        if event.description:
            reply.add(italic(clip(event.description, DESCRIPTION)))
        if event.articles:
            cited = ", ".join(
                _("{instrument} Art. {article}").format(
                    instrument=r.instrument.upper(), article=r.article
                )
                for r in event.articles
            )
            reply.add(_("Articles: {articles}").format(articles=cited))
        reply.add(
            (_("ID: {id} · sample data") if event.sample else _("ID: {id}")).format(id=event.id)
        )


def agenda_reply(
    events: list[Event], heading: str, reader: ZoneInfo, now: datetime, empty: str
) -> Reply:
    """A short list shown whole (/next: at most a few sessions)."""
    reply = Reply().add(bold(heading))
    if not events:
        return reply.add(empty)
    for event in events:
        reply.blank()
        event_lines(reply, event, reader, details=False, now=now)
        reply.add(f"/event {event.id}")
    return _sample_note(reply, events)


def _sample_note(reply: Reply, events: list[Event]) -> Reply:
    if any(e.sample for e in events):
        reply.blank().add(italic(_("Sample agenda built from past Council of Europe activities.")))
    return reply


@dataclass(frozen=True, slots=True)
class Listing:
    """A list of sessions to page through: its scope in callback data (ALL, MINE or an ISO
    day), its heading, its sessions by start, and whether it opens on the last page when all
    are over (an open-ended list does, one day's list opens on its first session). The heading
    is in the reader's language; ``empty`` too, or a catalog text translated when shown."""

    scope: str
    heading: str
    events: list[Event]
    open_ended: bool = True
    empty: str = N_("Nothing on the agenda for that.")


def first_page(
    listing: Listing, reader: ZoneInfo, now: datetime, notes: NotesFor | None = None
) -> Reply:
    """The page a list opens on: from now (sessions under way, then those to come). When all
    are over, an open-ended list shows the last ones and a day its first."""
    ordered_at = moment(_minutes(now))  # what the buttons can say, to the minute
    ordered, ahead = ordered_from_now(listing.events, ordered_at)
    if ahead == len(ordered):
        ahead = max(0, len(ordered) - PAGE_SIZE) if listing.open_ended else 0
    return list_page(listing, ahead, PAGE_SIZE, reader, now, ordered_at=ordered_at, notes=notes)


def list_page(
    listing: Listing,
    start: int,
    size: int,
    reader: ZoneInfo,
    now: datetime,
    *,
    ordered_at: datetime,
    notes: NotesFor | None = None,
) -> Reply:
    """Sessions ``start`` to ``start + size`` of the list as ordered at ``ordered_at``, with
    buttons to the pages around it; a page past the end (the list shrank) shows the last."""
    ordered, _ahead = ordered_from_now(listing.events, ordered_at)
    total = len(ordered)
    reply = Reply().add(bold(listing.heading))
    if not ordered:
        return reply.add(_(listing.empty))
    if start >= total:
        start = max(0, total - PAGE_SIZE)
    stop = min(total, start + size)
    reply.add(italic(_counts(start, stop, ordered, now)))
    for event in ordered[start:stop]:
        reply.blank()
        lines = notes(event) if notes else ()
        event_lines(reply, event, reader, details=False, now=now, notes=lines)
        reply.add(f"/event {event.id}")
    reply.buttons = [_paging(listing.scope, start, stop, total, ordered_at)]
    reply.buttons = [row for row in reply.buttons if row]
    return _sample_note(reply, ordered[start:stop])


def _counts(start: int, stop: int, events: list[Event], now: datetime) -> str:
    over = sum(e.over(now) for e in events)
    under_way = sum(e.in_progress(now) for e in events)
    to_come = len(events) - over - under_way
    parts = [
        label.format(count=number)
        for number, label in (
            (over, ngettext("{count} over", "{count} over", over)),
            (under_way, ngettext("{count} under way", "{count} under way", under_way)),
            (to_come, ngettext("{count} to come", "{count} to come", to_come)),
        )
        if number
    ]
    shown = f"{start + 1}–{stop}" if stop > start + 1 else f"{stop}"
    counted = ngettext(
        "{shown} of {total} session ({parts})", "{shown} of {total} sessions ({parts})", len(events)
    )
    return counted.format(shown=shown, total=len(events), parts=", ".join(parts))


def _paging(scope: str, start: int, stop: int, total: int, ordered_at: datetime) -> list[Button]:
    row = []
    if start > 0:
        previous = max(0, start - PAGE_SIZE)
        row.append(
            Button(
                f"◀ {previous + 1}–{start}",
                actions.agenda_page(scope, previous, start - previous, _minutes(ordered_at)),
            )
        )
    if stop < total:
        last = min(total, stop + PAGE_SIZE)
        row.append(
            Button(
                _("{first}–{last} of {total} ▶").format(first=stop + 1, last=last, total=total),
                actions.agenda_page(scope, stop, PAGE_SIZE, _minutes(ordered_at)),
            )
        )
    return row


def _minutes(moment: datetime) -> int:
    return int(moment.timestamp() // 60)


def moment(minutes: int) -> datetime:
    """The moment a list was ordered, from its callback data (minutes since the epoch)."""
    return datetime.fromtimestamp(minutes * 60, UTC)


def overlap_notes(mine: list[Event]) -> NotesFor:
    """For /mysessions: which other followed sessions each one clashes with."""

    def notes(event: Event) -> tuple[str, ...]:
        clashes = [other for other in mine if other is not event and event.overlaps(other)]
        if not clashes:
            return ()
        title = clip(clashes[0].title, NOTE)
        if len(clashes) == 1:
            return (_("⚠ Overlaps “{title}”").format(title=title),)
        more = len(clashes) - 1
        return (
            ngettext(
                "⚠ Overlaps “{title}” and {count} more",
                "⚠ Overlaps “{title}” and {count} more",
                more,
            ).format(title=title, count=more),
        )

    return notes


def parse_day(argument: str, now: datetime) -> date | None:
    """The day ``argument`` names: "today", "tomorrow", "yesterday" (or in the reader's
    language), a weekday from today on ("friday", "vendredi"), ISO "2026-03-23", or a day
    written day first ("23/03/2026", "23.03.2026", "23/03" this year); ValueError if none."""
    text = argument.strip().lower().replace("'", "’")  # "aujourd'hui" as typed
    if not text:
        return None
    today = now.date()
    offsets = {
        "yesterday": -1,
        _("yesterday"): -1,
        "today": 0,
        _("today"): 0,
        "tomorrow": 1,
        _("tomorrow"): 1,
    }
    if text in offsets:
        return today + timedelta(days=offsets[text])
    weekday = _WEEKDAYS.get(text.removesuffix("."))
    if weekday is not None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    written = _DAY_FIRST.fullmatch(text)
    if written is not None:
        year = int(written["year"]) if written["year"] else today.year
        year += 2000 if year < 100 else 0
        found = date(year, int(written["month"]), int(written["day"]))
    else:
        found = date.fromisoformat(text)
    if not FIRST_YEAR <= found.year <= LAST_YEAR:  # no agenda holds such a day
        raise ValueError(f"no agenda day in {found.year}")
    return found


_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})(?:[./-](?P<year>\d{2}|\d{4}))?")
# Weekday names and their usual short forms, in every language of the catalogs
_WEEKDAYS = {
    name.lower().removesuffix("."): number
    for locale in LANGUAGES
    for width in ("wide", "abbreviated")
    for number, name in get_day_names(width, locale=locale).items()
}
