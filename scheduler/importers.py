"""Import the schedules organisers already have: pretalx/frab JSON, frab/pentabarf XML, iCalendar.

Every importer returns the events it could read and a line for each item it skipped, with the
reason. Times: an event's absolute time (ISO date with offset, XML <date>, DTSTART) wins over
local clock strings, which is what the traps of real exports call for.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import partial
from itertools import islice, takewhile
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
import x_wr_timezone
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from scheduler.agenda import FIRST_YEAR, LAST_YEAR, MAX_FILE_BYTES, MAX_LENGTH
from scheduler.ics_lines import event_begins, fault_line, fault_reason, unbalanced_block
from scheduler.model import Event

_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")
MAX_ID = 40
MAX_TITLE = 300  # characters: a session title, not a page of text
RECURRENCE_HORIZON = timedelta(days=366)  # occurrences of a recurring event imported ahead
MAX_OCCURRENCES = 500  # per recurring event
# Recurrences no agenda has: skipped whole, not imported as hundreds of sessions.
_NOT_SESSIONS = {"SECONDLY": "every second", "MINUTELY": "every minute"}
# an occurrence's id ends with its slot, "-dayN" or "-dayN-NNN" for a later one the same day;
# its series' part keeps this much room free whatever the suffix, so the part is the same for
# every occurrence, and the same as in ids from before ("-YYYYMMDD-NNN", "-YYYYMMDDHHMM")
SLOT_WIDTH = len("-YYYYMMDD-NNN")


class ImportFailed(ValueError):
    """The file cannot be imported at all; the message says why."""


@dataclass(slots=True)
class ImportResult:
    title: str
    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    assumed_zone: str | None = None  # the zone read into times the file gave without one
    # each recurring series' part of its occurrences' ids (an occurrence is "<part>-<slot>")
    series: set[str] = field(default_factory=set)
    # zones the file names that nobody knows, with the line naming each first; their times
    # are read in the default zone too
    unknown_zones: dict[str, int] = field(default_factory=dict)


def import_schedule(path: Path, default_zone: ZoneInfo | None = None) -> ImportResult:
    """The events of a pretalx/frab JSON, frab XML or iCalendar file.

    Times the file gives without a zone (FOSDEM's frab XML, floating iCalendar times) are
    read in ``default_zone`` (UTC when None), and the result says so: one hour off for every
    session is not something to find out from the reminders."""
    default_zone = default_zone or ZoneInfo("UTC")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFailed(f"{path}: larger than 10 MB; refusing to import")
    raw = path.read_bytes()
    head = raw.lstrip()[:200]
    try:
        if head.startswith(b"BEGIN:VCALENDAR"):
            result = _from_ics(raw, path.stem, default_zone)
        elif head.startswith(b"<"):
            result = _from_xml(raw, path.stem, default_zone)
        elif head.startswith(b"{"):
            result = _from_json(raw, path.stem, default_zone)
        else:
            raise ImportFailed("not a pretalx/frab JSON, frab XML or iCalendar file")
    except ImportFailed as error:
        raise ImportFailed(f"{path}: {error}") from None
    result.unknown_zones = _lines_naming(raw, result.unknown_zones)
    return _distinct(result)


def _distinct(result: ImportResult) -> ImportResult:
    """The same rules for every format: an event without a duration is skipped and reported;
    one event per id: an exact repeat (a merged export lists a talk twice) is dropped and
    reported, a different event under a taken id gets a suffix."""
    kept: dict[str, Event] = {}
    for event in result.events:
        first = kept.get(event.id)
        if event.end <= event.start:
            said = (
                "ends when it starts (no duration)"
                if event.end == event.start
                else ("ends before it starts")
            )
            result.skipped.append(f"{event.title}: {said}")
        elif not (event.start.year >= FIRST_YEAR and event.end.year <= LAST_YEAR):
            result.skipped.append(
                f"{event.title}: in {event.start.year}, outside {FIRST_YEAR}-{LAST_YEAR}"
            )
        elif event.end - event.start > MAX_LENGTH:
            result.skipped.append(f"{event.title}: lasts more than 31 days")
        elif first is None:
            kept[event.id] = event
        elif (first.title, first.start, first.end) == (event.title, event.start, event.end):
            result.skipped.append(f"{event.title}: listed twice with id {event.id}")
        else:
            number = 2
            while f"{event.id[: MAX_ID - 4]}-{number}" in kept:
                number += 1
            renamed = f"{event.id[: MAX_ID - 4]}-{number}"
            result.skipped.append(
                f"{event.title}: id {event.id} is also {first.title!r}; imported as {renamed}"
            )
            kept[renamed] = replace(event, id=renamed)
    result.events = list(kept.values())
    return result


def _zone(name: str | None) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _conference_zone(named: Any, default_zone: ZoneInfo, result: ImportResult) -> ZoneInfo | None:
    """The zone a schedule names for its conference, or None if it names none; an unknown
    one is read as ``default_zone``, and ``result`` says so (its line is found later)."""
    zone = _zone(named)
    if named and zone is None:
        result.unknown_zones[str(named)] = 0
        return default_zone
    return zone


def _zone_for(moment: datetime, zone: ZoneInfo | None) -> ZoneInfo:
    """The conference zone, or a fixed-offset IANA zone matching the event's own offset."""
    if zone is not None:
        return zone
    offset = moment.utcoffset() or timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not offset:
        return ZoneInfo("UTC")
    return ZoneInfo(f"Etc/GMT{-hours:+d}")  # POSIX sign: Etc/GMT-1 is UTC+1


def _identifier(prefix: str, raw: object, suffix: str = "") -> str:
    """A readable id from the source's own id, and an occurrence's ``suffix`` kept whole."""
    return _stem(prefix, raw, MAX_ID - SLOT_WIDTH if suffix else MAX_ID) + suffix


def _stem(prefix: str, raw: object, room: int) -> str:
    """At most ``room`` characters of the source's id; a long one keeps a hash of the whole,
    so two UIDs that share their first 40 characters stay two events."""
    slug = _SLUG.sub("-", f"{prefix}-{raw}").strip("-")
    if len(slug) > room:
        digest = hashlib.sha1(str(raw).encode()).hexdigest()[:6]
        slug = f"{slug[: room - 7].rstrip('-')}-{digest}"
    return slug


def _made_up_id(title: str, start: datetime) -> str:
    """For exports without id or guid (FOSDEM 2021): stable across re-imports of the file."""
    return f"{start.astimezone(UTC):%m%d%H%M}-{title[:16]}"


def _duration(text: str) -> timedelta:
    try:
        parts = [int(p) for p in text.split(":")]
    except ValueError:
        raise ValueError(f"duration {text!r} is not HH:MM") from None
    while len(parts) < 3:
        parts.append(0)
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])


def _kind(text: str) -> str:
    lowered = text.lower()
    for kind in ("workshop", "plenary", "training", "meeting"):
        if kind in lowered:
            return kind
    return "session"


def _event(
    prefix: str,
    raw_id: object,
    title: str,
    *,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    suffix: str = "",
    **extra: Any,
) -> Event:
    if not isinstance(title, str) or not _printable(title).strip():
        raise ValueError("no title")
    for field_name in ("room", "description"):
        if isinstance(extra.get(field_name), str):
            extra[field_name] = _printable(extra[field_name], keep_lines=True)
    if "speakers" in extra:
        extra["speakers"] = tuple(_printable(p) for p in extra["speakers"])
    return Event(
        id=_identifier(prefix, raw_id, suffix),
        title=" ".join(_printable(title).split())[:MAX_TITLE],
        kind=extra.pop("kind", "session"),
        start=start.astimezone(zone),
        end=end.astimezone(zone),
        timezone=zone.key,
        **extra,
    )


def _printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` without control and format characters (NUL, terminal escapes, a right-to-left
    override), which would reach organisers' terminals and participants' chats as they are."""
    kept = "\n" if keep_lines else ""
    return "".join(ch if unicodedata.category(ch)[0] != "C" or ch in kept else " " for ch in text)


def _from_json(raw: bytes, name: str, default_zone: ZoneInfo) -> ImportResult:
    try:
        conference = json.loads(raw)["schedule"]["conference"]
    except (ValueError, KeyError, TypeError) as error:
        raise ImportFailed(f"not a pretalx/frab schedule.json ({_why(error)})") from None
    prefix = str(conference.get("acronym") or name)
    result = ImportResult(str(conference.get("title") or name))
    zone = _conference_zone(conference.get("time_zone_name"), default_zone, result)
    for day in conference.get("days") or []:
        for room, talks in (day.get("rooms") or {}).items():
            for talk in talks or []:
                try:
                    start = datetime.fromisoformat(talk["date"])
                    if start.tzinfo is None:
                        start = start.replace(tzinfo=zone or default_zone)
                        result.assumed_zone = None if zone else default_zone.key
                    end = start + _duration(talk.get("duration") or "00:00")
                    if end <= start:
                        raise ValueError("no duration")
                    listed = talk.get("persons") or []
                    persons = [
                        str(p.get("public_name") or p.get("name") or "")
                        for p in (listed if isinstance(listed, list) else [])
                        if isinstance(p, dict)
                    ]
                    result.events.append(
                        _event(
                            prefix,
                            talk.get("id") or talk.get("guid") or _made_up_id(talk["title"], start),
                            talk["title"],
                            start=start,
                            end=end,
                            zone=_zone_for(start, zone),
                            room=str(room),
                            kind=_kind(str(talk.get("type") or "")),
                            speakers=tuple(p for p in persons if p),
                            description=str(talk.get("abstract") or "")[:2000],
                            series=str(conference.get("title") or "") or None,
                            tags=tuple(t for t in [str(talk.get("track") or "")] if t),
                        )
                    )
                except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
                    label = talk.get("title", "?") if isinstance(talk, dict) else repr(talk)
                    result.skipped.append(f"{room}: {label}: {_why(error)}")
    return result


def _from_xml(raw: bytes, name: str, default_zone: ZoneInfo) -> ImportResult:
    try:
        root = ElementTree.fromstring(raw, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ImportFailed(f"rejected unsafe XML ({type(error).__name__})") from None
    except ElementTree.ParseError as error:
        raise ImportFailed(f"invalid XML ({error})") from None
    conference = root.find("conference")
    named = text(conference, "time_zone_name") if conference is not None else ""
    title = text(conference, "title") if conference is not None else name
    prefix = (text(conference, "acronym") if conference is not None else "") or name
    result = ImportResult(title or name)
    zone = _conference_zone(named, default_zone, result)
    for day in root.iter("day"):
        for event in day.iter("event"):
            label = text(event, "title") or "?"
            try:
                start, floating = _xml_start(event, day, zone or default_zone)
                if floating and zone is None:
                    result.assumed_zone = default_zone.key
                end = start + _duration(text(event, "duration") or "00:00")
                if end <= start:
                    raise ValueError("no duration")
                persons = tuple(
                    (p.text or "").strip() for p in event.iter("person") if (p.text or "").strip()
                )
                result.events.append(
                    _event(
                        prefix,
                        event.get("id") or event.get("guid") or _made_up_id(label, start),
                        label,
                        start=start,
                        end=end,
                        zone=_zone_for(start, zone or (default_zone if floating else None)),
                        room=text(event, "room") or None,
                        kind=_kind(text(event, "type")),
                        speakers=persons,
                        description=(text(event, "abstract") or text(event, "description"))[:2000],
                        series=title or None,
                        tags=tuple(t for t in [text(event, "track")] if t),
                    )
                )
            except (ValueError, OverflowError) as error:
                result.skipped.append(f"{label}: {_why(error)}")
    return result


def text(node: Any, tag: str) -> str:
    return str(node.findtext(tag) or "").strip()


def _xml_start(event: Any, day: Any, zone: ZoneInfo) -> tuple[datetime, bool]:
    """The start, and whether it was a local time read in ``zone``."""
    absolute = (event.findtext("date") or "").strip()
    if absolute:
        moment = datetime.fromisoformat(absolute)
        if moment.tzinfo is not None:
            return moment, False  # <date> is absolute even when <start> is local (DebConf23)
    clock = (event.findtext("start") or "").strip()
    listed = date.fromisoformat(day.get("date"))
    hour, minute = (int(p) for p in clock.split(":")[:2])
    moment = datetime(listed.year, listed.month, listed.day, hour, minute, tzinfo=zone)
    day_start = day.get("start")
    if day_start:
        begins = datetime.fromisoformat(day_start)
        if begins.tzinfo is None:
            begins = begins.replace(tzinfo=zone)
        if moment < begins:
            moment += timedelta(days=1)  # after midnight but before the day change: next date
    return moment, True


def _from_ics(raw: bytes, name: str, default_zone: ZoneInfo) -> ImportResult:
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except ValueError as error:
        where = unbalanced_block(raw)
        raise ImportFailed(f"invalid iCalendar: {where or _without_bytes(error)}") from None
    title = str(calendar.get("X-WR-CALNAME") or name)
    result = ImportResult(title)
    _drop_broken_events(calendar, raw, result)
    try:  # Google's X-WR-TIMEZONE: UTC times are the calendar's local times (RFC 7986 style)
        calendar = x_wr_timezone.to_standard(calendar)
    except (ValueError, KeyError, ZoneInfoNotFoundError) as error:
        raise ImportFailed(f"unknown X-WR-TIMEZONE ({error})") from None
    # the id prefix comes from the calendar, not the file name: the same export saved as
    # "schedule (1).ics" must give the same ids (the agenda then refuses it as a duplicate)
    prefix = _SLUG.sub("-", str(calendar.get("X-WR-CALNAME") or "ics")).strip("-")[:16]
    for component, slot in _occurrences(calendar, result):
        label = str(component.get("SUMMARY") or "?")
        if str(component.get("STATUS") or "").upper() == "CANCELLED":
            result.skipped.append(f"{label}: cancelled (STATUS:CANCELLED)")
            continue  # no reminder may ever announce it
        try:
            start = component.decoded("DTSTART")
            if component.get("DTEND"):
                end = component.decoded("DTEND")
            elif component.get("DURATION"):
                end = start + component.decoded("DURATION")
            else:
                raise ValueError("no end time (neither DTEND nor DURATION)")
            if not isinstance(start, datetime):
                raise ValueError("all-day event without a time")
            if start.tzinfo is None:  # a floating time: the zone is the reader's to choose
                start = start.replace(tzinfo=default_zone)
                if isinstance(end, datetime) and end.tzinfo is None:
                    end = end.replace(tzinfo=default_zone)
                named = component["DTSTART"].params.get("TZID")
                if named:  # a zone icalendar does not know and the file does not define
                    result.unknown_zones[str(named)] = 0
                else:
                    result.assumed_zone = default_zone.key
            zone_of_start = start.tzinfo or default_zone
            zone_name = getattr(zone_of_start, "key", None) or _tz_name(zone_of_start)
            uid = str(component.get("UID") or _made_up_id(label, start))
            if slot:
                result.series.add(_stem(prefix, uid, MAX_ID - SLOT_WIDTH))
            result.events.append(
                _event(
                    prefix,
                    uid,
                    label,
                    start=start,
                    end=end,
                    zone=_zone_for(start, _zone(zone_name)),
                    room=str(component.get("LOCATION") or "") or None,
                    description=str(component.get("DESCRIPTION") or "")[:2000],
                    series=title,
                    suffix=slot,
                )
            )
        except (KeyError, ValueError, TypeError, OverflowError) as error:
            result.skipped.append(f"{label}: {_why(error)}")
    return result


def _drop_broken_events(calendar: Any, raw: bytes, result: ImportResult) -> None:
    """An event with a line icalendar could not read (a title line without its colon, a
    DTSTART of "2026-12-08 11h") is skipped with that line: imported, it went out as a
    session titled "?" or, its start unread, as "an all-day event"."""
    begins = iter(event_begins(raw))
    broken = []
    for component in calendar.walk("VEVENT"):
        begin = next(begins, 1)
        if component.errors:
            fault = component.errors[0]
            label = str(component.get("SUMMARY") or f"UID {component.get('UID') or '?'}")
            line = fault_line(raw, begin, fault)
            result.skipped.append(f"{label} (line {line}): {fault_reason(fault)}")
            broken.append(component)
    if broken:
        gone = {id(component) for component in broken}
        calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in gone]


def _lines_naming(raw: bytes, zones: dict[str, int]) -> dict[str, int]:
    """The line of the file where each zone is first named (TZID=..., or the conference's
    time_zone_name)."""
    found = dict.fromkeys(zones, 1)
    if not zones:
        return found
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        for zone in zones:
            if found[zone] == 1 and zone in line:
                found[zone] = number
    return found


def _why(error: Exception) -> str:
    """What was wrong, in words: a missing key is named ("no 'date'"), a value of the wrong
    type too ("'date' is not text")."""
    if isinstance(error, KeyError):
        return f"no {error.args[0]!r}" if error.args else "a field is missing"
    if isinstance(error, TypeError) and "fromisoformat" in str(error):
        return "its date is not a date-time text"
    return str(error)


def _without_bytes(error: Exception) -> str:
    """icalendar's message without the raw bytes it quotes."""
    return re.sub(r"b(['\"]).*?\1(?:\s*\[\.\.\.\])?", "…", str(error), flags=re.DOTALL)


def _endless(master: Any) -> bool:
    rules = master.get("RRULE")
    rules = rules if isinstance(rules, list) else [rules] if rules else []
    return any("COUNT" not in rule and "UNTIL" not in rule for rule in rules)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _starts_before(end: datetime, occurrence: Any) -> bool:
    return _naive_start(occurrence) < end


def _naive_start(occurrence: Any) -> datetime:
    return _naive_slot(occurrence.decoded("DTSTART"))


def _slot(occurrence: Any) -> date:
    """Where the series' rule put an occurrence (RECURRENCE-ID), or else its start."""
    slot: date = occurrence.decoded("RECURRENCE-ID", None) or occurrence.decoded("DTSTART")
    return slot


def _slot_suffixes(occurrences: list[Any], first: date) -> list[str]:
    """Each occurrence's id suffix: the day of the series its slot falls on, counted in the
    calendar's local dates from the series' DTSTART ``first`` ("-day1" for DTSTART's own day,
    "-day8" a week later), and "-2", "-3"… after it for the second, third… occurrence of that
    day in slot order.

    Not its time nor its date: an organiser who moves a whole series (same UID, DTSTART an
    hour earlier, or to the day before, or to Tuesdays) moves every occurrence, and followers
    must hear "moved" for each, not "cancelled" for one and "moved a day" for the others (as
    when the date named it: 01:17 moved to 23:17 the day before shifted every date). Counted
    from DTSTART, not from the first occurrence kept, an EXDATE removes only its own day and
    renames nothing; a RECURRENCE-ID override is named by the slot it replaces, so a single
    occurrence moved elsewhere keeps its id. What cannot be kept: in a series repeating more
    than daily, an excluded occurrence renumbers the later ones of its day, and so does a move
    across midnight (the days hold other occurrences); a rule whose days change while DTSTART
    stays (BYDAY=MO made BYDAY=TU) is told as sessions cancelled and new ones."""
    zone = first.tzinfo if isinstance(first, datetime) else None
    slots = [_slot(o) for o in occurrences]
    days = [_local_day(s, zone) for s in slots]
    order = sorted(range(len(slots)), key=lambda i: (days[i], _naive_slot(slots[i])))
    suffixes = [""] * len(slots)
    taken: dict[date, int] = {}
    for index in order:
        number = taken[days[index]] = taken.get(days[index], 0) + 1
        day = (days[index] - _local_day(first, zone)).days + 1
        suffixes[index] = f"-day{day}" + (f"-{number}" if number > 1 else "")
    return suffixes


def _local_day(moment: date, zone: tzinfo | None) -> date:
    """The date of ``moment`` in ``zone`` (a RECURRENCE-ID may be in UTC, DTSTART local)."""
    if not isinstance(moment, datetime):
        return moment
    return (moment.astimezone(zone) if zone and moment.tzinfo else moment).date()


def _naive_slot(slot: date) -> datetime:
    return _naive(slot if isinstance(slot, datetime) else datetime.combine(slot, time()))


def _occurrences(calendar: Any, result: ImportResult) -> list[tuple[Any, str]]:
    """Every VEVENT, a recurring one (RRULE, RDATE, with its RECURRENCE-ID overrides and
    EXDATEs) expanded to its occurrences within a year of its first, at most MAX_OCCURRENCES;
    each with the suffix of its id: its slot in its series, "" for a single event."""
    events = list(calendar.walk("VEVENT"))
    series = {str(c.get("UID")) for c in events if c.get("RRULE") or c.get("RDATE")}
    found = [(c, "") for c in events if str(c.get("UID")) not in series]
    for uid in sorted(series):
        members = [c for c in events if str(c.get("UID")) == uid]
        master = next(c for c in members if c.get("RRULE") or c.get("RDATE"))
        label = str(master.get("SUMMARY") or uid)
        rule = master.get("RRULE")
        frequency = str((rule.get("FREQ") or [""])[0]).upper() if rule else ""
        if frequency in _NOT_SESSIONS:  # FREQ=SECONDLY would be 500 sessions a second apart
            result.skipped.append(f"{label}: repeats {_NOT_SESSIONS[frequency]}, not a session")
            continue
        try:
            first = master.decoded("DTSTART")
            # the expansion would swap them: a series "10:00 to 09:00" became 09:00 to 10:00
            if master.get("DTEND") is not None and master.decoded("DTEND") < first:
                result.skipped.append(f"{label}: ends before it starts")
                continue
            single = icalendar.Calendar()
            for part in (*calendar.walk("VTIMEZONE"), *members):
                single.add_component(part)
            begin = first if isinstance(first, datetime) else datetime.combine(first, time())
            # lazily, so FREQ=SECONDLY without an end costs 501 occurrences, not millions
            horizon = begin + RECURRENCE_HORIZON
            ahead = recurring_ical_events.of(single).after(begin - timedelta(days=1))
            within = takewhile(partial(_starts_before, _naive(horizon)), ahead)
            chosen = list(islice(within, MAX_OCCURRENCES + 1))
        except (ValueError, TypeError, KeyError, recurring_ical_events.InvalidCalendar) as error:
            result.skipped.append(f"{label}: recurrence not understood ({error})")
            continue
        if len(chosen) > MAX_OCCURRENCES:
            chosen = chosen[:MAX_OCCURRENCES]
            result.skipped.append(f"{label}: only its first {MAX_OCCURRENCES} occurrences")
        elif _endless(master):
            result.skipped.append(
                f"{label}: repeats without end; its first year imported ({len(chosen)} sessions)"
            )
        found.extend(zip(chosen, _slot_suffixes(chosen, first), strict=True))
    return found


def _tz_name(zone: tzinfo) -> str | None:
    name = zone.tzname(None)
    return "UTC" if name in {"UTC", "Z"} else None
