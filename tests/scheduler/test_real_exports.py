"""The importers on every real export in tests/fixtures/schedules, checked against the files.

What each file should give was read from the file itself (see SOURCES.md beside the exports):
counts are the sessions an organiser expects in the agenda, recurring events expanded into
their occurrences (every series in these files ends within a year of its first occurrence, so
"all occurrences" and "the occurrences of the first year" are the same count); all-day items
are not sessions with a time and must be reported by title instead.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from scheduler.agenda import load_agenda
from scheduler.importers import import_schedule

SCHEDULES = Path(__file__).resolve().parents[1] / "fixtures" / "schedules"


@dataclass(frozen=True)
class Spot:
    """One session as the file states it: its start as an instant, its local start, its zone."""

    title: str
    start_utc: str
    local_start: str
    zone: str | None  # None: the file gives an offset only, no zone name


@dataclass(frozen=True)
class Expected:
    sessions: int
    spots: tuple[Spot, ...] = ()
    reported: frozenset[str] = frozenset()  # titles that must be named among the skipped
    absent: tuple[tuple[str, str], ...] = ()  # (title, start in UTC) replaced or excluded


EXPORTS: dict[str, Expected] = {
    # 48 events in days[].rooms[], all with date and duration; time_zone_name is null, so the
    # zone is only the +01:00 offset of each date.
    "pretalx-rc3.json": Expected(
        48,
        (
            Spot(
                "Der faule Admin automatisiert: Gluon auf echter Hardware testen",
                "2020-12-27T10:30:00+00:00",
                "2020-12-27T11:30:00+01:00",
                None,
            ),
            Spot(
                "Climate Change and the Corona Pandemic",
                "2020-12-30T15:00:00+00:00",
                "2020-12-30T16:00:00+01:00",
                None,
            ),
        ),
    ),
    # 79 events, time_zone_name Europe/Berlin.
    "frab-camp2019.json": Expected(
        79,
        (
            Spot(
                "Opening Ceremony",
                "2019-08-21T09:00:00+00:00",
                "2019-08-21T11:00:00+02:00",
                "Europe/Berlin",
            ),
            Spot(
                "Visualization of networks using physics",
                "2019-08-25T14:00:00+00:00",
                "2019-08-25T16:00:00+02:00",
                "Europe/Berlin",
            ),
        ),
    ),
    # 117 <event>s; <date> is in UTC, <start> local in Asia/Kolkata (+05:30); they agree.
    "debconf23.xml": Expected(
        117,
        (
            Spot(
                "Opening Ceremony",
                "2023-09-10T05:00:00+00:00",
                "2023-09-10T10:30:00+05:30",
                "Asia/Kolkata",
            ),
            Spot(
                "Dinner", "2023-09-17T13:30:00+00:00", "2023-09-17T19:00:00+05:30", "Asia/Kolkata"
            ),
        ),
    ),
    # 24 VEVENTs, UTC times only, no X-WR-TIMEZONE.
    "kielux_2020.ics": Expected(
        24,
        (
            Spot(
                "OpenCelium - Der generische OpenSoure API-Hub",
                "2020-09-18T11:00:00+00:00",
                "2020-09-18T11:00:00+00:00",
                "UTC",
            ),
            Spot(
                "Xen - ist das nicht tot?",
                "2020-09-18T12:00:00+00:00",
                "2020-09-18T12:00:00+00:00",
                "UTC",
            ),
        ),
    ),
    # pretalx 2026.2.1 XML: 10 events over 3 days in Europe/Rome; the CTF runs 15 hours,
    # 17:00 to 08:00 the next morning.
    "romhack_camp_2026.xml": Expected(
        10,
        (
            Spot(
                "RomHack Camp Opening",
                "2026-10-02T09:00:00+00:00",
                "2026-10-02T11:00:00+02:00",
                "Europe/Rome",
            ),
            Spot(
                "Community CTF by fibonhack",
                "2026-10-02T15:00:00+00:00",
                "2026-10-02T17:00:00+02:00",
                "Europe/Rome",
            ),
        ),
    ),
    # Google Calendar: "Datetime" weekly on Tuesdays 14:00 Australia/Sydney from 2023-08-08
    # UNTIL 2023-08-28T13:59:59Z: 8, 15 and 22 August; the 15th is moved to Monday the 14th by
    # a RECURRENCE-ID override. So 3 sessions. "All Day" (weekly, all-day) is reported.
    "issue_62_moved_event_2.ics": Expected(
        3,
        (
            Spot(
                "Datetime",
                "2023-08-14T04:00:00+00:00",
                "2023-08-14T14:00:00+10:00",
                "Australia/Sydney",
            ),
            Spot(
                "Datetime",
                "2023-08-22T04:00:00+00:00",
                "2023-08-22T14:00:00+10:00",
                "Australia/Sydney",
            ),
        ),
        reported=frozenset({"All Day"}),
        absent=(("Datetime", "2023-08-15T04:00:00+00:00"),),
    ),
    # Google Calendar: two events in UTC, X-WR-TIMEZONE America/New_York (the calendar's zone;
    # the summaries say what Google shows: noon and 9 PM on 22 December 2021).
    "x_wr_timezone_simple_events_issue_59.ics": Expected(
        2,
        (
            Spot(
                "Google Calendar says this is noon to 1PM on 12/22/2021",
                "2021-12-22T17:00:00+00:00",
                "2021-12-22T12:00:00-05:00",
                "America/New_York",
            ),
            Spot(
                "Google says this is 9PM to 10PM on 12/22/2021",
                "2021-12-23T02:00:00+00:00",
                "2021-12-22T21:00:00-05:00",
                "America/New_York",
            ),
        ),
    ),
    # Microsoft Exchange 2010: two fortnightly all-day series with three moved occurrences and
    # a Windows zone name ("GMT Standard Time"); nothing has a time, both titles are reported.
    "issue_28_rrule_with_UTC_endinginZ.ics": Expected(
        0,
        reported=frozenset({"Refuse black bin", "Blue Recycle bin"}),
    ),
    # Thunderbird: "test7" daily 04:00 Europe/Berlin from 2019-03-18 UNTIL 2019-03-20T03:00Z
    # (inclusive: 18, 19, 20), the 19th overridden as "test7 - edited"; "New Event" daily
    # 02:00 from 2019-03-07 UNTIL 2019-03-10T01:00Z (7, 8, 9, 10), the 8th moved to 01:00 and
    # the 9th to 03:00. So 3 + 4 = 7 sessions.
    "recurring_events_moved.ics": Expected(
        7,
        (
            Spot(
                "test7 - edited",
                "2019-03-19T03:00:00+00:00",
                "2019-03-19T04:00:00+01:00",
                "Europe/Berlin",
            ),
            Spot(
                "test7",
                "2019-03-20T03:00:00+00:00",
                "2019-03-20T04:00:00+01:00",
                "Europe/Berlin",
            ),
        ),
        absent=(
            ("test7", "2019-03-19T03:00:00+00:00"),
            ("New Event", "2019-03-08T01:00:00+00:00"),
            ("New Event", "2019-03-09T01:00:00+00:00"),
        ),
    ),
    # Discourse (icalendar-ruby): 4 VEVENTs, the same VTIMEZONE four times; "2019-01-17
    # openLab" has neither DTEND nor DURATION (zero length): 3 sessions and that one reported.
    "discourse_no_dtend.ics": Expected(
        3,
        (
            Spot(
                "Hanf als nachhaltiges Material -- Workshop in der Machbar",
                "2019-02-28T14:00:14+00:00",
                "2019-02-28T15:00:14+01:00",
                "Europe/Berlin",
            ),
            Spot(
                "Potsdamer Tag der Wissenschaften 11.5.2019",
                "2019-05-11T11:00:21+00:00",
                "2019-05-11T13:00:21+02:00",
                "Europe/Berlin",
            ),
        ),
        reported=frozenset({"2019-01-17 openLab"}),
    ),
    # DAVx5/ical4j: "Test" weekly on Tuesdays 16:15 Europe/Berlin from 2019-10-15 UNTIL
    # 2020-02-04T15:14:59Z: 16 Tuesdays (15 Oct to 28 Jan; 4 Feb 15:15Z is past UNTIL), less
    # 9 EXDATEs (15, 22 Oct, 5, 19, 26 Nov, 3, 17, 24, 31 Dec) = 7 sessions.
    "issue_20_exdate_ignored.ics": Expected(
        7,
        (
            Spot("Test", "2019-10-29T15:15:00+00:00", "2019-10-29T16:15:00+01:00", "Europe/Berlin"),
            Spot("Test", "2020-01-28T15:15:00+00:00", "2020-01-28T16:15:00+01:00", "Europe/Berlin"),
        ),
        absent=(("Test", "2019-10-15T14:15:00+00:00"),),
    ),
    # Data::ICal (Hacker Public Radio): one VEVENT at 19:00Z with 12 RDATEs, the first equal
    # to DTSTART, from 2013-08-03 to 2014-07-05: 12 sessions. X-WR-TIMEZONE Europe/London.
    "rdate_hackerpublicradio.ics": Expected(
        12,
        (
            Spot(
                "HPR Community News",
                "2013-08-03T19:00:00+00:00",
                "2013-08-03T20:00:00+01:00",
                "Europe/London",
            ),
            Spot(
                "HPR Community News",
                "2014-07-05T19:00:00+00:00",
                "2014-07-05T20:00:00+01:00",
                "Europe/London",
            ),
        ),
    ),
    # SabreDAV (Nextcloud): 10 VEVENTs, UIDs event-1 to event-10, same title and time.
    "several_events_at_the_same_time.ics": Expected(
        10,
        (
            Spot(
                "test1", "2019-03-04T07:00:00+00:00", "2019-03-04T08:00:00+01:00", "Europe/Berlin"
            ),
            Spot(
                "test1", "2019-03-04T07:00:00+00:00", "2019-03-04T08:00:00+01:00", "Europe/Berlin"
            ),
        ),
    ),
    # Atlassian Confluence: one all-day event ("test"), a historic VTIMEZONE and a folded
    # ORGANIZER line that lost its leading space.
    "issue_61_time_zone_error.ics": Expected(
        0,
        reported=frozenset({"test"}),
    ),
}

ALL = list(EXPORTS)
WITH_SESSIONS = [name for name in ALL if EXPORTS[name].sessions]
WITHOUT_SESSIONS = [name for name in ALL if not EXPORTS[name].sessions]
WITH_ABSENT = [name for name in ALL if EXPORTS[name].absent]
WITH_REPORTED = [name for name in ALL if EXPORTS[name].reported]


def spots_of(names: list[str], which: tuple[int, ...] = (0, 1)) -> list[Any]:
    return [
        pytest.param(name, EXPORTS[name].spots[i], id=f"{name}@{EXPORTS[name].spots[i].start_utc}")
        for name in names
        for i in which
    ]


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- what every test below checks, one function per expectation ---------------------------


def check_sessions(name: str) -> None:
    result = import_schedule(SCHEDULES / name)
    assert len(result.events) == EXPORTS[name].sessions


def check_spot_instant(name: str, spot: Spot) -> None:
    events = import_schedule(SCHEDULES / name).events
    starts = sorted(e.start.isoformat() for e in events if e.title == spot.title)
    assert instant(spot.start_utc) in [instant(s) for s in starts], starts


def check_spot_zone(name: str, spot: Spot) -> None:
    events = import_schedule(SCHEDULES / name).events
    found = [e for e in events if e.title == spot.title and e.start == instant(spot.start_utc)]
    assert found, f"no {spot.title!r} at {spot.start_utc}"
    assert (found[0].start.isoformat(), found[0].timezone if spot.zone else None) == (
        spot.local_start,
        spot.zone,
    )


def check_absent(name: str) -> None:
    events = import_schedule(SCHEDULES / name).events
    present = {(e.title, e.start) for e in events}
    assert [a for a in EXPORTS[name].absent if (a[0], instant(a[1])) in present] == []


def check_ids_unique(name: str) -> None:
    ids = [e.id for e in import_schedule(SCHEDULES / name).events]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def check_ids_stable(name: str, tmp_path: Path) -> None:
    copy = tmp_path / f"downloaded-again{Path(name).suffix}"
    shutil.copyfile(SCHEDULES / name, copy)
    first = [e.id for e in import_schedule(SCHEDULES / name).events]
    again = [e.id for e in import_schedule(SCHEDULES / name).events]
    renamed = [e.id for e in import_schedule(copy).events]
    assert again == first
    assert renamed == first


def check_reported(name: str) -> None:
    skipped = import_schedule(SCHEDULES / name).skipped
    reported = EXPORTS[name].reported
    assert {t for t in reported if any(s.startswith(f"{t}: ") for s in skipped)} == reported
    assert [s for s in skipped if not any(s.startswith(f"{t}: ") for t in reported)] == []


def import_cli(source: Path, agenda: Path) -> int:
    return main(["import-schedule", str(source), "--into", str(agenda)])


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_BOT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    return tmp_path


def check_cli_agenda_loads(name: str, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda"
    assert import_cli(SCHEDULES / name, agenda) == 0
    assert len(load_agenda(agenda).events) == EXPORTS[name].sessions


def check_cli_twice_under_other_names(name: str, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda"
    suffix = Path(name).suffix
    first, second = tmp_path / f"schedule{suffix}", tmp_path / f"schedule-updated{suffix}"
    shutil.copyfile(SCHEDULES / name, first)
    shutil.copyfile(SCHEDULES / name, second)
    assert import_cli(first, agenda) == 0
    import_cli(second, agenda)
    events = load_agenda(agenda).events
    assert len(events) == EXPORTS[name].sessions  # nothing doubled
    assert len({e.id for e in events}) == len(events)


def check_cli_reports_the_bad_one(
    source: Path, tmp_path: Path, out: pytest.CaptureFixture[str], title: str
) -> int:
    agenda = tmp_path / "agenda"
    assert import_cli(source, agenda) == 0
    said = out.readouterr()
    assert f"skipped: {title}: " in said.out + said.err
    return len(load_agenda(agenda).events)


# --- the exports of the other generators; test_real_exports_ics.py holds the same
# --- expectations for the recurring and X-WR-TIMEZONE calendars --------------------------

SESSIONS_RIGHT = [
    "pretalx-rc3.json",
    "frab-camp2019.json",
    "debconf23.xml",
    "kielux_2020.ics",
    "romhack_camp_2026.xml",
    "x_wr_timezone_simple_events_issue_59.ics",
    "issue_28_rrule_with_UTC_endinginZ.ics",
    "discourse_no_dtend.ics",
    "several_events_at_the_same_time.ics",
    "issue_61_time_zone_error.ics",
]
NOT_RECURRING = [
    "pretalx-rc3.json",
    "frab-camp2019.json",
    "debconf23.xml",
    "kielux_2020.ics",
    "romhack_camp_2026.xml",
    "discourse_no_dtend.ics",
    "several_events_at_the_same_time.ics",
]
SCHEDULE_FORMATS = [
    "pretalx-rc3.json",
    "frab-camp2019.json",
    "debconf23.xml",
    "romhack_camp_2026.xml",
]


def test_every_vendored_export_is_covered() -> None:
    vendored = {p.name for p in SCHEDULES.iterdir() if p.suffix in {".json", ".xml", ".ics"}}
    assert vendored == set(EXPORTS)


@pytest.mark.parametrize("name", ALL)
def test_import_does_not_raise(name: str) -> None:
    import_schedule(SCHEDULES / name)


@pytest.mark.parametrize("name", SESSIONS_RIGHT)
def test_sessions_are_as_many_as_the_file_holds(name: str) -> None:
    check_sessions(name)


@pytest.mark.parametrize(
    ("name", "spot"),
    [
        *spots_of(NOT_RECURRING),
        *spots_of(["x_wr_timezone_simple_events_issue_59.ics"]),
        *spots_of(
            [
                "issue_62_moved_event_2.ics",
                "recurring_events_moved.ics",
                "rdate_hackerpublicradio.ics",
            ],
            (0,),
        ),
    ],
)
def test_spot_checked_sessions_start_at_the_instant_in_the_file(name: str, spot: Spot) -> None:
    check_spot_instant(name, spot)


@pytest.mark.parametrize(
    ("name", "spot"),
    [
        *spots_of(NOT_RECURRING),
        *spots_of(["issue_62_moved_event_2.ics", "recurring_events_moved.ics"], (0,)),
    ],
)
def test_spot_checked_sessions_keep_the_zone_of_the_file(name: str, spot: Spot) -> None:
    check_spot_zone(name, spot)


@pytest.mark.parametrize("name", ["issue_62_moved_event_2.ics", "recurring_events_moved.ics"])
def test_overridden_occurrences_are_not_imported_at_their_old_time(name: str) -> None:
    check_absent(name)


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in WITH_SESSIONS
        if n not in {"issue_62_moved_event_2.ics", "recurring_events_moved.ics"}
    ],
)
def test_ids_are_unique(name: str) -> None:
    check_ids_unique(name)


@pytest.mark.parametrize("name", SCHEDULE_FORMATS)
def test_ids_are_the_same_on_reimport_and_under_another_file_name(
    name: str, tmp_path: Path
) -> None:
    check_ids_stable(name, tmp_path)


@pytest.mark.parametrize("name", ALL)
def test_skipped_items_are_reported_by_title(name: str) -> None:
    check_reported(name)


@pytest.mark.parametrize("name", [n for n in SESSIONS_RIGHT if EXPORTS[n].sessions])
def test_imported_agenda_loads_with_every_session(name: str, cli_env: Path) -> None:
    check_cli_agenda_loads(name, cli_env)


@pytest.mark.parametrize("name", WITHOUT_SESSIONS)
def test_an_export_of_only_all_day_items_is_refused_and_names_them(
    name: str, cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = cli_env / "agenda"

    assert import_cli(SCHEDULES / name, agenda) == 1

    said = capsys.readouterr()
    assert "no events to import" in said.err
    assert all(f"skipped: {title}: " in said.out + said.err for title in EXPORTS[name].reported)
    assert not agenda.exists() or list(agenda.iterdir()) == []


@pytest.mark.parametrize("name", SCHEDULE_FORMATS)
def test_the_same_export_imported_twice_under_other_names_is_not_duplicated(
    name: str, cli_env: Path
) -> None:
    check_cli_twice_under_other_names(name, cli_env)


def test_a_real_export_with_one_zero_length_event_imports_the_rest_and_reports_it(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "2019-01-17 openLab" has a DTSTART and neither DTEND nor DURATION.
    source = SCHEDULES / "discourse_no_dtend.ics"

    assert check_cli_reports_the_bad_one(source, cli_env, capsys, "2019-01-17 openLab") == 3


def test_a_schedule_with_one_session_of_no_length_imports_the_rest_and_reports_it(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (SCHEDULES / "romhack_camp_2026.xml").read_text(encoding="utf-8")
    closing = text.index("<title>RomHack Camp Closing</title>")
    length = text.index("<duration>00:30</duration>", closing)
    source = cli_env / "romhack-edited.xml"
    source.write_text(
        text[:length] + "<duration>00:00</duration>" + text[length + 26 :], encoding="utf-8"
    )

    assert check_cli_reports_the_bad_one(source, cli_env, capsys, "RomHack Camp Closing") == 9
