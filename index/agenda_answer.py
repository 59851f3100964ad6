"""Answers from the live agenda: the sessions found for a question, with what the day asked
holds ("nothing is on the agenda tomorrow; what comes next:") or, for what is ahead with
nothing left, the last such session.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

from index.answer import Answer, AnswerKind, EventHit, EventsFound
from index.notes import Note
from index.text import ROOM

# Questions about what is ahead: the live agenda answers them before any FAQ fact ("when is
# the next Octopus conference?" is the session on tomorrow's agenda, not a 2013 date).
_AHEAD = re.compile(
    r"\b(?:next|upcoming|coming up|tomorrow|today|tonight"
    r"|this (?:week|afternoon|morning|evening))\b",
    re.IGNORECASE,
)
_DAY_WORD = re.compile(
    r"\b(?:today|tonight|this\s+evening|day\s+after\s+tomorrow|tomorrow)\b", re.IGNORECASE
)
# how many days ahead each day asked is, and the word its notes say it with
_DAYS_AHEAD = {"today": 0, "tonight": 0, "tomorrow": 1, "day after tomorrow": 2}
_SAID_AS = {"this evening": "tonight"}


def _on_day(event: EventHit, now: datetime, offset: int, zone: tzinfo | None) -> bool:
    """Whether ``event`` runs on the day ``offset`` days from today: the reader's in ``zone``
    (as the agenda finder reads the day), else in the event's own zone."""
    if zone is not None:
        day = (now.astimezone(zone) + timedelta(days=offset)).date()
        last = event.end - timedelta(microseconds=1)
        return event.start.astimezone(zone).date() <= day <= last.astimezone(zone).date()
    local_now = now.astimezone(event.start.tzinfo)
    day = (local_now + timedelta(days=offset)).date()
    return event.start.date() <= day <= event.end.astimezone(event.start.tzinfo).date()


_NOTHING_ON = {
    "today": Note("Nothing is on the agenda today; what comes next:"),
    "tonight": Note("Nothing is on the agenda tonight; what comes next:"),
    "tomorrow": Note("Nothing is on the agenda tomorrow; what comes next:"),
    "day after tomorrow": Note("Nothing is on the agenda the day after tomorrow; what comes next:"),
}


def _nothing_in(room: str, when: str) -> Note:
    """Nothing in the room asked about on the day asked: what comes next there follows."""
    if when == "tomorrow":
        return Note("Nothing is in {room} tomorrow; what comes next there:", room=room)
    if when == "tonight":
        return Note("Nothing is in {room} tonight; what comes next there:", room=room)
    if when == "day after tomorrow":
        return Note(
            "Nothing is in {room} the day after tomorrow; what comes next there:", room=room
        )
    return Note("Nothing is in {room} today; what comes next there:", room=room)


def asks_what_is_ahead(cues: str) -> bool:
    """Whether the agenda words of a question ask what is next, today or this week."""
    return _AHEAD.search(cues) is not None


def event_answer(
    text: str, found: EventsFound, now: datetime, cues: str, zone: tzinfo | None
) -> Answer:
    """The sessions found for ``text``; ``cues`` is what the finder read (in English);
    a busy day's sessions left out are counted (``events_more``), with the day."""
    events = found.hits
    notes: tuple[str, ...] = ()
    day = _DAY_WORD.search(cues)
    if _AHEAD.search(cues) and all(e.end <= now for e in events):
        last = events[0]
        notes = (
            Note(
                "Nothing like this is scheduled from now on. The last such session on the "
                "agenda was “{title}” on {day}.",
                title=last.title,
                day=last.start,
            ),
        )
    elif day is not None:
        when = " ".join(day.group().lower().split())
        when = _SAID_AS.get(when, when)
        offset = _DAYS_AHEAD[when]
        if not any(_on_day(e, now, offset, zone) for e in events):
            # the finder kept the sessions of the room asked: the day may have others
            room = events[0].room if ROOM.search(cues) else None
            notes = (_nothing_in(room, when) if room else _NOTHING_ON[when],)
    return Answer(
        text,
        AnswerKind.EVENT,
        events=events,
        events_more=found.more,
        events_day=found.day if found.more else None,
        notes=notes,
    )
