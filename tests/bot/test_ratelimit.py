"""Per-user rate limit: a sliding window per user, one warning per window."""

from __future__ import annotations

from bot.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_applies_per_user_and_frees_up_after_the_window() -> None:
    clock = Clock()
    limiter = RateLimiter(per_minute=2, clock=clock)
    assert [limiter.allow(1), limiter.allow(1), limiter.allow(1)] == [True, True, False]
    assert limiter.allow(2) is True
    clock.now += 60.0
    assert limiter.allow(1) is True


def test_warning_is_given_once_per_window() -> None:
    clock = Clock()
    limiter = RateLimiter(per_minute=1, clock=clock)
    assert [limiter.should_warn(7), limiter.should_warn(7)] == [True, False]
    clock.now += 60.0
    assert limiter.should_warn(7) is True
