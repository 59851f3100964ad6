"""Telegram refusing or failing a request: a button whose message is gone, a server error."""

from __future__ import annotations

import logging

import httpx
import pytest
from telegram.error import NetworkError, TimedOut

from bot import actions
from tests.telegram.conftest import Harness, button

ARTICLE_2 = "<b>Budapest Convention · Art. 2 – Illegal access</b>"
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
SLOW = "Telegram was slow to confirm my reply: if it did not reach you, ask again."


async def test_a_button_whose_message_cannot_be_edited_is_answered_quietly(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.request.fail_next("editMessageText", (400, "Bad Request: message to edit not found"))
    await harness.feed(button(actions.page_turn("ets185", "27", 1), user=42))
    assert len(harness.request.failures) == 1  # the page turn was tried, in place
    [answered] = harness.request.sent("answerCallbackQuery")
    assert "text" not in answered  # quietly
    assert harness.replies() == []
    assert [r.levelname for r in caplog.records if r.levelno >= logging.WARNING] == ["WARNING"]


async def test_a_reply_that_meets_a_server_error_is_sent_again(harness: Harness) -> None:
    harness.request.fail_next("sendMessage", (500, "Internal Server Error"))
    await harness.text("/article 2")
    assert len(harness.request.failures) == 1
    [reply] = harness.replies()
    assert reply["text"].startswith(ARTICLE_2)


async def test_a_reply_that_never_connected_is_sent_again(harness: Harness) -> None:
    refused = NetworkError("httpx.ConnectError: connection refused")
    refused.__cause__ = httpx.ConnectError("connection refused")
    harness.request.fail_next("sendMessage", refused)
    await harness.text("/article 2")
    assert [r["text"].startswith(ARTICLE_2) for r in harness.replies()] == [True]


async def test_a_reply_that_timed_out_is_not_sent_twice(harness: Harness) -> None:
    """Telegram may have it: sent again, it could arrive twice. Nor is the asker told that
    something went wrong when the answer may be on their screen (walkthrough 18): only to
    ask again if it did not arrive."""
    harness.request.fail_next("sendMessage", TimedOut())
    await harness.text("/article 2")
    assert len(harness.request.failures) == 1
    assert [r["text"] for r in harness.replies()] == [SLOW]


async def test_a_reply_gives_up_after_three_server_errors(harness: Harness) -> None:
    harness.request.fail_next("sendMessage", *[(502, "Bad Gateway")] * 3)
    await harness.text("/article 2")
    assert len(harness.request.failures) == 3
    assert [r["text"] for r in harness.replies()] == [SORRY]


async def test_polling_that_cannot_reach_telegram_logs_one_line(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Every polling network error had logged an ERROR with a full traceback (walkthrough
    14); PTB polls again by itself."""
    await harness.application.process_error(None, NetworkError("connection reset"))
    [record] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert (record.levelname, record.getMessage(), record.exc_info) == (
        "WARNING",
        "polling: connection reset",
        None,
    )
    assert harness.replies() == []
