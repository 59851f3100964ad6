"""End to end: agenda edits made while the bot was stopped are told at the next start; a removed
file is held for the organisers, who are asked in their own language and decide with a button,
and nobody is flooded."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop

pytestmark = pytest.mark.e2e
ORGANISER = 7
SUBSCRIBERS = (100, 101)


def _write(path: Path, prefix: str, first_room: str = "Room 1") -> None:
    path.write_text(
        "timezone: UTC\nseries: Octopus Conference\nevents:\n"
        + "".join(
            f"  - {{id: {prefix}{n}, title: {prefix.title()} talk {n},"
            f" start: 2099-03-23T0{n}:00, end: 2099-03-23T0{n}:30,"
            f" room: {first_room if n == 1 else 'Room 1'}}}\n"
            for n in range(1, 5)
        )
    )


def _texts(api: BotApiStandIn, chat: int) -> list[str]:
    return [str(m["text"]) for m in api.sent() if int(m["chat_id"]) == chat]


def _run_once(env: dict[str, str], api: BotApiStandIn, until: Any = None) -> None:
    """Run the bot until ``until()`` holds (or it has started), then a little longer."""
    started = len(api.sent("setMyCommands")) + 1
    process = start_bot(env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if (until or (lambda: len(api.sent("setMyCommands")) >= started))():
                break
            time.sleep(0.2)
        time.sleep(1.5)  # the outbox has time to send anything it wrongly queued
    finally:
        stop(process)


def test_changes_while_stopped_are_told_or_held_at_start(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda"
    agenda.mkdir()
    _write(agenda / "main.yaml", "main")
    _write(agenda / "camp2026.yaml", "camp")
    env = bot_environment(stand_in, tmp_path)
    env.update(WORKSHOP_BOT_AGENDA_DIR=str(agenda), WORKSHOP_BOT_ORGANISERS=str(ORGANISER))

    def subscribed() -> bool:
        return all(_texts(stand_in, chat) for chat in SUBSCRIBERS)

    for chat in SUBSCRIBERS:
        stand_in.push_text("/subscribe", user=chat)
    stand_in.push_text("/language fr", user=ORGANISER)  # what the bot tells them, in French
    _run_once(env, stand_in, subscribed)

    # stopped: one session moves room (small: told at start, in each reader's zone)
    _write(agenda / "main.yaml", "main", first_room="Hall B")
    _run_once(env, stand_in, lambda: all(len(_texts(stand_in, c)) >= 2 for c in SUBSCRIBERS))
    for chat in SUBSCRIBERS:
        notice = _texts(stand_in, chat)[-1]
        assert notice.startswith("🔄 <b>Changed: </b><b>Main talk 1</b>")
        assert "<s>Room 1</s> → <b>Hall B</b>" in notice

    # stopped again: the camp file is moved away (large: held, organisers asked)
    (agenda / "camp2026.yaml").rename(tmp_path / "camp2026.yaml")
    before = len(stand_in.sent())
    process = start_bot(env)
    try:
        [question] = stand_in.wait_for("sendMessage", before + 1, timeout=60)[before:]
        assert int(question["chat_id"]) == ORGANISER
        assert "fichier camp2026.yaml supprimé ou vidé" in question["text"]
        buttons = question["reply_markup"]["inline_keyboard"][0]
        # 4 sessions to each of 2 chats: one digest each
        assert [b["text"] for b in buttons] == ["📣 Envoyer 2 avis", "🤫 Mettre à jour sans avis"]
        # the organiser chooses to update silently
        stand_in.push_button(str(buttons[1]["callback_data"]), user=ORGANISER)
        [decided] = stand_in.wait_for("editMessageText", 1, timeout=30)
        assert "Programme mis à jour sans avis" in decided["text"]
        time.sleep(1.5)
    finally:
        stop(process)
    _run_once(env, stand_in)  # a restart asks nothing more
    assert all(len(_texts(stand_in, chat)) == 2 for chat in SUBSCRIBERS)  # nobody flooded
    assert len([m for m in stand_in.sent()[before:] if int(m["chat_id"]) == ORGANISER]) == 1
