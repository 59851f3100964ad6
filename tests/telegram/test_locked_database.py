"""Another program holds the database's write lock (a sqlite3 shell's BEGIN EXCLUSIVE, a long
maintenance query): answers keep flowing, bookkeeping is written once the lock is gone, and a
change a user asked for is refused plainly, never with "something went wrong"."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.services import Services
from scheduler.store import BUSY_TIMEOUT
from tests.telegram.conftest import ORGANISER, Harness, button

BUSY = (
    "I could not do that just now: my database is busy, so nothing was changed or sent. "
    "Please try again in a minute."
)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """The database's write lock, held by another connection as a sqlite3 shell holds it."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("COMMIT")
        other.close()


def _database(services: Services) -> Path:
    assert services.database is not None
    return services.database.path


async def _until(condition: object, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        await asyncio.sleep(0.1)
    return False


async def test_an_article_is_answered_at_once_and_the_chat_remembered_later(
    organiser_harness: Harness, services: Services
) -> None:
    assert services.database is not None
    with locked(_database(services)):
        started = time.monotonic()
        await organiser_harness.text("/article 29", user=501)
        took = time.monotonic() - started
    assert took < 1.0
    assert organiser_harness.replies()[-1]["text"].startswith(
        "<b>Budapest Convention · Art. 29 – Expedited preservation of stored computer data</b>"
    )
    known = "SELECT 1 FROM chats WHERE chat_id = 501 AND active = 1"
    assert await _until(lambda: services.database and services.database.query(known))


async def test_a_question_is_answered_while_locked_without_its_feedback_buttons(
    organiser_harness: Harness, services: Services
) -> None:
    with locked(_database(services)):
        started = time.monotonic()
        await organiser_harness.text("what is the 24/7 network?", user=502)
        took = time.monotonic() - started
    answer = organiser_harness.replies()[-1]
    assert took < 1.5
    assert "24/7" in answer["text"]
    labels = [b["text"] for row in answer["reply_markup"]["inline_keyboard"] for b in row]
    assert "👍" not in labels


async def test_a_subscription_while_locked_is_refused_plainly_then_works(
    organiser_harness: Harness, services: Services
) -> None:
    assert services.subscriptions is not None
    with locked(_database(services)):
        started = time.monotonic()
        await organiser_harness.text("/subscribe", user=503)
        took = time.monotonic() - started
    assert organiser_harness.replies()[-1]["text"] == BUSY
    assert took < BUSY_TIMEOUT + 1.5
    assert services.subscriptions.series(503) == []
    await organiser_harness.text("/subscribe", user=503)
    assert services.subscriptions.series(503) == ["*"]


async def test_a_broadcast_confirmed_while_locked_stays_a_draft_until_pressed_again(
    organiser_harness: Harness, services: Services
) -> None:
    harness = organiser_harness
    await harness.text("/subscribe", user=100)
    await harness.text("/broadcast Lunch is in Hall B", user=ORGANISER)
    send = harness.replies()[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    broadcast_id = int(send.split("|")[2])
    with locked(_database(services)):
        await harness.feed(button(send, user=ORGANISER))
    assert harness.replies()[-1]["text"] == BUSY
    assert harness.request.sent("editMessageText") == []  # its buttons stay to press again
    assert services.broadcasts is not None
    assert services.broadcasts.status(broadcast_id) == "draft"
    await harness.feed(button(send, user=ORGANISER))
    assert harness.request.sent("editMessageText")[-1]["text"].startswith("Queued 2 messages.")
    assert services.broadcasts.status(broadcast_id) == "confirmed"


async def test_the_event_loop_and_reads_stay_free_while_a_write_waits_for_the_lock(
    organiser_harness: Harness, services: Services
) -> None:
    """The outbox reads the database from the event loop: a write waiting in the worker
    thread for the lock must hold up neither the loop nor those reads."""
    assert services.database is not None
    with locked(_database(services)):
        waiting = asyncio.create_task(organiser_harness.text("/subscribe", user=504))
        await asyncio.sleep(0.3)  # the worker thread now waits for the lock
        assert not waiting.done()
        started = time.monotonic()
        rows = services.database.query("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
        await asyncio.sleep(0.01)
        took = time.monotonic() - started
        await waiting
    assert (rows, took < 0.2) == ([(0,)], True)
