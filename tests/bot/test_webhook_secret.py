"""The webhook secret: always one, and only one Telegram accepts."""

from __future__ import annotations

import logging

import pytest

from bot.telegram_app import SecretsFilter, TokenProblem, masked, webhook_secret


def test_a_configured_secret_is_used_as_given() -> None:
    assert webhook_secret("s3cret_-X") == "s3cret_-X"


@pytest.mark.parametrize("configured", [None, ""])
def test_no_secret_means_a_fresh_random_one(configured: str | None) -> None:
    first, second = webhook_secret(configured), webhook_secret(configured)

    assert len(first) >= 32
    assert first != second


@pytest.mark.parametrize("configured", ["has space", "ümlaut", "x" * 257, "semi;colon"])
def test_a_secret_telegram_would_refuse_stops_the_start(configured: str) -> None:
    with pytest.raises(TokenProblem, match="TELEGRAM_WEBHOOK_SECRET must be"):
        webhook_secret(configured)


def test_secrets_are_masked_in_messages() -> None:
    text = "The token `123456:AAH-very-secret` was rejected; secret s3cret_value"

    shown = masked(text, "123456:AAH-very-secret", "s3cret_value")

    assert "very-secret" not in shown
    assert "s3cret_value" not in shown
    assert "123456…" in shown


def test_secrets_are_masked_in_log_records(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("tests.secrets")
    caplog.handler.addFilter(SecretsFilter("123456:AAH-very-secret"))

    logger.warning("POST https://api.telegram.org/bot%s/getMe failed", "123456:AAH-very-secret")

    assert "very-secret" not in caplog.text
    assert "bot123456…/getMe" in caplog.text
