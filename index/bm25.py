"""BM25F over the whoosh index's postings, scored here rather than by whoosh's collector.

Whoosh walks every matching passage through layers of Python matcher objects; on a corpus a
hundred times the real one that cost 150+ ms a question. Reading each term's postings once
(cached) and adding up plain BM25F scores in a dict does the same arithmetic far faster.
Field weights (``field_boost``) are baked into the postings' weights by whoosh at indexing.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from typing import Any

from whoosh.reading import TermNotFound

from corpus.model import PassageKey, parse_key
from index.weights import LexicalWeights

CACHED_TERMS = 4096  # (field, term) posting lists kept in memory


class PassageScorer:
    """Scores passages (whoosh document numbers) of a single-segment index; ``keys`` and
    ``blocks`` tell, for each passage, its article (or document) key and paragraph number."""

    def __init__(self, searcher: Any, fields: tuple[str, ...]) -> None:
        if not searcher.is_atomic():
            raise ValueError("the index must be one segment (built by SearchIndex.build)")
        self._searcher = searcher
        count = searcher.doc_count_all()
        self._lengths = {
            field: [searcher.doc_field_length(doc, field, 1) for doc in range(count)]
            for field in fields
        }
        self._average = {field: searcher.avg_field_length(field) or 1.0 for field in fields}
        stored = [searcher.stored_fields(doc) for doc in range(count)]
        self.keys: list[PassageKey] = [parse_key(fields_of["key"]) for fields_of in stored]
        self.blocks: list[int] = [fields_of["block"] for fields_of in stored]
        self._postings: OrderedDict[tuple[str, str], tuple[list[int], list[float]]] = OrderedDict()
        self._keys_with: dict[str, frozenset[PassageKey]] = {}

    def top(
        self, weighted_terms: dict[str, float], limit: int, lexical: LexicalWeights
    ) -> list[tuple[int, float]]:
        """The ``limit`` best passages for the weighted terms, best first."""
        k1, b = lexical.bm25_k1, lexical.bm25_b
        scores: dict[int, float] = {}
        for term, boost in weighted_terms.items():
            for field, lengths in self._lengths.items():
                ids, weights = self._posting_list(field, term)
                if not ids:
                    continue
                idf = self._searcher.idf(field, term) * boost
                average = self._average[field]
                norm = k1 * (1 - b)
                slope = k1 * b / average
                for doc, weight in zip(ids, weights, strict=True):
                    part = idf * weight * (k1 + 1) / (weight + norm + slope * lengths[doc])
                    scores[doc] = scores.get(doc, 0.0) + part
        return heapq.nlargest(limit, scores.items(), key=lambda item: item[1])

    def keys_with(self, term: str) -> frozenset[PassageKey]:
        """The articles and documents whose passages (title or body) contain ``term`` (cached:
        a question asks this of each of its words)."""
        found = self._keys_with.get(term)
        if found is None:
            postings = (self._posting_list(field, term)[0] for field in self._lengths)
            found = frozenset(self.keys[doc] for docs in postings for doc in docs)
            if len(self._keys_with) >= CACHED_TERMS:
                self._keys_with.clear()
            self._keys_with[term] = found
        return found

    def _posting_list(self, field: str, term: str) -> tuple[list[int], list[float]]:
        key = (field, term)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        ids: list[int] = []
        weights: list[float] = []
        try:
            matcher = self._searcher.postings(field, term)
        except TermNotFound:
            matcher = None
        while matcher is not None and matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        self._postings[key] = (ids, weights)
        if len(self._postings) > CACHED_TERMS:
            self._postings.popitem(last=False)
        return ids, weights
