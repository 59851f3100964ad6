"""Following sessions: replies promise only the reminders that will come, and say what stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.following import Following, find_series
from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.reminders import SubscriptionService
from scheduler.store import Database

NOW = datetime(2026, 3, 23, 8, 0, tzinfo=UTC)
CHAT = 5


def _event(identifier: str, start: datetime, series: str = "Octopus Conference") -> Event:
    return Event(
        identifier,
        f"Talk {identifier}",
        "session",
        start,
        start + timedelta(hours=1),
        "UTC",
        series=series,
    )


AGENDA = Agenda(
    [
        _event("past", NOW - timedelta(days=1)),
        _event("now", NOW - timedelta(minutes=10)),
        _event("soon", NOW + timedelta(minutes=17)),
        _event("later", NOW + timedelta(days=2)),
        _event("glacy", NOW + timedelta(days=3), series="GLACY+ workshop"),
        _event("glacy2", NOW + timedelta(days=4), series="GLACY-e workshop"),
    ]
)


@pytest.fixture
def subscriptions(tmp_path: Path) -> SubscriptionService:
    return SubscriptionService(Database(tmp_path / "bot.sqlite3"))


@pytest.fixture
def following(subscriptions: SubscriptionService) -> Following:
    return Following(lambda: subscriptions, lambda: AGENDA, lambda: NOW, lambda _: ZoneInfo("UTC"))


def _say(following: Following, command: str, argument: str) -> str:
    replies = getattr(following, command)(argument, CHAT)
    return "\n".join(r.plain() for r in replies)


def test_remind_asks_for_a_session_with_a_live_example(following: Following) -> None:
    assert _say(following, "remind", "") == (
        "Which session? For example /remind now 30 (minutes before); /agenda lists the IDs."
    )
    assert _say(following, "remind", "nope") == (
        "No session with the ID “nope”. /agenda lists the sessions with their IDs."
    )


def test_no_promise_for_a_past_or_running_session(
    following: Following, subscriptions: SubscriptionService
) -> None:
    assert (
        _say(following, "remind", "past")
        == "“Talk past” is over: there is nothing to remind you of."
    )
    assert (
        _say(following, "remind", "now") == "“Talk now” is under way now: too late for a reminder."
    )
    assert subscriptions.personal(CHAT) == {}


def test_only_the_reminders_still_ahead_are_promised(following: Following) -> None:
    assert _say(following, "remind", "soon").splitlines() == [
        "I'll remind you 15 minutes before “Talk soon” (Mon 23 Mar 08:02, your time).",
        "The time for the 24-hour reminder has passed.",
    ]


def test_a_lead_already_passed_is_refused_and_not_stored(
    following: Following, subscriptions: SubscriptionService
) -> None:
    assert _say(following, "remind", "soon 60") == (
        "“Talk soon” starts in 17 minutes: too late for a 1-hour reminder. "
        "Try a shorter one, e.g. /remind soon 8."
    )
    assert subscriptions.personal(CHAT) == {}


def test_a_lead_is_for_that_session_and_can_be_dropped(
    following: Following, subscriptions: SubscriptionService
) -> None:
    assert _say(following, "remind", "later 30").splitlines() == [
        "I'll remind you 30 minutes before “Talk later” (Wed 25 Mar 07:30, your time).",
        "Only for this session; /remind later off to drop it.",
    ]
    assert subscriptions.personal(CHAT) == {"later": 30}
    assert _say(following, "remind", "later off") == "No more personal reminder for “Talk later”."
    assert subscriptions.personal(CHAT) == {}


@pytest.mark.parametrize("lead", ["²", "0", "99999999999999999999", "half-an-hour", "-5"])
def test_an_odd_lead_gets_the_rule(following: Following, lead: str) -> None:
    assert _say(following, "remind", f"later {lead}").startswith(
        "The lead time is a number of minutes between 1 and 10080"
    )


def test_unsubscribe_says_which_personal_reminders_stay(
    following: Following, subscriptions: SubscriptionService
) -> None:
    following.subscribe("", CHAT)
    following.remind("later 30", CHAT)
    assert _say(following, "unsubscribe", "").splitlines() == [
        "Unsubscribed.",
        "Your personal reminders stay: “Talk later”. "
        "/remind ID off drops one; /unsubscribe all drops them all.",
    ]
    assert _say(following, "unsubscribe", "all") == (
        "Unsubscribed from everything: reminders, personal ones included, and the organisers' "
        "announcements. /subscribe to follow the agenda again."
    )
    assert subscriptions.personal(CHAT) == {}


def test_series_are_found_as_people_type_them(following: Following) -> None:
    assert find_series("octopus", AGENDA) == ("Octopus Conference", ["Octopus Conference"])
    assert find_series("  OCTOPUS   conference ", AGENDA)[0] == "Octopus Conference"
    assert _say(following, "subscribe", "glacy") == (
        "“glacy” could be: GLACY+ workshop, GLACY-e workshop. Which one?"
    )
    assert _say(following, "subscribe", "igf") == (
        "No series called “igf”. Series: GLACY+ workshop, GLACY-e workshop, Octopus Conference."
    )
    assert _say(following, "subscribe", "octopus").startswith(
        "Subscribed to “Octopus Conference”: I'll remind you 24 hours and 15 minutes"
    )


def test_hyphens_and_underscores_stand_for_spaces_in_series_names() -> None:
    assert find_series("octopus-conference", AGENDA)[0] == "Octopus Conference"
    assert find_series("glacy+_workshop", AGENDA)[0] == "GLACY+ workshop"
    assert find_series("GLACY-e workshop", AGENDA)[0] == "GLACY-e workshop"


def test_a_new_lead_says_it_replaces_the_earlier_one(following: Following) -> None:
    following.remind("later 30", CHAT)
    assert _say(following, "remind", "later").splitlines()[-1] == (
        "This replaces your earlier 30-minute reminder."
    )
