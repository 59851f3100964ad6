"""The webhook secret: always one, and only one Telegram accepts."""

from __future__ import annotations

import pytest

from bot.telegram_app import TokenProblem, webhook_secret


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
