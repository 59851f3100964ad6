"""The agenda CLI: import-schedule says which zone it read floating times in."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from scheduler.agenda import check_agenda
from tests.bot.test_change_notices import webinars_ics
from tests.scheduler.test_importers import FLOATING_XML, SCHEDULES


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_BOT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    return tmp_path


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ([], "read as Europe/Paris (the configured default_timezone;"),
        (["--timezone", "Europe/Brussels"], "read as Europe/Brussels (--timezone;"),
    ],
)
def test_import_says_which_zone_it_assumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    source = tmp_path / "camp.xml"
    source.write_text(FLOATING_XML, encoding="utf-8")

    code = main(["import-schedule", str(source), "--into", str(tmp_path / "agenda"), *options])

    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 1 events from Camp into ")
    assert said in out


def test_import_refuses_an_unknown_zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "camp.xml"
    source.write_text(FLOATING_XML, encoding="utf-8")

    assert main(["import-schedule", str(source), "--timezone", "Europe"]) == 2
    assert capsys.readouterr().err.strip() == "unknown time zone 'Europe'"


UNKNOWN_TZID_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:opening
SUMMARY:Opening
DTSTART;TZID=Mars/Olympus_Mons:20260323T090000
DTEND;TZID=Mars/Olympus_Mons:20260323T100000
END:VEVENT
END:VCALENDAR
"""


def test_an_unknown_tzid_is_named_with_its_line_and_the_zone_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "camp.ics"
    source.write_text(UNKNOWN_TZID_ICS, encoding="utf-8")

    code = main(["import-schedule", str(source), "--into", str(tmp_path / "agenda")])

    assert code == 0
    out = capsys.readouterr().out
    assert (
        f"unknown time zone 'Mars/Olympus_Mons' in {source}:7; read as Europe/Paris "
        "(the configured default_timezone; re-import with --timezone ZONE if that is wrong)"
    ) in out
    assert "without a zone" not in out  # it names one: just not one anybody knows


EMPTY_XML = "<schedule><conference><title>Empty</title></conference></schedule>"


def test_an_empty_schedule_is_not_imported_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "camp.xml"
    agenda = tmp_path / "agenda"
    source.write_text(FLOATING_XML, encoding="utf-8")
    assert main(["import-schedule", str(source), "--into", str(agenda)]) == 0
    before = (agenda / "camp.yaml").read_text(encoding="utf-8")
    source.write_text(EMPTY_XML, encoding="utf-8")

    assert main(["import-schedule", str(source), "--into", str(agenda)]) == 1

    assert "no events to import; the agenda is unchanged" in capsys.readouterr().err
    assert (agenda / "camp.yaml").read_text(encoding="utf-8") == before
    assert main(["import-schedule", str(source), "--into", str(agenda), "--force"]) == 0


def test_imported_files_follow_the_umask(tmp_path: Path) -> None:
    source = tmp_path / "camp.xml"
    source.write_text(FLOATING_XML, encoding="utf-8")
    previous = os.umask(0o022)
    try:
        assert main(["import-schedule", str(source), "--into", str(tmp_path / "agenda")]) == 0
    finally:
        os.umask(previous)

    assert stat.S_IMODE((tmp_path / "agenda" / "camp.yaml").stat().st_mode) == 0o644


def test_import_problems_name_the_real_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "agenda"
    agenda.mkdir()
    (agenda / "broken.yaml").write_text("events: [unclosed\n", encoding="utf-8")
    source = tmp_path / "camp.xml"
    source.write_text(FLOATING_XML, encoding="utf-8")

    assert main(["import-schedule", str(source), "--into", str(agenda)]) == 1

    err = capsys.readouterr().err
    assert f"{agenda / 'broken.yaml'}:" in err
    assert "tmp" not in err.replace(str(tmp_path), "")


def test_a_re_import_under_another_name_updates_the_earlier_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "agenda"
    source = SCHEDULES / "debconf23.xml"
    download = tmp_path / "schedule (1).xml"
    download.write_bytes(source.read_bytes())
    assert main(["import-schedule", str(source), "--into", str(agenda)]) == 0
    assert main(["import-schedule", str(download), "--into", str(agenda)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "debconf23.yaml held an earlier import of this schedule: it was updated"
    assert [p.name for p in agenda.iterdir()] == ["debconf23.yaml"]


def test_check_reports_the_same_sessions_imported_twice_under_other_ids(tmp_path: Path) -> None:
    """Saved from two calendars (other names, so other ids), one schedule is imported twice:
    loading takes both copies, check names both places of each session."""
    agenda = tmp_path / "agenda"
    first, second = tmp_path / "camp.ics", tmp_path / "camp-copy.ics"
    first.write_text(UNKNOWN_TZID_ICS.replace("Mars/Olympus_Mons", "UTC"), encoding="utf-8")
    second.write_text(
        first.read_text(encoding="utf-8").replace("VERSION:2.0", "VERSION:2.0\nX-WR-CALNAME:Copy"),
        encoding="utf-8",
    )
    assert main(["import-schedule", str(first), "--into", str(agenda)]) == 0
    assert main(["import-schedule", str(second), "--into", str(agenda)]) == 0

    assert check_agenda(agenda) == []  # a reload takes both
    [problem] = check_agenda(agenda, twice=True)

    assert (problem.path, problem.line) == (str(agenda / "camp.yaml"), 4)
    assert problem.message == (
        f"'ics-opening' is the same session as 'Copy-opening' at {agenda / 'camp-copy.yaml'}:4"
        " (title, start and room): imported twice? Keep one."
    )


def test_the_agenda_shows_the_last_day_of_an_event_of_several(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["agenda", "--day", "2013-05-21"]) == 0  # the shipped sample: Tokyo, 20-21 May

    assert "2013-05-20 09:00-2013-05-21 17:00" in capsys.readouterr().out


def test_a_day_with_nothing_on_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agenda", "--day", "2099-01-01"]) == 0

    assert capsys.readouterr().out == "Nothing on the agenda for that day.\n"


@pytest.mark.parametrize("target", ["missing/agenda.ics", "."])
def test_export_to_a_path_it_cannot_write_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    code = main(["export-ics", "--output", str(tmp_path / target)])

    assert code == 2
    assert capsys.readouterr().err.startswith(f"cannot write {tmp_path / target}: ")


def _webinars_at_9_then_10(tmp_path: Path) -> tuple[Path, Path]:
    """The same webinar series exported twice, the second time moved from 09:00 to 10:00."""
    first, moved = tmp_path / "first" / "webinars.ics", tmp_path / "moved" / "webinars.ics"
    for path, hour in ((first, 9), (moved, 10)):
        path.parent.mkdir()
        path.write_text(webinars_ics(hour))
    return first, moved


def test_a_re_import_of_a_series_moved_in_time_needs_no_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "already holds another schedule or your own events": the occurrences keep their ids."""
    first, moved = _webinars_at_9_then_10(tmp_path)
    agenda = tmp_path / "agenda"
    assert main(["import-schedule", str(first), "--into", str(agenda)]) == 0
    ids = [e["id"] for e in yaml.safe_load((agenda / "webinars.yaml").read_text())["events"]]

    code = main(["import-schedule", str(moved), "--into", str(agenda)])

    assert (code, capsys.readouterr().err) == (0, "")
    again = yaml.safe_load((agenda / "webinars.yaml").read_text())["events"]
    assert [(e["id"], e["start"][11:16]) for e in again] == [(i, "10:00") for i in ids]


def test_a_re_import_says_what_moved_and_what_is_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The organiser sees what followers will be told, not only "imported 3 events"."""
    first, moved = _webinars_at_9_then_10(tmp_path)
    agenda = tmp_path / "agenda"
    assert main(["import-schedule", str(first), "--into", str(agenda)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "new: 3 upcoming sessions"
    assert main(["import-schedule", str(first), "--into", str(agenda)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "no upcoming session changed"

    assert main(["import-schedule", str(moved), "--into", str(agenda)]) == 0

    out = capsys.readouterr().out.splitlines()
    moves = [line for line in out if line.startswith("moved: ")]
    assert moves[0] == (
        "moved: Webinar (Webinars-w1-x.org-day1), 2099-03-23 09:00-09:50 UTC"
        " -> 2099-03-23 10:00-10:50 UTC"
    )
    assert len(moves) == 3
    assert out[-1].startswith("followers of these sessions are told when the bot reloads")
