"""What changed between two versions of the agenda (bot/change_views.py words the notices).

Only events not over yet count: moving a past session is bookkeeping, not news. A new event is
not a change (followers of its series get its reminders anyway), except one whose followers
were told it is cancelled: that it is back on the agenda is news.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from scheduler.agenda import Agenda
from scheduler.model import Event

CANCELLED = "cancelled"
RESTORED = "restored"


@dataclass(frozen=True, slots=True)
class EventChange:
    before: Event  # as announced; for a restored event, as its cancellation was told
    after: Event | None  # None: the event was removed from the agenda (cancelled)
    what: tuple[str, ...]  # "time", "room", "place", or "cancelled", or "restored"

    @property
    def event_id(self) -> str:
        return self.before.id


def diff_agendas(
    old: Agenda, new: Agenda, now: datetime, told_cancelled: Iterable[Event] = ()
) -> list[EventChange]:
    """What changed from ``old`` to ``new``; ``told_cancelled``: the events whose followers
    were told they are cancelled (not in ``old``), each back in ``new`` a change "restored"."""
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
    for before in sorted(told_cancelled, key=lambda e: (e.start, e.id)):
        after = new.get(before.id)
        if after is not None and not after.over(now) and old.get(before.id) is None:
            changes.append(EventChange(before, after, (RESTORED,)))
    return changes
