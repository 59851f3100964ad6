"""End to end: a reminder is sent once, and a SIGKILL and restart neither loses nor doubles it."""

from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop

pytestmark = pytest.mark.e2e


def _agenda(folder: Path) -> None:
    """Two sessions whose 15-minute reminders fall a few seconds after the bot starts (their
    24-hour moments had passed when they were added: those are not sent at all)."""
    soon = datetime.now(UTC) + timedelta(minutes=15, seconds=8)
    later = soon + timedelta(seconds=4)
    folder.mkdir()
    (folder / "today.yaml").write_text(
        "timezone: UTC\nseries: Octopus Conference\nevents:\n"
        f"  - {{id: plenary, title: Plenary, start: '{soon:%Y-%m-%dT%H:%M:%S}',"
        f" end: '{soon + timedelta(hours=1):%Y-%m-%dT%H:%M:%S}'}}\n"
        f"  - {{id: panel, title: Panel, start: '{later:%Y-%m-%dT%H:%M:%S}',"
        f" end: '{later + timedelta(hours=1):%Y-%m-%dT%H:%M:%S}'}}\n"
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
        while not _reminders(stand_in) and time.monotonic() < deadline:
            time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        stop(process)  # reaps the killed process and closes its pipes
        first_run = _reminders(stand_in)
        process = start_bot(env)
        stand_in.push_text("/mysessions", user=7)
        stand_in.wait_for("sendMessage", 2 + len(first_run), timeout=60)
        deadline = time.monotonic() + 30
        while len(_reminders(stand_in)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3)  # several ticks of the restarted bot
    finally:
        stop(process)
    texts = _reminders(stand_in)
    # each session's 15-minute reminder exactly once, across the kill
    assert sorted(t.split("\n")[1] for t in texts) == ["<b>Panel</b>", "<b>Plenary</b>"]


def test_a_429_and_a_502_mid_batch_delay_reminders_but_lose_none(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    subscribers = range(100, 140)
    refused: set[int] = set()

    def flood_control(method: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        chat = int(payload.get("chat_id", 0))
        if method != "sendMessage" or "⏰" not in str(payload.get("text")) or chat in refused:
            return None
        if chat == 110:
            refused.add(chat)
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 2",
                "parameters": {"retry_after": 2},
            }
        if chat == 120:
            refused.add(chat)
            return 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}
        return None

    _agenda(tmp_path / "agenda")
    env = bot_environment(stand_in, tmp_path)
    env.update(WORKSHOP_BOT_AGENDA_DIR=str(tmp_path / "agenda"), WORKSHOP_BOT_REMINDER_TICK="0.5")
    process = start_bot(env)
    try:
        for user in subscribers:
            stand_in.push_text("/subscribe", user=user)
        stand_in.wait_for("sendMessage", len(subscribers), timeout=60)
        stand_in.responder = flood_control
        deadline = time.monotonic() + 60
        # two sessions each: one reminder per subscriber and session, two tries refused
        while len(_reminders(stand_in)) < 2 * len(subscribers) + 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)
    finally:
        stop(process)
    assert refused == {110, 120}
    tries = Counter(int(m["chat_id"]) for m in stand_in.sent() if "⏰" in m["text"])
    assert tries == Counter({**dict.fromkeys(subscribers, 2), 110: 3, 120: 3})
