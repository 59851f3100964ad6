"""The outbox dispatcher with a fake clock: pacing, retries, blocked users, crash recovery."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scheduler.broadcast import BroadcastService, DeliveryReport
from scheduler.outbox import CONSOLE_CHAT, OutboxDispatcher, SendResult, take_due
from scheduler.reminders import SubscriptionService
from scheduler.store import AlreadyRunning, Database, sole_sender
from tests.scheduler.conftest import FakeClock, ScriptedSender

ORGANISER = 42


def _audience(database: Database, chats: range) -> None:
    subscriptions = SubscriptionService(database)
    for chat in chats:
        subscriptions.subscribe(chat)


def _queue(database: Database, text: str | list[str], clock: FakeClock) -> int:
    """A confirmed broadcast of ``text`` (a list: its parts)."""
    broadcasts = BroadcastService(database, {ORGANISER}, clock)
    preview = broadcasts.create(ORGANISER, text if isinstance(text, list) else [text])
    broadcasts.confirm(ORGANISER, preview.broadcast_id)
    return preview.broadcast_id


def _dispatcher(database: Database, sender: ScriptedSender, clock: FakeClock) -> OutboxDispatcher:
    return OutboxDispatcher(database, sender, clock=clock, sleep=clock.sleep)


def _report(database: Database, broadcast_id: int) -> DeliveryReport:
    return BroadcastService(database, {ORGANISER}).report(broadcast_id)


async def test_every_chat_gets_one_copy_and_the_report_adds_up(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 101))
    broadcast = _queue(database, "Plenary moved to Room 4", clock)
    sender = ScriptedSender(clock)
    assert await _dispatcher(database, sender, clock).run_until_idle() == 100
    assert sorted(chat for _, chat, _ in sender.delivered) == list(range(1, 101))
    assert _report(database, broadcast) == DeliveryReport(broadcast, 100, 100, 0, 0, 0, 0)
    assert await _dispatcher(database, sender, clock).run_until_idle() == 0


async def test_the_consoles_copy_waits_for_the_console(
    database: Database, clock: FakeClock
) -> None:
    """Telegram answered "chat not found" for the console's chat, and the broadcast reported
    a failure (walkthrough 18); the console shows its copy when it next runs."""
    _audience(database, range(3))  # chat 0 is the console's
    broadcast = _queue(database, "Plenary moved to Room 4", clock)
    sender = ScriptedSender(clock)

    assert await asyncio.wait_for(_dispatcher(database, sender, clock).run_until_idle(), 5) == 2

    assert sorted(chat for _, chat, _ in sender.delivered) == [1, 2]
    assert take_due(database, CONSOLE_CHAT, clock()) == ["Plenary moved to Room 4"]
    assert _report(database, broadcast) == DeliveryReport(broadcast, 3, 3, 0, 0, 0, 0)


async def test_pacing_stays_under_the_global_and_per_chat_limits(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 41))
    _queue(database, ["x" * 3000] * 3, clock)  # 3 parts each
    sender = ScriptedSender(clock)
    await _dispatcher(database, sender, clock).run_until_idle()
    times = [moment for moment, _, _ in sender.delivered]
    assert len(times) == 120
    assert max(sum(1 for t in times if start <= t < start + 1.0) for start in times) <= 30
    for chat in range(1, 41):
        mine = [t for t, c, _ in sender.delivered if c == chat]
        assert [later - earlier >= 1.0 for earlier, later in itertools.pairwise(mine)] == [
            True,
            True,
        ]


async def test_parts_arrive_in_order(database: Database, clock: FakeClock) -> None:
    _audience(database, range(1, 3))
    _queue(database, [f"{n}" * 3000 for n in range(3)], clock)
    sender = ScriptedSender(clock, {1: [SendResult.transient("timeout")]})
    await _dispatcher(database, sender, clock).run_until_idle()
    first_chars = [html[0] for _, chat, html in sender.delivered if chat == 1]
    assert first_chars == ["0", "1", "2"]


async def test_retry_after_pauses_everything_then_delivers(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 4))
    broadcast = _queue(database, "hello", clock)
    sender = ScriptedSender(clock, {1: [SendResult.retry(20.0)]})
    began = clock()
    await _dispatcher(database, sender, clock).run_until_idle()
    assert sorted(c for _, c, _ in sender.delivered) == [1, 2, 3]
    retried = next(t for t, c, _ in sender.delivered if c == 1)
    assert retried - began >= 20.0
    assert _report(database, broadcast).sent == 3


class TimedSender(ScriptedSender):
    """Also notes the moment of every attempt, delivered or not."""

    def __init__(self, clock: FakeClock, script: dict[int, list[SendResult | Exception]]) -> None:
        super().__init__(clock, script)
        self.tried: list[tuple[float, int]] = []

    async def send(self, chat_id: int, html: str) -> SendResult:
        self.tried.append((self.clock(), chat_id))
        return await super().send(chat_id, html)


async def _killed_in_the_pause(
    database: Database, clock: FakeClock, sender: ScriptedSender
) -> None:
    """Run a dispatcher until it waits out a flood-control pause, and kill it there."""
    waiting = asyncio.Event()

    async def sleep(seconds: float) -> None:
        if seconds > 1.0:  # the pause, not a send slot: the process dies here
            waiting.set()
            await asyncio.Event().wait()
        await clock.sleep(seconds)

    dispatcher = OutboxDispatcher(database, sender, clock=clock, sleep=sleep)
    task = asyncio.create_task(dispatcher.run_until_idle())
    await asyncio.wait_for(waiting.wait(), timeout=5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_restart_during_flood_control_waits_out_the_pause(
    database: Database, clock: FakeClock
) -> None:
    """The pause was kept in memory only: a bot restarted during it sent at once, and
    Telegram answered 429 again (and may lengthen the ban)."""
    _audience(database, range(1, 7))
    broadcast = _queue(database, "hello", clock)
    first = TimedSender(clock, {1: [SendResult.retry(30.0)]})
    await _killed_in_the_pause(database, clock, first)
    [(flooded, chat)] = first.tried
    assert (chat, first.delivered) == (1, [])

    clock.now = flooded + 10.0  # back up 10 s later, 20 s before the pause ends
    restarted = Database(database.path)
    second = TimedSender(clock, {})
    assert await _dispatcher(restarted, second, clock).run_until_idle() == 6
    restarted.close()

    assert min(moment for moment, _ in second.tried) >= flooded + 30.0
    assert sorted(c for _, c, _ in second.delivered) == [1, 2, 3, 4, 5, 6]  # once each
    assert _report(database, broadcast) == DeliveryReport(broadcast, 6, 6, 0, 0, 0, 0)


async def test_a_kept_pause_is_never_longer_than_telegram_asked(
    database: Database, clock: FakeClock
) -> None:
    """A clock set back an hour since must not hold every message for an hour more."""
    _audience(database, range(1, 3))
    _queue(database, "hello", clock)
    first = TimedSender(clock, {1: [SendResult.retry(30.0)]})
    await _killed_in_the_pause(database, clock, first)

    clock.now -= 3600.0
    restarted_at = clock()
    second = TimedSender(clock, {})
    assert await _dispatcher(database, second, clock).run_until_idle() == 2
    assert restarted_at + 29.0 <= min(moment for moment, _ in second.tried) <= restarted_at + 31.0


async def test_transient_errors_retry_then_fail(database: Database, clock: FakeClock) -> None:
    _audience(database, range(1, 3))
    broadcast = _queue(database, "hello", clock)
    script: dict[int, list[SendResult | Exception]] = {
        1: [SendResult.transient("502"), ConnectionError("reset")],
        2: [SendResult.transient("502")] * 5,
    }
    sender = ScriptedSender(clock, script)
    await _dispatcher(database, sender, clock).run_until_idle()
    assert [c for _, c, _ in sender.delivered] == [1]
    assert sender.attempts.count(1) == 3
    assert sender.attempts.count(2) == 5
    assert _report(database, broadcast) == DeliveryReport(broadcast, 2, 1, 0, 1, 0, 0)


async def test_blocked_user_is_marked_inactive_and_gets_nothing_more(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 3))
    broadcast = _queue(database, ["y" * 3000] * 2, clock)
    sender = ScriptedSender(clock, {2: [SendResult.blocked("Forbidden: bot was blocked")]})
    await _dispatcher(database, sender, clock).run_until_idle()
    assert [c for _, c, _ in sender.delivered] == [1, 1]
    assert _report(database, broadcast) == DeliveryReport(broadcast, 4, 2, 0, 0, 2, 0)
    assert database.query("SELECT chat_id FROM chats WHERE active = 0") == [(2,)]
    preview = BroadcastService(database, {ORGANISER}).create(ORGANISER, ["again"])
    assert preview.recipients == 1


async def test_rows_in_flight_at_a_crash_are_reported_not_resent(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 6))
    broadcast = _queue(database, "hello", clock)
    with database.transaction() as sql:  # the state a SIGKILL leaves behind
        sql.execute("UPDATE outbox SET status = 'sent', sent_at = 1 WHERE chat_id IN (1, 2)")
        sql.execute("UPDATE outbox SET status = 'sending' WHERE chat_id = 3")
    sender = ScriptedSender(clock)
    await _dispatcher(database, sender, clock).run_until_idle()
    assert sorted(c for _, c, _ in sender.delivered) == [4, 5]
    assert _report(database, broadcast) == DeliveryReport(broadcast, 5, 4, 0, 0, 0, 1)
    assert BroadcastService(database, {ORGANISER}).resend_unknown(ORGANISER, broadcast) == 1
    await _dispatcher(database, sender, clock).run_until_idle()
    assert sorted(c for _, c, _ in sender.delivered) == [3, 4, 5]


async def test_cancelled_mid_send_marks_the_row_unknown(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 2))
    broadcast = _queue(database, "hello", clock)

    started = asyncio.Event()

    class Hanging(ScriptedSender):
        async def send(self, chat_id: int, html: str) -> SendResult:
            started.set()
            await asyncio.Event().wait()
            raise AssertionError("unreachable")

    task = asyncio.create_task(_dispatcher(database, Hanging(clock), clock).run_until_idle())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert _report(database, broadcast).unknown == 1


async def test_graceful_stop_finishes_the_send_in_flight(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 11))
    broadcast = _queue(database, "hello", clock)
    stop = asyncio.Event()

    class StopsAfterThree(ScriptedSender):
        async def send(self, chat_id: int, html: str) -> SendResult:
            result = await super().send(chat_id, html)
            if len(self.delivered) == 3:
                stop.set()
            return result

    sender = StopsAfterThree(clock)
    await _dispatcher(database, sender, clock).run(stop)
    report = _report(database, broadcast)
    assert (report.sent, report.pending, report.unknown) == (
        len(sender.delivered),
        10 - len(sender.delivered),
        0,
    )


CHILD = """
import asyncio, os, sys
from pathlib import Path
from scheduler.outbox import CONSOLE_CHAT, OutboxDispatcher, SendResult, take_due
from scheduler.store import AlreadyRunning, Database, sole_sender

received = Path(sys.argv[2])

class FileSender:
    async def send(self, chat_id, html):
        with received.open("a") as stream:
            stream.write(f"{chat_id}\\n")
            stream.flush()
            os.fsync(stream.fileno())
        await asyncio.sleep(0.002)
        return SendResult.ok()

asyncio.run(OutboxDispatcher(Database(Path(sys.argv[1])), FileSender(), rate=2000).run_until_idle())
"""


def test_sigkill_mid_broadcast_then_restart_loses_and_doubles_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    received = tmp_path / "received.txt"
    database = Database(path)
    _audience(database, range(1, 401))
    broadcast = _queue(database, "hello", FakeClock())
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(received)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (
        not received.exists() or len(received.read_text().split()) < 50
    ):
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    first_run = len(received.read_text().split())
    assert first_run < 400  # killed mid-broadcast

    restarted = ScriptedSender(FakeClock())
    asyncio.run(OutboxDispatcher(Database(path), restarted, rate=2000).run_until_idle())
    chats = [int(c) for c in received.read_text().split()] + [c for _, c, _ in restarted.delivered]
    report = _report(database, broadcast)
    unknown = {
        int(str(r[0]))
        for r in database.query("SELECT chat_id FROM outbox WHERE status = 'unknown'")
    }
    assert len(chats) == len(set(chats))  # no duplicates
    assert set(range(1, 401)) - set(chats) <= unknown  # anything missing is reported
    assert (report.sent + report.unknown, report.pending) == (400, 0)


async def test_the_sender_survives_a_locked_database_and_resumes(
    database: Database, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """One 8-second write lock used to kill the outbox task for good: broadcasts stopped."""
    _audience(database, range(1, 4))
    broadcast = _queue(database, "hello", clock)
    sender = ScriptedSender(clock, {})
    dispatcher = _dispatcher(database, sender, clock)
    real_ready = dispatcher._ready
    failures = iter([sqlite3.OperationalError("database is locked")] * 2)

    def locked_at_first() -> list[object]:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real_ready()  # type: ignore[return-value]

    dispatcher._ready = locked_at_first  # type: ignore[method-assign,assignment]
    stop = asyncio.Event()

    async def stop_when_delivered() -> None:
        for _ in range(1000):  # polls for at most 10 s
            if len(sender.delivered) == 3:
                break
            await asyncio.sleep(0.01)
        stop.set()

    await asyncio.wait_for(
        asyncio.gather(dispatcher.run(stop, poll=0.01), stop_when_delivered()), timeout=10
    )

    assert sorted(c for _, c, _ in sender.delivered) == [1, 2, 3]
    assert _report(database, broadcast).sent == 3
    assert "outbox sender failed" in caplog.text


async def test_a_failure_while_recording_leaves_no_row_sending_after_resuming(
    database: Database, clock: FakeClock
) -> None:
    _audience(database, range(1, 3))
    broadcast = _queue(database, "hello", clock)
    sender = ScriptedSender(clock, {})
    dispatcher = _dispatcher(database, sender, clock)
    real_record = dispatcher._record
    broken = iter([True])

    def record_fails_once(row: object, result: SendResult) -> bool:
        if next(broken, False):
            raise sqlite3.OperationalError("database is locked")
        return real_record(row, result)  # type: ignore[arg-type]

    dispatcher._record = record_fails_once  # type: ignore[method-assign]
    with pytest.raises(sqlite3.OperationalError):
        await dispatcher.run_until_idle()
    dispatcher._recovered = False  # what run() does before resuming
    await dispatcher.run_until_idle()

    report = _report(database, broadcast)
    assert len(sender.delivered) == 2  # the row whose result was lost is not sent again
    assert (report.sent, report.unknown) == (1, 1)


def test_only_one_process_may_deliver_from_a_database(tmp_path: Path) -> None:
    db_path = tmp_path / "bot.sqlite3"
    refused = pytest.raises(AlreadyRunning, match="Another workshop-bot is already running on")
    with sole_sender(db_path), refused, sole_sender(db_path):
        pass  # pragma: no cover - never entered
    with sole_sender(db_path):  # released with the first holder
        pass


async def test_a_send_without_an_answer_is_unknown_and_never_sent_again(
    database: Database, clock: FakeClock
) -> None:
    """A slow Telegram (no answer in time) may still have delivered: resending doubled it."""
    _audience(database, range(1, 4))
    broadcast = _queue(database, "Lunch moved", clock)
    sender = ScriptedSender(clock, {2: [SendResult.unknown("timed out")]})
    assert await _dispatcher(database, sender, clock).run_until_idle() == 2
    assert await _dispatcher(database, sender, clock).run_until_idle() == 0
    assert sender.attempts.count(2) == 1
    assert _report(database, broadcast) == DeliveryReport(broadcast, 3, 2, 0, 0, 0, 1)
