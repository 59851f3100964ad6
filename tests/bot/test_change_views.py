"""A digest of change notices: one message listing them, cut to Telegram's limit; an
organiser's summary of a held change."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.agenda_views import LIST_TITLE
from bot.change_views import digest_parts, notice_html, review_reply
from bot.replies import clip
from scheduler.announce import SMALL_CHANGE, ChangeSet, Review
from scheduler.changes import CANCELLED, RESTORED, EventChange
from scheduler.model import Event
from tests.e2e.telegram_rules import refusal

PARIS = ZoneInfo("Europe/Paris")


def _change(number: int) -> EventChange:
    start = datetime(2026, 3, 24, 9, 0, tzinfo=PARIS) + timedelta(hours=number)
    before = Event(
        f"s{number}",
        f"Session {number} on electronic evidence " * 3,
        "session",
        start,
        start + timedelta(hours=1),
        "Europe/Paris",
        room="Room 1",
    )
    return EventChange(before, None, (CANCELLED,))


def test_a_digest_lists_every_change_under_one_heading() -> None:
    [part] = digest_parts([_change(n) for n in range(4)], ZoneInfo("Asia/Tokyo"), None)
    assert part.startswith("📋 <b>4 changes to sessions you follow</b>\n\n❌ ")
    assert part.count("❌ <b>Cancelled: </b>") == 4
    assert "09:00–10:00 (Europe/Paris) · Tue 24 Mar, 17:00–18:00 your time (Asia/Tokyo)" in part


def test_a_long_digest_is_split_where_telegram_would_refuse_it() -> None:
    parts = digest_parts([_change(n) for n in range(60)], PARIS, "en")
    assert len(parts) > 1
    assert all(
        refusal("sendMessage", {"chat_id": 1, "text": p, "parse_mode": "HTML"}) is None
        for p in parts
    )
    assert sum(p.count("❌ <b>Cancelled: </b>") for p in parts) == 60


def test_a_notice_of_a_session_with_a_huge_title_is_one_message() -> None:
    change = _change(1)
    huge = EventChange(
        dataclasses.replace(change.before, title="Electronic evidence " * 300), None, (CANCELLED,)
    )

    assert len(digest_parts([huge] * 4, PARIS, "en")) == 1
    html = notice_html(huge, PARIS, "en")
    assert refusal("sendMessage", {"chat_id": 1, "text": html, "parse_mode": "HTML"}) is None
    assert len(html) < 1000


def test_a_held_change_of_many_restored_sessions_says_they_are_back() -> None:
    """A removed file whose cancellation was sent, put back: more than SMALL_CHANGE sessions
    back on the agenda wait for the organiser like any large change."""
    restored = [
        EventChange(c.before, c.before, (RESTORED,)) for c in map(_change, range(SMALL_CHANGE + 1))
    ]
    review = Review(ChangeSet(tuple(restored), (), False), True, 0, 11, 1, held_id=3)

    lines = review_reply(review).plain().splitlines()

    assert lines[1:3] == [
        "11 sessions changed (11 back on the agenda).",
        f"• Back on the agenda: {clip(restored[0].before.title, LIST_TITLE)}",
    ]
