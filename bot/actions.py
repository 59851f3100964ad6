"""Button actions as compact, versioned callback data (at most 64 bytes), validated on return.

Stale or forged data decodes to ``None`` and the front end answers politely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "v1"
MAX_BYTES = 64
_FIELD = re.compile(r"^[A-Za-z0-9_.:+-]{1,40}$")
# verb -> number of fields it carries
VERBS = {
    "art": 3,  # instrument, article, page: opens the article in a new message
    "pg": 3,  # instrument, article, page: turns the page of the article shown, in place
    "fb": 2,  # answer id, "up" | "dn": was the answer helpful?
    "faq": 1,  # faq id
    "ev": 1,  # event id
    "sub": 1,  # series ("*" = everything) -> subscribe
    "rem": 1,  # event id -> remind me
    "bc": 2,  # broadcast id, "ok" | "no"
    "chg": 2,  # held agenda change id, "send" | "quiet"
    "lang": 1,  # interface language code ("en", "fr") -> /language
    "ag": 4,  # list ("*" agenda, "my" own sessions, or a YYYY-MM-DD day), first, size, minute
}


@dataclass(frozen=True, slots=True)
class Action:
    verb: str
    fields: tuple[str, ...]

    def encode(self) -> str:
        data = "|".join((VERSION, self.verb, *self.fields))
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data too long: {data!r}")
        return data


def article(instrument: str, number: str, page: int = 0) -> str:
    return Action("art", (instrument, number, str(page))).encode()


def page_turn(instrument: str, number: str, page: int = 0) -> str:
    return Action("pg", (instrument, number, str(page))).encode()


def feedback(answer_id: int, helpful: bool) -> str:
    return Action("fb", (str(answer_id), "up" if helpful else "dn")).encode()


def is_feedback(data: object) -> bool:
    return isinstance(data, str) and data.startswith(f"{VERSION}|fb|")


def agenda_page(scope: str, start: int, size: int, ordered_at: int) -> str:
    """A page of a session list; ``ordered_at`` (minutes since the epoch) is the moment the
    list was put in order, so that the pages of one message follow on from each other."""
    return Action("ag", (scope, str(start), str(size), str(ordered_at))).encode()


def language(code: str) -> str:
    return Action("lang", (code,)).encode()


def decode(data: str | None) -> Action | None:
    """The action behind callback data, or None when it is stale, unknown or forged."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split("|")
    if len(parts) < 2 or parts[0] != VERSION or parts[1] not in VERBS:
        return None
    fields = tuple(parts[2:])
    if len(fields) != VERBS[parts[1]] or not all(_FIELD.match(f) or f == "*" for f in fields):
        return None
    return Action(parts[1], fields)
