"""Time-zone names as people type them: "Europe/Paris", "tokyo", "UTC+3", "GMT-5", "+0530".

Parsing is total: any text gives a zone or None, never an exception (``ZoneInfo("Europe")``
raises IsADirectoryError, a 300-character name a ValueError).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

MAX_NAME = 64
_OFFSET = re.compile(
    r"^(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?:[:.h]?(?P<minutes>00|30|45))?$"
)
# Offsets off the whole hour have no Etc/GMT zone: the zone that keeps that offset all year
_PART_HOUR = {
    "+3:30": "Asia/Tehran",
    "+4:30": "Asia/Kabul",
    "+5:30": "Asia/Kolkata",
    "+5:45": "Asia/Kathmandu",
    "+6:30": "Asia/Yangon",
    "+8:45": "Australia/Eucla",
    "+9:30": "Australia/Darwin",
    "+12:45": "Pacific/Chatham",
    "-3:30": "America/St_Johns",
    "-9:30": "Pacific/Marquesas",
}


def parse_zone(text: str) -> ZoneInfo | None:
    """The IANA zone ``text`` names, by full name, city, or whole-hour UTC offset."""
    wanted = " ".join(text.split())
    if not wanted or len(wanted) > MAX_NAME:
        return None
    lowered = _plain(wanted).casefold().replace(" ", "_")
    if lowered in {"utc", "gmt", "z"}:
        return ZoneInfo("UTC")
    name = _by_name().get(lowered) or _by_city().get(lowered)
    if name is not None:
        return ZoneInfo(name)
    offset = _OFFSET.match(wanted.casefold())
    if offset is None:
        return None
    hours = int(offset.group("hours"))
    minutes = offset.group("minutes") or "00"
    if minutes != "00":
        named = _PART_HOUR.get(f"{offset.group('sign')}{hours}:{minutes}")
        return ZoneInfo(named) if named else None
    if hours > 14:
        return None
    if hours == 0:
        return ZoneInfo("UTC")
    sign = "-" if offset.group("sign") == "+" else "+"  # POSIX sign: Etc/GMT-3 is UTC+3
    return ZoneInfo(f"Etc/GMT{sign}{hours}")


def _plain(text: str) -> str:
    """Without accents: "São Paulo" is America/Sao_Paulo, "Bogotá" America/Bogota."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def zone_label(zone: ZoneInfo) -> str:
    """The zone as people say it: "Asia/Tokyo", and "UTC+3" for Etc/GMT-3 (POSIX signs are
    inverted, which alarms anyone reading them)."""
    offset = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", zone.key)
    if offset is None:
        return zone.key
    return f"UTC{'-' if offset.group(1) == '+' else '+'}{offset.group(2)}"


NOT_ZONES = {"localtime", "factory", "posixrules"}  # in the database, but no one's zone


@cache
def _by_name() -> dict[str, str]:
    return {
        name.casefold(): name for name in available_timezones() if name.casefold() not in NOT_ZONES
    }


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
