"""Importers on the real exports in tests/fixtures/schedules, hostile files, .ics round trips."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from corpus.problems import ValidationError
from scheduler.agenda import load_agenda
from scheduler.export import EditedSinceImport, HoldsAnother, to_ics, write_agenda_file
from scheduler.importers import ImportFailed, import_schedule

SCHEDULES = Path(__file__).resolve().parents[1] / "fixtures" / "schedules"


@pytest.mark.parametrize(
    ("name", "events", "zone"),
    [
        ("pretalx-rc3.json", 48, "Etc/GMT-1"),
        ("frab-camp2019.json", 79, "Europe/Berlin"),
        ("debconf23.xml", 117, "Asia/Kolkata"),
        ("kielux_2020.ics", 24, "UTC"),
    ],
)
def test_real_exports_import_completely(name: str, events: int, zone: str) -> None:
    result = import_schedule(SCHEDULES / name)
    assert (len(result.events), result.skipped) == (events, [])
    assert result.events[0].timezone == zone


def test_xml_date_in_utc_wins_over_local_start() -> None:
    opening = import_schedule(SCHEDULES / "debconf23.xml").events[0]
    assert (opening.title, opening.start.isoformat()) == (
        "Opening Ceremony",
        "2023-09-10T10:30:00+05:30",
    )


def test_pretalx_without_zone_keeps_the_event_offset() -> None:
    first = import_schedule(SCHEDULES / "pretalx-rc3.json").events[0]
    assert first.start.isoformat() == "2020-12-27T11:30:00+01:00"


def test_xml_entity_attack_is_rejected(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><schedule>&b;</schedule>'
    )
    with pytest.raises(ImportFailed, match="rejected unsafe XML"):
        import_schedule(bomb)


def test_unknown_format_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(ImportFailed, match="not a pretalx/frab JSON, frab XML or iCalendar file"):
        import_schedule(path)


def test_json_items_without_dates_are_reported_as_skipped(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(
        '{"schedule": {"conference": {"title": "T", "acronym": "t", "days": [{"rooms": {"R": ['
        '{"id": 1, "title": "ok", "date": "2026-03-23T10:00:00+01:00", "duration": "00:30"},'
        '{"id": 2, "title": "no date", "duration": "00:30"}]}}]}}}'
    )
    result = import_schedule(path)
    assert [e.id for e in result.events] == ["t-1"]
    assert result.skipped == ["R: no date: no 'date'"]


def test_invalid_import_leaves_the_agenda_untouched(tmp_path: Path) -> None:
    result = import_schedule(SCHEDULES / "frab-camp2019.json")
    write_agenda_file(result, tmp_path, "camp")
    own = (tmp_path / "camp.yaml").read_text().partition("\n")[2]  # now the organiser's
    (tmp_path / "camp.yaml").write_text(own)
    clash = import_schedule(SCHEDULES / "frab-camp2019.json")
    with pytest.raises(ValidationError, match="duplicate event id"):
        write_agenda_file(clash, tmp_path, "camp-again")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["camp.yaml"]
    assert (tmp_path / "camp.yaml").read_text() == own


@pytest.mark.parametrize(
    "name", ["pretalx-rc3.json", "frab-camp2019.json", "debconf23.xml", "kielux_2020.ics"]
)
def test_a_re_import_under_another_name_updates_the_earlier_file(tmp_path: Path, name: str) -> None:
    copy = tmp_path / f"download (1){Path(name).suffix}"
    copy.write_bytes((SCHEDULES / name).read_bytes())
    agenda = tmp_path / "agenda"
    first = write_agenda_file(import_schedule(SCHEDULES / name), agenda, Path(name).stem)
    again = write_agenda_file(import_schedule(copy), agenda, copy.stem)
    assert again == first
    assert [p.name for p in agenda.iterdir()] == [first.name]
    assert len(load_agenda(agenda).events) == len(import_schedule(SCHEDULES / name).events)


def test_a_calendar_without_a_name_re_imported_under_another_keeps_its_series(
    tmp_path: Path,
) -> None:
    """Its series is named after the file: renamed, the sessions would leave the series its
    subscribers follow."""
    unnamed = RECURRING.replace("X-WR-CALNAME:GLACY webinars\r\n", "")
    (tmp_path / "series.ics").write_text(unnamed)
    (tmp_path / "night-clinic.ics").write_text(unnamed)
    agenda = tmp_path / "agenda"
    write_agenda_file(import_schedule(tmp_path / "series.ics"), agenda, "series")
    before = {e.id: e.series for e in load_agenda(agenda).events}

    write_agenda_file(import_schedule(tmp_path / "night-clinic.ics"), agenda, "night-clinic")

    assert set(before.values()) == {"series"}
    assert {e.id: e.series for e in load_agenda(agenda).events} == before


RECURRING = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
X-WR-CALNAME:GLACY webinars\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Paris:20260105T100000\r
DTEND;TZID=Europe/Paris:20260105T110000\r
RRULE:FREQ=WEEKLY;COUNT=10\r
EXDATE;TZID=Europe/Paris:20260119T100000\r
UID:weekly-webinar@google.com\r
SUMMARY:Weekly webinar on e-evidence\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Paris:20260127T140000\r
DTEND;TZID=Europe/Paris:20260127T150000\r
RECURRENCE-ID;TZID=Europe/Paris:20260126T100000\r
UID:weekly-webinar@google.com\r
SUMMARY:Weekly webinar (moved to Tuesday)\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART:20260302T090000Z\r
DTEND:20260302T090000Z\r
UID:zero@google.com\r
SUMMARY:Zero length\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Paris:20260105T090000\r
DTEND;TZID=Europe/Paris:20260105T093000\r
RRULE:FREQ=DAILY\r
UID:forever@google.com\r
SUMMARY:Daily stand-up\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_recurring_events_are_expanded_with_their_exceptions(tmp_path: Path) -> None:
    path = tmp_path / "webinars.ics"
    path.write_text(RECURRING)
    result = import_schedule(path)
    weekly = [e for e in result.events if e.title.startswith("Weekly")]
    # ten weeks, one excluded (EXDATE), one moved (RECURRENCE-ID)
    assert len(weekly) == 9
    paris = ZoneInfo("Europe/Paris")
    moved = [e for e in weekly if "moved" in e.title]
    assert [(e.start.astimezone(paris).isoformat(), e.id) for e in moved] == [
        ("2026-01-27T14:00:00+01:00", "GLACY-webinars-weekl-facb70-day22")
    ]
    assert all(e.start.astimezone(paris).hour == 10 for e in weekly if e not in moved)
    daily = [e for e in result.events if e.title == "Daily stand-up"]
    assert len(daily) == 366  # an endless rule: a year from its first occurrence
    assert "Zero length: ends when it starts (no duration)" in result.skipped
    again = import_schedule(path)
    assert [e.id for e in again.events] == [e.id for e in result.events]  # stable


def test_a_repeated_or_colliding_id_skips_or_renames_one_event(tmp_path: Path) -> None:
    path = tmp_path / "merged.json"
    path.write_text(
        '{"schedule": {"conference": {"acronym": "m", "days": [{"rooms": {"K": ['
        '{"id": 7, "title": "Opening", "date": "2021-02-06T09:00:00+01:00", "duration": "00:30"},'
        '{"id": 7, "title": "Opening", "date": "2021-02-06T09:00:00+01:00", "duration": "00:30"},'
        '{"id": 7, "title": "Closing", "date": "2021-02-07T17:00:00+01:00", "duration": "00:30"}'
        "]}}]}}}"
    )
    result = import_schedule(path)
    assert [(e.id, e.title) for e in result.events] == [("m-7", "Opening"), ("m-7-2", "Closing")]
    assert result.skipped == [
        "Opening: listed twice with id m-7",
        "Closing: id m-7 is also 'Opening'; imported as m-7-2",
    ]


def test_ics_export_round_trips_times(tmp_path: Path) -> None:
    events = import_schedule(SCHEDULES / "debconf23.xml").events[:5]
    path = tmp_path / "out.ics"
    path.write_bytes(to_ics(events))
    again = import_schedule(path).events
    assert [(e.title, e.start, e.end) for e in again] == [(e.title, e.start, e.end) for e in events]


def test_imported_yaml_loads_as_agenda(tmp_path: Path) -> None:
    write_agenda_file(import_schedule(SCHEDULES / "kielux_2020.ics"), tmp_path, "kielux")
    assert len(load_agenda(tmp_path).events) == 24


def test_files_over_10_mb_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b"{" + b" " * (10 * 1024 * 1024))
    with pytest.raises(ImportFailed, match="larger than 10 MB; refusing to import"):
        import_schedule(path)


def test_events_without_id_or_guid_get_distinct_stable_ids(tmp_path: Path) -> None:
    path = tmp_path / "fosdem.json"
    path.write_text(
        '{"schedule": {"conference": {"acronym": "f21", "days": [{"rooms": {"K": ['
        '{"title": "Opening", "date": "2021-02-06T09:00:00+01:00", "duration": "00:30"},'
        '{"title": "Opening", "date": "2021-02-07T09:00:00+01:00", "duration": "00:30"}]}}]}}}'
    )
    assert [e.id for e in import_schedule(path).events] == [
        "f21-02060800-Opening",
        "f21-02070800-Opening",
    ]


def test_ics_tzid_without_vtimezone_resolves_from_the_zone_database(tmp_path: Path) -> None:
    path = tmp_path / "octopus.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:oct-1\r\nSUMMARY:Octopus Interface 2010\r\n"
        "DTSTART;TZID=Europe/Paris:20100323T093000\r\nDTEND;TZID=Europe/Paris:20100323T103000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    event = import_schedule(path).events[0]
    assert (event.timezone, event.start.isoformat()) == (
        "Europe/Paris",
        "2010-03-23T09:30:00+01:00",
    )


FLOATING_XML = """<schedule><conference><title>Camp</title><acronym>camp</acronym></conference>
<day index="1" date="2026-02-07"><room name="K.1.105">
<event id="1" guid="g-1"><start>10:30</start><duration>00:50</duration><title>Opening</title>
<room>K.1.105</room><type>talk</type></event></room></day></schedule>
"""


@pytest.mark.parametrize(("zone", "local"), [("Europe/Brussels", "10:30"), (None, "10:30")])
def test_times_without_a_zone_are_read_in_the_default_zone_and_said(
    tmp_path: Path, zone: str | None, local: str
) -> None:
    path = tmp_path / "camp.xml"
    path.write_text(FLOATING_XML, encoding="utf-8")

    result = import_schedule(path, ZoneInfo(zone) if zone else None)

    [event] = result.events
    assert result.assumed_zone == (zone or "UTC")
    assert f"{event.start:%H:%M}" == local
    assert event.timezone == (zone or "UTC")


def test_floating_ics_times_are_read_in_the_default_zone(tmp_path: Path) -> None:
    path = tmp_path / "floating.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        "DTSTART:20260207T103000\r\nDTEND:20260207T112000\r\nSUMMARY:Opening\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )

    result = import_schedule(path, ZoneInfo("Europe/Paris"))

    [event] = result.events
    assert (result.assumed_zone, event.timezone) == ("Europe/Paris", "Europe/Paris")
    assert event.start.utcoffset() == timedelta(hours=1)


def test_zoned_exports_assume_nothing() -> None:
    result = import_schedule(SCHEDULES / "debconf23.xml", ZoneInfo("Europe/Paris"))

    assert result.assumed_zone is None


def _repeating(tmp_path: Path, frequency: str) -> Path:
    path = tmp_path / "repeating.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:s@x\r\n"
        f"DTSTART:20260105T100000Z\r\nDTEND:20260105T100001Z\r\nRRULE:FREQ={frequency}\r\n"
        "SUMMARY:Again\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return path


def test_an_endless_hourly_rule_is_cut_at_500(tmp_path: Path) -> None:
    result = import_schedule(_repeating(tmp_path, "HOURLY"))
    assert len(result.events) == 500 == len({e.id for e in result.events})
    assert result.skipped == ["Again: only its first 500 occurrences"]


@pytest.mark.parametrize(("frequency", "said"), [("SECONDLY", "second"), ("MINUTELY", "minute")])
def test_a_rule_repeating_every_second_or_minute_is_no_session(
    tmp_path: Path, frequency: str, said: str
) -> None:
    """It had imported 500 sessions a second apart (walkthrough 14)."""
    result = import_schedule(_repeating(tmp_path, frequency))
    assert result.events == []
    assert result.skipped == [f"Again: repeats every {said}, not a session"]


def test_badly_typed_events_are_skipped_one_by_one(tmp_path: Path) -> None:
    talk = '{{"id": {n}, "title": {title}, "date": "{date}", "duration": "00:30"{extra}}}'
    talks = [
        talk.format(n=1, title='"Fine"', date="2026-03-23T09:00:00+01:00", extra=""),
        talk.format(n=2, title="null", date="2026-03-23T10:00:00+01:00", extra=""),
        talk.format(n=3, title="12345", date="2026-03-23T11:00:00+01:00", extra=""),
        talk.format(
            n=4, title='"Persons"', date="2026-03-23T12:00:00+01:00", extra=', "persons": "x"'
        ),
        talk.format(n=5, title='"Far"', date="9999-12-31T23:30:00+01:00", extra=""),
        talk.format(n=6, title='"Early"', date="0001-01-01T00:10:00+09:00", extra=""),
    ]
    path = tmp_path / "typed.json"
    path.write_text(
        '{"schedule": {"conference": {"acronym": "t", "days": [{"rooms": {"K": ['
        + ",".join(talks)
        + "]}}]}}}"
    )
    result = import_schedule(path)
    assert [e.title for e in result.events] == ["Fine", "Persons"]
    assert len(result.skipped) == 4
    assert all(": " in reason for reason in result.skipped)


def test_a_reimport_never_replaces_hand_edits_unless_forced(tmp_path: Path) -> None:
    result = import_schedule(SCHEDULES / "frab-camp2019.json")
    written = write_agenda_file(result, tmp_path, "camp")
    assert write_agenda_file(result, tmp_path, "camp") == written  # unedited: updated

    edited = written.read_text().replace("events:", "# our own note\nevents:", 1)
    written.write_text(edited)
    with pytest.raises(EditedSinceImport, match="was edited since it was imported"):
        write_agenda_file(result, tmp_path, "camp")
    assert written.read_text() == edited

    write_agenda_file(result, tmp_path, "camp", force=True)
    assert "# our own note" not in written.read_text()


def test_a_cancelled_ics_event_is_skipped_and_said(tmp_path: Path) -> None:
    path = tmp_path / "cancelled.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        "DTSTART:20260207T103000Z\r\nDTEND:20260207T112000Z\r\nSUMMARY:Opening\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:u2\r\nSTATUS:CANCELLED\r\n"
        "DTSTART:20260207T113000Z\r\nDTEND:20260207T122000Z\r\nSUMMARY:Dropped panel\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )

    result = import_schedule(path)

    assert [e.title for e in result.events] == ["Opening"]
    assert result.skipped == ["Dropped panel: cancelled (STATUS:CANCELLED)"]


def test_an_import_never_replaces_another_schedule_of_the_same_file_name(tmp_path: Path) -> None:
    """pretalx calls every export schedule.json: a second conference's must not replace the
    first's agenda, nor the organiser's own file, unless forced."""
    camp = write_agenda_file(import_schedule(SCHEDULES / "frab-camp2019.json"), tmp_path, "x")
    other = import_schedule(SCHEDULES / "pretalx-rc3.json")

    with pytest.raises(HoldsAnother, match="already holds another schedule"):
        write_agenda_file(other, tmp_path, "x")
    assert "Camp" in camp.read_text()

    (tmp_path / "own.yaml").write_text("events: []\n")
    with pytest.raises(HoldsAnother):
        write_agenda_file(other, tmp_path, "own")

    write_agenda_file(other, tmp_path, "x", force=True)
    assert "Camp" not in camp.read_text()


def test_an_agenda_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "agenda.yaml"
    not_a_folder.write_text("events: []\n")
    result = import_schedule(SCHEDULES / "frab-camp2019.json")

    with pytest.raises(HoldsAnother, match="is a file, not an agenda folder"):
        write_agenda_file(result, not_a_folder, "camp")


def test_two_imports_at_once_into_one_file_name_never_both_claim_it(tmp_path: Path) -> None:
    """Imports run one at a time on a folder: the second sees the first's file and refuses."""
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from scheduler.export import HoldsAnother, write_agenda_file\n"
        "from scheduler.importers import import_schedule\n"
        "result = import_schedule(Path(sys.argv[1]))\n"
        "try:\n    write_agenda_file(result, Path(sys.argv[2]), 'schedule')\n"
        "except HoldsAnother:\n    sys.exit(3)\n"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", script, str(SCHEDULES / name), str(tmp_path)])
        for name in ("frab-camp2019.json", "pretalx-rc3.json")
    ]
    assert sorted(run.wait(timeout=120) for run in runs) == [0, 3]
    assert [p.name for p in tmp_path.iterdir()] == ["schedule.yaml"]


def test_an_unknown_conference_zone_in_json_is_said_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    path.write_text(
        '{"schedule": {"version": "1", "conference": {"title": "X",\n'
        '"time_zone_name": "Mars/Olympus_Mons", "days": [{"index": 1, "rooms": {"A": [\n'
        '{"guid": "g", "title": "t", "date": "2026-01-01T10:00:00", "duration": "01:00"}]}}]}}}\n'
    )

    result = import_schedule(path, ZoneInfo("Europe/Paris"))

    assert result.unknown_zones == {"Mars/Olympus_Mons": 2}
    assert result.events[0].timezone == "Europe/Paris"


def test_a_broken_file_is_named_in_full_without_raw_bytes(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VCALENDAR\r\n")

    with pytest.raises(ImportFailed) as failed:
        import_schedule(path)

    message = str(failed.value)
    assert message.startswith(f"{path}: invalid iCalendar")
    assert "b'" not in message


def test_control_characters_and_endless_titles_are_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "hostile.ics"
    title = "Opening\x1b[2J\x00 \u202etxt" + "x" * 5000
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        f"DTSTART:20260207T103000Z\r\nDTEND:20260207T112000Z\r\nSUMMARY:{title}\r\n"
        "LOCATION:Room\x1b[31m 4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )

    [event] = import_schedule(path).events

    assert event.title.startswith("Opening [2J txt")
    assert len(event.title) == 300
    assert event.room == "Room [31m 4"


def _series(start: str, *, override: str = "", rule: str = "FREQ=DAILY;COUNT=4") -> str:
    """A New York calendar: a session recurring at ``start`` (local HHMM, until the end of
    that hour) from 6 December 2026, its third day excluded, and optionally its second day
    moved to ``override``."""
    moved = (
        "BEGIN:VEVENT\r\nUID:w1@x.org\r\nSUMMARY:Webinar (moved)\r\n"
        f"RECURRENCE-ID;TZID=America/New_York:20261207T{start}00\r\n"
        f"DTSTART;TZID=America/New_York:20261207T{override}00\r\n"
        f"DTEND;TZID=America/New_York:20261207T{override[:2]}5900\r\nEND:VEVENT\r\n"
        if override
        else ""
    )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:Webinars\r\n"
        "BEGIN:VEVENT\r\nUID:w1@x.org\r\nSUMMARY:Webinar\r\n"
        f"DTSTART;TZID=America/New_York:20261206T{start}00\r\n"
        f"DTEND;TZID=America/New_York:20261206T{start[:2]}5900\r\nRRULE:{rule}\r\n"
        f"EXDATE;TZID=America/New_York:20261208T{start}00\r\nEND:VEVENT\r\n"
        f"{moved}END:VCALENDAR\r\n"
    )


def _ids_and_starts(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "webinars.ics"
    path.write_text(text)
    return [(e.id, f"{e.start:%d %H:%M}") for e in import_schedule(path).events]


def test_a_series_moved_in_time_keeps_the_ids_of_its_occurrences(tmp_path: Path) -> None:
    """22:48 and 23:48 in New York are on two UTC dates: the id counts the calendar's days."""
    before = _ids_and_starts(tmp_path, _series("2248", override="1400"))
    after = _ids_and_starts(tmp_path, _series("2348", override="1500"))

    assert before == [
        ("Webinars-w1-x.org-day1", "06 22:48"),
        ("Webinars-w1-x.org-day2", "07 14:00"),
        ("Webinars-w1-x.org-day4", "09 22:48"),
    ]
    assert after == [
        ("Webinars-w1-x.org-day1", "06 23:48"),
        ("Webinars-w1-x.org-day2", "07 15:00"),
        ("Webinars-w1-x.org-day4", "09 23:48"),
    ]


def test_occurrences_on_the_same_day_are_numbered_in_order(tmp_path: Path) -> None:
    ids = _ids_and_starts(tmp_path, _series("0900", rule="FREQ=HOURLY;COUNT=3"))

    assert ids == [
        ("Webinars-w1-x.org-day1", "06 09:00"),
        ("Webinars-w1-x.org-day1-2", "06 10:00"),
        ("Webinars-w1-x.org-day1-3", "06 11:00"),
    ]


def test_occurrences_of_a_long_uid_share_one_stem_of_the_id(tmp_path: Path) -> None:
    path = tmp_path / "long.ics"
    path.write_text(RECURRING)
    result = import_schedule(path)
    [stem] = {e.id.rsplit("-", 1)[0] for e in result.events if e.title == "Daily stand-up"}

    assert stem == "GLACY-webinars-forev-53a4ab"
    assert stem in result.series
    assert all(len(e.id) <= 40 for e in result.events)


def test_reimporting_a_series_moved_in_time_or_to_other_days_updates_its_file(
    tmp_path: Path,
) -> None:
    """Not "already holds another schedule": it is the same calendar, never edited by hand."""
    agenda, export = tmp_path / "agenda", tmp_path / "webinars.ics"
    export.write_text(_series("2248"))
    first = write_agenda_file(import_schedule(export), agenda, "webinars")

    export.write_text(_series("2348"))
    assert write_agenda_file(import_schedule(export), agenda, "webinars") == first
    export.write_text(_series("2348").replace("20261206T", "20261210T"))  # four days later
    assert write_agenda_file(import_schedule(export), agenda, "webinars (1)") == first
    assert [p.name for p in agenda.iterdir()] == ["webinars.yaml"]
    assert [e.start.day for e in load_agenda(agenda).sorted()] == [10, 11, 12, 13]

    first.write_text(first.read_text().replace("Webinar", "Webinar on e-evidence"))
    with pytest.raises(EditedSinceImport):
        write_agenda_file(import_schedule(export), agenda, "webinars")


def test_a_file_of_ids_from_before_slot_dates_is_updated_and_keeps_them(tmp_path: Path) -> None:
    """Occurrence ids once ended with their UTC start ("-202612070348"): the first re-import
    after the upgrade updates that file rather than refusing it as another schedule, and
    keeps its ids, so a series moved meanwhile is told as moved."""
    export = tmp_path / "webinars.ics"
    export.write_text(_series("2248"))
    result = import_schedule(export)
    old = [
        replace(e, id=f"{e.id.rsplit('-', 1)[0]}-{e.start.astimezone(UTC):%Y%m%d%H%M}")
        for e in result.events
    ]
    first = write_agenda_file(replace(result, events=old), tmp_path, "webinars")

    export.write_text(_series("2348"))  # and moved an hour later

    assert write_agenda_file(import_schedule(export), tmp_path, "webinars") == first
    again = load_agenda(tmp_path).sorted()  # followers hear "moved", not "cancelled"
    assert [(e.id, e.start.hour) for e in again] == [(e.id, 23) for e in old]


def test_a_series_ending_before_it_starts_is_skipped(tmp_path: Path) -> None:
    """Expanded, its occurrences had start and end swapped: "10:00 to 09:00" read as 09:00 to
    10:00 (walkthrough 14)."""
    path = tmp_path / "backwards.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:b@x\r\n"
        "DTSTART:20261230T100000Z\r\nDTEND:20261230T090000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\n"
        "SUMMARY:Backwards\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = import_schedule(path)
    assert result.events == []
    assert result.skipped == ["Backwards: ends before it starts"]


_TWO_SESSIONS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
    "BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Opening\r\n"
    "DTSTART:20261208T090000Z\r\nDTEND:20261208T100000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:u2\r\nSUMMARY:Panel on e-evidence\r\n"
    "DTSTART:20261208T110000Z\r\nDTEND:20261208T120000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def test_a_truncated_file_says_which_block_is_never_closed(tmp_path: Path) -> None:
    path = tmp_path / "agenda.ics"
    path.write_text(_TWO_SESSIONS.partition("BEGIN:VEVENT\r\nUID:u2")[0], newline="")

    with pytest.raises(ImportFailed) as failed:
        import_schedule(path)

    assert str(failed.value) == (
        f"{path}: invalid iCalendar: line 1: BEGIN:VCALENDAR is never closed "
        "(no END:VCALENDAR before the file ends)"
    )


@pytest.mark.parametrize(
    ("broken", "replacement", "skipped"),
    [
        (
            "SUMMARY:Panel on e-evidence",
            "SUMMARY Panel on e-evidence",
            "UID u2 (line 12): 'SUMMARY Panel on e-evidence' is not a NAME:value line",
        ),
        (
            "DTSTART:20261208T110000Z",
            "DTSTART:2026-12-08 11h",
            "Panel on e-evidence (line 13): DTSTART: Expected datetime, date, or time. "
            "Got: '2026-12-08 11h'",
        ),
    ],
)
def test_an_event_with_an_unreadable_line_is_skipped_with_that_line(
    tmp_path: Path, broken: str, replacement: str, skipped: str
) -> None:
    """icalendar reads past a line it cannot parse: the session went out titled "?", or as an
    "all-day event" when its start was the broken line."""
    path = tmp_path / "agenda.ics"
    path.write_text(_TWO_SESSIONS.replace(broken, replacement), newline="")

    result = import_schedule(path)

    assert [e.title for e in result.events] == ["Opening"]
    assert result.skipped == [skipped]
