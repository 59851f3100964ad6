"""Answer agenda questions in plain words: "when is the judicial training workshop?",
"what is in Room 4 tomorrow?", "sessions on the 24/7 network", "what's next?".

Only questions that are about the agenda get events; everything else gets none, so the ask
service moves on to the treaties. A day asked is the reader's when their time zone is given
(as /today and /agenda DAY read it), and a busy day says how many of its sessions are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo

from index.answer import EventHit, EventsFound
from index.text import MONTHS, ROOM, STOP_WORDS, WEEKDAYS, YEAR, stem_word, words
from scheduler.agenda import Agenda, runs_on
from scheduler.model import Event

AGENDA_WORDS = frozenset(
    (
        "when where agenda schedule programme program session sessions workshop "
        "workshops plenary training trainings meeting meetings conference "
        "conferences event events room today tomorrow tonight evening day after next start "
        "starts "
        "begin begins speaker speakers happening venue time"
    ).split()
)
_CUES = (
    r"what time|agenda|schedule|programme|program|sessions?|workshops?|"
    r"(?:room|salle|sala)\s*\w+|today|tonight|this\s+evening|"
    r"tomorrow|what'?s next|speakers?|happening"
)
ASKS_AGENDA = re.compile(rf"\b(when|where|next|{_CUES})\b", re.IGNORECASE)
# "when", "where", "next" also start questions about treaties ("when does a country have
# jurisdiction?"): with only such a cue, the event must match most of the question's topic.
NAMES_AGENDA = re.compile(
    rf"\b({_CUES}|plenary|trainings?|meetings?|conferences?|events?|tonight)\b", re.IGNORECASE
)
MIN_TOPIC_SHARE = 0.5  # share of the question's topic words an event must contain
MIN_TOPIC_SHARE_WEAK = 0.75  # the same when the only agenda cue is "when", "where", "next"
# "on 20 December", "the 3rd of march", "December 20th", "20 dec 2026": a day written with
# its month's name ("may" first is the verb: "may 2 of us attend?")
_MONTH_WORDS = frozenset(MONTHS) | {m[:3] for m in MONTHS}
_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]{3,9})\b"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_MONTH_FIRST = re.compile(
    r"\b(?!may\b)(?P<month>[a-z]{3,9})\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
# the words that say the day asked, which no session is about ("agenda for Wednesday")
_DAY_WORDS = _MONTH_WORDS | frozenset(WEEKDAYS)
MAX_HITS = 8
NEXT_HITS = 3  # sessions "what's next?" shows, as /next does


_TWENTY_FOUR_SEVEN = re.compile(r"\b24\s*/\s*7\b")


def _stems(text: str) -> set[str]:
    """Word stems, with "24/7" (the contact-point network) kept as one word."""
    return {stem_word(w) for w in words(_TWENTY_FOUR_SEVEN.sub(" twentyfourseven ", text))}


class EventFinder:
    def __init__(self, agenda: Callable[[], Agenda]) -> None:
        self._agenda = agenda  # a callable, so a reloaded agenda is seen at once
        self._indexed: Agenda | None = None
        self._event_stems: dict[str, set[str]] = {}

    def find(self, question: str, now: datetime, zone: tzinfo | None = None) -> EventsFound:
        """The sessions ``question`` asks about; ``zone``: the reader's, in which a day asked
        ("today", "friday") is read (else the date of ``now`` as given, held against each
        session's own dates)."""
        day = _day_asked(question, now.astimezone(zone) if zone else now)
        # a day with its month's name asks the agenda too: "what is on December 18th?"
        if not ASKS_AGENDA.search(question) and day is None:
            return EventsFound()
        agenda = self._agenda()
        if agenda is not self._indexed:  # stem each event once per loaded agenda
            self._event_stems = {e.id: _stems(_event_text(e)) for e in agenda.events}
            self._indexed = agenda
        events = agenda.sorted()
        room = ROOM.search(question)
        asked = room.group(1).lower() if room else ""
        if len(asked) > 1 and asked in STOP_WORDS:  # "in which room and at what time"
            room = None  # (but "Salle A" is a room)
        ignored = STOP_WORDS | AGENDA_WORDS | (_DAY_WORDS if day else frozenset())
        topic = {
            stem_word(w)
            for w in words(_TWENTY_FOUR_SEVEN.sub(" twentyfourseven ", question))
            if w not in ignored and (not w.rstrip("stndrh").isdigit() or _numbers_a_session(w, day))
        }
        if room:
            topic -= {stem_word(w) for w in words(room.group(0))}  # "salle", "b"
            events = [e for e in events if e.room and _same_room(e.room, room.group(1))]
        years = {int(y) for y in YEAR.findall(question)}
        if years and not day:  # "the Octopus conference 2013" is not the 2010 one
            events = [e for e in events if e.start.year in years or e.end.year in years]
        if day:
            that_day = [e for e in events if runs_on(e, day, zone)]
            if _EVENING.search(question):  # "tonight", "tomorrow evening": from the evening
                that_day = [e for e in that_day if _in_the_evening(e, day, zone)]
            if not that_day and not topic:
                # "what is on tomorrow?", "what is in Room 4 tomorrow?" with nothing on
                return self._nearest(events, now)
            events = that_day
        scored = [(self._score(e, topic), e) for e in events]
        if topic:
            least = MIN_TOPIC_SHARE if NAMES_AGENDA.search(question) else MIN_TOPIC_SHARE_WEAK
            scored = [(s, e) for s, e in scored if s >= least]
        elif not (day or room or re.search(r"\bnext\b|agenda|schedule|programme", question, re.I)):
            return EventsFound()
        if not day and not topic:
            scored = [(s, e) for s, e in scored if e.end > now]
            if not scored:
                return self._nearest(events, now)  # "what's next?" after the last session
        scored.sort(key=lambda pair: (-pair[0], _upcoming_first(pair[1], now)))
        # "what's next?" is the next few sessions, as /next shows them, not all to come
        most = NEXT_HITS if not (day or topic or room) else MAX_HITS
        hits = tuple(_hit(e, s) for s, e in scored[:most])
        if day is None or not hits:
            return EventsFound(hits)
        return EventsFound(hits, day, len(scored) - len(hits))

    @staticmethod
    def _nearest(events: list[Event], now: datetime) -> EventsFound:
        """The next sessions when there are any, else the last one: a question about what is
        ahead is answered with what there is, never with nothing."""
        ahead = [e for e in events if e.end > now]
        if ahead:
            return EventsFound(tuple(_hit(e, 1.0) for e in ahead[:3]))
        return EventsFound(tuple(_hit(e, 1.0) for e in events[-1:]))

    def _score(self, event: Event, topic: set[str]) -> float:
        if not topic:
            return 1.0
        return len(topic & self._event_stems.get(event.id, set())) / len(topic)


def _event_text(event: Event) -> str:
    return " ".join(
        (
            event.title,
            event.description,
            event.series or "",
            event.place or "",
            event.venue or "",
            event.room or "",
            " ".join(event.tags),
            event.kind,
        )
    )


def _upcoming_first(event: Event, now: datetime) -> tuple[int, float]:
    """Events not over yet first (soonest first), then past ones (most recent first)."""
    if event.end > now:
        return (0, event.start.timestamp())
    return (1, -event.start.timestamp())


def _day_asked(question: str, now: datetime) -> date | None:
    text = question.lower()
    if "today" in text or _THIS_EVENING.search(text):
        return now.date()
    if re.search(r"\bday\s+after\s+tomorrow\b", text):
        return now.date() + timedelta(days=2)
    if "tomorrow" in text:
        return now.date() + timedelta(days=1)
    for offset in range(7):
        day = now.date() + timedelta(days=offset)
        if WEEKDAYS[day.weekday()] in text:
            return day
    found = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", text)
    try:
        if found is not None:
            return date.fromisoformat(found.group(1))
        return _day_with_month(text, now)
    except ValueError:  # "2026-02-30", "31 June": no such day, so no day asked
        return None


_EVENING = re.compile(r"\b(?:tonight|(?:this|tomorrow)\s+evening)\b", re.IGNORECASE)
_THIS_EVENING = re.compile(r"\b(?:tonight|this\s+evening)\b", re.IGNORECASE)
EVENING = time(17)  # the evening begins, in the reader's zone (else the session's)


def _in_the_evening(event: Event, day: date, zone: tzinfo | None) -> bool:
    """Whether ``event`` is still on after EVENING on ``day``: a 07:48 briefing is not
    tonight's, a panel from 16:30 to 18:00 is."""
    local = zone or event.start.tzinfo
    evening = datetime.combine(day, EVENING, tzinfo=local)
    return event.end > evening


def _day_with_month(text: str, now: datetime) -> date | None:
    """The day of "on 20 December", "december 20th", "20 dec 2026" (this year unless one is
    written); ValueError for a day the month does not have."""
    for found in (*_DAY_FIRST.finditer(text), *_MONTH_FIRST.finditer(text)):
        named = found.group("month")
        month = next((n for n, m in enumerate(MONTHS, 1) if m.startswith(named)), None)
        if month is None or named not in (MONTHS[month - 1], MONTHS[month - 1][:3]):
            continue  # "20 sessions", "ju 2"
        return date(int(found.group("year") or now.year), month, int(found.group("day")))
    return None


def _same_room(room: str, asked: str) -> bool:
    """Whether the event's ``room`` ("Room 4", "Salle A", "Agora building, Room G03") is the
    one ``asked`` ("4", "a", "G03")."""
    named = [m.group(1) for m in ROOM.finditer(room)] or [room]
    wanted = re.sub(r"\W", "", asked.lower())
    return any(re.sub(r"\W", "", name.lower()) == wanted for name in named)


def _hit(event: Event, score: float) -> EventHit:
    return EventHit(
        event.id, event.title, event.start, event.end, event.timezone, event.room, score
    )


def _numbers_a_session(word: str, day: date | None) -> bool:
    """Whether a number in the question names a session ("workshop 23", "the 3rd
    workshop"): not a year, and not the day of a date asked about ("on 15 September", "on
    December 18th")."""
    return day is None and len(word.rstrip("stndrh")) <= 3
