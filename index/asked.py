"""Which articles the question's words are asked about: BM25 over each article's exemplars
(``index.exemplars``), one index per language.

The treaty's words rank treaty-worded questions; a story ("the clerk moved money to his
cousin's account") shares its words with the stories people tell about an article, not with
the article. Measured alone on the development sets, the English exemplars put the right
article first for about half of heldout and heldout2, on different questions from the
treaty text; fused with the other signals they only reorder candidates (``fusion.asked``).
A question in another language is matched against the exemplars in its own language, by
word beginnings (accents folded): no stemmer reads all four.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.model import ArticleRef
from index.exemplars import Exemplar
from index.language import ENGLISH
from index.text import STOP_WORDS, fold, stem_token, words

_LETTERS = re.compile(r"[^\W\d_]+")
PREFIX = 5  # letters of a word kept in French, Spanish, Portuguese, Russian: "donnees" ~ "donnée"
K1, B = 1.2, 0.75


@dataclass(frozen=True, slots=True)
class _Language:
    articles: tuple[ArticleRef, ...]
    counts: tuple[Counter[str], ...]
    lengths: tuple[int, ...]
    rarity: dict[str, float]
    average: float


class AskedWords:
    def __init__(self, exemplars: Sequence[Exemplar]) -> None:
        texts: dict[str, dict[ArticleRef, list[str]]] = defaultdict(lambda: defaultdict(list))
        for exemplar in exemplars:
            texts[exemplar.language][exemplar.article].append(exemplar.text)
        self._languages = {language: _index(found, language) for language, found in texts.items()}

    def scores(self, text: str, language: str) -> dict[ArticleRef, float]:
        """Each article whose exemplars share words with ``text``, scored relative to the
        best (1.0); empty when none does or the language has no exemplars."""
        index = self._languages.get(language)
        if index is None:
            return {}
        asked = set(_tokens(text, language))
        found: dict[ArticleRef, float] = {}
        for article, counts, length in zip(
            index.articles, index.counts, index.lengths, strict=True
        ):
            norm = K1 * (1 - B + B * length / index.average)
            score = sum(
                index.rarity[t] * counts[t] * (K1 + 1) / (counts[t] + norm)
                for t in asked
                if t in counts
            )
            if score > 0:
                found[article] = score
        best = max(found.values(), default=0.0)
        return {article: score / best for article, score in found.items()}


def _index(texts: dict[ArticleRef, list[str]], language: str) -> _Language:
    articles = tuple(sorted(texts, key=lambda a: (a.instrument, a.article)))
    counts = tuple(Counter(t for q in texts[a] for t in _tokens(q, language)) for a in articles)
    lengths = tuple(sum(c.values()) for c in counts)
    documents = Counter(t for c in counts for t in c)
    size = len(articles)
    rarity = {t: math.log((size + 1) / (n + 0.5)) for t, n in documents.items()}
    return _Language(articles, counts, lengths, rarity, sum(lengths) / max(size, 1) or 1.0)


def _tokens(text: str, language: str) -> list[str]:
    if language == ENGLISH:
        return [stem_token(w) for w in words(text) if w not in STOP_WORDS]
    return [w[:PREFIX] for w in _LETTERS.findall(fold(text)) if len(w) > 3]
