"""Inline mode, ``@bot art 29`` in any chat: articles to paste, within Telegram's limits.

At most 50 results, each article (or cited paragraph) once, ids of at most 64 bytes and texts
of at most 4,096 UTF-16 units, the first page of a long article saying it goes on. A query
that starts with a number cites the Budapest Convention ("29(3)"), and a cited paragraph is
shared as itself. Telegram sends at most 256 characters of query; anything longer is cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.citing import as_citation
from bot.i18n import N_, _
from bot.replies import TELEGRAM_LIMIT, clip, split_pages, units
from corpus.model import Corpus
from index.ask import AskService
from index.citations import parse_citations

RESULTS = 50  # answerInlineQuery takes at most 50
QUERY = 256  # characters of an inline query, as Telegram sends them
DESCRIPTION = 120  # units of the line under a result's title
CONTINUES = N_("[… continues]")


@dataclass(frozen=True, slots=True)
class Shared:
    """One inline result: what the list shows and the plain text it pastes."""

    id: str  # 1-64 bytes, unique in the answer
    title: str
    description: str
    text: str
    # the /start payload that opens the whole article in the bot's own chat, when the pasted
    # text is only its first page
    rest: str | None = None


def shared_articles(corpus: Corpus, ask: AskService, query: str) -> list[Shared]:
    """The articles an inline ``query`` finds, best first; none for an empty query."""
    query = query.strip()[:QUERY]
    if not query:
        return []
    if query[0].isdigit():
        query = as_citation(query, corpus)
    paragraphs = {  # cited paragraphs are shared as themselves
        (c.ref.instrument, c.ref.article, c.ref.paragraph)
        for c in parse_citations(query, corpus)
        if c.ref.paragraph
    }
    results: dict[str, Shared] = {}
    for hit in ask.search(query, limit=RESULTS):
        article = corpus.article(hit.instrument, hit.article)
        if article is None or not article.available:
            continue
        part = hit.part if (hit.instrument, hit.article, hit.paragraph) in paragraphs else ""
        key = f"{hit.instrument}-{hit.article}{part}"
        if key in results:
            continue
        heading = _("{instrument}, Article {article}").format(
            instrument=hit.instrument_name, article=f"{article.number}{part}"
        )
        if article.title:
            heading += f" – {article.title}"
        text = hit.snippet if part else article.text
        description = clip(" ".join(hit.snippet.split()), DESCRIPTION)
        pasted, cut = _pasted(heading, text)
        rest = f"art_{article.instrument}_{article.number}" if cut else None
        results[key] = Shared(key, heading, description, pasted, rest)
    return list(results.values())[:RESULTS]


def _pasted(heading: str, text: str) -> tuple[str, bool]:
    """What a result pastes (plain text): the heading and the first page of ``text``, within
    Telegram's limit, saying when it goes on; and whether it does."""
    continues = f"\n\n{_(CONTINUES)}"
    room = TELEGRAM_LIMIT - units(heading) - units(continues) - 2
    pages = split_pages(text, limit=room)
    cut = len(pages) > 1
    return f"{heading}\n\n{pages[0]}" + (continues if cut else ""), cut
