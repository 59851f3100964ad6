"""End to end: the bot process long-polls the stand-in and answers over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.conversation import HelpTexts
from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import ROOT, bot_environment, start_bot, stop

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
    assert [c["command"] for c in commands] == [
        c.command for c in HelpTexts.load().commands if c.role == "participant"
    ]
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
    assert texts[2].startswith("That is not something I can help with")  # declined by meaning
    assert sorted(int(r["chat_id"]) for r in replies) == [1, 2, 3]


def test_rejected_token_gives_a_clear_message(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    process = start_bot(bot_environment(stand_in, tmp_path, token="999:WRONG"))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1].startswith("Telegram rejected the token")
    assert "WRONG" not in err  # the token is never printed whole


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(url: str, update: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return 0  # not listening yet


def _webhook_exchange(
    stand_in: BotApiStandIn, tmp_path: Path, secret: str | None
) -> tuple[dict[str, Any], list[dict[str, Any]], int]:
    """Start ``run --webhook``; returns what setWebhook registered, the replies to a POST
    carrying the registered secret, and the status of a POST without any secret header."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    env = bot_environment(stand_in, tmp_path)
    env.pop("TELEGRAM_WEBHOOK_SECRET", None)
    if secret is not None:
        env["TELEGRAM_WEBHOOK_SECRET"] = secret
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--webhook", url, "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        registered = stand_in.wait_for("setWebhook", 1, timeout=60)[0]
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "text": "art 35",
                "chat": {"id": 5, "type": "private"},
                "from": {"id": 5, "is_bot": False, "first_name": "Ana"},
            },
        }
        deadline = time.monotonic() + 30
        while _post(url, {**update, "update_id": 0}, "wrong") not in {403, 401}:
            assert time.monotonic() < deadline, "webhook server did not start"
            time.sleep(0.2)
        unsigned = _post(url, {**update, "update_id": 2}, None)
        assert _post(url, update, registered["secret_token"]) == 200
        reply = stand_in.wait_for("sendMessage", 1, timeout=30)
    finally:
        stop(process)
    assert registered["url"] == url
    return registered, reply, unsigned


def test_webhook_checks_the_secret_token(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    registered, reply, unsigned = _webhook_exchange(stand_in, tmp_path, "s3cret")

    assert registered["secret_token"] == "s3cret"
    assert unsigned == 403
    assert len(reply) == 1
    assert reply[0]["text"].startswith("<b>Budapest Convention · Art. 35 – 24/7 Network</b>")


def test_webhook_without_a_configured_secret_registers_a_random_one(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    registered, reply, unsigned = _webhook_exchange(stand_in, tmp_path, None)

    assert len(registered["secret_token"]) >= 32
    assert unsigned == 403  # a forged organiser /broadcast would have been accepted before
    assert len(reply) == 1


def test_a_second_bot_on_the_same_database_refuses_to_start(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    env = bot_environment(stand_in, tmp_path)
    first = start_bot(env)
    try:
        stand_in.wait_for("setMyCommands", 1, timeout=60)  # the first one is serving
        second = start_bot(env)
        _, err = second.communicate(timeout=60)
    finally:
        stop(first)
    assert second.returncode == 1
    assert err.strip().splitlines()[-1].startswith("Another workshop-bot is already running on")


def test_a_file_that_is_not_a_database_stops_the_start_with_one_line(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    (tmp_path / "workshop-bot.sqlite3").write_text("not a database\n" * 100)
    process = start_bot(bot_environment(stand_in, tmp_path))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"Cannot use the database {tmp_path / 'workshop-bot.sqlite3'}: it is not a SQLite "
        "database: move it aside or restore a backup (file is not a database)."
    )
    assert stand_in.sent() == []  # nothing reached Telegram


def test_the_health_check_follows_the_running_bot(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    env = bot_environment(stand_in, tmp_path)

    def health() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", "health"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    before = health()
    assert before.returncode == 1 and before.stdout.startswith("unhealthy: no heartbeat at ")
    process = start_bot(env)
    try:
        stand_in.wait_for("setMyCommands", 1, timeout=60)
        deadline = time.monotonic() + 30
        while health().returncode != 0 and time.monotonic() < deadline:
            time.sleep(0.5)
        running = health()
    finally:
        stop(process)
    assert running.returncode == 0 and running.stdout.startswith("healthy: last heartbeat ")
