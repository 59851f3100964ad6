"""Agenda lists and events: dates over days and midnight, "now", paging from now by buttons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import actions
from bot.agenda_views import now_line, when
from bot.conversation import Conversation, User
from bot.replies import Reply
from bot.services import Services
from bot.settings import Settings
from corpus.model import Corpus
from index.ask import AskService
from index.search import SearchIndex
from scheduler.agenda import Agenda
from scheduler.model import Event
from scheduler.search import EventFinder
from scheduler.store import Database
from tests.conftest import release

PARIS = ZoneInfo("Europe/Paris")
TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 3, 24, 10, 30, tzinfo=PARIS)
READER = User(id=5, chat_id=5)


def _event(identifier: str, start: datetime, hours: float, title: str = "") -> Event:
    return Event(
        identifier,
        title or f"Session {identifier}",
        "session",
        start,
        start + timedelta(hours=hours),
        "Europe/Paris",
        room="Room 1",
    )


def test_a_session_over_several_days_shows_both_dates() -> None:
    event = _event("t", datetime(2026, 3, 23, 9, tzinfo=PARIS), 24 * 2 + 8)
    assert when(event, PARIS) == "Mon 23 Mar 2026, 09:00 – Wed 25 Mar 17:00 (Europe/Paris)"


def test_a_session_past_midnight_carries_the_day_in_the_readers_zone_too() -> None:
    event = _event("t", datetime(2026, 3, 23, 23, tzinfo=PARIS), 2)
    assert when(event, TOKYO) == (
        "Mon 23 Mar 2026, 23:00 – Tue 24 Mar 01:00 (Europe/Paris)"
        " · Tue 24 Mar, 07:00–09:00 your time (Asia/Tokyo)"
    )
    evening = _event("e", datetime(2026, 3, 23, 14, tzinfo=PARIS), 3)
    assert when(evening, TOKYO).endswith(
        " · Mon 23 Mar, 22:00 – Tue 24 Mar 01:00 your time (Asia/Tokyo)"
    )


def test_a_session_ending_at_midnight_ends_on_its_day() -> None:
    event = _event("t", datetime(2026, 3, 23, 22, tzinfo=PARIS), 2)
    assert when(event, PARIS) == "Mon 23 Mar 2026, 22:00–00:00 (Europe/Paris)"


def test_a_session_under_way_is_now_until_its_end() -> None:
    talk = _event("t", datetime(2026, 3, 24, 10, tzinfo=PARIS), 1)
    workshop = _event("w", datetime(2026, 3, 23, 9, tzinfo=PARIS), 56)
    later = _event("l", datetime(2026, 3, 24, 11, tzinfo=PARIS), 1)
    assert now_line(talk, PARIS, NOW) == "● Now, until 11:00"
    assert now_line(talk, TOKYO, NOW) == "● Now, until 11:00 (19:00 your time)"
    assert now_line(workshop, PARIS, NOW) == "● Now, until Wed 25 Mar 17:00"
    assert now_line(later, PARIS, NOW) is None


@pytest.fixture
def agenda() -> Agenda:
    """25 sessions on 23-24 March (12 over at NOW, one under way), and a three-day workshop."""
    day = datetime(2026, 3, 23, 8, tzinfo=PARIS)
    events = [_event(f"s{n:02}", day + timedelta(hours=n), 1) for n in range(12)]
    events += [_event(f"t{n:02}", NOW.replace(minute=0) + timedelta(hours=n), 1) for n in range(12)]
    events.append(_event("workshop", datetime(2026, 3, 23, 9, tzinfo=PARIS), 56))
    return Agenda(events)


@pytest.fixture
def services(
    corpus: Corpus, search_index: SearchIndex, agenda: Agenda, tmp_path: Path
) -> Iterator[Services]:
    settings = replace(Settings(), data_dir=tmp_path, default_timezone="Europe/Paris")
    built = Services(
        settings,
        corpus,
        search_index,
        AskService(corpus, search_index),
        agenda=agenda,
        database=Database(tmp_path / "bot.sqlite3"),
    )
    yield built
    release(built)


def _chat(services: Services, now: datetime = NOW) -> Conversation:
    return Conversation(services, now=lambda: now)


def _ids(reply: Reply) -> list[str]:
    return re.findall(r"/event (\S+)", reply.plain())


def _button(reply: Reply, arrow: str) -> str:
    return next(b.action for row in reply.buttons for b in row if arrow in b.label)


def test_agenda_opens_on_now_and_counts_what_is_over(services: Services) -> None:
    [reply] = _chat(services).message("/agenda", READER)

    lines = reply.plain().splitlines()
    assert lines[:2] == ["Agenda", "13–22 of 25 sessions (12 over, 2 under way, 11 to come)"]
    # the workshop under way since yesterday comes first, not the sessions over since
    assert _ids(reply) == ["workshop", *(f"t{n:02}" for n in range(9))]
    assert lines[3:5] == ["● Now, until Wed 25 Mar 17:00", "Session workshop"]
    assert [b.label for row in reply.buttons for b in row] == ["◀ 3–12", "23–25 of 25 ▶"]


def test_pages_follow_on_from_each_other_and_back(services: Services) -> None:
    chat = _chat(services)
    [first] = chat.message("/agenda", READER)

    forward = chat.action(_button(first, "▶"), READER)
    assert forward is not None
    back = chat.action(_button(forward, "◀"), READER)
    assert back is not None
    earlier = chat.action(_button(first, "◀"), READER)
    assert earlier is not None

    assert _ids(forward) == ["t09", "t10", "t11"]
    assert _ids(back) == _ids(first)
    assert _ids(earlier) == [f"s{n:02}" for n in range(2, 12)]
    assert [b.label for row in earlier.buttons for b in row] == ["◀ 1–2", "13–22 of 25 ▶"]


def test_pages_keep_their_order_when_pressed_hours_later(services: Services) -> None:
    [first] = _chat(services).message("/agenda", READER)
    later = _chat(services, NOW + timedelta(hours=5))

    forward = later.action(_button(first, "▶"), READER)

    assert forward is not None
    assert _ids(forward) == ["t09", "t10", "t11"]  # ordered as when the list was sent
    assert (
        forward.plain().splitlines()[1] == "23–25 of 25 sessions (17 over, 2 under way, 6 to come)"
    )


def test_a_page_past_the_end_shows_the_last(services: Services) -> None:
    minute = int(NOW.timestamp() // 60)
    reply = _chat(services).action(actions.agenda_page("*", 400, 10, minute), READER)
    assert reply is not None
    assert reply.plain().splitlines()[1].startswith("16–25 of 25 sessions")


@pytest.mark.parametrize(
    "data",
    [
        "v1|ag|*|0|0|29000000",
        "v1|ag|*|0|11|29000000",
        "v1|ag|*|x|10|29000000",
        "v1|ag|2026-02-30|0|10|29000000",
        "v1|ag|yesterday|0|10|29000000",
        "v1|ag|*|0|10|-5",
    ],
)
def test_forged_page_buttons_are_expired(services: Services, data: str) -> None:
    assert _chat(services).action(data, READER) is None


def test_when_all_is_over_the_agenda_shows_the_last_sessions(services: Services) -> None:
    [reply] = _chat(services, NOW + timedelta(days=30)).message("/agenda", READER)
    assert reply.plain().splitlines()[1] == "16–25 of 25 sessions (25 over)"
    assert [b.label for row in reply.buttons for b in row] == ["◀ 6–15"]


def test_a_day_that_is_over_opens_on_its_first_session(services: Services) -> None:
    [reply] = _chat(services, NOW + timedelta(days=30)).message("/agenda 2026-03-23", READER)
    assert reply.plain().splitlines()[:2] == [
        "Agenda for Monday 23 March 2026",
        "1–10 of 13 sessions (13 over)",
    ]
    assert _ids(reply)[:3] == ["s00", "s01", "workshop"]
    day = _chat(services).action(_button(reply, "▶"), READER)
    assert day is not None and _ids(day) == ["s09", "s10", "s11"]


def test_next_says_now_for_a_session_under_way(services: Services) -> None:
    [now] = _chat(services).message("/next", READER)
    [later] = _chat(services, NOW + timedelta(days=30)).message("/next", READER)

    assert now.plain().startswith("Now and next\n\n● Now, until Wed 25 Mar 17:00\nSession workshop")
    assert "● Now, until 11:00\nSession t00" in now.plain()
    assert later.plain() == "Coming up\nNothing is coming up on the agenda."


def test_mysessions_pages_and_marks_overlaps(services: Services) -> None:
    chat = _chat(services)
    chat.message("/subscribe", READER)

    [mine] = chat.message("/mysessions", READER)
    forward = chat.action(_button(mine, "▶"), READER)

    assert mine.plain().splitlines()[:2] == [
        "Your sessions",
        "13–22 of 25 sessions (12 over, 2 under way, 11 to come)",
    ]
    assert "⚠ Overlaps “Session s01” and 22 more" in mine.plain()  # the workshop
    assert "⚠ Overlaps “Session workshop”" in mine.plain()
    assert forward is not None and _ids(forward) == ["t09", "t10", "t11"]
    [nobody] = chat.message("/mysessions", User(id=6, chat_id=6))
    assert nobody.plain() == (
        "Your sessions\nYou follow no sessions yet: /subscribe, or /remind ID for one session."
    )


def test_a_day_is_the_readers_day(services: Services) -> None:
    """An evening webinar in New York is the next morning in Paris, as its reminder says: it
    was listed on its New York day."""
    new_york = ZoneInfo("America/New_York")
    webinar = Event(
        "webinar",
        "Webinar",
        "session",
        datetime(2026, 3, 23, 22, 40, tzinfo=new_york),  # Tue 24 Mar 03:40 in Paris
        datetime(2026, 3, 23, 23, 30, tzinfo=new_york),
        "America/New_York",
    )
    services.agenda = Agenda([webinar])
    chat = _chat(services, datetime(2026, 3, 24, 1, 0, tzinfo=PARIS))

    [today] = chat.message("/today", READER)
    [monday] = chat.message("/agenda 2026-03-23", READER)

    assert _ids(today) == ["webinar"]
    assert today.plain().startswith("Agenda for Tuesday 24 March 2026")
    assert _ids(monday) == []
    chat.message("/timezone New York", READER)
    [in_new_york] = chat.message("/today", READER)  # still Monday 23 there
    assert _ids(in_new_york) == ["webinar"]
    assert in_new_york.plain().startswith("Agenda for Monday 23 March 2026")


@pytest.fixture
def asking(services: Services) -> Services:
    """The services with the agenda finder: free-text agenda questions are answered."""
    finder = EventFinder(lambda: services.agenda)
    services.ask = AskService(services.corpus, services.search, events=finder)
    return services


def test_what_is_on_today_is_the_readers_day_as_with_today(asking: Services) -> None:
    """In Tokyo the free-text question read another day than /today, and said "your time"
    of the bot's default zone."""
    new_york = ZoneInfo("America/New_York")

    def webinar(identifier: str, start: datetime) -> Event:
        end = start + timedelta(hours=1)
        return Event(identifier, f"Webinar {identifier}", "session", start, end, str(new_york))

    asking.agenda = Agenda(
        [
            webinar("monday", datetime(2026, 3, 23, 21, tzinfo=new_york)),  # Tue 10:00 Tokyo
            webinar("tuesday", datetime(2026, 3, 24, 21, tzinfo=new_york)),  # Wed 10:00 Tokyo
        ]
    )
    chat = _chat(asking, datetime(2026, 3, 24, 0, tzinfo=UTC))  # 09:00 in Tokyo
    chat.message("/timezone Tokyo", READER)

    [asked] = chat.message("what is on today?", READER)
    [today] = chat.message("/today", READER)

    assert _ids(asked) == _ids(today) == ["monday"]
    assert "Nothing is on" not in asked.plain()
    assert "Tue 24 Mar, 10:00–11:00 your time (Asia/Tokyo)" in asked.plain()


def test_what_is_on_today_without_a_chosen_zone_is_the_day_of_today(asking: Services) -> None:
    """Without /timezone, the free-text question read the UTC date: at 00:30 in Paris (the
    default zone), "today" was yesterday's sessions while /today listed today's."""
    paris = ZoneInfo("Europe/Paris")

    def session(identifier: str, start: datetime) -> Event:
        end = start + timedelta(hours=1)
        return Event(identifier, f"Session {identifier}", "session", start, end, str(paris))

    asking.agenda = Agenda(
        [
            session("monday", datetime(2026, 3, 23, 15, tzinfo=paris)),
            session("tuesday", datetime(2026, 3, 24, 15, tzinfo=paris)),
        ]
    )
    chat = _chat(asking, datetime(2026, 3, 23, 23, 30, tzinfo=UTC))  # Tue 00:30 in Paris

    [asked] = chat.message("what is on today?", READER)
    [today] = chat.message("/today", READER)

    assert _ids(asked) == _ids(today) == ["tuesday"]


@pytest.mark.parametrize(
    ("reader", "more"),
    [
        (READER, "And 5 more sessions that day: /agenda 2026-03-24"),
        (
            User(id=6, chat_id=6, language="fr"),
            "Et 5 autres séances ce jour-là : /agenda 2026-03-24",
        ),
    ],
)
def test_a_busy_day_asked_in_words_points_to_the_rest(
    asking: Services, reader: User, more: str
) -> None:
    """Eight of its thirteen sessions were listed, and nothing said of the five others."""
    chat = _chat(asking)

    [asked] = chat.message("what is on today?", reader)
    [listed] = chat.message("/agenda 2026-03-24", reader)

    assert len(_ids(asked)) == 8
    assert asked.plain().splitlines()[-1] == more
    assert len(set(_ids(asked))) + 5 == len(asking.agenda.on_day(date(2026, 3, 24), PARIS)) == 13
    assert set(_ids(asked)) <= set(_ids(listed))
