"""Change notices into the outbox: one per changed session a chat follows, or one digest,
each in the chat's own zone and language.

A chat following more than DIGEST_AFTER of the changed sessions gets one message listing them
all (cut to Telegram's limit by the renderer, each part an outbox row in order) instead of a
message per session. Rows are queued in the caller's transaction, the one that records the
new agenda: nothing is announced twice, and a crash before the commit loses nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from scheduler.broadcast import AUDIENCE, audience_of
from scheduler.changes import EventChange
from scheduler.store import SYSTEM

DIGEST_AFTER = 3  # a chat following more changed sessions than this gets one digest

Query = Callable[[str, dict[str, object]], list[tuple[object, ...]]]

_AUDIENCE_ZONES = f"""
    SELECT a.chat_id, c.timezone, COALESCE(c.language, c.user_language)
    FROM ({AUDIENCE}) a JOIN chats c ON c.chat_id = a.chat_id
    ORDER BY a.chat_id
"""


@dataclass(frozen=True, slots=True)
class Notices:
    """How notices read, in the reader's zone and language (None: unknown), as Telegram HTML."""

    one: Callable[[EventChange, ZoneInfo, str | None], str]
    # many changes in one message, as parts each within Telegram's limit
    digest: Callable[[Sequence[EventChange], ZoneInfo, str | None], list[str]]


@dataclass(frozen=True, slots=True)
class Followers:
    """Who follows each changed session, and what each chat follows of them."""

    changes: tuple[EventChange, ...]
    of_change: tuple[tuple[int, ...], ...]  # chats per change, in the order of ``changes``
    of_chat: dict[int, list[EventChange]]
    zones: dict[int, str]
    languages: dict[int, str | None]

    @classmethod
    def find(cls, query: Query, changes: Sequence[EventChange], default_zone: str) -> Followers:
        of_change, of_chat, zones = [], dict[int, list[EventChange]](), dict[int, str]()
        languages: dict[int, str | None] = {}
        for change in changes:
            chats = []
            for chat, zone, language in query(_AUDIENCE_ZONES, _params(change)):
                number = int(str(chat))
                chats.append(number)
                of_chat.setdefault(number, []).append(change)
                zones[number] = str(zone or default_zone)
                languages[number] = str(language) if language else None
            of_change.append(tuple(chats))
        return cls(tuple(changes), tuple(of_change), of_chat, zones, languages)

    def reader(self, chat: int) -> str:
        """Chats reading in the same zone and language share one rendering."""
        return f"{self.zones[chat]}|{self.languages[chat] or ''}"

    def digested(self, chat: int) -> bool:
        return len(self.of_chat[chat]) > DIGEST_AFTER

    @property
    def messages(self) -> int:
        """Notices the changes mean: one per followed change, one per digest."""
        return sum(1 if len(c) > DIGEST_AFTER else len(c) for c in self.of_chat.values())


def queue_notices(
    sql: sqlite3.Connection, followers: Followers, notices: Notices, now: float
) -> int:
    """Queue every notice (single ones, then digests); returns the outbox rows queued."""
    queued = 0
    for change, chats in zip(followers.changes, followers.of_change, strict=True):
        readers = [chat for chat in chats if not followers.digested(chat)]
        keys = {chat: followers.reader(chat) for chat in readers}
        texts: dict[str, list[str]] = {}
        for chat in readers:
            if keys[chat] not in texts:
                zone, language = ZoneInfo(followers.zones[chat]), followers.languages[chat]
                texts[keys[chat]] = [notices.one(change, zone, language)]
        queued += _queue(
            sql, f"event:{change.event_id}", now, chats=readers, key_of=keys, texts=texts
        )
    digested = [chat for chat in followers.of_chat if followers.digested(chat)]
    keys = {chat: _key(followers, chat) for chat in digested}
    parts: dict[str, list[str]] = {}
    for chat in digested:
        if keys[chat] not in parts:
            zone, language = ZoneInfo(followers.zones[chat]), followers.languages[chat]
            parts[keys[chat]] = notices.digest(followers.of_chat[chat], zone, language)
    return queued + _queue(sql, "changes", now, chats=digested, key_of=keys, texts=parts)


def _key(followers: Followers, chat: int) -> str:
    """Chats with the same zone, language and changes share one rendering."""
    ids = ",".join(change.event_id for change in followers.of_chat[chat])
    return f"{followers.reader(chat)}|{ids}"


def _queue(
    sql: sqlite3.Connection,
    audience: str,
    now: float,
    *,
    chats: list[int],
    key_of: dict[int, str],
    texts: dict[str, list[str]],
) -> int:
    """One confirmed system broadcast; each chat's parts (texts[key_of[chat]]) in order."""
    if not chats:
        return 0
    broadcast = sql.execute(
        "INSERT INTO broadcasts (organiser, audience, status, created_at, confirmed_at)"
        " VALUES (?, ?, 'confirmed', ?, ?)",
        (SYSTEM, audience, now, now),
    ).lastrowid
    rows = [
        (broadcast, chat, part, html)
        for chat in chats
        for part, html in enumerate(texts[key_of[chat]])
    ]
    sql.executemany(
        "INSERT OR IGNORE INTO outbox (broadcast_id, chat_id, part, html) VALUES (?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def _params(change: EventChange) -> dict[str, object]:
    return audience_of(change.before.series or "", change.before.id)
