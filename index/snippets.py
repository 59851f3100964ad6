"""Passages for display: a cited paragraph or item, or the best window of a matching block."""

from __future__ import annotations

import re

from corpus.model import Article
from index.answer import Highlight
from index.search import article_blocks
from index.text import WORD, stem_token

MAX_SNIPPET = 480
_SENTENCE = re.compile(r"[^\n]{3,}?(?:[.;:](?=\s)|$)", re.MULTILINE)
_PARAGRAPH_LABEL = re.compile(r"^(\d+)\.")


def paragraph_text(article: Article, paragraph: str | None, items: tuple[str, ...]) -> str | None:
    """The exact text of a cited paragraph (and item), or None when it does not exist."""
    if paragraph is None:
        return None
    blocks = article_blocks(article)
    block = next((b for b in blocks if _label(b) == paragraph), None)
    if block is None and paragraph == "1" and len(blocks) == 1 and _label(blocks[0]) is None:
        block = blocks[0]  # an unnumbered article: "paragraph 1" is its only paragraph
    if block is None or not items:
        return block
    parts = block.split("\n\n")
    found: list[str] = []
    depth = 0
    for part in parts:
        label = _item_label(part)
        if label is None:
            continue
        if depth < len(items) and label == items[depth]:
            depth += 1
            if depth == len(items):
                found.append(part)
                break
    return found[0] if found else None


def _label(block: str) -> str | None:
    match = _PARAGRAPH_LABEL.match(block)
    return match.group(1) if match else None


def _item_label(part: str) -> str | None:
    match = re.match(r"^\(?([a-z]{1,4})\)", part)
    return match.group(1) if match else None


def snippet(
    block: str, stems: frozenset[str], label: str | None
) -> tuple[str, tuple[Highlight, ...], str | None]:
    """A window of ``block`` (exact text) around the matching words, with their spans."""
    text = block if len(block) <= MAX_SNIPPET else _best_window(block, stems)
    highlights = tuple(
        Highlight(m.start(), m.end()) for m in WORD.finditer(text) if stem_token(m.group()) in stems
    )
    return text, highlights, label or _label(block)


def _best_window(block: str, stems: frozenset[str]) -> str:
    """The run of whole sentences, at most MAX_SNIPPET long, holding most matching words."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(block)]
    scores = [count_matches(block[a:b], stems) for a, b in spans]
    best = (-1, 0, min(len(block), MAX_SNIPPET))
    for first in range(len(spans)):
        score = 0
        for last in range(first, len(spans)):
            if spans[last][1] - spans[first][0] > MAX_SNIPPET and last > first:
                break
            score += scores[last]
            if score > best[0]:
                best = (score, spans[first][0], min(spans[last][1], spans[first][0] + MAX_SNIPPET))
    return block[best[1] : best[2]].strip()


def count_matches(text: str, stems: frozenset[str]) -> int:
    """How many words of ``text`` have one of the query's stems."""
    return sum(stem_token(m.group()) in stems for m in WORD.finditer(text))
