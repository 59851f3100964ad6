"""Following the agenda: /subscribe, /unsubscribe, /remind, and the reminder messages.

Every reply promises only what will come: the reminders still ahead, in the reader's zone, and
what stays in place (personal reminders outlive /unsubscribe unless asked).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.agenda_views import day, event_lines
from bot.i18n import _, ngettext
from bot.replies import Reply, bold, clip
from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.reminders import DEFAULT_LEADS, EVERYTHING, DueReminder, SubscriptionService

MAX_LEAD = 7 * 24 * 60  # a week, in minutes


def lead_text(minutes: int, *, adjective: bool = False) -> str:
    """ "2 hours", "15 minutes"; as an adjective "2-hour", "15-minute"."""
    if minutes % 60 == 0 and minutes >= 60:
        hours = minutes // 60
        if adjective:
            return ngettext("{count}-hour", "{count}-hour", hours).format(count=hours)
        return ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    if adjective:
        return ngettext("{count}-minute", "{count}-minute", minutes).format(count=minutes)
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


def leads_text(leads: list[int], *, adjective: bool = False) -> str:
    """ "24 hours and 15 minutes", or as an adjective "24-hour and 15-minute"."""
    return _(" and ").join(lead_text(m, adjective=adjective) for m in leads)


def find_series(text: str, agenda: Agenda) -> tuple[str | None, list[str]]:
    """The series a participant means (exactly, in any case, or by a unique beginning or
    word), or None with the candidates ([] for none at all, several when ambiguous)."""
    known = agenda.series()
    wanted = _loose(text)
    for test in (
        lambda name: name.casefold() == text.strip().casefold(),
        lambda name: _loose(name) == wanted,
        lambda name: _loose(name).startswith(wanted),
        lambda name: wanted in _loose(name),
    ):
        found = [name for name in known if test(name)]
        if len(found) == 1:
            return found[0], found
        if found:
            return None, found
    return None, []


def _loose(name: str) -> str:
    """A series name as typed loosely: any case, hyphens and underscores for spaces."""
    return " ".join(name.replace("-", " ").replace("_", " ").split()).casefold()


class Following:
    """The commands by which a participant follows sessions."""

    def __init__(
        self,
        subscriptions: Callable[[], SubscriptionService | None],
        agenda: Callable[[], Agenda],
        now: Callable[[], datetime],
        reader_zone: Callable[[int], ZoneInfo],
    ) -> None:
        self.subscriptions = subscriptions
        self.agenda = agenda
        self.now = now
        self.reader_zone = reader_zone

    def subscribe(self, argument: str, chat_id: int) -> list[Reply]:
        subscriptions = self.subscriptions()
        if subscriptions is None:
            return [Reply().add(_("Subscriptions are not available here."))]
        series = EVERYTHING
        if argument.strip():
            found, candidates = find_series(argument, self.agenda())
            if found is None:
                return [_no_series(argument, candidates, self.agenda())]
            series = found
        subscriptions.subscribe(chat_id, series)
        what = _("the whole agenda") if series == EVERYTHING else f"“{series}”"
        return [
            Reply().add(
                _(
                    "Subscribed to {what}: I'll remind you {leads} before each session still "
                    "ahead. /unsubscribe to stop."
                ).format(what=what, leads=leads_text(list(DEFAULT_LEADS)))
            )
        ]

    def unsubscribe(self, argument: str, chat_id: int) -> list[Reply]:
        subscriptions = self.subscriptions()
        if subscriptions is None:
            return [Reply().add(_("Subscriptions are not available here."))]
        text = argument.strip()
        if text.casefold() == "all":
            removed = subscriptions.unsubscribe(chat_id, personal=True)
            return [
                Reply().add(
                    _(
                        "Unsubscribed from everything: reminders, personal ones included, and "
                        "the organisers' announcements. /subscribe to follow the agenda again."
                    )
                    if removed
                    else _(
                        "You followed nothing, and will not get the organisers' announcements "
                        "either. /subscribe to follow the agenda again."
                    )
                )
            ]
        series = None
        if text:
            series, candidates = find_series(text, self.agenda())
            if series is None and text != EVERYTHING:
                return [_no_series(text, candidates, self.agenda())]
        removed = subscriptions.unsubscribe(chat_id, series)
        reply = Reply().add(
            _("Unsubscribed.") if removed else _("You were not subscribed to that.")
        )
        remaining = self._personal_events(subscriptions, chat_id)
        if remaining:
            titles = ", ".join(f"“{clip(e.title, 60)}”" for e in remaining[:5])
            if len(remaining) > 5:
                titles = _("{titles} and {count} more").format(
                    titles=titles, count=len(remaining) - 5
                )
            reply.add(
                _(
                    "Your personal reminders stay: {titles}. /remind ID off drops one; "
                    "/unsubscribe all drops them all."
                ).format(titles=titles)
            )
        return [reply]

    def remind(self, argument: str, chat_id: int) -> list[Reply]:
        subscriptions = self.subscriptions()
        parts = argument.split()
        if subscriptions is None:
            return [Reply().add(_("Reminders are not available here."))]
        if not parts:
            return [
                Reply().add(
                    _("Which session? For example {example}").format(example=self._example())
                )
            ]
        event = self.agenda().get(parts[0])
        if event is None:
            return [
                Reply().add(
                    _(
                        "No session with the ID “{id}”. /agenda lists the sessions with their IDs."
                    ).format(id=clip(parts[0], 40))
                )
            ]
        choice = parts[1].casefold() if len(parts) > 1 else ""
        if choice in {"off", "stop", "no", "cancel"}:
            dropped = subscriptions.forget(chat_id, event.id)
            said = (
                _("No more personal reminder for “{title}”.")
                if dropped
                else _("You had no personal reminder for “{title}”.")
            )
            return [Reply().add(said.format(title=clip(event.title, 80)))]
        minutes = None
        if choice:
            if not (choice.isascii() and choice.isdigit()) or not 1 <= int(choice) <= MAX_LEAD:
                return [
                    Reply().add(
                        _(
                            "The lead time is a number of minutes between 1 and 10080 (a week), "
                            "for example /remind {id} 30, or /remind {id} off."
                        ).format(id=event.id)
                    )
                ]
            minutes = int(choice)
        return [self._remind(subscriptions, chat_id, event, minutes)]

    def _remind(
        self, subscriptions: SubscriptionService, chat_id: int, event: Event, minutes: int | None
    ) -> Reply:
        now = self.now()
        title = f"“{clip(event.title, 80)}”"
        if event.end <= now:
            return Reply().add(
                _("{title} is over: there is nothing to remind you of.").format(title=title)
            )
        if event.start <= now:
            return Reply().add(
                _("{title} is under way now: too late for a reminder.").format(title=title)
            )
        left = event.start - now
        wanted = [minutes] if minutes is not None else list(DEFAULT_LEADS)
        if all(left <= timedelta(minutes=m) for m in wanted):
            return Reply().add(
                _(
                    "{title} starts in {left}: too late for a {leads} reminder. Try a shorter "
                    "one, e.g. /remind {id} {minutes}."
                ).format(
                    title=title,
                    left=_duration(left),
                    leads=leads_text(wanted, adjective=True),
                    id=event.id,
                    minutes=max(1, int(left.total_seconds() // 120)),
                )
            )
        before = subscriptions.personal(chat_id)
        subscriptions.remind(chat_id, event.id, minutes)
        ahead = subscriptions.leads_ahead(chat_id, event, now)
        zone = self.reader_zone(chat_id)
        moments = ", ".join(
            f"{day(at, False)} {at:%H:%M}"
            for at in ((event.start - timedelta(minutes=m)).astimezone(zone) for m in ahead)
        )
        reply = Reply().add(
            _("I'll remind you {leads} before {title} ({moments}, your time).").format(
                leads=leads_text(ahead), title=title, moments=moments
            )
        )
        passed = [m for m in wanted if m not in ahead]
        if passed:
            reply.add(
                _("The time for the {leads} reminder has passed.").format(
                    leads=leads_text(passed, adjective=True)
                )
            )
        earlier = before.get(event.id)
        if event.id in before and earlier != minutes:
            was = [earlier] if earlier is not None else list(DEFAULT_LEADS)
            reply.add(
                _("This replaces your earlier {leads} reminder.").format(
                    leads=leads_text(was, adjective=True)
                )
            )
        if minutes is not None:
            reply.add(_("Only for this session; /remind {id} off to drop it.").format(id=event.id))
        return reply

    def reminder(self, due: DueReminder) -> Reply:
        """The message of one due reminder."""
        head = (
            _("⏰ Starting in about {lead}").format(lead=lead_text(due.minutes))
            if not due.late
            else _("⏰ Reminder (sent late)")
        )
        reply = Reply().add(bold(head))
        event_lines(reply, due.event, self.reader_zone(due.chat_id), details=False)
        return reply.add(f"/event {due.event.id}")

    def _personal_events(self, subscriptions: SubscriptionService, chat_id: int) -> list[Event]:
        agenda = self.agenda()
        now = self.now()
        events = (agenda.get(event_id) for event_id in subscriptions.personal(chat_id))
        return sorted((e for e in events if e and e.end > now), key=lambda e: e.start)

    def _example(self) -> str:
        upcoming = self.agenda().upcoming(self.now(), limit=1)
        identifier = upcoming[0].id if upcoming else "SESSION-ID"
        return _("/remind {id} 30 (minutes before); /agenda lists the IDs.").format(id=identifier)


def _duration(left: timedelta) -> str:
    minutes = max(1, int(left.total_seconds() // 60))
    if minutes < 120:
        return lead_text(minutes)
    return _("about {duration}").format(duration=lead_text(minutes // 60 * 60))


def _no_series(text: str, candidates: list[str], agenda: Agenda) -> Reply:
    if candidates:
        return Reply().add(
            _("“{text}” could be: {candidates}. Which one?").format(
                text=clip(text.strip(), 40), candidates=", ".join(candidates)
            )
        )
    listed = ", ".join(agenda.series()) or _("none on the agenda now")
    return Reply().add(
        _("No series called “{text}”. Series: {series}.").format(
            text=clip(text.strip(), 40), series=listed
        )
    )
