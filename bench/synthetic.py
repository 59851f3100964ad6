"""A deterministic corpus 100 times the real one, to see how search scales.

It keeps every real instrument unchanged and adds ``copies`` synthetic copies of each: new
instruments with new ids whose articles are made of paragraphs drawn from the whole real corpus,
renumbered, with part of their words swapped for other words of the real vocabulary. The text
therefore looks like treaty language with realistic term frequencies, and the labelled articles
are still there to be found among many near-duplicates.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from corpus.model import Article, Corpus, Instrument, Paragraph
from index.search import article_blocks

LEADING_NUMBER = re.compile(r"^\d+\.\s*")
WORD = re.compile(r"[A-Za-z]{3,}")
SWAP_SHARE = 0.3  # share of words replaced by a random word of the vocabulary


def synthetic_corpus(corpus: Corpus, copies: int = 99, seed: int = 185) -> Corpus:
    """The real corpus plus ``copies`` shuffled copies of each instrument (100x by default)."""
    rng = random.Random(seed)
    real = [a for a in corpus.articles() if a.available]
    pool = [LEADING_NUMBER.sub("", block) for a in real for block in article_blocks(a)]
    titles = [a.title for a in real if a.title]
    vocabulary = sorted({w for block in pool for w in WORD.findall(block)})
    grown = Corpus(instruments=dict(corpus.instruments), documents=dict(corpus.documents))
    for copy in range(1, copies + 1):
        for position, instrument in enumerate(corpus.instruments.values()):
            made = _instrument(instrument, f"syn{copy:03d}i{position}", rng, pool, titles)
            grown.instruments[made.id] = _reword(made, rng, vocabulary)
    return grown


def _instrument(
    original: Instrument, new_id: str, rng: random.Random, pool: list[str], titles: list[str]
) -> Instrument:
    articles = []
    for article in original.articles:
        if not article.available:
            continue
        blocks = [f"{n}. {text}" for n, text in enumerate(rng.sample(pool, rng.randint(1, 4)), 1)]
        paragraphs = tuple(Paragraph(str(n), text) for n, text in enumerate(blocks, 1))
        title = rng.choice(titles) if article.title else None
        articles.append(
            Article(new_id, article.number, title, paragraphs, "\n\n".join(blocks), True)
        )
    name = f"Synthetic instrument {new_id}"
    return Instrument(
        id=new_id,
        title=name,
        short_title=name,
        number=new_id,
        year=None,
        aliases=(),
        preamble="",
        articles=tuple(articles),
    )


def _reword(instrument: Instrument, rng: random.Random, vocabulary: list[str]) -> Instrument:
    """Swap a share of the words of every paragraph for random words of the vocabulary."""

    def swap(match: re.Match[str]) -> str:
        return rng.choice(vocabulary) if rng.random() < SWAP_SHARE else match.group(0)

    articles = []
    for article in instrument.articles:
        paragraphs = tuple(replace(p, text=WORD.sub(swap, p.text)) for p in article.paragraphs)
        text = "\n\n".join(p.text for p in paragraphs)
        articles.append(replace(article, paragraphs=paragraphs, text=text))
    return replace(instrument, articles=tuple(articles))
