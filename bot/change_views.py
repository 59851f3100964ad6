"""Agenda changes as people read them: a follower's notice, and an organiser's summary to decide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import actions
from bot.agenda_views import when
from bot.replies import Button, Reply, Span, Style, bold
from scheduler.announce import Review
from scheduler.notices import Notices

if TYPE_CHECKING:
    from bot.services import Services
from scheduler.changes import CANCELLED, EventChange
from scheduler.model import Event

SHOWN = 5  # changes listed in an organiser's summary


def _where(event: Event) -> str:
    return event.where or "no place given"


def notice(change: EventChange, reader: ZoneInfo) -> Reply:
    """What a follower of the session is told, with times in the reader's own zone."""
    before, after = change.before, change.after
    if after is None:
        return (
            Reply()
            .add("❌ ", bold("Cancelled: "), bold(before.title))
            .add(f"It was planned for {when(before, reader)}, {_where(before)}.")
        )
    reply = Reply().add("🔄 ", bold("Changed: "), bold(after.title))
    if "time" in change.what:
        reply.add(
            "Time: ", Span(when(before, reader), Style.STRIKE), " → ", bold(when(after, reader))
        )
    if "room" in change.what or "place" in change.what:
        reply.add("Place: ", Span(_where(before), Style.STRIKE), " → ", bold(_where(after)))
    return reply.add(f"/event {after.id}")


def notice_html(change: EventChange, reader: ZoneInfo) -> str:
    return notice(change, reader).html()


def digest(changes: Sequence[EventChange], reader: ZoneInfo) -> Reply:
    """Many changes to the sessions a follower follows, in one message (a notice each)."""
    reply = Reply().add("📋 ", bold(f"{len(changes)} changes to sessions you follow"))
    for change in changes:
        reply.blank().lines.extend(notice(change, reader).lines)
    return reply


def digest_parts(changes: Sequence[EventChange], reader: ZoneInfo) -> list[str]:
    return digest(changes, reader).messages()


NOTICES = Notices(notice_html, digest_parts)


def _counts(review: Review) -> str:
    changes = review.changes
    parts = [
        f"{changes.count(CANCELLED)} cancelled",
        f"{changes.count('time')} moved in time",
        f"{changes.count('room') + changes.count('place')} moved elsewhere",
    ]
    return ", ".join(p for p in parts if not p.startswith("0 "))


def _line(change: EventChange) -> str:
    if change.after is None:
        return f"• Cancelled: {change.before.title}"
    return f"• {', '.join(change.what).capitalize()} changed: {change.after.title}"


def review_reply(review: Review) -> Reply:
    """For the organiser: what changed, what was sent, or the decision waiting for them."""
    changes = review.changes
    reasons = [f"file {name} removed or emptied" for name in changes.removed_files]
    if changes.emptied:
        reasons.append("no upcoming session left on the agenda")
    summary = _counts(review) + (f": {'; '.join(reasons)}" if reasons else "")
    if not review.held:
        if review.queued:
            return Reply().add(
                f"Agenda updated: {summary}. "
                f"Notices queued: {review.queued} to {review.chats} chats."
            )
        return Reply().add(f"Agenda updated silently: {summary}. No notices sent.")
    reply = Reply().add(bold("Agenda change waiting for your decision"))
    count = len(changes.changes)
    reply.add(f"{count} session{'s' if count != 1 else ''} changed ({summary}).")
    for change in changes.changes[:SHOWN]:
        reply.add(_line(change))
    if len(changes.changes) > SHOWN:
        reply.add(f"… and {len(changes.changes) - SHOWN} more.")
    reply.blank().add(
        f"Sending notices means {review.notices} messages to {review.chats} chats. "
        "If this is a mistake (a file moved away, an empty export), fix the agenda and /reload: "
        "nothing has been sent."
    )
    held = str(review.held_id)
    reply.buttons = [
        [
            Button(
                f"📣 Send {review.notices} notices",
                actions.Action("chg", (held, "send")).encode(),
            ),
            Button("🤫 Update silently", actions.Action("chg", (held, "quiet")).encode()),
        ]
    ]
    return reply


def agenda_problems_reply(services: Services) -> Reply:
    """For organisers at start: the agenda files did not load, and what participants see."""
    problems = services.agenda_problems
    reply = Reply().add(bold("⚠ The agenda files have problems"))
    count = len(services.agenda.events)
    reply.add(
        f"Participants see the agenda last announced ({count} session{'s' if count != 1 else ''})"
        " until the files are fixed and you send /reload."
    )
    for problem in problems[:5]:
        reply.add(f"• {problem}")
    if len(problems) > 5:
        reply.add(f"… and {len(problems) - 5} more: `workshop-bot check` lists them all.")
    return reply
