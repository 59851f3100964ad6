"""Agenda changes as people read them: a follower's notice, and an organiser's summary to decide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import actions
from bot.agenda_views import LIST_TITLE, when
from bot.i18n import N_, _, ngettext, speaking
from bot.replies import Button, Reply, Span, Style, bold, clip
from scheduler.announce import Review
from scheduler.notices import Notices

if TYPE_CHECKING:
    from bot.services import Services
from scheduler.changes import CANCELLED, RESTORED, EventChange
from scheduler.model import Event

SHOWN = 5  # changes listed in an organiser's summary


def _where(event: Event) -> str:
    return event.where or _("no place given")


def notice(change: EventChange, reader: ZoneInfo) -> Reply:
    """What a follower of the session is told, with times in the reader's own zone."""
    before, after = change.before, change.after
    if after is None:
        return (
            Reply()
            .add("❌ ", bold(_("Cancelled: ")), bold(clip(before.title, LIST_TITLE)))
            .add(
                _("It was planned for {when}, {where}.").format(
                    when=when(before, reader), where=_where(before)
                )
            )
        )
    if RESTORED in change.what:  # its followers were told it is cancelled
        return (
            Reply()
            .add("✅ ", bold(_("Back on the agenda: ")), bold(clip(after.title, LIST_TITLE)))
            .add(
                _("It is planned for {when}, {where}.").format(
                    when=when(after, reader), where=_where(after)
                )
            )
            .add(f"/event {after.id}")
        )
    reply = Reply().add("🔄 ", bold(_("Changed: ")), bold(clip(after.title, LIST_TITLE)))
    if "time" in change.what:
        reply.add(
            _("Time: "), Span(when(before, reader), Style.STRIKE), " → ", bold(when(after, reader))
        )
    if "room" in change.what or "place" in change.what:
        reply.add(_("Place: "), Span(_where(before), Style.STRIKE), " → ", bold(_where(after)))
    return reply.add(f"/event {after.id}")


def notice_html(change: EventChange, reader: ZoneInfo, language: str | None) -> str:
    """A follower's notice as queued: in the follower's zone and language."""
    with speaking(language):
        return notice(change, reader).html()


def digest(changes: Sequence[EventChange], reader: ZoneInfo) -> Reply:
    """Many changes to the sessions a follower follows, in one message (a notice each)."""
    heading = ngettext(
        "{count} change to sessions you follow",
        "{count} changes to sessions you follow",
        len(changes),
    ).format(count=len(changes))
    reply = Reply().add("📋 ", bold(heading))
    for change in changes:
        reply.blank().lines.extend(notice(change, reader).lines)
    return reply


def digest_parts(
    changes: Sequence[EventChange], reader: ZoneInfo, language: str | None
) -> list[str]:
    """A follower's digest as queued: in the follower's zone and language, in parts."""
    with speaking(language):
        return digest(changes, reader).messages()


NOTICES = Notices(notice_html, digest_parts)


def _counts(review: Review) -> str:
    changes = review.changes
    cancelled, moved = changes.count(CANCELLED), changes.count("time")
    elsewhere = changes.count("room") + changes.count("place")
    restored = changes.count(RESTORED)
    parts = [
        ngettext("{count} cancelled", "{count} cancelled", cancelled).format(count=cancelled),
        ngettext("{count} back on the agenda", "{count} back on the agenda", restored).format(
            count=restored
        ),
        ngettext("{count} moved in time", "{count} moved in time", moved).format(count=moved),
        ngettext("{count} moved elsewhere", "{count} moved elsewhere", elsewhere).format(
            count=elsewhere
        ),
    ]
    return ", ".join(
        p for count, p in zip((cancelled, restored, moved, elsewhere), parts, strict=True) if count
    )


_WHAT = {"time": N_("time"), "room": N_("room"), "place": N_("place")}


def _line(change: EventChange) -> str:
    if change.after is None:
        return _("• Cancelled: {title}").format(title=clip(change.before.title, LIST_TITLE))
    if RESTORED in change.what:
        return _("• Back on the agenda: {title}").format(title=clip(change.after.title, LIST_TITLE))
    what = ", ".join(_(_WHAT.get(w, w)) for w in change.what).capitalize()
    return _("• {what} changed: {title}").format(
        what=what, title=clip(change.after.title, LIST_TITLE)
    )


def review_reply(review: Review) -> Reply:
    """For the organiser: what changed, what was sent, or the decision waiting for them."""
    changes = review.changes
    reasons = [_("file {name} removed or emptied").format(name=n) for n in changes.removed_files]
    if changes.emptied:
        reasons.append(_("no upcoming session left on the agenda"))
    summary = _counts(review) + (f": {'; '.join(reasons)}" if reasons else "")
    if not review.held:
        if review.queued:
            return Reply().add(
                ngettext(
                    "Agenda updated: {summary}. Notices queued: {queued} to {chats} chat.",
                    "Agenda updated: {summary}. Notices queued: {queued} to {chats} chats.",
                    review.chats,
                ).format(summary=summary, queued=review.queued, chats=review.chats)
            )
        return Reply().add(
            _("Agenda updated silently: {summary}. No notices sent.").format(summary=summary)
        )
    reply = Reply().add(bold(_("Agenda change waiting for your decision")))
    count = len(changes.changes)
    reply.add(
        ngettext(
            "{count} session changed ({summary}).", "{count} sessions changed ({summary}).", count
        ).format(count=count, summary=summary)
    )
    for change in changes.changes[:SHOWN]:
        reply.add(_line(change))
    if len(changes.changes) > SHOWN:
        reply.add(_("… and {count} more.").format(count=len(changes.changes) - SHOWN))
    reply.blank().add(
        _(
            "Sending notices means {messages} to {chats}. If this is a mistake (a file moved "
            "away, an empty export), fix the agenda and /reload: nothing has been sent."
        ).format(
            messages=ngettext("{count} message", "{count} messages", review.notices).format(
                count=review.notices
            ),
            chats=ngettext("{count} chat", "{count} chats", review.chats).format(
                count=review.chats
            ),
        )
    )
    held = str(review.held_id)
    reply.buttons = [
        [
            Button(
                ngettext(
                    "📣 Send {count} notice", "📣 Send {count} notices", review.notices
                ).format(count=review.notices),
                actions.Action("chg", (held, "send")).encode(),
            ),
            Button(_("🤫 Update silently"), actions.Action("chg", (held, "quiet")).encode()),
        ]
    ]
    return reply


def agenda_problems_reply(services: Services) -> Reply:
    """For organisers at start: the agenda files did not load, and what participants see."""
    problems = services.agenda_problems
    reply = Reply().add(bold(_("⚠ The agenda files have problems")))
    count = len(services.agenda.events)
    reply.add(
        ngettext(
            "Participants see the agenda last announced ({count} session) until the files are "
            "fixed and you send /reload.",
            "Participants see the agenda last announced ({count} sessions) until the files are "
            "fixed and you send /reload.",
            count,
        ).format(count=count)
    )
    for problem in problems[:5]:
        reply.add(f"• {problem}")
    if len(problems) > 5:
        reply.add(
            _("… and {count} more: `workshop-bot check` lists them all.").format(
                count=len(problems) - 5
            )
        )
    return reply
