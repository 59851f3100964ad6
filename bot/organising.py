"""Organisers compose and send: /broadcast with a full preview, the Send/Cancel buttons, /delivery.

A broadcast keeps the organiser's formatting (bold, italics, links: the Telegram front end
passes the message as HTML made from its entities), names its audience, and refuses a series
nobody can find rather than sending to everyone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot import actions
from bot.agenda_views import agenda_html, long_day, parse_day
from bot.following import find_series
from bot.i18n import ENGLISH, LANGUAGES, N_, _, current, ngettext, note, speaking
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
USAGE = N_('Usage: /broadcast [to:Series or to:"Series name"] text, or /broadcast agenda [day]')
REFUSED = N_("Sorry, only organisers can do that.")
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
            return [Reply().add(_("Broadcasts are not available here."))]
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
            return [Reply().add(_("What should I send?"), " ", _(USAGE))]
        try:
            if text.split()[:1] == ["agenda"]:
                preview = self._agenda(broadcasts, user_id, text, audience)
            elif html is not None and _telegram_html(html):
                preview = broadcasts.create(user_id, split_html(_escaped(html)), audience)
            else:  # the organiser's own words: their HTML is shown, not parsed
                preview = broadcasts.create(user_id, split_html(escape(text)), audience)
        except NotAllowed:
            return [Reply().add(_(REFUSED))]
        except (BroadcastError, ValueError) as error:
            said = note(error.args[0]) if error.args else str(error)
            return [Reply().add(_("Not created: {reason}.").format(reason=said), " ", _(USAGE))]
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
            raise BroadcastError(_("no sessions to list for that"))

        def worded() -> list[str]:
            heading = _("Agenda for {day}").format(day=long_day(day)) if day else _("Agenda")
            return split_html(agenda_html(events, heading))

        # The bot words the agenda, so each reader gets it in their language; the organiser
        # previews their own, readers of no known language get English.
        own = current()
        versions: dict[str, list[str]] = {}
        for language in LANGUAGES:
            with speaking(language):
                versions[language] = worded()
        preview = broadcasts.create(user_id, versions[ENGLISH], audience, worded=versions)
        return replace(preview, parts=versions[own])

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
                    ngettext(
                        "Re-sending {count} message in doubt (it may arrive twice). "
                        "Report: /delivery {number}",
                        "Re-sending {count} messages in doubt (some may arrive twice). "
                        "Report: /delivery {number}",
                        again,
                    ).format(count=again, number=number)
                )
            if choice == "no":
                broadcasts.cancel(user_id, number)
                return Reply().add(_("Broadcast cancelled: nothing was sent."))
            queued = broadcasts.confirm(user_id, number)
        except NotAllowed:
            return Reply().add(_(REFUSED))
        except AlreadyConfirmed:
            return Reply().add(
                _("Already queued, nothing sent twice. Report: /delivery {number}").format(
                    number=number
                )
            )
        except BroadcastError as error:
            return Reply().add(_("Nothing sent: {reason}.").format(reason=note(error.args[0])))
        if not queued:
            return Reply().add(_("Nobody follows that audience yet: nothing to send."))
        return Reply().add(
            ngettext(
                "Queued {count} message. Report: /delivery {number}",
                "Queued {count} messages. Report: /delivery {number}",
                queued,
            ).format(count=queued, number=number)
        )

    def delivery(self, argument: str, user_id: int) -> list[Reply]:
        broadcasts = self.broadcasts()
        if broadcasts is None:
            return [Reply().add(_(REFUSED))]
        number = argument.strip()
        if not (number.isascii() and number.isdigit()) or len(number) > 12:
            return [_latest(broadcasts.latest())]
        status = broadcasts.status(int(number))
        report = broadcasts.report(int(number))
        if status is None or report.total == 0:
            return [Reply().add(_nothing_sent(int(number), status))]
        state = _("finished") if report.finished else _("in progress")
        line = _(
            "sent {sent}, waiting {pending}, failed {failed}, blocked {blocked}, unknown {unknown}"
        ).format(
            sent=report.sent,
            pending=report.pending,
            failed=report.failed,
            blocked=report.blocked,
            unknown=report.unknown,
        )
        if report.expired:
            line += _(", expired {count}").format(count=report.expired)
        reply = (
            Reply()
            .add(
                bold(
                    _("Broadcast {number}: {state}").format(number=report.broadcast_id, state=state)
                )
            )
            .add(_("{counts} (of {total})").format(counts=line, total=report.total))
        )
        if report.unknown:
            reply.add(
                ngettext(
                    "{count} message got no answer from Telegram (a crash or a timeout): it most "
                    "likely arrived, and is not re-sent unless you ask.",
                    "{count} messages got no answer from Telegram (a crash or a timeout): they "
                    "most likely arrived, and are not re-sent unless you ask.",
                    report.unknown,
                ).format(count=report.unknown)
            )
            resend = actions.Action("bc", (number, "re")).encode()
            label = _("↻ Re-send the {count} in doubt").format(count=report.unknown)
            reply.buttons = [[Button(label, resend)]]
        return [reply]


def _latest(latest: list[tuple[int, str, float]]) -> Reply:
    """Which broadcast to ask about: the organisers' latest, each with its command."""
    reply = Reply().add(_("Which broadcast? For example /delivery 3"))
    if latest:
        reply.add(_("The latest:"))
    states = {"draft": _("draft"), "confirmed": _("sent"), "cancelled": _("cancelled")}
    for number, status, made in latest:
        when = datetime.fromtimestamp(made, UTC).strftime("%Y-%m-%d %H:%M UTC")
        reply.add(f"/delivery {number} · {states.get(status, status)} · {when}")
    return reply


def _nothing_sent(number: int, status: str | None) -> str:
    if status is None:
        return _("There is no broadcast {number}.").format(number=number)
    if status == "draft":
        return _(
            "Broadcast {number} is a draft: it was never sent. Press ✅ Send under its preview."
        ).format(number=number)
    if status == "cancelled":
        return _("Broadcast {number} was cancelled: nothing was sent.").format(number=number)
    return _("Broadcast {number} reached nobody: its audience was empty when it was sent.").format(
        number=number
    )


def _audience_name(preview: Preview) -> str:
    chats = ngettext("{count} chat", "{count} chats", preview.recipients).format(
        count=preview.recipients
    )
    if preview.audience == EVERYTHING:
        return _("everyone using the bot ({chats})").format(chats=chats)
    return _("followers of “{series}” ({chats})").format(series=preview.audience, chats=chats)


def _preview(preview: Preview) -> list[Reply]:
    count = len(preview.parts)
    head = Reply().add(
        bold(
            ngettext(
                "Preview: {count} message to {audience}",
                "Preview: {count} messages to {audience}",
                count,
            ).format(count=count, audience=_audience_name(preview))
        )
    )
    parts = [Reply().add(Span(part, Style.HTML)) for part in preview.parts]
    number = str(preview.broadcast_id)
    parts[-1].buttons = [
        [
            Button(
                _("✅ Send to {count}").format(count=preview.recipients),
                actions.Action("bc", (number, "ok")).encode(),
            ),
            Button(_("✖ Cancel"), actions.Action("bc", (number, "no")).encode()),
        ]
    ]
    return [head, *parts]


def _unknown_series(wanted: str, candidates: list[str], agenda: Agenda) -> Reply:
    if candidates:
        return Reply().add(
            _(
                '“{text}” could be: {candidates}. Nothing was created: name one, e.g. to:"{first}".'
            ).format(text=clip(wanted, 40), candidates=", ".join(candidates), first=candidates[0])
        )
    known = agenda.series() or [_("none on the agenda")]
    return Reply().add(
        _("No series called “{text}”: nothing was created. Series: {series}.").format(
            text=clip(wanted, 40), series=", ".join(known)
        )
    )
