"""End to end: a reminder is sent once, and a SIGKILL and restart neither loses nor doubles it."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop

pytestmark = pytest.mark.e2e


def _agenda(folder: Path) -> None:
    soon = datetime.now(UTC) + timedelta(minutes=10)
    later = datetime.now(UTC) + timedelta(minutes=14)
    folder.mkdir()
    (folder / "today.yaml").write_text(
        "timezone: UTC\nseries: Octopus Conference\nevents:\n"
        f"  - {{id: plenary, title: Plenary, start: '{soon:%Y-%m-%dT%H:%M}',"
        f" end: '{soon + timedelta(hours=1):%Y-%m-%dT%H:%M}'}}\n"
        f"  - {{id: panel, title: Panel, start: '{later:%Y-%m-%dT%H:%M}',"
        f" end: '{later + timedelta(hours=1):%Y-%m-%dT%H:%M}'}}\n"
    )


def _reminders(api: BotApiStandIn) -> list[str]:
    return [m["text"] for m in api.sent() if "⏰" in m["text"]]


def test_reminders_survive_sigkill_without_duplicates(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    _agenda(tmp_path / "agenda")
    env = bot_environment(stand_in, tmp_path)
    env.update(WORKSHOP_BOT_AGENDA_DIR=str(tmp_path / "agenda"), WORKSHOP_BOT_REMINDER_TICK="0.5")
    process = start_bot(env)
    try:
        stand_in.push_text("/subscribe", user=7)
        stand_in.wait_for("sendMessage", 1, timeout=60)
        deadline = time.monotonic() + 30
        while len(_reminders(stand_in)) < 4 and time.monotonic() < deadline:
            time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        stop(process)  # reaps the killed process and closes its pipes
        first_run = _reminders(stand_in)
        process = start_bot(env)
        stand_in.push_text("/mysessions", user=7)
        stand_in.wait_for("sendMessage", 2 + len(first_run), timeout=60)
        time.sleep(3)  # several ticks of the restarted bot
    finally:
        stop(process)
    texts = _reminders(stand_in)
    # both events are within 24 h and 15 min: 2 leads x 2 events, each exactly once
    assert len(texts) == 4
    assert sorted(t.split("\n")[1] for t in texts) == ["<b>Panel</b>"] * 2 + ["<b>Plenary</b>"] * 2
