"""End to end: the bot process long-polls the stand-in and answers over HTTP on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop

pytestmark = pytest.mark.e2e


def test_bot_answers_over_http(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    process = start_bot(bot_environment(stand_in, tmp_path))
    try:
        stand_in.push_text("/start", user=1)
        stand_in.push_text("art 29(3)", user=2)
        stand_in.push_text("tell me a joke", user=3)
        replies = stand_in.wait_for("sendMessage", 3, timeout=60)
    finally:
        stop(process)
    commands = stand_in.sent("setMyCommands")[0]["commands"]
    assert [c["command"] for c in commands] == ["article", "search", "help"]
    # updates are handled concurrently: match replies to senders, not to arrival order
    texts = [r["text"] for r in sorted(replies, key=lambda r: int(r["chat_id"]))]
    assert texts[0].startswith("<b>Welcome</b>")
    assert texts[1] == (
        "<b>Budapest Convention · Art. 29(3) – Expedited preservation of stored computer data</b>\n"
        "3. Upon receiving the request from another Party, the requested Party shall take all "
        "appropriate measures to preserve expeditiously the specified data in accordance with its "
        "domestic law. For the purposes of responding to a request, dual criminality shall not be "
        "required as a condition to providing such preservation."
    )
    assert texts[2].startswith("I don't know the answer to that")
    assert sorted(int(r["chat_id"]) for r in replies) == [1, 2, 3]


def test_rejected_token_gives_a_clear_message(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    process = start_bot(bot_environment(stand_in, tmp_path, token="999:WRONG"))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1].startswith("Telegram rejected the token")


def test_missing_token_gives_a_clear_message(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    env = bot_environment(stand_in, tmp_path)
    env["TELEGRAM_BOT_TOKEN"] = ""
    process = start_bot(env)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err.strip()) == (
        2,
        "No Telegram token: set TELEGRAM_BOT_TOKEN (or telegram_token in config.yaml), "
        "or use `workshop-bot console`.",
    )
