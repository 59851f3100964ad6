"""What changed between two versions of the agenda, as notices for the people who follow it.

Only events not over yet count: moving a past session is bookkeeping, not news. A new event is
not a change (followers of its series get its reminders anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scheduler.agenda import Agenda
from scheduler.messages import escape
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


def _when(event: Event) -> str:
    return f"{event.start:%a %d %b %Y %H:%M}–{event.end:%H:%M} ({event.timezone})"


def _where(event: Event) -> str:
    return ", ".join(p for p in (event.room, event.venue, event.place) if p) or "no place given"


def change_html(change: EventChange) -> str:
    """The notice sent to followers of the event (Telegram HTML, everything escaped)."""
    before, after = change.before, change.after
    if after is None:
        return (
            f"<b>Cancelled:</b> {escape(before.title)}\n"
            f"It was planned for {escape(_when(before))}, {escape(_where(before))}."
        )
    lines = [f"<b>Changed:</b> {escape(after.title)}"]
    if "time" in change.what:
        lines.append(f"Time: <s>{escape(_when(before))}</s> → <b>{escape(_when(after))}</b>")
    if "room" in change.what or "place" in change.what:
        lines.append(f"Place: <s>{escape(_where(before))}</s> → <b>{escape(_where(after))}</b>")
    lines.append(f"<code>{escape(after.id)}</code>")
    return "\n".join(lines)
