"""Passages for display: a cited paragraph or item, or the best window of a matching block."""

from __future__ import annotations

import re

from corpus.model import Article
from index.answer import Highlight
from index.search import article_blocks
from index.text import WORD, stem_token

# A paragraph, or a part of a programme document (index/passages.py), up to this long is
# quoted whole: its main sentence, or the line stating a fact, with it.
MAX_SNIPPET = 700
ITEMS_BUDGET = 720  # a paragraph with items: its lead-in and items make sense only together
OMITTED = "…"  # stands on its own line where items of the quoted paragraph are left out
_ROMAN_LABEL = re.compile(r"^\(?((?:i{1,3}|iv|v|vi{1,3}|ix|x))\)")
_SENTENCE = re.compile(r"[^\n]{3,}?(?:[.;:](?=\s)|$)", re.MULTILINE)
_PARAGRAPH_LABEL = re.compile(r"^(\d+)\.")


def paragraph_text(article: Article, paragraph: str | None, items: tuple[str, ...]) -> str | None:
    """The exact text of a cited paragraph (and item), or None when it does not exist; an
    item of an article without numbered paragraphs is cited with no paragraph ("Art. 1(d)")."""
    blocks = article_blocks(article)
    if paragraph is None and items and len(blocks) == 1 and _label(blocks[0]) is None:
        paragraph = "1"
    if paragraph is None:
        return None
    block = next((b for b in blocks if _label(b) == paragraph), None)
    if block is None and paragraph == "1" and len(blocks) == 1 and _label(blocks[0]) is None:
        block = blocks[0]  # an unnumbered article: "paragraph 1" is its only paragraph
    if block is None or not items:
        return block
    parts = block.split("\n\n")
    path: list[int] = []  # the part of each cited item level: "a", then "i"
    for position, part in enumerate(parts):
        label = _item_label(part)
        if label is None:
            continue
        if len(path) < len(items) and label == items[len(path)]:
            path.append(position)
            if len(path) == len(items):
                break
    if len(path) < len(items):
        return None
    # the lead-in of the paragraph and of each enclosing item say what the item is about
    return _compose(parts, {0, *path})


def paragraph_labels(article: Article) -> list[str]:
    """The numbers of an article's numbered paragraphs, in order ("1", "2", ...)."""
    return [label for block in article_blocks(article) if (label := _label(block)) is not None]


def _label(block: str) -> str | None:
    match = _PARAGRAPH_LABEL.match(block)
    return match.group(1) if match else None


def _item_label(part: str) -> str | None:
    """ "b" of an item "b) ...", "(b) ..." or, as Convention 108 writes them, "b. ..."."""
    match = re.match(r"^\(?([a-z]{1,4})(?:\)|\.(?!\w\.))", part)
    return match.group(1) if match else None


def snippet(
    block: str, stems: frozenset[str], label: str | None
) -> tuple[str, tuple[Highlight, ...], str | None]:
    """A window of ``block`` (exact text) around the matching words, with their spans.

    A paragraph with items is quoted with its lead-in ("... to order:") and the items that
    match best, never the lead-in alone nor items without it; left-out items show as "…"."""
    if len(block) <= MAX_SNIPPET:
        text = block
    elif "\n\n" in block:
        text = _items_window(block.split("\n\n"), stems)
    else:
        text = _best_window(block, stems)
    highlights = tuple(
        Highlight(m.start(), m.end()) for m in WORD.finditer(text) if stem_token(m.group()) in stems
    )
    return text, highlights, label or _label(block)


def _items_window(parts: list[str], stems: frozenset[str]) -> str:
    """The lead-in, the best-matching item with the item it belongs to, then neighbours while
    the excerpt stays within ITEMS_BUDGET (the lead-in and best item are shown whatever)."""
    scores = [count_matches(part, stems) for part in parts]
    best = max(range(1, len(parts)), key=lambda i: (scores[i], -i))
    chosen = {0, best, *_enclosing(parts, best)}
    if parts[best].rstrip().endswith(":"):  # an item's own lead-in: its sub-items follow
        chosen |= {i for i in range(best + 1, len(parts)) if _ROMAN_LABEL.match(parts[i])}
    size = sum(len(parts[i]) for i in chosen)
    for neighbour in sorted(range(1, len(parts)), key=lambda i: (abs(i - best), i)):
        if neighbour not in chosen and size + len(parts[neighbour]) <= ITEMS_BUDGET:
            chosen.add(neighbour)
            size += len(parts[neighbour])
    return _compose(parts, chosen)


def _enclosing(parts: list[str], position: int) -> list[int]:
    """For a roman sub-item, the letter item above it."""
    if not _ROMAN_LABEL.match(parts[position]):
        return []
    for above in range(position - 1, 0, -1):
        label = _item_label(parts[above])
        if label is not None and not _ROMAN_LABEL.match(parts[above]):
            return [above]
    return []


def _compose(parts: list[str], chosen: set[int]) -> str:
    """The chosen parts in their order, "…" standing where parts were left out."""
    shown: list[str] = []
    for position, part in enumerate(parts):
        if position in chosen:
            shown.append(part)
        elif shown and shown[-1] != OMITTED:
            shown.append(OMITTED)
    return "\n\n".join(shown)


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
    start, end = best[1], best[2]
    if end < len(block) and block[end - 1] not in ".;:" and not block[end].isspace():
        # one sentence longer than the window: end at a word, and say the rest is left out
        end = block.rfind(" ", start, end)
        return block[start:end].strip() + " …"
    return block[start:end].strip()


def count_matches(text: str, stems: frozenset[str]) -> int:
    """How many words of ``text`` have one of the query's stems."""
    return sum(stem_token(m.group()) in stems for m in WORD.finditer(text))
