"""The real PTB Application, wired to the services, talking to a recording request layer."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from itertools import count
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.services import Services
from bot.settings import PROJECT_ROOT, Settings
from bot.telegram_app import build_application
from faq.insight import UnansweredLog
from index.ask import AskService
from scheduler.agenda import load_agenda
from scheduler.store import Database
from tests.conftest import release
from tests.telegram.recording import RecordingRequest

_ids = count(1)


@pytest.fixture
def services(corpus: Any, search_index: Any, tmp_path: Any) -> Iterator[Services]:
    settings = replace(
        Settings(),
        telegram_token="123:TEST",
        api_base_url="https://api.test.invalid/bot",
        data_dir=tmp_path,
        rate_limit_per_minute=5,
    )
    agenda = load_agenda(PROJECT_ROOT / "corpus" / "agenda")
    ask = AskService(corpus, search_index)
    built = Services(settings, corpus, search_index, ask, agenda=agenda)
    yield built
    release(built)


class Harness:
    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], request: RecordingRequest
    ) -> None:
        self.application = application
        self.request = request

    async def feed(self, update: dict[str, Any]) -> None:
        update.setdefault("update_id", next(_ids))
        await self.application.process_update(Update.de_json(update, self.application.bot))

    async def text(
        self, text: str, *, user: int = 42, chat: int | None = None, chat_type: str = "private"
    ) -> None:
        await self.feed(
            {"message": message(text, user=user, chat=chat or user, chat_type=chat_type)}
        )

    def replies(self) -> list[dict[str, Any]]:
        return self.request.sent("sendMessage")


def message(
    text: str, *, user: int = 42, chat: int = 42, chat_type: str = "private", **extra: Any
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 1_700_000_000,
        "chat": {
            "id": chat,
            "type": chat_type,
            "title": "Group" if chat_type != "private" else None,
        },
        "from": {"id": user, "is_bot": False, "first_name": "Ana"},
        "text": text,
    }
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        payload["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    payload.update(extra)
    return payload


ORGANISER = 7


def button(data: str, *, user: int, pressed: dict[str, Any] | None = None) -> dict[str, Any]:
    """A press on an inline button of a message the bot sent to ``user`` (``pressed``: that
    message as sent, so the update carries its text and keyboard)."""
    extra = {"reply_markup": pressed["reply_markup"]} if pressed else {}
    return {
        "callback_query": {
            "id": f"cb{next(_ids)}",
            "from": {"id": user, "is_bot": False, "first_name": "Ana"},
            "chat_instance": "x",
            "data": data,
            "message": message("old", user=999, chat=user, **extra),
        }
    }


@asynccontextmanager
async def _running(services: Services, *, started: bool = True) -> AsyncIterator[Harness]:
    request = RecordingRequest()

    def configure(builder: Any) -> None:
        builder.request(request).get_updates_request(RecordingRequest())

    application = build_application(services.settings, services, configure=configure)
    async with application:
        if started:  # the command menu (and, with a database, the outbox task) as at start
            await application.post_init(application)  # type: ignore[misc]
        yield Harness(application, request)
    # whatever a test drove, nothing the bot sent may be something Telegram refuses
    assert [(method, why) for method, _, why in request.refusals] == []


@pytest.fixture
async def harness(services: Services) -> AsyncIterator[Harness]:
    async with _running(services) as running:
        yield running


@pytest.fixture
async def organiser_harness(services: Services, tmp_path: Any) -> AsyncIterator[Harness]:
    """With a database (subscriptions, broadcasts) and user ORGANISER as an organiser."""
    services.database = Database(tmp_path / "bot.sqlite3")
    services.unanswered = UnansweredLog(tmp_path / "bot.sqlite3")
    services.settings = replace(services.settings, organisers=frozenset({ORGANISER}))
    async with _running(services, started=False) as running:  # no outbox: nothing is sent
        yield running
    services.database.close()
    services.unanswered.close()
