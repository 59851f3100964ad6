"""Write imported agendas as YAML (atomically, only when valid) and export .ics files."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import yaml

from corpus.model import key_text
from corpus.problems import ValidationError, load_limited
from scheduler.agenda import read_agenda
from scheduler.importers import ImportResult
from scheduler.model import Event

PRODUCT = "-//workshop-bot//agenda//EN"


def event_record(event: Event) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "timezone": event.timezone,
    }
    optional = {
        "place": event.place,
        "venue": event.venue,
        "room": event.room,
        "speakers": list(event.speakers),
        "description": event.description,
        "series": event.series,
        "tags": list(event.tags),
        "articles": [key_text(r) for r in event.articles],
    }
    record.update({k: v for k, v in optional.items() if v})
    return record


IMPORTED = "# Imported by `workshop-bot import-schedule`"
# The header ends with a digest of what was written: a file whose body no longer matches it was
# edited by hand, and re-importing (which replaces the file) would lose those edits.
_HEADER = IMPORTED + " (content {digest}); re-importing replaces it unless edited since.\n"
_DIGEST = re.compile(r"\(content ([0-9a-f]{16})\)")


class EditedSinceImport(ValueError):
    """Re-importing would replace a file the organiser edited after its import."""


class HoldsAnother(ValueError):
    """The file an import would be written to holds another schedule, or the organiser's own
    events: pretalx names every export "schedule.json"."""


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def edited_since_import(path: Path) -> bool:
    """Whether an imported file was changed by hand since (files without a digest, from
    before it was recorded, cannot tell and count as unedited)."""
    header, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
    recorded = _DIGEST.search(header)
    return recorded is not None and recorded.group(1) != _digest(body)


def earlier_import(result: ImportResult, folder: Path) -> Path | None:
    """The file of the folder that holds an earlier import of the same schedule (most of its
    ids come back), so that re-importing "schedule (1).json" updates it instead of adding
    every session a second time. An occurrence of a recurring series the import holds counts
    as coming back whatever its day: a series moved to other days is still this schedule."""
    ids = {e.id for e in result.events}
    series = tuple(f"{stem}-" for stem in result.series)
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.startswith(IMPORTED):
            continue  # the organiser's own files are never replaced
        try:
            data = load_limited(text)
        except yaml.YAMLError:
            continue  # a damaged file: `check` names it
        events = data.get("events") if isinstance(data, dict) else None
        earlier = {str(e.get("id")) for e in events or [] if isinstance(e, dict)}
        back = {i for i in earlier if i in ids or i.startswith(series)}
        if earlier and len(back) * 2 >= len(earlier):
            return path
    return None


_DAY_SLOT = re.compile(r"-day(-?\d+)(?:-(\d+))?$")
# ids from before occurrences were named by their day in the series: the local date of their
# slot ("-20261207", "-20261207-2"), and before that its UTC start ("-202612070348")
_DATED_SLOT = re.compile(r"-(?:(\d{8})(?:-(\d+))?|(\d{12})(?:\d{2})?)$")
Slots = dict[tuple[date, int], tuple[str, datetime]]  # (date, number that day): id, start


def _keep_ids_from_before(result: ImportResult, earlier: Path) -> ImportResult:
    """Occurrences of a series keep the dated ids ``earlier`` gave them (``_DATED_SLOT``):
    renamed, every one would be announced cancelled at the first re-import after the upgrade,
    and the reminders followers asked for, those sent and the cancellations told (the
    database keeps them by id) would name sessions no longer on the agenda.

    Such a series goes on being named by dates, counted from the one its first day had then:
    its days ("-day3") are laid on the dates with the shift that (1) leaves the most at their
    very start (nothing moved: an occurrence excluded or added is only that), then (2) pairs
    the most (a whole series moved keeps its pattern), then (3) moves them least (01:17 moved
    to 23:17 the day before is 2 hours earlier, not 22 later). An occurrence back on the
    agenda gets its date back, and with it its cancellation told."""
    records = load_limited(earlier.read_text(encoding="utf-8", errors="replace"))["events"]
    records = [r for r in records if isinstance(r, dict)]
    before = {str(r.get("id")) for r in records}
    named: dict[str, str] = {}
    for stem, dated in _dated(records, result.series).items():
        days: dict[tuple[int, int], Event] = {}
        for event in result.events:
            slot = _DAY_SLOT.search(event.id)
            if slot and event.id[: slot.start()] == stem and event.id not in before:
                days[int(slot.group(1)), int(slot.group(2) or 1)] = event
        score: dict[int, tuple[int, int, float]] = {}
        for (then, number), (_, start) in dated.items():
            for (day, other), event in days.items():
                if other == number:
                    kept, paired, moved = score.get(then.toordinal() - day, (0, 0, 0.0))
                    away = abs((event.start - start).total_seconds())
                    score[then.toordinal() - day] = (kept + (away == 0), paired + 1, moved - away)
        if score:
            shift = max(score, key=lambda s: (*score[s], -s))
            for (day, number), event in days.items():
                key = (date.fromordinal(shift + day), number)
                fallback = f"{stem}-{key[0]:%Y%m%d}" + (f"-{number}" if number > 1 else "")
                named[event.id] = dated[key][0] if key in dated else fallback
    return replace(result, events=[replace(e, id=named.get(e.id, e.id)) for e in result.events])


def _keep_series_from_before(result: ImportResult, earlier: Path) -> ImportResult:
    """Sessions keep the series ``earlier`` gave them. An .ics file without a calendar name
    names its series after the file: the same schedule imported from "night-clinic.ics"
    instead of "series.ics" would move every session to another series, and whoever
    subscribed to the series would silently stop being reminded of them."""
    records = load_limited(earlier.read_text(encoding="utf-8", errors="replace"))["events"]
    before = {str(r.get("id")): r.get("series") for r in records if isinstance(r, dict)}
    renamed: dict[str | None, set[str]] = {}
    for event in result.events:
        then = before.get(event.id)
        if event.id in before and isinstance(then, str) and then != event.series:
            renamed.setdefault(event.series, set()).add(then)
    kept = {now: then.pop() for now, then in renamed.items() if len(then) == 1}
    if not kept:
        return result
    events = [replace(e, series=kept.get(e.series, e.series)) for e in result.events]
    return replace(result, events=events)


def _dated(records: list[dict[str, Any]], stems: set[str]) -> dict[str, Slots]:
    """The occurrences of ``records`` named by a date, by series."""
    found: dict[str, Slots] = {}
    utc = []
    for record in records:
        identifier = str(record.get("id"))
        slot = _DATED_SLOT.search(identifier)
        stem = identifier[: slot.start()] if slot else ""
        try:
            zone = ZoneInfo(str(record.get("timezone")))
            start = datetime.fromisoformat(str(record.get("start")))
        except (ZoneInfoNotFoundError, ValueError):
            continue
        if slot is None or stem not in stems or start.tzinfo is None:
            continue
        if slot.group(1):
            day = datetime.strptime(slot.group(1), "%Y%m%d").date()
            found.setdefault(stem, {})[day, int(slot.group(2) or 1)] = (identifier, start)
        else:  # numbered in slot order on its local date, as the dated ids were
            moment = datetime.strptime(slot.group(3), "%Y%m%d%H%M").replace(tzinfo=UTC)
            utc.append((stem, moment.astimezone(zone), identifier, start))
    for stem, moment, identifier, start in sorted(utc):
        series = found.setdefault(stem, {})
        number = 1 + sum(1 for day, _ in series if day == moment.date())
        series[moment.date(), number] = (identifier, start)
    return found


def write_name(name: str) -> str:
    """The agenda file name an import of ``name`` is written to."""
    return f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.yaml"


def write_agenda_file(
    result: ImportResult, folder: Path, name: str, *, force: bool = False
) -> Path:
    """Write ``folder/<name>.yaml`` (or the file of an earlier import of the same schedule)
    only if the whole folder still validates with it, and never over a file edited by hand
    since its import unless ``force``."""
    if folder.exists() and not folder.is_dir():
        raise HoldsAnother(f"{folder} is a file, not an agenda folder")
    folder.mkdir(parents=True, exist_ok=True)
    with _importing(folder):  # one import at a time: the second sees what the first wrote
        return _write(result, folder, name, force)


@contextmanager
def _importing(folder: Path) -> Iterator[None]:
    """The folder itself locked (no lock file for the agenda to list) while one import
    reads it and writes."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def _write(result: ImportResult, folder: Path, name: str, force: bool) -> Path:
    earlier = earlier_import(result, folder)
    target = earlier or folder / write_name(name)
    if not force and target.exists() and edited_since_import(target):
        raise EditedSinceImport(
            f"{target} was edited since it was imported; re-importing would replace those "
            "edits (--force replaces them)"
        )
    if not force and earlier is None and target.exists():
        raise HoldsAnother(
            f"{target} already holds another schedule or your own events; import this one "
            "under another file name, or --force to replace it"
        )
    if earlier is not None:
        result = _keep_series_from_before(_keep_ids_from_before(result, earlier), earlier)
    document = {"title": result.title, "events": [event_record(e) for e in result.events]}
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    text = _HEADER.format(digest=_digest(body)) + body
    # staged outside the agenda folder: an import killed mid-way leaves nothing in it
    with tempfile.TemporaryDirectory(prefix="workshop-bot-import-") as staging:
        trial = Path(staging)
        for existing in folder.glob("*.yaml"):
            if existing != target:
                (trial / existing.name).write_bytes(existing.read_bytes())
        (trial / target.name).write_text(text, encoding="utf-8")
        problems = read_agenda(trial)[1]
        if problems:  # named as the files the organiser has, not the trial copies
            raise ValidationError(
                [
                    replace(
                        p,
                        path=p.path.replace(str(trial), str(folder)),
                        message=p.message.replace(str(trial), str(folder)),
                    )
                    for p in problems
                ]
            )
    temporary = folder / f".{target.name}.{os.getpid()}.part"  # plain open: honours the umask
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def to_ics(events: list[Event], name: str = "Agenda") -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}@workshop-bot")
        entry.add("summary", event.title)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end)
        entry.add("dtstamp", event.start)
        where = event.where
        if where:
            entry.add("location", where)
        if event.description:
            entry.add("description", event.description)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
