"""Protocols through which the FAQ and the agenda plug into the ask service."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from index.answer import EventHit, FaqMatch


class FaqSource(Protocol):
    def match(self, question: str) -> FaqMatch:
        """A confident answer, near-miss choices, or an empty match."""
        ...


class EventSource(Protocol):
    def find(self, question: str, now: datetime) -> list[EventHit]:
        """Events matching an agenda question, upcoming first; empty when not an agenda question."""
        ...


class UnansweredLog(Protocol):
    def record(self, question: str, user_id: int | None, kind: str, score: float) -> None:
        """Remember a question that ended in ``none`` or low confidence."""
        ...
