"""Where in an iCalendar file a fault lies, so an organiser can open the file at that line.

icalendar reads leniently and keeps no line numbers: a truncated file fails with "Found no
components where exactly one is required", and a line it cannot parse is only listed in the
component's ``errors``. These helpers find the lines again in the raw text.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"(BEGIN|END):([A-Za-z0-9-]+)\s*$", re.IGNORECASE)
_QUOTED_LINE = re.compile(r"could not be parsed into parts: '(.*)': ")


def _physical_lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8", "replace").splitlines()


def unbalanced_block(raw: bytes) -> str | None:
    """The first BEGIN without its END (or END without its BEGIN), with its line; None when
    every block is closed in order."""
    opened: list[tuple[str, int]] = []
    for number, line in enumerate(_physical_lines(raw), start=1):
        match = _BLOCK.match(line)
        if not match:
            continue
        word, name = match.group(1).upper(), match.group(2).upper()
        if word == "BEGIN":
            opened.append((name, number))
        elif not opened:
            return f"line {number}: END:{name} closes nothing"
        elif opened[-1][0] != name:
            inner, at = opened[-1]
            return (
                f"line {number}: END:{name} found before END:{inner} (BEGIN:{inner} on line {at})"
            )
        else:
            opened.pop()
    if opened:
        name, at = opened[-1]
        return f"line {at}: BEGIN:{name} is never closed (no END:{name} before the file ends)"
    return None


def event_begins(raw: bytes) -> list[int]:
    """The line of each BEGIN:VEVENT, in the order icalendar walks them."""
    return [
        number
        for number, line in enumerate(_physical_lines(raw), start=1)
        if line.upper().startswith("BEGIN:VEVENT")
    ]


def fault_line(raw: bytes, begin: int, fault: tuple[str | None, str]) -> int:
    """The line of one of a component's ``errors``: the unparsable line itself, or the line of
    the property whose value was broken, looked for in the block opened on line ``begin``."""
    prop, message = fault
    lines = _physical_lines(raw)
    quoted = _QUOTED_LINE.search(message)
    for number in range(begin + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.upper().startswith("END:VEVENT"):
            break
        if quoted and line.strip() == quoted.group(1).strip():
            return number
        if prop and re.match(rf"{re.escape(prop)}[;:]", line, re.IGNORECASE):
            return number
    return begin


def fault_reason(fault: tuple[str | None, str]) -> str:
    """icalendar's message in the organiser's words."""
    prop, message = fault
    quoted = _QUOTED_LINE.search(message)
    if quoted:
        return f"{quoted.group(1)!r} is not a NAME:value line"
    return f"{prop}: {message}" if prop else message
