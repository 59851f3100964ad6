"""Telegram HTML: escape user text, clip long fields, split long messages safely.

Telegram refuses a message whose text, once its HTML is parsed, is over 4,096 UTF-16 code
units (an emoji counts two, a tag nothing, ``&amp;`` one), and one whose HTML is broken. So
a long text is cut on a paragraph, line, sentence or word boundary, never inside a tag or an
entity, and the tags open at the cut are closed there and re-opened in the next part. Every
message the bot sends goes through :func:`split_html`: replies, article pages, broadcasts
(the scheduler stores and sends the parts it is given, and knows nothing of HTML).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TELEGRAM_LIMIT = 4096
_ATOM = re.compile(r"<[^<>]*>|&#?\w+;|[^<&]|[<&]", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*?(/?)>")
_SENTENCE_END = frozenset(".;:!?")


def escape(text: str) -> str:
    """User text as Telegram HTML: only &, < and > are special."""
    return html.escape(text, quote=False)


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def visible_units(text: str) -> int:
    """Units of Telegram HTML once parsed: tags count nothing, an entity its character."""
    return sum(_atom_units(atom) for atom in _ATOM.findall(text))


def _atom_units(atom: str) -> int:
    if atom.startswith("<") and len(atom) > 1:
        return 0
    if atom.startswith("&") and len(atom) > 1:
        return units(html.unescape(atom))
    return units(atom)


def clip(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` UTF-16 units, cut at a word with "…", never mid-word
    (unless one word is most of the limit)."""
    if units(text) <= limit:
        return text
    cut, used = [], 0
    for char in text:
        used += units(char)
        if used > limit - 1:
            break
        cut.append(char)
    kept = "".join(cut)
    space = max(kept.rfind(" "), kept.rfind("\n"))
    return (kept[:space] if space > limit // 3 else kept).rstrip(" \n,;:–-") + "…"


@dataclass(slots=True)
class _Cut:
    position: int  # index of the first atom of the next part
    open_tags: tuple[tuple[str, str], ...]  # (name, opening tag) still open at the cut
    used: int = 0  # visible units in the part if cut here


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Parts of at most ``limit`` visible units, each valid HTML on its own; no empty parts."""
    if visible_units(text) <= limit:
        return [text] if _visible(text) else []
    atoms = _ATOM.findall(text)
    parts: list[str] = []
    open_tags: tuple[tuple[str, str], ...] = ()
    start = 0
    while start < len(atoms):
        cut = _best_cut(atoms, start, open_tags, limit)
        body = "".join(tag for _, tag in open_tags) + "".join(atoms[start : cut.position])
        closing = "".join(f"</{name}>" for name, _ in reversed(cut.open_tags))
        part = body.rstrip() + closing
        if _visible(part):
            parts.append(part)
        start = cut.position
        while start < len(atoms) and atoms[start].isspace():
            start += 1
        open_tags = cut.open_tags
    return parts


def _best_cut(
    atoms: list[str], start: int, open_tags: tuple[tuple[str, str], ...], limit: int
) -> _Cut:
    """The last paragraph break that fits, else the last line break, sentence end, space or
    atom. A weaker boundary wins when the stronger one would leave the part under half full.
    """
    stack = list(open_tags)
    used = 0
    best: dict[str, _Cut] = {}
    for index in range(start, len(atoms)):
        atom = atoms[index]
        tag = _TAG.fullmatch(atom)
        if tag and not tag.group(3):
            if tag.group(1):
                names = [name for name, _ in stack]
                if tag.group(2).lower() in names:
                    del stack[len(names) - 1 - names[::-1].index(tag.group(2).lower())]
            else:
                stack.append((tag.group(2).lower(), atom))
        used += _atom_units(atom)
        if used > limit:
            break
        here = _Cut(index + 1, tuple(stack), used)
        best["atom"] = here
        previous = atoms[index - 1] if index > start else ""
        if atom == "\n" and previous == "\n":
            best["paragraph"] = here
        elif atom == "\n":
            best["line"] = here
        elif atom == " " and previous[-1:] in _SENTENCE_END:
            best["sentence"] = here
        elif atom == " ":
            best["space"] = here
    else:
        return _Cut(len(atoms), tuple(stack))
    kinds = ("paragraph", "line", "sentence", "space", "atom")
    for kind in kinds:
        if kind in best and best[kind].used >= limit // 2:
            return best[kind]
    for kind in kinds:
        if kind in best:
            return best[kind]
    return _Cut(start + 1, tuple(stack))  # one atom longer than the limit: cannot do better


def _visible(part: str) -> bool:
    return bool(html.unescape(re.sub(r"<[^<>]*>", "", part)).strip())
