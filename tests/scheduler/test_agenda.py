"""Agenda files, validation with file:line, time zones (including a DST change) and search."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.settings import PROJECT_ROOT
from corpus.problems import Problem, ValidationError
from index.answer import EventsFound
from scheduler.agenda import Agenda, check_agenda, load_agenda, same_sessions
from scheduler.model import Event
from scheduler.search import EventFinder

SAMPLE = PROJECT_ROOT / "corpus" / "agenda"


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "agenda.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "agenda.yaml"


def test_sample_agenda_is_valid_and_marked_sample() -> None:
    agenda = load_agenda(SAMPLE)
    assert len(agenda.events) == 10
    assert all(e.sample for e in agenda.events)
    igf = agenda.get("igf-2010-ws23")
    assert igf is not None
    assert (igf.start.isoformat(), igf.room) == ("2010-09-15T14:15:00+03:00", "Room 4")


def test_problems_name_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "timezone: Europe/Paris\n"
        "events:\n"
        "  - {id: a, title: A, start: 2026-03-23T10:00, end: 2026-03-23T11:00}\n"
        "  - {id: a, title: again, start: 2026-03-23T10:00, end: 2026-03-23T11:00}\n"
        "  - {id: c, title: C, start: 2026-03-23T10:00, end: 2026-03-23T09:00}\n"
        "  - {id: d, title: D, start: 2026-03-23T10:00, end: 2026-03-23T11:00,\n"
        "     timezone: Mars/Olympus}\n"
        "  - {title: no id, start: 2026-03-23T10:00, end: 2026-03-23T11:00}\n",
    )
    assert check_agenda(tmp_path) == [
        Problem(str(path), 5, "end must be after start"),
        Problem(str(path), 7, "unknown time zone 'Mars/Olympus'"),
        Problem(str(path), 8, "event is missing `id`"),
        Problem(str(path), 4, f"duplicate event id 'a' (first at {path}:3)"),
    ]
    with pytest.raises(ValidationError):
        load_agenda(tmp_path)


def test_a_time_the_clocks_skip_is_reported(tmp_path: Path) -> None:
    """02:30 on the night summer time begins never happens in Paris: read as it was, a session
    "02:30-03:30" lasted no time at all (both are 01:30 UTC) and passed the check."""
    path = _write(
        tmp_path,
        "timezone: Europe/Paris\n"
        "events:\n"
        "  - {id: night, title: Night, start: 2027-03-28T02:30, end: 2027-03-28T03:30}\n"
        "  - {id: day, title: Day, start: 2027-03-28T09:00, end: 2027-03-28T10:00}\n",
    )

    assert check_agenda(tmp_path) == [
        Problem(
            str(path),
            3,
            "'2027-03-28T02:30' does not exist in Europe/Paris: the clocks skip that hour; "
            "choose a time before or after it",
        )
    ]


def test_a_session_across_the_clocks_going_back_is_measured_in_real_time(
    tmp_path: Path,
) -> None:
    """02:30 to 02:15 the night the clocks go back, the start before the change (+02:00) and the
    end after it (+01:00): 45 minutes, where the wall times compared said minus 15."""
    _write(
        tmp_path,
        "timezone: Europe/Paris\n"
        "events:\n"
        "  - {id: back, title: Back, start: 2026-10-25T02:30+02:00,"
        " end: 2026-10-25T02:15+01:00}\n",
    )

    assert check_agenda(tmp_path) == []


def test_broken_yaml_reports_line(tmp_path: Path) -> None:
    """The bracket left open on line 2, not line 3 where the file ends."""
    path = _write(tmp_path, "events:\n  - id: [x\n")
    assert [(p.path, p.line) for p in check_agenda(tmp_path)] == [(str(path), 2)]


def test_times_follow_the_zone_across_a_dst_change(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "timezone: Europe/Paris\nevents:\n"
        "  - {id: before, title: Before, start: 2026-10-24T09:00, end: 2026-10-24T10:00}\n"
        "  - {id: after, title: After, start: 2026-10-26T09:00, end: 2026-10-26T10:00}\n",
    )
    agenda = load_agenda(tmp_path)
    before, after = agenda.get("before"), agenda.get("after")
    assert before is not None and after is not None
    assert before.start.astimezone(UTC).hour == 7  # CEST, UTC+2
    assert after.start.astimezone(UTC).hour == 8  # CET, UTC+1


def test_upcoming_and_day_listing() -> None:
    agenda = load_agenda(SAMPLE)
    now = datetime(2013, 1, 1, tzinfo=UTC)
    assert [e.id for e in agenda.upcoming(now)] == [
        "tokyo-2013-cooperation",
        "mauritius-2014-cooperation",
    ]
    assert [e.id for e in agenda.on_day(date(2009, 12, 9))] == ["cairo-2009-judges"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is in Room 4 on 2010-09-15?", ["igf-2010-ws23"]),
        ("octopus conference sessions", ["octopus-2010-update"]),
        ("where is the Mauritius workshop?", ["mauritius-2014-cooperation"]),
        ("sessions on the 24/7 network", ["mauritius-2014-cooperation", "octopus-2010-update"]),
        ("what is in Room 4 tomorrow?", ["igf-2010-ws23"]),
        ("where was workshop 23", ["igf-2010-ws23"]),
        ("In which room and at what time was workshop 23?", ["igf-2010-ws23"]),
        ("what is illegal access?", []),
        ("how long can data be preserved", []),
        # "when"/"where" alone also start treaty questions: a stray shared word is no match
        ("When does a country have jurisdiction over a cybercrime?", []),
        ("when does the limitation period start for abuse of minors", []),
    ],
)
def test_event_finder_answers_only_agenda_questions(question: str, expected: list[str]) -> None:
    agenda = load_agenda(SAMPLE)
    finder = EventFinder(lambda: agenda)
    found = finder.find(question, datetime(2010, 9, 14, tzinfo=UTC))
    assert [h.id for h in found.hits] == expected


def test_a_room_with_nothing_on_the_day_asked_gets_its_next_session() -> None:
    """It had nothing to show, and the question was declined as one for the desk."""
    agenda = load_agenda(SAMPLE)
    found = EventFinder(lambda: agenda).find(
        "what is in Room 4 tomorrow?", datetime(2010, 9, 13, 6, tzinfo=UTC)
    )
    assert [h.id for h in found.hits] == ["igf-2010-ws23"]


def _rooms_agenda() -> Agenda:
    def talk(identifier: str, room: str, day: int) -> Event:
        start = datetime(2026, 12, day, 9, tzinfo=UTC)
        return Event(
            identifier,
            f"Extra session {day}",
            "session",
            start,
            start + timedelta(hours=1),
            "UTC",
            room=room,
        )

    return Agenda([talk("a", "Salle A", 20), talk("b", "Salle B", 21), talk("c", "Room 2", 18)])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which sessions are in Salle A?", ["a"]),  # it listed Salle B's too
        # "20" was read as the session numbered so, and found the one titled "... 20" only
        ("sessions on 21 December", ["b"]),
        ("what is on december 18th?", ["c"]),
    ],
)
def test_rooms_and_days_are_read_as_such(question: str, expected: list[str]) -> None:
    found = EventFinder(_rooms_agenda).find(question, datetime(2026, 12, 7, tzinfo=UTC))
    assert [h.id for h in found.hits] == expected


def test_event_finder_on_empty_agenda_finds_nothing() -> None:
    assert EventFinder(Agenda).find("what's next?", datetime.now(UTC)) == EventsFound()


def test_a_session_in_year_9999_or_lasting_a_year_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "far.yaml").write_text(
        "timezone: UTC\nevents:\n"
        "  - {id: far, title: Far, start: '9999-12-31T22:00', end: '9999-12-31T23:00'}\n"
        "  - {id: long, title: Long, start: '2026-01-01T09:00', end: '2027-01-01T09:00'}\n"
    )
    problems = check_agenda(tmp_path)
    assert [(p.line, p.message) for p in problems] == [
        (3, "'9999-12-31T22:00': the year must be between 1990 and 2200"),
        (3, "'9999-12-31T23:00': the year must be between 1990 and 2200"),
        (4, "a session longer than 31 days: check the dates"),
    ]


def test_hidden_files_and_links_out_of_the_folder_are_not_the_agenda(tmp_path: Path) -> None:
    folder = tmp_path / "agenda"
    folder.mkdir()
    (folder / "._camp.yaml").write_bytes(b"\x00\x05\x16\x07 macOS resource fork")
    outside = tmp_path / "secret.yaml"
    outside.write_text("root:x:0:0\n")
    (folder / "passwd.yaml").symlink_to(outside)
    (folder / "real.yaml").write_text(
        "timezone: UTC\nevents:\n"
        "  - {id: a, title: A, start: '2026-03-23T09:00', end: '2026-03-23T10:00'}\n"
    )
    assert check_agenda(folder) == []
    assert [e.id for e in load_agenda(folder).events] == ["a"]


def test_same_sessions_match_title_start_and_room_not_a_parallel_session() -> None:
    start = datetime(2026, 3, 23, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))

    def event(identifier: str, title: str, room: str, path: str) -> Event:
        return Event(
            identifier,
            title,
            "session",
            start,
            start + timedelta(hours=1),
            "Europe/Paris",
            room=room,
            path=path,
            line=3,
        )

    events = [
        event("a-1", "Opening", "Room 1", "a.yaml"),
        event("b-1", " opening ", "room 1", "b.yaml"),  # the same, written otherwise
        event("a-2", "Opening", "Room 2", "a.yaml"),  # in parallel elsewhere
    ]

    assert [(p.path, p.line, p.message.split(" (")[0]) for p in same_sessions(events)] == [
        ("b.yaml", 3, "'b-1' is the same session as 'a-1' at a.yaml:3")
    ]


def test_every_problem_of_an_event_is_reported_at_once(tmp_path: Path) -> None:
    """A title of the wrong type read as missing, and the event's other problems went
    unsaid (walkthrough 14)."""
    (tmp_path / "bad.yaml").write_text(
        "timezone: UTC\nevents:\n  - id: 12\n    title: [1, 2]\n    kind: party\n"
        "    start: yesterday\n    end: '2026-03-23T10:00'\n"
    )
    assert sorted((p.line, p.message) for p in check_agenda(tmp_path)) == [
        (4, "`title` must be text, not a list or mapping"),
        (
            5,
            "kind must be one of workshop, session, plenary, training, meeting, conference, "
            "webinar, other",
        ),
        (6, "'yesterday' is not a date and time like 2026-03-23T09:30"),
    ]


NEW_YORK, TOKYO = ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")


def _talk(identifier: str, start: datetime) -> Event:
    end = start + timedelta(hours=1)
    return Event(identifier, f"Webinar {identifier}", "session", start, end, str(start.tzinfo))


def test_today_asked_is_the_readers_day_in_the_zone_they_chose() -> None:
    """“What is on today?” was read in each session's own zone; /today reads the reader's."""
    monday = _talk("monday", datetime(2026, 3, 23, 10, tzinfo=NEW_YORK))  # 23:00 in Tokyo
    late = _talk("late", datetime(2026, 3, 23, 22, 40, tzinfo=NEW_YORK))  # Tue 11:40 Tokyo
    finder = EventFinder(lambda: Agenda([monday, late]))
    now = datetime(2026, 3, 24, 9, tzinfo=TOKYO)  # Monday 20:00 in New York

    in_tokyo = finder.find("what is on today?", now, TOKYO)
    in_new_york = finder.find("what is on today?", now, NEW_YORK)

    assert ([h.id for h in in_tokyo.hits], in_tokyo.day) == (["late"], date(2026, 3, 24))
    assert ([h.id for h in in_new_york.hits], in_new_york.day) == (
        ["late", "monday"],  # what is still to come first
        date(2026, 3, 23),
    )
    tomorrow = finder.find("what is on tomorrow?", now, NEW_YORK)
    assert ([h.id for h in tomorrow.hits], tomorrow.day) == (["late"], None)  # nothing: next


def test_a_busy_day_says_how_many_of_its_sessions_are_left_out() -> None:
    day = datetime(2026, 3, 24, 8, tzinfo=UTC)
    talks = [_talk(f"t{n:02}", day + timedelta(hours=n)) for n in range(11)]
    finder = EventFinder(lambda: Agenda(talks))
    now = day - timedelta(hours=1)

    today = finder.find("what is on today?", now, UTC)
    ahead = finder.find("what's next?", now, UTC)  # no day asked: nothing to count

    assert [h.id for h in today.hits] == [f"t{n:02}" for n in range(8)]
    assert (today.day, today.more) == (date(2026, 3, 24), 3)
    assert (len(ahead.hits), ahead.day, ahead.more) == (3, None, 0)  # the next three, as /next
    eight = EventFinder(lambda: Agenda(talks[:8])).find("what is on today?", now, UTC)
    assert (len(eight.hits), eight.day, eight.more) == (8, date(2026, 3, 24), 0)


def test_tonight_is_what_is_still_on_from_the_evening_in_the_readers_zone() -> None:
    """ "Tonight" listed the whole day from the 07:48 briefing, "this evening" was not an agenda
    question, and the evening was Paris's for a reader in Tokyo."""
    paris = ZoneInfo("Europe/Paris")

    def session(identifier: str, hour: int, minute: int = 0, minutes: int = 60) -> Event:
        start = datetime(2026, 12, 7, hour, minute, tzinfo=paris)
        return Event(
            identifier,
            identifier,
            "session",
            start,
            start + timedelta(minutes=minutes),
            "Europe/Paris",
        )

    finder = EventFinder(
        lambda: Agenda(
            [
                session("brief", 7, 48),
                session("noon", 12),
                session("late", 16, 30, 90),
                session("panel", 18, 30),
            ]
        )
    )
    now = datetime(2026, 12, 7, 6, 19, tzinfo=UTC)  # 07:19 in Paris, 15:19 in Tokyo

    assert [h.id for h in finder.find("what is on tonight?", now, paris).hits] == ["late", "panel"]
    assert [h.id for h in finder.find("what is on this evening?", now, paris).hits] == [
        "late",
        "panel",
    ]
    # 12:00 in Paris is 20:00 in Tokyo; 16:30 in Paris is past midnight there
    assert [h.id for h in finder.find("what is on this evening?", now, TOKYO).hits] == ["noon"]
    # tomorrow evening is tomorrow's, from the evening (it listed the whole day)
    assert [
        h.id
        for h in finder.find("what is on tomorrow evening?", now - timedelta(days=1), paris).hits
    ] == [
        "late",
        "panel",
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    """YAML finds an unclosed quote only where the file ends; the organiser needs the line that
    opened it, not one past the last line."""
    path = _write(
        tmp_path,
        "timezone: Europe/Paris\n"
        "events:\n"
        "  - id: a\n"
        '    title: "Opening\n'
        "    start: 2026-03-23T10:00\n"
        "    end: 2026-03-23T11:00\n",
    )
    assert check_agenda(tmp_path) == [
        Problem(
            str(path),
            4,
            "invalid YAML: while scanning a quoted scalar, not closed before the end of the text",
        )
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is there anything on Friday?", ["c"]),
        ("agenda for Sunday", ["a"]),
        ("what's on Sunday in Salle A?", ["a"]),
    ],
)
def test_a_weekday_asked_is_no_topic_of_its_sessions(question: str, expected: list[str]) -> None:
    """ "Friday" was read as a word the sessions must say, so none was found."""
    found = EventFinder(_rooms_agenda).find(question, datetime(2026, 12, 14, tzinfo=UTC))
    assert [h.id for h in found.hits] == expected


def test_a_room_written_with_its_building_is_found_by_its_name() -> None:
    """ "Strasbourg, Agora building, Room G03" was never "Room G03" (walkthrough 23)."""
    start = datetime(2026, 12, 8, 15, 30, tzinfo=UTC)
    training = Event(
        "training",
        "Judicial training on electronic evidence",
        "session",
        start,
        start + timedelta(hours=1),
        "UTC",
        room="Strasbourg, Agora building, Room G03",
    )
    found = EventFinder(lambda: Agenda([training])).find(
        "what is in Room G03 tomorrow?", datetime(2026, 12, 7, 12, tzinfo=UTC)
    )
    assert [h.id for h in found.hits] == ["training"]
