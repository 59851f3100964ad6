"""The outbox's sender on the real PTB bot (its own HTTP client), against a Bot API stand-in
on 127.0.0.1 that fails the way networks do: a connection dropped or reset after the request
arrived (Telegram may have delivered it: unknown, never sent again), no connection at all or a
5xx (surely not delivered: sent again)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from itertools import count
from typing import Any
from urllib.parse import parse_qs

import pytest

from bot.services import Services
from bot.telegram_app import TelegramSender, build_application
from scheduler.broadcast import BroadcastService
from scheduler.outbox import OutboxDispatcher, SendStatus
from scheduler.reminders import SubscriptionService
from scheduler.store import Database
from tests.e2e.botapi_standin import BOT
from tests.scheduler.conftest import FakeClock

DROP = "drop"  # the request is read, then the connection closed without an answer
RESET = "reset"  # the request is read, then the connection reset (TCP RST)
CUT = "cut"  # the request is read, the answer begins and the connection closes mid-body
PROXY_502 = "proxy 502"  # a proxy before Telegram answers 502 with its HTML error page
_PROXY_PAGE = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
Fault = str | tuple[int, str]  # one of the above, or Telegram's error (status, description)


class FlakyBotApi:
    """A Bot API stand-in on loopback whose next answers to a method can fail (``fail_next``);
    ``received`` is every request that reached it: what Telegram would have seen."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, str]]] = []
        self._faults: dict[str, list[Fault]] = {}
        self._ids = count(1)
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def fail_next(self, method: str, *faults: Fault) -> None:
        self._faults.setdefault(method, []).extend(faults)

    def sent(self, method: str = "sendMessage") -> list[dict[str, str]]:
        return [params for name, params in self.received if name == method]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """No longer listening: the next connection is refused."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines)}
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        method = lines[0].split()[1].rsplit("/", 1)[-1]
        params = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        self.received.append((method, params))
        faults = self._faults.get(method)
        fault = faults.pop(0) if faults else None
        if fault == RESET:
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return
        if fault == CUT:
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 200\r\n\r\n" + b'{"ok": true, ')
        elif fault == PROXY_502:
            writer.write(
                b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
                + f"Content-Length: {len(_PROXY_PAGE)}\r\nConnection: close\r\n\r\n".encode()
                + _PROXY_PAGE
            )
        elif isinstance(fault, tuple):
            status, description = fault
            error = {"ok": False, "error_code": status, "description": description}
            self._answer(writer, status, error)
        elif fault != DROP:
            self._answer(writer, 200, {"ok": True, "result": self._result(method, params)})
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    def _result(self, method: str, params: dict[str, str]) -> Any:
        if method == "getMe":
            return BOT
        if method == "sendMessage":
            chat = int(params["chat_id"])
            return {
                "message_id": next(self._ids),
                "date": 1_700_000_000,
                "chat": {"id": chat, "type": "private"},
                "text": params.get("text", ""),
            }
        raise AssertionError(f"unexpected method {method}")

    @staticmethod
    def _answer(writer: asyncio.StreamWriter, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode()
        writer.write(
            f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )


@asynccontextmanager
async def _bot_against(services: Services) -> AsyncIterator[tuple[Any, FlakyBotApi]]:
    """The bot as the application builds it (PTB's own HTTP client), talking to the stand-in."""
    api = FlakyBotApi()
    await api.start()
    settings = replace(services.settings, api_base_url=api.base_url)
    application = build_application(settings, services)
    try:
        async with application:
            yield application.bot, api
    finally:
        await api.stop()


@pytest.mark.parametrize(
    ("fault", "status"),
    [
        (DROP, SendStatus.UNKNOWN),
        (RESET, SendStatus.UNKNOWN),
        (CUT, SendStatus.UNKNOWN),
        ((502, "Bad Gateway"), SendStatus.TRANSIENT),
        ((500, "Internal Server Error"), SendStatus.TRANSIENT),
    ],
)
async def test_a_failed_send_is_unknown_once_it_reached_telegram(
    services: Services, fault: Fault, status: SendStatus
) -> None:
    """A dropped connection was "transient", so the outbox sent the message again: twice in
    the chat when Telegram had delivered it before the connection dropped."""
    async with _bot_against(services) as (bot, api):
        api.fail_next("sendMessage", fault)
        result = await TelegramSender(bot).send(5, "Lunch moved to 13:00")
    assert result.status is status
    assert [p["chat_id"] for p in api.sent()] == ["5"]  # it reached Telegram once


async def test_a_proxy_error_page_is_one_warning_line_not_a_traceback(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    """PTB logged the HTML page and a traceback for a 502 from a proxy; the send is simply
    tried again later."""
    async with _bot_against(services) as (bot, api):
        api.fail_next("sendMessage", PROXY_502)
        result = await TelegramSender(bot).send(5, "Lunch moved to 13:00")
    assert result.status is SendStatus.TRANSIENT
    [record] = [r for r in caplog.records if r.name == "telegram.request.BaseRequest"]
    assert (record.levelname, record.exc_info) == ("WARNING", None)
    assert record.getMessage() == (
        "Telegram's reply was not JSON (74 characters: '<html><head><title>502 Bad Gateway"
        "</title></head><body>nginx</body></html>')"
    )


async def test_a_send_that_never_connected_is_transient(services: Services) -> None:
    async with _bot_against(services) as (bot, api):
        await api.stop()
        result = await TelegramSender(bot).send(5, "Lunch moved to 13:00")
    assert result.status is SendStatus.TRANSIENT
    assert api.sent() == []


async def test_the_outbox_never_sends_again_what_may_have_arrived(
    services: Services, tmp_path: Any
) -> None:
    """Through the outbox: a dropped connection is reported unknown and sent once; a 502 is
    sent again and delivered."""
    database = Database(tmp_path / "bot.sqlite3")
    subscriptions = SubscriptionService(database)
    for chat in (1, 2, 3):
        subscriptions.subscribe(chat)
    broadcasts = BroadcastService(database, {7})
    preview = broadcasts.create(7, ["Lunch moved to 13:00"])
    broadcasts.confirm(7, preview.broadcast_id)

    async with _bot_against(services) as (bot, api):
        api.fail_next("sendMessage", DROP, (502, "Bad Gateway"))
        sender = TelegramSender(bot)
        clock = FakeClock()  # the 502's retry comes 2 s later: no real wait
        dispatcher = OutboxDispatcher(
            database, sender, clock=clock, sleep=clock.sleep, concurrency=1
        )
        await asyncio.wait_for(dispatcher.run_until_idle(), timeout=30)
        await asyncio.wait_for(dispatcher.run_until_idle(), timeout=30)  # nothing is left

    reached = sorted(int(p["chat_id"]) for p in api.sent())
    report = broadcasts.report(preview.broadcast_id)
    database.close()
    assert reached == [1, 2, 2, 3]  # chat 1 once (dropped), chat 2 again after the 502
    assert (report.sent, report.unknown, report.pending, report.failed) == (2, 1, 0, 0)
