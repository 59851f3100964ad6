"""A front-end-neutral reply: styled text and buttons, rendered by Telegram (HTML) or a console.

Styles are few on purpose (bold, italic, underline, code) because that is what reads well on a
phone and what Telegram's HTML accepts. Every text the bot sends is split by the one splitter,
``bot.telegram_text.split_html``, under Telegram's limit of 4,096 UTF-16 units of parsed text:
:meth:`Reply.messages` for whole replies, :func:`split_pages` for plain text paged by hand.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from enum import StrEnum

from bot.telegram_text import TELEGRAM_LIMIT, clip, escape, split_html, units

__all__ = [
    "SAFE_LIMIT",
    "TELEGRAM_LIMIT",
    "Button",
    "Reply",
    "Span",
    "Style",
    "bold",
    "clip",
    "italic",
    "marked",
    "split_pages",
    "units",
]

SAFE_LIMIT = 3900  # room for a page marker
_TAG = re.compile(r"<[^>]+>")


class Style(StrEnum):
    PLAIN = ""
    BOLD = "b"
    ITALIC = "i"
    UNDERLINE = "u"
    STRIKE = "s"
    CODE = "code"
    HTML = "html"  # already Telegram-safe HTML (FAQ answers); the console strips the tags


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    style: Style = Style.PLAIN


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: str  # callback data, at most 64 bytes (see bot/actions.py)


@dataclass(slots=True)
class Reply:
    lines: list[list[Span]] = field(default_factory=list)
    buttons: list[list[Button]] = field(default_factory=list)
    document: tuple[str, bytes] | None = None  # (file name, content), e.g. an .ics file
    # For a button press: replace the pressed message (a page turning, a decision) rather
    # than open a new one below it, which keeps the reader's place; or only say ``toast``.
    in_place: bool = False
    toast: str | None = None

    def add(self, *spans: Span | str) -> Reply:
        self.lines.append([s if isinstance(s, Span) else Span(s) for s in spans])
        return self

    def blank(self) -> Reply:
        self.lines.append([])
        return self

    def html(self) -> str:
        return "\n".join("".join(_span_html(span) for span in line) for line in self.lines)

    def plain(self) -> str:
        return "\n".join("".join(_span_plain(span) for span in line) for line in self.lines)

    def messages(self) -> list[str]:
        """The reply as the Telegram messages that carry it, each within Telegram's limit
        (the buttons go with the last one)."""
        return split_html(self.html())


def plain_text(telegram_html: str) -> str:
    """Telegram HTML as a terminal shows it: the tags dropped, the entities read."""
    return html.unescape(_TAG.sub("", telegram_html))


def _span_plain(span: Span) -> str:
    return plain_text(span.text) if span.style is Style.HTML else span.text


def _span_html(span: Span) -> str:
    if span.style is Style.HTML:
        return span.text
    escaped = escape(span.text)
    return f"<{span.style}>{escaped}</{span.style}>" if span.style else escaped


def bold(text: str) -> Span:
    return Span(text, Style.BOLD)


def italic(text: str) -> Span:
    return Span(text, Style.ITALIC)


def marked(text: str, marks: list[tuple[int, int]], style: Style = Style.BOLD) -> list[Span]:
    """``text`` as spans with the ``marks`` (start, end offsets) styled."""
    spans: list[Span] = []
    position = 0
    for start, end in sorted(marks):
        if start < position or end > len(text):
            continue
        if start > position:
            spans.append(Span(text[position:start]))
        spans.append(Span(text[start:end], style))
        position = end
    if position < len(text):
        spans.append(Span(text[position:]))
    return spans


def split_pages(text: str, limit: int = SAFE_LIMIT) -> list[str]:
    """Plain ``text`` in pages of at most ``limit`` units, cut on paragraph, then line,
    sentence and word boundaries (by the same splitter as every message)."""
    pages = [html.unescape(part) for part in split_html(escape(text), limit)]
    return pages or [""]
