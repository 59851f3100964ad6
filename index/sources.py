"""Protocols through which the FAQ and the agenda plug into the ask service."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Protocol

from index.answer import EventsFound, FaqMatch


class FaqSource(Protocol):
    def match(self, question: str) -> FaqMatch:
        """A confident answer, near-miss choices, or an empty match."""
        ...


class EventSource(Protocol):
    def find(self, question: str, now: datetime, zone: tzinfo | None = None) -> EventsFound:
        """Events matching an agenda question, upcoming first; none when not an agenda
        question. A day asked ("today", "tomorrow", "friday") is the reader's day in ``zone``
        when given (the zone they chose), else the date of ``now`` as given, held against
        each session's dates in its own zone."""
        ...


class UnansweredLog(Protocol):
    def record(self, question: str, user_id: int | None, kind: str, score: float) -> None:
        """Remember a question that ended in ``none`` or low confidence."""
        ...
