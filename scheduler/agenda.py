"""Agenda files: YAML under the agenda folder, validated with file and line for every problem.

A file holds ``events:`` (a list) and optional defaults (``timezone``, ``series``, ``sample``)
that its events inherit. Loading is all or nothing: one bad file leaves the current agenda
untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from corpus.model import ArticleRef
from corpus.problems import Problem, ValidationError, collector_paused, compose_yaml
from scheduler.model import KINDS, Event

MAX_FILE_BYTES = 10 * 1024 * 1024
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
_REF = re.compile(r"^([a-z]+\d+):(\d+)$")
EVENT_KEYS = {
    "id",
    "title",
    "kind",
    "start",
    "end",
    "timezone",
    "place",
    "venue",
    "room",
    "speakers",
    "description",
    "series",
    "articles",
    "tags",
    "sample",
}
FILE_KEYS = {"events", "timezone", "series", "sample", "title"}


@dataclass(slots=True)
class Agenda:
    events: list[Event] = field(default_factory=list)

    def sorted(self) -> list[Event]:
        return sorted(self.events, key=lambda e: (e.start, e.id))

    def get(self, identifier: str) -> Event | None:
        return next((e for e in self.events if e.id == identifier), None)

    def series(self) -> list[str]:
        """The names of the series on the agenda, sorted."""
        return sorted({e.series for e in self.events if e.series})

    def on_day(self, day: date, zone: tzinfo | None = None) -> list[Event]:
        """Events on a calendar day, in ``zone`` (default: each event's own zone)."""
        return [e for e in self.sorted() if runs_on(e, day, zone)]

    def upcoming(self, now: datetime, limit: int = 5) -> list[Event]:
        """Events not yet over, those under way first, then by start."""
        return [e for e in self.sorted() if e.end > now][:limit]


def runs_on(event: Event, day: date, zone: tzinfo | None = None) -> bool:
    """Whether ``event`` runs on ``day`` in ``zone`` (a session ending at midnight is not on
    the next day), or by its own dates when no zone is given."""
    if zone is None:
        return event.start.date() <= day <= event.end.date()
    last = event.end - timedelta(microseconds=1)
    return event.start.astimezone(zone).date() <= day <= last.astimezone(zone).date()


def ordered_from_now(events: list[Event], now: datetime) -> tuple[list[Event], int]:
    """``events`` (sorted by start) with those over at ``now`` first, then those under way and
    to come, and the index where the second part begins: where a list read "from now" starts.
    (By start alone, a three-day session under way would pull every session over since it
    began onto the first page.)"""
    over = [e for e in events if e.over(now)]
    return over + [e for e in events if not e.over(now)], len(over)


def load_agenda(folder: Path) -> Agenda:
    events, problems = read_agenda(folder)
    if problems:
        raise ValidationError(problems)
    return Agenda(events)


def check_agenda(folder: Path, *, twice: bool = False) -> list[Problem]:
    """Every problem loading would find; with ``twice``, also sessions listed twice under
    different ids (the same schedule imported twice, or from two files), which loading takes
    both of, so followers would get every reminder twice. `workshop-bot check` asks for them;
    /reload does not refuse them (parallel sessions may share a title, a start and no room)."""
    events, problems = read_agenda(folder)
    return problems + same_sessions(events) if twice else problems


def same_sessions(events: list[Event]) -> list[Problem]:
    """A problem for each event with the title, start and room of an earlier one."""
    first: dict[tuple[str, datetime, str], Event] = {}
    problems = []
    for event in events:
        key = (
            " ".join(event.title.casefold().split()),
            event.start,
            " ".join((event.room or "").casefold().split()),
        )
        earlier = first.setdefault(key, event)
        if earlier is not event:
            problems.append(
                Problem(
                    event.path,
                    event.line,
                    f"{event.id!r} is the same session as {earlier.id!r} at "
                    f"{earlier.path}:{earlier.line} (title, start and room): imported twice? "
                    "Keep one.",
                )
            )
    return problems


FIRST_YEAR, LAST_YEAR = 1990, 2200  # sessions outside are typos, and break date arithmetic
MAX_LENGTH = timedelta(days=31)  # one session; a longer one is a typo in a date


def agenda_files(folder: Path) -> list[Path]:
    """The folder's agenda files: hidden files (editors' and macOS's "._x.yaml") and links
    leading out of the folder are not the organiser's agenda."""
    if not folder.is_dir():
        return []
    inside = folder.resolve()
    return [
        path
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        if not path.name.startswith(".")
        and path.is_file()
        and path.resolve().is_relative_to(inside)
    ]


def read_agenda(folder: Path) -> tuple[list[Event], list[Problem]]:
    events: list[Event] = []
    problems: list[Problem] = []
    seen: dict[str, Event] = {}
    for path in agenda_files(folder):
        with collector_paused():  # a 10 MB file's nodes and events: see collector_paused
            read = _read_file(path, problems)
        for event in read:
            if event.id in seen:
                first = seen[event.id]
                problems.append(
                    Problem(
                        event.path,
                        event.line,
                        f"duplicate event id {event.id!r} (first at {first.path}:{first.line})",
                    )
                )
                continue
            seen[event.id] = event
            events.append(event)
    return events, problems


def _read_file(path: Path, problems: list[Problem]) -> list[Event]:
    name = str(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        problems.append(Problem(name, 1, "file larger than 10 MB; split the agenda"))
        return []
    root = compose_yaml(path, problems)
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        problems.append(
            Problem(name, root.start_mark.line + 1, "expected a mapping with `events:`")
        )
        return []
    top = {k.value: v for k, v in root.value}
    for key in sorted(set(top) - FILE_KEYS):
        problems.append(Problem(name, top[key].start_mark.line + 1, f"unknown key `{key}`"))
    defaults = {k: _scalar(v) for k, v in top.items() if k in {"timezone", "series", "sample"}}
    events_node = top.get("events")
    if not isinstance(events_node, yaml.SequenceNode):
        problems.append(Problem(name, root.start_mark.line + 1, "`events:` must be a list"))
        return []
    return [e for node in events_node.value if (e := _event(node, name, defaults, problems))]


def _event(
    node: yaml.Node, name: str, defaults: dict[str, str], problems: list[Problem]
) -> Event | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(name, line, "an event must be a mapping"))
        return None
    fields = {k.value: v for k, v in node.value}
    before = len(problems)

    def at(key: str) -> int:
        return fields[key].start_mark.line + 1 if key in fields else line

    for key in sorted(set(fields) - EVENT_KEYS):
        problems.append(Problem(name, at(key), f"unknown key `{key}`"))
    # every problem of the event at once, not only its first
    for key in ("id", "title", "start", "end"):
        if key in fields and not isinstance(fields[key], yaml.ScalarNode):
            problems.append(Problem(name, at(key), f"`{key}` must be text, not a list or mapping"))
        elif not _scalar(fields.get(key)):
            problems.append(Problem(name, line, f"event is missing `{key}`"))
    identifier = _scalar(fields.get("id"))
    if identifier and not _ID.match(identifier):
        problems.append(
            Problem(name, at("id"), f"id {identifier!r} must be 1-40 of A-Z a-z 0-9 _ . -")
        )
    zone_name = _scalar(fields.get("timezone")) or defaults.get("timezone", "")
    zone: ZoneInfo | None = None
    try:
        zone = ZoneInfo(zone_name) if zone_name else None
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(name, at("timezone"), f"unknown time zone {zone_name!r}"))
    if zone is None and zone_name == "":
        problems.append(
            Problem(name, line, "event needs a `timezone` (IANA name, e.g. Europe/Paris)")
        )
    kind = _scalar(fields.get("kind")) or "session"
    if kind not in KINDS:
        problems.append(Problem(name, at("kind"), f"kind must be one of {', '.join(KINDS)}"))
    start = _when(fields["start"], zone, name, problems) if _scalar(fields.get("start")) else None
    end = _when(fields["end"], zone, name, problems) if _scalar(fields.get("end")) else None
    if start and end and end.astimezone(UTC) <= start.astimezone(UTC):  # not the wall times
        problems.append(Problem(name, at("end"), "end must be after start"))
    elif start and end and end - start > MAX_LENGTH:
        problems.append(Problem(name, at("end"), "a session longer than 31 days: check the dates"))
    refs = []
    for raw in _strings(fields.get("articles")):
        match = _REF.match(raw)
        if match:
            refs.append(ArticleRef(match.group(1), match.group(2)))
        else:
            problems.append(
                Problem(name, at("articles"), f"article {raw!r} is not like 'ets185:29'")
            )
    if len(problems) > before or zone is None or start is None or end is None:
        return None
    sample = _scalar(fields.get("sample")) or defaults.get("sample", "false")
    return Event(
        id=identifier,
        title=_scalar(fields["title"]),
        kind=kind,
        start=start,
        end=end,
        timezone=zone.key,
        place=_scalar(fields.get("place")) or None,
        venue=_scalar(fields.get("venue")) or None,
        room=_scalar(fields.get("room")) or None,
        speakers=tuple(_strings(fields.get("speakers"))),
        description=" ".join(_scalar(fields.get("description")).split()),
        series=_scalar(fields.get("series")) or defaults.get("series") or None,
        articles=tuple(refs),
        tags=tuple(_strings(fields.get("tags"))),
        sample=sample.lower() in {"true", "yes", "1"},
        path=name,
        line=line,
    )


def _when(
    node: yaml.Node, zone: ZoneInfo | None, name: str, problems: list[Problem]
) -> datetime | None:
    text = _scalar(node)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        problems.append(
            Problem(
                name,
                node.start_mark.line + 1,
                f"{text!r} is not a date and time like 2026-03-23T09:30",
            )
        )
        return None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:  # year 9999 overflowed every view
        problems.append(
            Problem(
                name,
                node.start_mark.line + 1,
                f"{text!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}",
            )
        )
        return None
    if value.tzinfo is None:
        if zone is None:
            return None
        local = value.replace(tzinfo=zone)
        # 02:30 on the night the clocks go forward never happens: read as a time, a session
        # "02:30-03:30" would last no time at all and be reminded of at 03:30
        if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != value:
            problems.append(
                Problem(
                    name,
                    node.start_mark.line + 1,
                    f"{text!r} does not exist in {zone.key}: the clocks skip that hour; "
                    "choose a time before or after it",
                )
            )
            return None
        return local
    return value.astimezone(zone) if zone else value


def _scalar(node: yaml.Node | None) -> str:
    return str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""


def _strings(node: yaml.Node | None) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [_scalar(item) for item in node.value if _scalar(item)]
