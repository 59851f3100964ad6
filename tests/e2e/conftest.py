"""Run `workshop-bot run` as a real process against the Bot API stand-in."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.botapi_standin import BotApiStandIn

ROOT = Path(__file__).resolve().parents[2]


def bot_environment(api: BotApiStandIn, data_dir: Path, token: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WORKSHOP_BOT_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=token or api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        WORKSHOP_BOT_DATA_DIR=str(data_dir),
        WORKSHOP_BOT_CONFIG=str(data_dir / "absent.yaml"),
        PYTHONUNBUFFERED="1",
    )
    return env


def start_bot(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def stand_in() -> Iterator[BotApiStandIn]:
    """The stand-in; a test fails if the bot sent anything Telegram would have refused."""
    with BotApiStandIn() as api:
        yield api
    assert [(method, why) for method, _, why in api.refusals] == []


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    if process.poll() is None:
        process.terminate()
    try:
        return process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()
