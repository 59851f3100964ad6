"""Reminders and a broadcast to 10,000 subscribers through the running bot and the Bot API
stand-in, through a 429 storm and a SIGKILL mid-batch.

Subscribers are written straight into the bot's database. First a session whose 15-minute
reminder falls due just after the bot starts, then an organiser's broadcast, previewed and
confirmed through Telegram updates. In each phase the stand-in answers 429 (retry after 1 s)
to a few sends in a row at six points, and halfway through the bot is killed with SIGKILL and
started again. Copies are counted per chat from what the stand-in accepted: `duplicated` and
`lost` (no copy, and not reported `unknown`) must be 0; `unknown` are the sends in flight at
the kill, which nobody can know arrived (`unknown_arrived` says how many did). The rate is
the stand-in's: overall (429 pauses and the restart included) and while sending.
BENCH_BROADCAST_SUBSCRIBERS (default 10000) sizes it; BENCH_BROADCAST_KILL=0 skips the kill.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench.storm import KILL, SUBSCRIBERS, Storm, accepted
from scheduler.store import Database
from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import ROOT, bot_environment, stop

ORGANISER = 7
TEXT = "Plenary moved to Room 4"
REMINDER = "⏰"
LEAD = timedelta(minutes=15, seconds=25)  # the 15-minute reminder falls due 25 s after setup


def start_bot(env: dict[str, str]) -> subprocess.Popen[str]:
    """The bot, logging into a file: a pipe nobody reads fills up in minutes of reminder
    ticks, and the bot then waits on its own log lines (the e2e tests' bots live seconds)."""
    log = Path(env["WORKSHOP_BOT_DATA_DIR"]) / "bot.log"
    with log.open("a", encoding="utf-8") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )


def _setup(data: Path) -> None:
    database = Database(data / "workshop-bot.sqlite3")
    chats = [(1000 + n,) for n in range(SUBSCRIBERS)]
    with database.transaction() as sql:
        sql.executemany("INSERT INTO chats (chat_id) VALUES (?)", chats)
        sql.executemany("INSERT INTO subscriptions VALUES (?, '*')", chats)
    database.close()
    start = datetime.now(UTC) + LEAD
    (data / "agenda").mkdir()
    (data / "agenda" / "bench.yaml").write_text(
        "timezone: UTC\nevents:\n"
        f"  - {{id: plenary, title: Plenary, start: '{start:%Y-%m-%dT%H:%M:%S}',"
        f" end: '{start + timedelta(hours=1):%Y-%m-%dT%H:%M:%S}'}}\n",
        encoding="utf-8",
    )


_OF_PHASE = """
    FROM outbox o LEFT JOIN broadcast_parts p ON p.broadcast_id = o.broadcast_id AND p.part = o.part
    WHERE o.chat_id != ? AND COALESCE(o.html, p.html) LIKE ?
"""


def _rows(database: Path, marker: str) -> tuple[Counter[str], set[int]]:
    """The phase's outbox rows by status, and the chats whose row is `unknown` (read beside
    the running bot: WAL)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=20) as sql:
        found = sql.execute(
            f"SELECT o.status, o.chat_id {_OF_PHASE}", (ORGANISER, f"%{marker}%")
        ).fetchall()
    return Counter(str(s) for s, _ in found), {int(c) for s, c in found if s == "unknown"}


def _phase(
    api: BotApiStandIn,
    env: dict[str, str],
    process: subprocess.Popen[str],
    marker: str,
    begin: Callable[[], None],
) -> tuple[subprocess.Popen[str], dict[str, object]]:
    storm = Storm(marker, spared=ORGANISER)
    api.responder = storm
    begin()
    database = Path(env["WORKSHOP_BOT_DATA_DIR"]) / "workshop-bot.sqlite3"
    deadline = time.monotonic() + SUBSCRIBERS / 10 + 240
    kills = 0
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if KILL and not kills and len(accepted(api, marker, storm, ORGANISER)) >= SUBSCRIBERS // 2:
            process.send_signal(signal.SIGKILL)
            stop(process)
            kills += 1
            process = start_bot(env)
        rows, _ = _rows(database, marker)
        if rows.total() >= SUBSCRIBERS and not rows["pending"] + rows["sending"]:
            break
    rows, unknown = _rows(database, marker)
    copies = accepted(api, marker, storm, ORGANISER)
    per_chat = Counter(chat for chat, _ in copies)
    arrived = sum(1 for chat in unknown if chat in per_chat)
    return process, {
        "subscribers": SUBSCRIBERS,
        "delivered": len(per_chat),
        "duplicated": sum(n - 1 for n in per_chat.values() if n > 1),
        "lost": SUBSCRIBERS - len(per_chat) - (len(unknown) - arrived),
        "unknown": len(unknown),
        "unknown_arrived": arrived,
        "failed": rows["failed"],
        "expired": rows["expired"],
        "answered_429": len(storm.refused),
        "sigkills": kills,
        **_rates(sorted(at for _, at in copies)),
    }


def _rates(times: list[float]) -> dict[str, float]:
    """Messages per second overall, and while sending (gaps over a second left out)."""
    if len(times) < 2:
        return {"rate_overall_per_s": 0.0, "rate_sending_per_s": 0.0, "seconds": 0.0}
    gaps = [b - a for a, b in pairwise(times)]
    sending = sum(gap for gap in gaps if gap <= 1.0)
    return {
        "rate_overall_per_s": round((len(times) - 1) / (times[-1] - times[0]), 2),
        "rate_sending_per_s": round(sum(1 for gap in gaps if gap <= 1.0) / sending, 2),
        "seconds": round(times[-1] - times[0], 1),
        "paused_seconds": round(sum(gap for gap in gaps if gap > 1.0), 1),
    }


def _broadcast(api: BotApiStandIn) -> None:
    api.push_text(f"/broadcast {TEXT}", user=ORGANISER)

    def preview(message: dict[str, Any]) -> bool:
        return message["chat_id"] == ORGANISER and "reply_markup" in message

    sent = api.wait_until("sendMessage", lambda found: any(map(preview, found)), timeout=120)
    buttons = next(m for m in sent if preview(m))["reply_markup"]["inline_keyboard"]
    api.push_button(buttons[0][0]["callback_data"], user=ORGANISER)


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder, BotApiStandIn() as api:
        data = Path(folder)
        _setup(data)
        env = bot_environment(api, data)
        env.update(
            WORKSHOP_BOT_ORGANISERS=str(ORGANISER),
            WORKSHOP_BOT_AGENDA_DIR=str(data / "agenda"),
            WORKSHOP_BOT_REMINDER_TICK="0.5",
        )
        process = start_bot(env)
        try:
            process, reminders = _phase(api, env, process, REMINDER, lambda: None)
            process, broadcast = _phase(api, env, process, TEXT, lambda: _broadcast(api))
        finally:
            stop(process)
    return {"reminders": reminders, "broadcast": broadcast}
