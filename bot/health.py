"""The running bot's heartbeat and `workshop-bot health`, the container's health check.

The Telegram process rewrites a small file beside its database from its event loop every
HEARTBEAT_SECONDS; the check passes while that file is fresh. A process that is alive but
stuck (a blocked loop, a dead polling task) stops beating and is reported unhealthy.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from bot.settings import load_settings

HEARTBEAT_SECONDS = 30
STALE_AFTER = 4 * HEARTBEAT_SECONDS


def write_heartbeat(path: Path) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(f"{time.time():.0f}\n", encoding="ascii")
    temporary.replace(path)


def heartbeat_age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the last heartbeat, None when there is none (or it is unreadable)."""
    try:
        written = float(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    return (now if now is not None else time.time()) - written


def register(subparsers: Any) -> None:
    health = subparsers.add_parser(
        "health", help="exit 0 while the running Telegram bot's heartbeat is fresh"
    )
    health.set_defaults(func=run_health)


def run_health(args: argparse.Namespace) -> int:
    path = load_settings().heartbeat_path
    age = heartbeat_age(path)
    if age is None:
        print(f"unhealthy: no heartbeat at {path} (is `workshop-bot run` running?)")
        return 1
    if age > STALE_AFTER:
        print(f"unhealthy: last heartbeat {age:.0f} s ago (more than {STALE_AFTER} s)")
        return 1
    print(f"healthy: last heartbeat {age:.0f} s ago")
    return 0
