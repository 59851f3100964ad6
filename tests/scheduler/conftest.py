"""Shared doubles for the outbox tests: a fake clock whose sleep advances it, a scripted sender."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from scheduler.outbox import SendResult
from scheduler.store import Database


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Let ready tasks run at the current time first, as a real sleep would, then jump."""
        await asyncio.sleep(0)
        self.now += max(seconds, 0.0)


class ScriptedSender:
    """Delivers everything unless the script for a chat says otherwise (then in order)."""

    def __init__(
        self, clock: FakeClock, script: dict[int, list[SendResult | Exception]] | None = None
    ) -> None:
        self.clock = clock
        self.script = script or {}
        self.delivered: list[tuple[float, int, str]] = []
        self.attempts: list[int] = []

    async def send(self, chat_id: int, html: str) -> SendResult:
        self.attempts.append(chat_id)
        planned = self.script.get(chat_id)
        outcome = planned.pop(0) if planned else SendResult.ok()
        if isinstance(outcome, Exception):
            raise outcome
        if outcome == SendResult.ok():
            self.delivered.append((self.clock(), chat_id, html))
        return outcome


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "bot.sqlite3")
    yield db
    db.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
