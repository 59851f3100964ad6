"""Time-zone names as people type them: "Europe/Paris", "tokyo", "UTC+3", "GMT-5", "+0530".

Parsing is total: any text gives a zone or None, never an exception (``ZoneInfo("Europe")``
raises IsADirectoryError, a 300-character name a ValueError).
"""

from __future__ import annotations

import re
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

MAX_NAME = 64
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>00))?$")


def parse_zone(text: str) -> ZoneInfo | None:
    """The IANA zone ``text`` names, by full name, city, or whole-hour UTC offset."""
    wanted = " ".join(text.split())
    if not wanted or len(wanted) > MAX_NAME:
        return None
    lowered = wanted.casefold().replace(" ", "_")
    if lowered in {"utc", "gmt", "z"}:
        return ZoneInfo("UTC")
    name = _by_name().get(lowered) or _by_city().get(lowered)
    if name is not None:
        return ZoneInfo(name)
    offset = _OFFSET.match(wanted.casefold())
    if offset is None:
        return None
    hours = int(offset.group("hours"))
    if hours > 14:
        return None
    if hours == 0:
        return ZoneInfo("UTC")
    sign = "-" if offset.group("sign") == "+" else "+"  # POSIX sign: Etc/GMT-3 is UTC+3
    return ZoneInfo(f"Etc/GMT{sign}{hours}")


def zone_label(zone: ZoneInfo) -> str:
    """The zone as people say it: "Asia/Tokyo", and "UTC+3" for Etc/GMT-3 (POSIX signs are
    inverted, which alarms anyone reading them)."""
    offset = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", zone.key)
    if offset is None:
        return zone.key
    return f"UTC{'-' if offset.group(1) == '+' else '+'}{offset.group(2)}"


@cache
def _by_name() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


@cache
def _by_city() -> dict[str, str]:
    """The last part of each zone's name ("tokyo" -> Asia/Tokyo), for unambiguous cities."""
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" not in name or name.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = name.rsplit("/", 1)[1].casefold()
        cities.setdefault(city, name)
    return cities
