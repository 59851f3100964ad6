"""What changed between two versions of the agenda (bot/change_views.py words the notices).

Only events not over yet count: moving a past session is bookkeeping, not news. A new event is
not a change (followers of its series get its reminders anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scheduler.agenda import Agenda
from scheduler.model import Event

CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class EventChange:
    before: Event
    after: Event | None  # None: the event was removed from the agenda (cancelled)
    what: tuple[str, ...]  # "time", "room", "place", or "cancelled"

    @property
    def event_id(self) -> str:
        return self.before.id


def diff_agendas(old: Agenda, new: Agenda, now: datetime) -> list[EventChange]:
    changes = []
    for before in old.sorted():
        if before.end <= now:
            continue
        after = new.get(before.id)
        if after is None:
            changes.append(EventChange(before, None, (CANCELLED,)))
            continue
        what = []
        if (before.start, before.end) != (after.start, after.end):
            what.append("time")
        if before.room != after.room:
            what.append("room")
        if (before.venue, before.place) != (after.venue, after.place):
            what.append("place")
        if what:
            changes.append(EventChange(before, after, tuple(what)))
    return changes
