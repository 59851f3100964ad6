"""Telegram refusing or failing a request: a button whose message is gone, a server error."""

from __future__ import annotations

import logging

import pytest

from bot import actions
from tests.telegram.conftest import Harness, button


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
