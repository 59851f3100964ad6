"""A 429 storm for the Bot API stand-in, and the copies it accepted (bench_broadcast)."""

from __future__ import annotations

import os
import threading
from typing import Any

from tests.e2e.botapi_standin import BotApiStandIn

SUBSCRIBERS = int(os.environ.get("BENCH_BROADCAST_SUBSCRIBERS", "10000"))
KILL = os.environ.get("BENCH_BROADCAST_KILL", "1") == "1"
STORM_AT = (1 / 8, 2 / 8, 3 / 8, 5 / 8, 6 / 8, 7 / 8)  # of a phase's sends
STORM_LENGTH = 3  # sends answered 429 in a row, while others are in flight: mid-batch
RETRY_AFTER = 1


class Storm:
    """The stand-in's responder: 429 with retry_after for STORM_LENGTH sends in a row at each
    point of STORM_AT, for messages carrying ``marker`` to anyone but ``spared`` (the
    organiser's preview); remembers which it refused."""

    def __init__(self, marker: str, spared: int) -> None:
        self.marker = marker
        self.spared = spared
        self.refused: set[int] = set()  # id() of the refused calls' parameters
        self._tries = 0
        self._left = 0
        self._points = {max(1, int(SUBSCRIBERS * at)) for at in STORM_AT}
        self._lock = threading.Lock()

    def __call__(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        if method != "sendMessage" or self.marker not in str(params.get("text")):
            return None
        if int(params.get("chat_id") or 0) == self.spared:
            return None
        with self._lock:
            self._tries += 1
            if self._tries in self._points:
                self._left = STORM_LENGTH
            if not self._left:
                return None
            self._left -= 1
            self.refused.add(id(params))
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {RETRY_AFTER}",
            "parameters": {"retry_after": RETRY_AFTER},
        }


def accepted(
    api: BotApiStandIn, marker: str, storm: Storm, organiser: int
) -> list[tuple[int, float]]:
    """(chat, when) of each message with ``marker`` the stand-in accepted, bar the organiser's."""
    return [
        (int(params["chat_id"]), at)
        for name, params, at in list(api.calls)
        if name == "sendMessage"
        and marker in str(params.get("text"))
        and int(params["chat_id"]) != organiser
        and id(params) not in storm.refused
    ]
