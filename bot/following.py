"""Following the agenda: /subscribe, /unsubscribe, /remind, and the reminder messages.

Every reply promises only what will come: the reminders still ahead, in the reader's zone, and
what stays in place (personal reminders outlive /unsubscribe unless asked).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.agenda_views import event_lines
from bot.replies import Reply, bold, clip
from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.reminders import DEFAULT_LEADS, EVERYTHING, DueReminder, SubscriptionService

MAX_LEAD = 7 * 24 * 60  # a week, in minutes


def lead_text(minutes: int) -> str:
    if minutes % 60 == 0 and minutes >= 60:
        hours = minutes // 60
        return "1 hour" if hours == 1 else f"{hours} hours"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def leads_text(leads: list[int], *, adjective: bool = False) -> str:
    """ "24 hours and 15 minutes", or as an adjective "24-hour and 15-minute"."""
    if not adjective:
        return " and ".join(lead_text(m) for m in leads)
    return " and ".join(lead_text(m).replace(" ", "-").removesuffix("s") for m in leads)


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
            return [Reply().add("Subscriptions are not available here.")]
        series = EVERYTHING
        if argument.strip():
            found, candidates = find_series(argument, self.agenda())
            if found is None:
                return [_no_series(argument, candidates, self.agenda())]
            series = found
        subscriptions.subscribe(chat_id, series)
        what = "the whole agenda" if series == EVERYTHING else f"“{series}”"
        return [
            Reply().add(
                f"Subscribed to {what}: I'll remind you {leads_text(list(DEFAULT_LEADS))} "
                "before each session still ahead. /unsubscribe to stop."
            )
        ]

    def unsubscribe(self, argument: str, chat_id: int) -> list[Reply]:
        subscriptions = self.subscriptions()
        if subscriptions is None:
            return [Reply().add("Subscriptions are not available here.")]
        text = argument.strip()
        if text.casefold() == "all":
            removed = subscriptions.unsubscribe(chat_id, personal=True)
            return [
                Reply().add(
                    "Unsubscribed from everything, personal reminders included."
                    if removed
                    else "You were not subscribed to anything."
                )
            ]
        series = None
        if text:
            series, candidates = find_series(text, self.agenda())
            if series is None and text != EVERYTHING:
                return [_no_series(text, candidates, self.agenda())]
        removed = subscriptions.unsubscribe(chat_id, series)
        reply = Reply().add("Unsubscribed." if removed else "You were not subscribed to that.")
        remaining = self._personal_events(subscriptions, chat_id)
        if remaining:
            titles = ", ".join(f"“{clip(e.title, 60)}”" for e in remaining[:5])
            more = f" and {len(remaining) - 5} more" if len(remaining) > 5 else ""
            reply.add(
                f"Your personal reminders stay: {titles}{more}. "
                "/remind ID off drops one; /unsubscribe all drops them all."
            )
        return [reply]

    def remind(self, argument: str, chat_id: int) -> list[Reply]:
        subscriptions = self.subscriptions()
        parts = argument.split()
        if subscriptions is None:
            return [Reply().add("Reminders are not available here.")]
        if not parts:
            return [Reply().add(f"Which session? For example {self._example()}")]
        event = self.agenda().get(parts[0])
        if event is None:
            return [
                Reply().add(
                    f"No session with the ID “{clip(parts[0], 40)}”. "
                    "/agenda lists the sessions with their IDs."
                )
            ]
        choice = parts[1].casefold() if len(parts) > 1 else ""
        if choice in {"off", "stop", "no", "cancel"}:
            dropped = subscriptions.forget(chat_id, event.id)
            return [
                Reply().add(
                    f"No more personal reminder for “{clip(event.title, 80)}”."
                    if dropped
                    else f"You had no personal reminder for “{clip(event.title, 80)}”."
                )
            ]
        minutes = None
        if choice:
            if not (choice.isascii() and choice.isdigit()) or not 1 <= int(choice) <= MAX_LEAD:
                return [
                    Reply().add(
                        "The lead time is a number of minutes between 1 and 10080 (a week), "
                        f"for example /remind {event.id} 30, or /remind {event.id} off."
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
            return Reply().add(f"{title} is over: there is nothing to remind you of.")
        if event.start <= now:
            return Reply().add(f"{title} is under way now: too late for a reminder.")
        left = event.start - now
        wanted = [minutes] if minutes is not None else list(DEFAULT_LEADS)
        if all(left <= timedelta(minutes=m) for m in wanted):
            return Reply().add(
                f"{title} starts in {_duration(left)}: too late for a "
                f"{leads_text(wanted, adjective=True)} reminder. Try a shorter one, e.g. "
                f"/remind {event.id} {max(1, int(left.total_seconds() // 120))}."
            )
        before = subscriptions.personal(chat_id)
        subscriptions.remind(chat_id, event.id, minutes)
        ahead = subscriptions.leads_ahead(chat_id, event, now)
        zone = self.reader_zone(chat_id)
        moments = ", ".join(
            f"{(event.start - timedelta(minutes=m)).astimezone(zone):%a %d %b %H:%M}" for m in ahead
        )
        reply = Reply().add(
            f"I'll remind you {leads_text(ahead)} before {title} ({moments}, your time)."
        )
        passed = [m for m in wanted if m not in ahead]
        if passed:
            reply.add(f"The time for the {leads_text(passed, adjective=True)} reminder has passed.")
        earlier = before.get(event.id)
        if event.id in before and earlier != minutes:
            was = [earlier] if earlier is not None else list(DEFAULT_LEADS)
            reply.add(f"This replaces your earlier {leads_text(was, adjective=True)} reminder.")
        if minutes is not None:
            reply.add(f"Only for this session; /remind {event.id} off to drop it.")
        return reply

    def reminder(self, due: DueReminder) -> Reply:
        """The message of one due reminder."""
        head = (
            f"⏰ Starting in about {lead_text(due.minutes)}"
            if not due.late
            else "⏰ Reminder (sent late)"
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
        return f"/remind {identifier} 30 (minutes before); /agenda lists the IDs."


def _duration(left: timedelta) -> str:
    minutes = max(1, int(left.total_seconds() // 60))
    if minutes < 120:
        return lead_text(minutes)
    return f"about {lead_text(minutes // 60 * 60)}"


def _no_series(text: str, candidates: list[str], agenda: Agenda) -> Reply:
    if candidates:
        return Reply().add(
            f"“{clip(text.strip(), 40)}” could be: {', '.join(candidates)}. Which one?"
        )
    listed = ", ".join(agenda.series()) or "none on the agenda now"
    return Reply().add(f"No series called “{clip(text.strip(), 40)}”. Series: {listed}.")
