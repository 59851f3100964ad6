"""A per-user sliding-window rate limit, so one chatty user cannot starve the others."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 60.0


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def allow(self, user_id: int) -> bool:
        now = self.clock()
        recent = self._recent.setdefault(user_id, deque())
        while recent and now - recent[0] >= WINDOW_SECONDS:
            recent.popleft()
        if len(recent) >= self.per_minute:
            return False
        recent.append(now)
        return True

    def should_warn(self, user_id: int) -> bool:
        """Warn once per window, not on every dropped message."""
        now = self.clock()
        if now - self._warned.get(user_id, -WINDOW_SECONDS) < WINDOW_SECONDS:
            return False
        self._warned[user_id] = now
        return True
