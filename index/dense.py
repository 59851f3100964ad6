"""Dense retrieval: cosine similarity between a question and every passage.

A few thousand 384-dimension vectors fit in a couple of megabytes, so the search is one
matrix product (well under a millisecond); the cost of a question is embedding it.

A key is as near as the mean of its two nearest passages: one stray exemplar or guide line
that happens to share a story's setting does not carry an article alone, while an article
whose several passages are near does (dense retrieval alone on the development sets: hit@1
0.67 by the nearest passage, 0.74 by the mean of two, 0.73 by three).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from corpus.model import Corpus, PassageKey
from index.embedding import Embedder, Vectors
from index.exemplars import Exemplar, load_exemplars
from index.passages import Passage, passages
from index.vectors import SEED_DIRECTORY, embed_passages


@dataclass(frozen=True, slots=True)
class DenseHit:
    key: PassageKey
    similarity: float  # mean cosine similarity of the question and the key's two best passages
    passage: Passage
    nearest: float  # cosine similarity of the question and ``passage``, the key's best


class DenseIndex:
    def __init__(
        self,
        embedder: Embedder,
        found: list[Passage],
        vectors: Vectors,
        exemplars: Sequence[Exemplar] = (),
    ) -> None:
        self.embedder = embedder
        self.passages = found
        self.vectors = vectors
        self.exemplars = exemplars  # those among ``found``, for the ranker's word index
        numbers: dict[PassageKey, int] = {}
        # each passage's key as a small number: hits() tells keys apart without hashing them
        self._key_numbers = [numbers.setdefault(p.key, len(numbers)) for p in found]
        # the positions of each key's paragraphs, embedded under its heading as they are shown
        self._paragraphs: dict[PassageKey, list[int]] = {}
        for position, passage in enumerate(found):
            if passage.embedded.endswith(f"\n{passage.shown}"):
                self._paragraphs.setdefault(passage.key, []).append(position)

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        embedder: Embedder,
        directory: Path,
        *,
        seed_directory: Path = SEED_DIRECTORY,
        progress: TextIO | None = None,
        exemplars: Sequence[Exemplar] | None = None,
    ) -> DenseIndex:
        """Vectors for every passage of ``corpus`` and every exemplar (the shipped ones unless
        given), embedding only what no cache holds."""
        if progress is None and sys.stderr.isatty():
            progress = sys.stderr
        asked = load_exemplars() if exemplars is None else exemplars
        found = passages(corpus, asked)
        vectors = embed_passages(
            embedder,
            [p.embedded for p in found],
            directory,
            seed_directory=seed_directory,
            progress=progress,
        )
        return cls(embedder, found, vectors, asked)

    def query_vector(self, text: str) -> Vectors:
        vector: Vectors = self.embedder.queries([text])[0]
        return vector

    def search(self, query: Vectors) -> list[DenseHit]:
        """Every key with its passage most similar to ``query``, best first."""
        return self.hits(self.similarities(query))

    def similarities(self, query: Vectors) -> Vectors:
        if not self.passages:
            return np.zeros(0, dtype=np.float32)
        similarities: Vectors = self.vectors @ query
        return similarities

    def hits(self, similarities: Vectors) -> list[DenseHit]:
        """Every key once, with its most similar passage, best first by the mean similarity
        of its two nearest passages."""
        best: dict[int, int] = {}  # key number -> position of its most similar passage
        second: dict[int, float] = {}
        for position in np.argsort(-similarities).tolist():
            number = self._key_numbers[position]
            if number not in best:
                best[number] = position
            elif number not in second:
                second[number] = float(similarities[position])
        found = []
        for number, position in best.items():
            top = float(similarities[position])
            score = (top + second.get(number, top)) / 2
            passage = self.passages[position]
            found.append(DenseHit(passage.key, score, passage, top))
        found.sort(key=lambda hit: -hit.similarity)
        return found

    def paragraphs(self, similarities: Vectors, key: PassageKey) -> list[tuple[str, float]]:
        """The paragraphs of ``key`` in order, each with its similarity to the question, when
        it has several."""
        positions = self._paragraphs.get(key, [])
        if len(positions) < 2:
            return []
        return [(self.passages[p].shown, float(similarities[p])) for p in positions]

    def nearest(
        self, similarities: Vectors, keys: frozenset[PassageKey], count: int
    ) -> list[tuple[int, float]]:
        """Positions of the ``count`` passages of ``keys`` most similar, with their
        similarity, best first (several per key)."""
        found: list[tuple[int, float]] = []
        for position in np.argsort(-similarities):
            if self.passages[int(position)].key in keys:
                found.append((int(position), float(similarities[position])))
                if len(found) == count:
                    break
        return found
