"""A broadcast to 10,000 subscribers through the running bot and the Bot API stand-in.

Subscribers are written straight into the bot's database, the organiser previews and
confirms through Telegram updates, and the stand-in's timestamps give the sustained rate.
Halfway through, the bot is killed with SIGKILL and restarted (BENCH_BROADCAST_KILL=0 to skip):
the figures count copies per chat, so a duplicate or a loss shows.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections import Counter
from pathlib import Path

from scheduler.store import Database
from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop

SUBSCRIBERS = int(os.environ.get("BENCH_BROADCAST_SUBSCRIBERS", "10000"))
KILL = os.environ.get("BENCH_BROADCAST_KILL", "1") == "1"
ORGANISER = 7
TEXT = "Plenary moved to Room 4"


def _copies(api: BotApiStandIn) -> list[tuple[int, float]]:
    return [
        (int(params["chat_id"]), at)
        for name, params, at in list(api.calls)
        if name == "sendMessage"
        and TEXT in str(params.get("text"))
        and params["chat_id"] != ORGANISER
    ]


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder, BotApiStandIn() as api:
        data = Path(folder)
        database = Database(data / "workshop-bot.sqlite3")
        with database.transaction() as sql:
            sql.executemany(
                "INSERT INTO chats (chat_id) VALUES (?)", [(1000 + n,) for n in range(SUBSCRIBERS)]
            )
            sql.executemany(
                "INSERT INTO subscriptions VALUES (?, '*')",
                [(1000 + n,) for n in range(SUBSCRIBERS)],
            )
        database.close()
        env = bot_environment(api, data)
        env["WORKSHOP_BOT_ORGANISERS"] = str(ORGANISER)
        process = start_bot(env)
        kills = 0
        try:
            api.push_text(f"/broadcast {TEXT}", user=ORGANISER)
            preview = api.wait_for("sendMessage", 2, timeout=120)[-1]  # heading, then the part
            data_ok = preview["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
            api.push_button(data_ok, user=ORGANISER)
            deadline = time.monotonic() + SUBSCRIBERS / 10 + 120
            while time.monotonic() < deadline:
                sent = len(_copies(api))
                if KILL and kills == 0 and sent >= SUBSCRIBERS // 2:
                    process.send_signal(signal.SIGKILL)
                    stop(process)
                    kills += 1
                    process = start_bot(env)
                if sent >= SUBSCRIBERS - 4 and not process.poll():
                    time.sleep(3)
                    break
                time.sleep(0.5)
        finally:
            stop(process)
        copies = _copies(api)
    per_chat = Counter(chat for chat, _ in copies)
    times = sorted(at for _, at in copies)
    steady = times[len(times) // 10 : len(times) * 9 // 10]
    rate = (len(steady) - 1) / (steady[-1] - steady[0]) if len(steady) > 1 else 0.0
    return {
        "subscribers": SUBSCRIBERS,
        "delivered_chats": len(per_chat),
        "duplicates": sum(n - 1 for n in per_chat.values() if n > 1),
        "missing": SUBSCRIBERS - len(per_chat),
        "sigkills": kills,
        "sustained_rate_per_s": round(rate, 2),
        "seconds": round(times[-1] - times[0], 1) if times else 0.0,
    }
