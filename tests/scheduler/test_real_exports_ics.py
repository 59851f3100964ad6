"""The expectations of test_real_exports.py for the iCalendar exports that recur, move, declare
X-WR-TIMEZONE or come back under another name (these failed before the importer expanded
recurrences and took ids from the calendar)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scheduler.importers import import_schedule
from tests.scheduler.test_real_exports import (
    SCHEDULES,
    Spot,
    check_absent,
    check_cli_agenda_loads,
    check_cli_twice_under_other_names,
    check_ids_stable,
    check_ids_unique,
    check_sessions,
    check_spot_instant,
    check_spot_zone,
    import_cli,
    spots_of,
)

RECURRING = [
    "issue_62_moved_event_2.ics",
    "recurring_events_moved.ics",
    "issue_20_exdate_ignored.ics",
    "rdate_hackerpublicradio.ics",
]
ICS_WITH_SESSIONS = [
    "kielux_2020.ics",
    "issue_62_moved_event_2.ics",
    "x_wr_timezone_simple_events_issue_59.ics",
    "recurring_events_moved.ics",
    "discourse_no_dtend.ics",
    "issue_20_exdate_ignored.ics",
    "rdate_hackerpublicradio.ics",
    "several_events_at_the_same_time.ics",
]


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_BOT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    return tmp_path


@pytest.mark.parametrize("name", RECURRING)
def test_sessions_are_as_many_as_the_file_holds(name: str) -> None:
    check_sessions(name)


@pytest.mark.parametrize(
    ("name", "spot"),
    [
        *spots_of(
            [
                "issue_62_moved_event_2.ics",
                "recurring_events_moved.ics",
                "rdate_hackerpublicradio.ics",
            ],
            (1,),
        ),
        *spots_of(["issue_20_exdate_ignored.ics"]),
    ],
)
def test_spot_checked_sessions_start_at_the_instant_in_the_file(name: str, spot: Spot) -> None:
    check_spot_instant(name, spot)


@pytest.mark.parametrize(
    ("name", "spot"),
    [
        *spots_of(["x_wr_timezone_simple_events_issue_59.ics"]),
        *spots_of(["issue_62_moved_event_2.ics", "recurring_events_moved.ics"], (1,)),
        *spots_of(["issue_20_exdate_ignored.ics", "rdate_hackerpublicradio.ics"]),
    ],
)
def test_spot_checked_sessions_keep_the_zone_of_the_file(name: str, spot: Spot) -> None:
    check_spot_zone(name, spot)


def test_excluded_occurrences_are_not_imported() -> None:
    check_absent("issue_20_exdate_ignored.ics")


@pytest.mark.parametrize("name", ["issue_62_moved_event_2.ics", "recurring_events_moved.ics"])
def test_ids_are_unique(name: str) -> None:
    check_ids_unique(name)


@pytest.mark.parametrize("name", ICS_WITH_SESSIONS)
def test_ids_are_the_same_on_reimport_and_under_another_file_name(
    name: str, tmp_path: Path
) -> None:
    check_ids_stable(name, tmp_path)


@pytest.mark.parametrize("name", RECURRING)
def test_imported_agenda_loads_with_every_session(name: str, cli_env: Path) -> None:
    check_cli_agenda_loads(name, cli_env)


@pytest.mark.parametrize("name", ICS_WITH_SESSIONS)
def test_the_same_export_imported_twice_under_other_names_is_not_duplicated(
    name: str, cli_env: Path
) -> None:
    check_cli_twice_under_other_names(name, cli_env)


def test_the_reason_for_a_skipped_event_says_what_is_wrong() -> None:
    skipped = import_schedule(SCHEDULES / "discourse_no_dtend.ics").skipped

    [reason] = skipped
    assert reason.startswith("2019-01-17 openLab: ")
    assert re.search(r"(?i)\b(no end|without an? end|zero|length|no duration)\b", reason), reason


def test_a_refused_import_names_the_agenda_files_as_they_are(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The organiser's own file (not an earlier import) holds the same ids: refused, and the
    message names that file, not the trial copy the check ran on."""
    agenda = cli_env / "agenda"
    first, second = cli_env / "camp.xml", cli_env / "camp-updated.xml"
    shutil.copyfile(SCHEDULES / "romhack_camp_2026.xml", first)
    shutil.copyfile(SCHEDULES / "romhack_camp_2026.xml", second)
    assert import_cli(first, agenda) == 0
    own = agenda / "camp.yaml"
    own.write_text("\n".join(own.read_text().splitlines()[1:]) + "\n")  # the header dropped

    assert import_cli(second, agenda) == 1

    err = capsys.readouterr().err
    assert f"{own}:" in err and "duplicate event id" in err
    assert "tmp" not in err.replace(str(cli_env), "")
