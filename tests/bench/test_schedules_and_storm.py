"""The bench's own parts: big schedule files that load, and a 429 storm that hits mid-phase."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bench.schedules import write_agenda, write_ics
from bench.storm import STORM_AT, STORM_LENGTH, SUBSCRIBERS, Storm
from scheduler.agenda import load_agenda
from scheduler.importers import import_schedule


def test_the_big_files_are_schedules_the_bot_reads_whole(tmp_path: Path) -> None:
    ics = import_schedule(write_ics(tmp_path / "bench.ics", 30), ZoneInfo("UTC"))
    assert (len(ics.events), ics.skipped) == (30, [])
    (tmp_path / "agenda").mkdir()
    events = write_agenda(tmp_path / "agenda" / "big.yaml", size=20_000)
    assert (tmp_path / "agenda" / "big.yaml").stat().st_size <= 20_000
    assert len(load_agenda(tmp_path / "agenda").events) == events > 20


def test_the_storm_refuses_runs_of_sends_at_each_point_and_spares_the_rest() -> None:
    storm = Storm("⏰", spared=7)
    calls = [{"chat_id": 1000 + n, "text": "⏰ Plenary"} for n in range(SUBSCRIBERS)]  # kept
    answers = [storm("sendMessage", params) for params in calls]
    refused = [answer for answer in answers if answer is not None]
    assert len(refused) == len(storm.refused) == len(STORM_AT) * STORM_LENGTH
    assert {status for status, _ in refused} == {429}
    assert storm("sendMessage", {"chat_id": 7, "text": "⏰"}) is None  # the organiser
    assert storm("sendMessage", {"chat_id": 1, "text": "Welcome"}) is None  # another message
