"""Articles related to an article: those it cites or that cite it, and those most alike.

A citation weighs more when the citing article cites few others ("Articles 29 and 30") than
when it lists many ("Articles 2 through 11"), so the offences a procedural article lists in
passing do not crowd out its real neighbours. Likeness is the cosine of TF-IDF vectors of
the stemmed title (twice) and text. Art. 29 of the Budapest Convention (preservation asked of
another Party) so relates to Arts. 30, 31, 35 and 16, not to Arts. 2-5.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from corpus.model import Article, ArticleRef, Corpus
from index.embedding import Vectors
from index.text import content_words, stem_word

CITED = 0.5  # weight of a citation that names only this article, beside cosine likeness


class RelatedArticles:
    """Built once per corpus (the matrix is made on first use)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._articles = [a for a in corpus.articles() if a.available]
        self._position = {(a.instrument, a.number): n for n, a in enumerate(self._articles)}
        self._matrix: Vectors | None = None

    def of(self, article: Article, limit: int = 8) -> list[ArticleRef]:
        """Up to ``limit`` articles related to ``article``, most related first."""
        own = self._position.get((article.instrument, article.number))
        if own is None:
            return []
        scores = self._likeness() @ self._likeness()[own]
        for other, weight in self._citations(article).items():
            scores[other] += CITED * weight
        scores[own] = -math.inf
        ranked = np.argsort(-scores, kind="stable")[:limit]
        return [self._articles[int(n)].ref for n in ranked if scores[n] > 0]

    def _citations(self, article: Article) -> dict[int, float]:
        """Articles cited by ``article`` or citing it, by the weight of the citation."""
        weights: dict[int, float] = {}
        for ref in article.references:
            if (found := self._position.get((ref.instrument, ref.article))) is not None:
                weights[found] = 1 / len(article.references)
        for citing in self._articles:
            if article.ref in citing.references:
                found = self._position[(citing.instrument, citing.number)]
                weights[found] = max(weights.get(found, 0.0), 1 / len(citing.references))
        return weights

    def _likeness(self) -> Vectors:
        if self._matrix is None:
            self._matrix = _tf_idf(self._articles)
        return self._matrix


def _tf_idf(articles: list[Article]) -> Vectors:
    """One unit row per article: log-scaled stem counts times inverse document frequency."""
    counts = [
        Counter(
            stem_word(word)
            for word in content_words(f"{a.title or ''} {a.title or ''} {a.text}")
            if not word.isdigit()
        )
        for a in articles
    ]
    frequency = Counter(stem for count in counts for stem in count)
    columns = {stem: n for n, stem in enumerate(sorted(frequency))}
    matrix = np.zeros((len(articles), len(columns)), dtype=np.float32)
    for row, count in enumerate(counts):
        for stem, times in count.items():
            idf = math.log(len(articles) / frequency[stem])
            matrix[row, columns[stem]] = (1 + math.log(times)) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix /= np.where(norms > 0, norms, 1)
    return matrix
