"""The agenda model: events with time-zone-aware start and end, place and related articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from corpus.model import ArticleRef

KINDS = ("workshop", "session", "plenary", "training", "meeting", "conference", "webinar", "other")


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    kind: str
    start: datetime  # timezone-aware, in the event's zone
    end: datetime
    timezone: str  # IANA name, e.g. "Europe/Strasbourg"
    place: str | None = None
    venue: str | None = None
    room: str | None = None
    speakers: tuple[str, ...] = ()
    description: str = ""
    series: str | None = None
    articles: tuple[ArticleRef, ...] = ()
    tags: tuple[str, ...] = ()
    sample: bool = False
    path: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        """Room, venue and place as one line ("" when none is given)."""
        return ", ".join(p for p in (self.room, self.venue, self.place) if p)

    def overlaps(self, other: Event) -> bool:
        return self.start < other.end and other.start < self.end

    def in_progress(self, now: datetime) -> bool:
        return self.start <= now < self.end

    def over(self, now: datetime) -> bool:
        return self.end <= now
