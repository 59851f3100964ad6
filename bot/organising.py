"""Organisers compose and send: /broadcast with a full preview, the Send/Cancel buttons, /delivery.

A broadcast keeps the organiser's formatting (bold, italics, links: the Telegram front end
passes the message as HTML made from its entities), names its audience, and refuses a series
nobody can find rather than sending to everyone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime

from bot import actions
from bot.agenda_views import agenda_html, parse_day
from bot.following import find_series
from bot.replies import Button, Reply, Span, Style, bold, clip
from bot.telegram_text import escape, split_html
from scheduler.agenda import Agenda
from scheduler.broadcast import (
    AlreadyConfirmed,
    BroadcastError,
    BroadcastService,
    NotAllowed,
    Preview,
)
from scheduler.reminders import EVERYTHING

log = logging.getLogger(__name__)
USAGE = 'Usage: /broadcast [to:Series or to:"Series name"] text, or /broadcast agenda [day]'
REFUSED = "Sorry, only organisers can do that."
# to:Octopus, to:Octopus_Conference, to:"Octopus Conference" (straight or curly quotes; in the
# HTML version the straight ones may arrive as &quot;)
_TARGET = re.compile(r'^to:(?:"([^"]+)"|“([^”]+)”|&quot;(.+?)&quot;|(\S+))\s*')
# Telegram's HTML, as python-telegram-bot renders message entities
_TAG = re.compile(r"</?([a-z-]+)(?:\s[^>]*)?>")
ALLOWED = {"b", "i", "u", "s", "a", "code", "pre", "blockquote", "span", "tg-spoiler", "tg-emoji"}


_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)")


def _telegram_html(html: str) -> bool:
    return all(tag in ALLOWED for tag in _TAG.findall(html))


def _escaped(html: str) -> str:
    """python-telegram-bot leaves "&" bare inside link URLs; escape it as HTML wants."""
    return _BARE_AMPERSAND.sub("&amp;", html)


class Organising:
    def __init__(
        self,
        broadcasts: Callable[[], BroadcastService | None],
        agenda: Callable[[], Agenda],
        now: Callable[[], datetime],
    ) -> None:
        self.broadcasts = broadcasts
        self.agenda = agenda
        self.now = now

    def broadcast(self, argument: str, user_id: int, formatted: str | None = None) -> list[Reply]:
        """A draft and its preview: every part as it will be sent, its audience by name and
        count, and the buttons under the last part."""
        broadcasts = self.broadcasts()
        if broadcasts is None:
            return [Reply().add("Broadcasts are not available here.")]
        text = argument.strip()
        html = formatted.strip() if formatted is not None else None
        audience = EVERYTHING
        target = _TARGET.match(text)
        if target:
            wanted = next(g for g in target.groups() if g).replace("_", " ")
            found, candidates = find_series(wanted, self.agenda())
            if found is None:
                return [_unknown_series(wanted, candidates, self.agenda())]
            audience, text = found, text[target.end() :]
            if html is not None:
                html = _TARGET.sub("", html, count=1)
        if not text:
            return [Reply().add(f"What should I send? {USAGE}")]
        try:
            if text.split()[:1] == ["agenda"]:
                preview = self._agenda(broadcasts, user_id, text, audience)
            elif html is not None and _telegram_html(html):
                preview = broadcasts.create(user_id, split_html(_escaped(html)), audience)
            else:  # the organiser's own words: their HTML is shown, not parsed
                preview = broadcasts.create(user_id, split_html(escape(text)), audience)
        except NotAllowed:
            return [Reply().add(REFUSED)]
        except (BroadcastError, ValueError) as error:
            return [Reply().add(f"Not created: {error}. {USAGE}")]
        return _preview(preview)

    def _agenda(
        self, broadcasts: BroadcastService, user_id: int, text: str, audience: str
    ) -> Preview:
        day = parse_day(" ".join(text.split()[1:]), self.now())
        agenda = self.agenda()
        events = agenda.on_day(day) if day else [e for e in agenda.sorted() if e.end > self.now()]
        if audience != EVERYTHING:
            events = [e for e in events if e.series == audience]
        if not events:
            raise BroadcastError("no sessions to list for that")
        heading = f"Agenda for {day:%A %d %B %Y}" if day else "Agenda"
        return broadcasts.create(user_id, split_html(agenda_html(events, heading)), audience)

    def decide(self, broadcast_id: str, choice: str, user_id: int) -> Reply | None:
        broadcasts = self.broadcasts()
        valid = broadcast_id.isdigit() and len(broadcast_id) <= 12
        if broadcasts is None or not valid or choice not in {"ok", "no", "re"}:
            return None
        number = int(broadcast_id)
        try:
            if choice == "re":
                again = broadcasts.resend_unknown(user_id, number)
                return Reply().add(
                    f"Re-sending {again} message(s) in doubt (some may arrive twice). "
                    f"Report: /delivery {number}"
                )
            if choice == "no":
                broadcasts.cancel(user_id, number)
                return Reply().add("Broadcast cancelled: nothing was sent.")
            queued = broadcasts.confirm(user_id, number)
        except NotAllowed:
            return Reply().add(REFUSED)
        except AlreadyConfirmed:
            return Reply().add(f"Already queued, nothing sent twice. Report: /delivery {number}")
        except BroadcastError as error:
            return Reply().add(f"Nothing sent: {error}.")
        if not queued:
            return Reply().add("Nobody follows that audience yet: nothing to send.")
        return Reply().add(f"Queued {queued} message(s). Report: /delivery {number}")

    def delivery(self, argument: str, user_id: int) -> list[Reply]:
        broadcasts = self.broadcasts()
        if broadcasts is None:
            return [Reply().add(REFUSED)]
        number = argument.strip()
        if not (number.isascii() and number.isdigit()) or len(number) > 12:
            return [Reply().add("Which broadcast? For example /delivery 3")]
        report = broadcasts.report(int(number))
        if report.total == 0:
            return [
                Reply().add(
                    f"Broadcast {number} has sent nothing (no such broadcast, a draft, "
                    "or nobody in its audience)."
                )
            ]
        state = "finished" if report.finished else "in progress"
        line = (
            f"sent {report.sent}, waiting {report.pending}, failed {report.failed}, "
            f"blocked {report.blocked}, unknown {report.unknown}"
        )
        if report.expired:
            line += f", expired {report.expired}"
        reply = (
            Reply()
            .add(bold(f"Broadcast {report.broadcast_id}: {state}"))
            .add(f"{line} (of {report.total})")
        )
        if report.unknown:
            reply.add(
                f"{report.unknown} message(s) got no answer from Telegram (a crash or a timeout): "
                "they most likely arrived, and are not re-sent unless you ask."
            )
            resend = actions.Action("bc", (number, "re")).encode()
            reply.buttons = [[Button(f"↻ Re-send the {report.unknown} in doubt", resend)]]
        return [reply]


def _audience_name(preview: Preview) -> str:
    chats = f"{preview.recipients} chat{'s' if preview.recipients != 1 else ''}"
    if preview.audience == EVERYTHING:
        return f"everyone subscribed ({chats})"
    return f"followers of “{preview.audience}” ({chats})"


def _preview(preview: Preview) -> list[Reply]:
    count = len(preview.parts)
    head = Reply().add(
        bold(f"Preview: {count} message{'s' if count > 1 else ''} to {_audience_name(preview)}")
    )
    parts = [Reply().add(Span(part, Style.HTML)) for part in preview.parts]
    number = str(preview.broadcast_id)
    parts[-1].buttons = [
        [
            Button(
                f"✅ Send to {preview.recipients}", actions.Action("bc", (number, "ok")).encode()
            ),
            Button("✖ Cancel", actions.Action("bc", (number, "no")).encode()),
        ]
    ]
    return [head, *parts]


def _unknown_series(wanted: str, candidates: list[str], agenda: Agenda) -> Reply:
    if candidates:
        return Reply().add(
            f"“{clip(wanted, 40)}” could be: {', '.join(candidates)}. Nothing was created: "
            'name one, e.g. to:"' + candidates[0] + '".'
        )
    known = agenda.series() or ["none on the agenda"]
    return Reply().add(
        f"No series called “{clip(wanted, 40)}”: nothing was created. Series: {', '.join(known)}."
    )
