"""Occurrences of a recurring .ics series, re-imported: a whole series moved (across midnight,
to another weekday) is told as moved session by session, an EXDATE or a RECURRENCE-ID touches
only its own occurrence, and an agenda imported when occurrences were named by their date
keeps its ids (N1)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from scheduler.agenda import Agenda, load_agenda
from scheduler.announce import AnnouncedAgenda
from scheduler.changes import EventChange
from scheduler.export import write_agenda_file
from scheduler.importers import import_schedule
from scheduler.notices import Notices
from scheduler.reminders import ReminderService, SubscriptionService
from scheduler.store import Database

NEW_YORK = ZoneInfo("America/New_York")
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=NEW_YORK)
EVERYONE, FOLLOWER = 1, 2  # a chat following the whole agenda; one following one session


def _calendar(
    first: datetime,
    rule: str = "FREQ=DAILY;COUNT=4",
    *,
    excluded: Sequence[datetime] = (),
    moved: dict[datetime, datetime] | None = None,
) -> bytes:
    """A calendar with one series of 50-minute webinars from ``first``: its occurrences
    ``excluded`` (EXDATE), and those at the keys of ``moved`` moved to its values
    (RECURRENCE-ID)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//workshop-bot tests//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Webinars")
    series = icalendar.Event()
    series.add("uid", "w1@x.org")
    series.add("summary", "Webinar")
    series.add("dtstart", first)
    series.add("dtend", first + timedelta(minutes=50))
    series.add("rrule", icalendar.vRecur.from_ical(rule))
    for day in excluded:
        series.add("exdate", day)
    calendar.add_component(series)
    for slot, start in (moved or {}).items():
        override = icalendar.Event()
        override.add("uid", "w1@x.org")
        override.add("summary", "Webinar")
        override.add("recurrence-id", slot)
        override.add("dtstart", start)
        override.add("dtend", start + timedelta(minutes=50))
        calendar.add_component(override)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _import(tmp_path: Path, ics: bytes) -> Agenda:
    """``ics`` imported into the agenda folder as `workshop-bot import-schedule` does."""
    export = tmp_path / "webinars.ics"
    export.write_bytes(ics)
    write_agenda_file(import_schedule(export), tmp_path / "agenda", export.stem)
    return load_agenda(tmp_path / "agenda")


def _said(change: EventChange) -> str:
    """What a notice tells: the session (as announced), and how far it moved."""
    said = f"{change.before.start:%d %H:%M} {'+'.join(change.what)}"
    if change.after is not None and change.after.start != change.before.start:
        hours = (change.after.start - change.before.start) / timedelta(hours=1)
        said += f" {hours:+g} h"
    return said


_render = Notices(
    lambda change, zone, language: _said(change),
    lambda changes, zone, language: ["\n".join(_said(c) for c in changes)],
)


@pytest.fixture
def announced(database: Database) -> AnnouncedAgenda:
    SubscriptionService(database).subscribe(EVERYONE)
    return AnnouncedAgenda(database, "America/New_York")


def _told(database: Database, announced: AnnouncedAgenda, agenda: Agenda) -> dict[int, list[str]]:
    """The notices the review of ``agenda`` queued, by chat, one line per session."""
    announced.review(agenda, NOW, _render)
    told: dict[int, list[str]] = {}
    for chat, html in database.query("SELECT chat_id, html FROM outbox ORDER BY row_id"):
        told.setdefault(int(str(chat)), []).extend(str(html).splitlines())
    return told


def _ids(agenda: Agenda) -> list[str]:
    return [e.id for e in agenda.sorted()]


def test_a_daily_series_moved_across_midnight_is_told_two_hours_earlier(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """01:17 in New York moved to 23:17 the day before: every local date changes. Named by
    their date, the occurrences were told "cancelled" (the first) and "22 hours later"."""
    before = _import(tmp_path, _calendar(datetime(2026, 12, 7, 1, 17, tzinfo=NEW_YORK)))
    announced.review(before, NOW, _render)
    SubscriptionService(database).remind(FOLLOWER, _ids(before)[2])

    after = _import(tmp_path, _calendar(datetime(2026, 12, 6, 23, 17, tzinfo=NEW_YORK)))

    assert _ids(after) == _ids(before)
    assert [f"{e.start:%d %H:%M}" for e in after.sorted()] == [
        "06 23:17",
        "07 23:17",
        "08 23:17",
        "09 23:17",
    ]
    assert _told(database, announced, after) == {
        EVERYONE: [f"{day:02d} 01:17 time -2 h" for day in (7, 8, 9, 10)],
        FOLLOWER: ["09 01:17 time -2 h"],
    }


def test_a_weekly_series_moved_a_day_later_is_told_a_day_later(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    mondays = _import(
        tmp_path, _calendar(datetime(2026, 12, 7, 10, tzinfo=PARIS), "FREQ=WEEKLY;COUNT=3")
    )
    announced.review(mondays, NOW, _render)

    tuesdays = _import(
        tmp_path, _calendar(datetime(2026, 12, 8, 10, tzinfo=PARIS), "FREQ=WEEKLY;COUNT=3")
    )

    assert _ids(tuesdays) == _ids(mondays)
    assert _told(database, announced, tuesdays) == {
        EVERYONE: ["07 10:00 time +24 h", "14 10:00 time +24 h", "21 10:00 time +24 h"]
    }


def test_an_exdate_cancels_its_occurrence_only(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """Even the first: the days are counted from DTSTART, not from the first one held."""
    first = datetime(2026, 12, 7, 1, 17, tzinfo=NEW_YORK)
    before = _import(tmp_path, _calendar(first))
    announced.review(before, NOW, _render)

    after = _import(tmp_path, _calendar(first, excluded=[first, first + timedelta(days=2)]))

    assert _ids(after) == [_ids(before)[1], _ids(before)[3]]
    assert _told(database, announced, after) == {
        EVERYONE: ["07 01:17 cancelled", "09 01:17 cancelled"]
    }


def test_a_recurrence_id_moves_its_occurrence_only(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """The second webinar moved to the evening before: its own id, the others unchanged."""
    first = datetime(2026, 12, 7, 1, 17, tzinfo=NEW_YORK)
    before = _import(tmp_path, _calendar(first))
    announced.review(before, NOW, _render)
    second = first + timedelta(days=1)

    after = _import(tmp_path, _calendar(first, moved={second: second - timedelta(hours=3)}))

    assert _ids(after) == _ids(before)
    assert _told(database, announced, after) == {EVERYONE: ["08 01:17 time -3 h"]}


def test_two_occurrences_the_same_day_keep_distinct_ids_when_the_series_moves(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """At 09:00 and 14:00 for two days, then each an hour later."""
    rule = "FREQ=DAILY;BYHOUR=9,14;COUNT=4"
    before = _import(tmp_path, _calendar(datetime(2026, 12, 7, 9, tzinfo=PARIS), rule))
    announced.review(before, NOW, _render)

    after = _import(
        tmp_path, _calendar(datetime(2026, 12, 7, 10, tzinfo=PARIS), rule.replace("9,14", "10,15"))
    )

    assert _ids(after) == _ids(before)
    assert [i.removeprefix("Webinars-w1-x.org-") for i in _ids(after)] == [
        "day1",
        "day1-2",
        "day2",
        "day2-2",
    ]
    assert _told(database, announced, after) == {
        EVERYONE: [f"{day} time +1 h" for day in ("07 09:00", "07 14:00", "08 09:00", "08 14:00")]
    }


def _imported_by_date(tmp_path: Path, ics: bytes) -> Agenda:
    """``ics`` imported as the importer did when an occurrence was named by the local date of
    its slot ("-20261207", "-20261207-2"), not by its day in the series."""
    export = tmp_path / "webinars.ics"
    export.write_bytes(ics)
    result = import_schedule(export)
    first = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0].decoded("DTSTART").date()
    dated = [
        replace(
            e,
            id=re.sub(r"-day(\d+)", lambda m: f"-{first + timedelta(int(m[1]) - 1):%Y%m%d}", e.id),
        )
        for e in result.events
    ]
    write_agenda_file(replace(result, events=dated), tmp_path / "agenda", export.stem)
    return load_agenda(tmp_path / "agenda")


def test_an_agenda_of_dated_ids_keeps_them_and_its_followers(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """The first re-import after the upgrade: no news, the same ids; then the series moved
    across midnight is told as moved, and a chat following one session is still reminded."""
    first = datetime(2026, 12, 7, 1, 17, tzinfo=NEW_YORK)
    dated = _imported_by_date(tmp_path, _calendar(first, excluded=[first + timedelta(days=1)]))
    assert _ids(dated) == [f"Webinars-w1-x.org-202612{day:02d}" for day in (7, 9, 10)]
    announced.review(dated, NOW, _render)
    SubscriptionService(database).remind(FOLLOWER, "Webinars-w1-x.org-20261209")

    again = _import(tmp_path, _calendar(first, excluded=[first + timedelta(days=1)]))
    assert _ids(again) == _ids(dated)
    assert _told(database, announced, again) == {}

    earlier = first - timedelta(hours=2)
    moved = _import(tmp_path, _calendar(earlier, excluded=[earlier + timedelta(days=1)]))
    assert _ids(moved) == _ids(dated)
    assert _told(database, announced, moved) == {
        EVERYONE: ["07 01:17 time -2 h", "09 01:17 time -2 h", "10 01:17 time -2 h"],
        FOLLOWER: ["09 01:17 time -2 h"],
    }
    reminders = ReminderService(database)
    reminders.first_seen(moved, NOW)
    day_before = datetime(2026, 12, 7, 23, 17, tzinfo=NEW_YORK)  # 24 hours before, as moved
    due = [r for r in reminders.due(moved, day_before) if r.chat_id == FOLLOWER]
    assert [(r.event.id, r.minutes) for r in due] == [("Webinars-w1-x.org-20261209", 1440)]


def test_dated_ids_keep_their_dates_when_the_first_is_dropped_and_one_added(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """The same dates laid one day earlier would pair all four: the three sessions still at
    their time say which day is which. The one added gets a date of the same series."""
    first = datetime(2026, 12, 7, 10, tzinfo=PARIS)
    dated = _imported_by_date(tmp_path, _calendar(first))
    announced.review(dated, NOW, _render)

    after = _import(tmp_path, _calendar(first, "FREQ=DAILY;COUNT=5", excluded=[first]))

    assert _ids(after) == [*_ids(dated)[1:], "Webinars-w1-x.org-20261211"]
    assert _told(database, announced, after) == {EVERYONE: ["07 10:00 cancelled"]}


def test_a_dated_session_back_on_the_agenda_is_told_back(
    tmp_path: Path, database: Database, announced: AnnouncedAgenda
) -> None:
    """Its date comes back with it, and with the date the cancellation its followers heard."""
    first = datetime(2026, 12, 7, 10, tzinfo=PARIS)
    announced.review(_imported_by_date(tmp_path, _calendar(first)), NOW, _render)
    third = first + timedelta(days=2)
    assert _told(database, announced, _import(tmp_path, _calendar(first, excluded=[third]))) == {
        EVERYONE: ["09 10:00 cancelled"]
    }

    back = _import(tmp_path, _calendar(first))

    assert "Webinars-w1-x.org-20261209" in _ids(back)
    assert _told(database, announced, back)[EVERYONE][-1] == "09 10:00 restored"


def test_an_agenda_of_utc_ids_keeps_them_when_the_series_moves_a_day(tmp_path: Path) -> None:
    """Older still: an occurrence's id ended with the UTC start of its slot."""
    first = datetime(2026, 12, 7, 10, tzinfo=PARIS)
    export = tmp_path / "webinars.ics"
    export.write_bytes(_calendar(first, "FREQ=WEEKLY;COUNT=3"))
    result = import_schedule(export)
    utc = [replace(e, id=f"{e.id.rsplit('-', 1)[0]}-{e.start:%Y%m%d}0900") for e in result.events]
    write_agenda_file(replace(result, events=utc), tmp_path / "agenda", "webinars")

    after = _import(tmp_path, _calendar(first + timedelta(days=1), "FREQ=WEEKLY;COUNT=3"))

    assert [(e.id, f"{e.start:%a %d}") for e in after.sorted()] == [
        (e.id, f"{e.start + timedelta(days=1):%a %d}") for e in utc
    ]
