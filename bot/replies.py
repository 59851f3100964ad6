"""A front-end-neutral reply: styled text and buttons, rendered by Telegram (HTML) or a console.

Styles are few on purpose (bold, italic, underline, code) because that is what reads well on a
phone and what Telegram's HTML accepts. Texts are split under Telegram's 4,096-character
limit on paragraph boundaries, measuring the escaped HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from enum import StrEnum

TELEGRAM_LIMIT = 4096
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


def _span_plain(span: Span) -> str:
    if span.style is Style.HTML:
        return html.unescape(_TAG.sub("", span.text))
    return span.text


def _span_html(span: Span) -> str:
    if span.style is Style.HTML:
        return span.text
    escaped = html.escape(span.text, quote=False)
    return f"<{span.style}>{escaped}</{span.style}>" if span.style else escaped


def clip(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word with "…", never mid-word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return (cut[:space] if space > limit // 3 else cut).rstrip(" \n,;:–-") + "…"


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
    """Split on paragraph (blank-line) boundaries so every page's escaped HTML fits ``limit``.

    A single paragraph longer than the limit is split on sentence ends, then on spaces.
    """
    pages: list[str] = []
    current = ""
    for paragraph in _pieces(text, limit):
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if _size(candidate) <= limit:
            current = candidate
        else:
            if current:
                pages.append(current)
            current = paragraph
    if current or not pages:
        pages.append(current)
    return pages


def _size(text: str) -> int:
    return len(html.escape(text, quote=False))


def _pieces(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        if _size(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        pieces += _cut(paragraph, limit)
    return pieces


def _cut(paragraph: str, limit: int) -> list[str]:
    parts: list[str] = []
    rest = paragraph
    while _size(rest) > limit:
        window = rest[:limit]
        while _size(window) > limit:
            window = window[: int(len(window) * 0.9)]
        cut = max(window.rfind(". "), window.rfind("; "))
        if cut < limit // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = len(window) - 1
        parts.append(rest[: cut + 1].rstrip())
        rest = rest[cut + 1 :].lstrip()
    if rest:
        parts.append(rest)
    return parts
