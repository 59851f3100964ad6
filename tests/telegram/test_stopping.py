"""Stopping and flood control on the delivery path: the outbox records its sends before the
database closes, and its sends are never retried by the rate limiter behind its back."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot import telegram_app
from bot.services import Services
from bot.telegram_app import NO_RETRY, DeliveryRateLimiter, TelegramFrontEnd, TelegramSender
from scheduler.outbox import SendStatus

# PTB 22 warns that RetryAfter.retry_after becomes a timedelta; the code reads either
FLOOD = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def _flooded_once() -> tuple[list[int], Any]:
    calls: list[int] = []

    async def request(*args: Any, **kwargs: Any) -> bool:
        calls.append(1)
        if len(calls) == 1:
            raise RetryAfter(0)
        return True

    return calls, request


@FLOOD
async def test_a_delivery_is_not_retried_by_the_limiter_on_flood_control() -> None:
    limiter = DeliveryRateLimiter(max_retries=2)
    calls, request = _flooded_once()

    with pytest.raises(RetryAfter):
        await limiter.process_request(request, (), {}, "sendMessage", {"chat_id": 5}, NO_RETRY)

    assert calls == [1]  # the outbox is told at once, and records the row pending


@FLOOD
async def test_a_reply_is_still_retried_by_the_limiter() -> None:
    limiter = DeliveryRateLimiter(max_retries=2)
    calls, request = _flooded_once()

    assert await limiter.process_request(request, (), {}, "sendMessage", {"chat_id": 5}, None)
    assert calls == [1, 1]


@FLOOD
async def test_the_outbox_sender_asks_for_no_retry_and_reports_the_pause() -> None:
    asked: dict[str, Any] = {}

    class FloodedBot:
        async def send_message(self, *args: Any, **kwargs: Any) -> None:
            asked.update(kwargs)
            raise RetryAfter(3)

    result = await TelegramSender(FloodedBot()).send(1, "hi")

    assert asked["rate_limit_args"] == NO_RETRY
    assert (result.status, result.retry_after) == (SendStatus.RETRY_AFTER, 3.0)


async def test_stopping_waits_for_the_outbox_to_record_its_sends(services: Services) -> None:
    front = TelegramFrontEnd(services)
    recorded: list[str] = []

    async def sending() -> None:
        await front.stopping.wait()
        await asyncio.sleep(0.05)  # the send in flight finishes
        recorded.append("sent")

    front.outbox = asyncio.create_task(sending())
    front.stopping.set()
    await front.outbox_stopped()

    assert recorded == ["sent"]
    front.worker.shutdown()


async def test_an_outbox_that_will_not_stop_is_cancelled_in_time(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(telegram_app, "OUTBOX_GRACE", 0.05)
    front = TelegramFrontEnd(services)
    front.outbox = asyncio.create_task(asyncio.sleep(3600))  # a long flood-control pause

    await front.outbox_stopped()

    assert front.outbox.cancelled()
    front.worker.shutdown()
