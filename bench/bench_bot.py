"""The bot under load: 1,000 simulated users x 5 questions through the Bot API stand-in.

The bot runs as a real process (`workshop-bot run`) long-polling the stand-in on 127.0.0.1,
answering with semantic search on (when its model loads, as in production). The questions are
the 281 labelled ones of bench/questions.yaml, in turn, so answers are not all alike. Messages
arrive at a steady rate (BENCH_BOT_RATE per second, default 15: the 5,000 questions in under 6
minutes, half of the 30 messages a second Telegram lets a bot send, which AIORateLimiter
enforces, so no higher rate can be answered at once); each reply's latency is measured from
the moment its update was queued. Also: resident memory of the bot process, and updates
handled per second in-process (one after another) through the offline request layer, which
is the rate at which replies would start to queue.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.harness import latency, load_questions
from bot.services import build_services
from bot.settings import Settings
from bot.telegram_app import build_application
from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop
from tests.telegram.recording import RecordingRequest

USERS = int(os.environ.get("BENCH_BOT_USERS", "1000"))
PER_USER = 5
RATE = float(os.environ.get("BENCH_BOT_RATE", "15"))
QUESTIONS = tuple(question.text for question in load_questions())


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _through_stand_in(data_dir: Path) -> dict[str, object]:
    with BotApiStandIn() as api:
        process = start_bot(bot_environment(api, data_dir))
        try:
            api.push_text("/start", user=10**9)
            api.wait_for("sendMessage", 1, timeout=60)
            rss_idle = _rss_mb(process.pid)
            pushed: dict[int, list[float]] = {}
            started = time.monotonic()
            total = USERS * PER_USER
            for n in range(total):
                user = 1 + n % USERS
                due = started + n / RATE
                pause = due - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                pushed.setdefault(user, []).append(time.monotonic())
                api.push_text(QUESTIONS[n % len(QUESTIONS)], user=user)
            api.wait_for("sendMessage", total + 1, timeout=max(120.0, total / 10))
            elapsed = time.monotonic() - started
            rss_loaded = _rss_mb(process.pid)
        finally:
            stop(process)
        replies: dict[int, list[float]] = {}
        for name, params, at in api.calls:
            if name == "sendMessage" and int(params["chat_id"]) != 10**9:
                replies.setdefault(int(params["chat_id"]), []).append(at)
    waits = [
        reply - sent
        for user, times in pushed.items()
        for sent, reply in zip(sorted(times), sorted(replies.get(user, [])), strict=False)
    ]
    return {
        "users": USERS,
        "messages": total,
        "answered": sum(len(v) for v in replies.values()),
        "arrival_rate_per_s": RATE,
        "seconds": round(elapsed, 1),
        "reply_latency": latency(waits),
        "rss_mb_idle": rss_idle,
        "rss_mb_after_load": rss_loaded,
    }


async def _in_process(data_dir: Path, updates: int = 2000) -> dict[str, object]:
    settings = replace(
        Settings(),
        telegram_token="123:BENCH",
        api_base_url="https://api.test.invalid/bot",
        data_dir=data_dir,
        db_path=data_dir / "bench.sqlite3",
        index_dir=data_dir / "index",
        rate_limit_per_minute=10**6,
    )
    services = build_services(settings)
    request = RecordingRequest()

    def configure(builder: Any) -> None:
        builder.request(request).get_updates_request(RecordingRequest())

    from telegram import Update

    application = build_application(settings, services, configure=configure)
    async with application:
        started = time.perf_counter()
        for n in range(updates):
            payload = {
                "update_id": n + 1,
                "message": {
                    "message_id": n + 1,
                    "date": 1_700_000_000,
                    "chat": {"id": 1 + n % 500, "type": "private"},
                    "from": {"id": 1 + n % 500, "is_bot": False, "first_name": "U"},
                    "text": QUESTIONS[n % len(QUESTIONS)],
                },
            }
            await application.process_update(Update.de_json(payload, application.bot))
        seconds = time.perf_counter() - started
    services.close()
    return {"updates": updates, "updates_per_s": round(updates / seconds, 1)}


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        figures: dict[str, object] = {"stand_in": _through_stand_in(Path(folder) / "http")}
        figures["in_process"] = asyncio.run(_in_process(Path(folder) / "memory"))
    return figures
