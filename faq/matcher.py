"""Match a question to the FAQ: answer when sure, offer choices when close, else stay silent.

Both sides are reduced to content words (a short list of stop words removed; question words
such as "who" and "how" are kept because they change what is asked). The score (0-100) is the
mean of two views, compared in `make bench` (bench/bench_faq.py):

- rapidfuzz's ``WRatio`` between the question and the entry's closest phrasing, with
  ``default_process`` as processor (rapidfuzz 3 applies none by default);
- a rarity-weighted F-measure of shared word stems. Its recall side counts the question's
  words found in any phrasing of the entry, so an unknown word ("dinner", "unesco") pulls the
  score down; a word the FAQ does not know may match a known word when rapidfuzz finds it
  misspelt ("conferance").

A confident answer also needs a margin over the next-best entry: a wrong FAQ answer is worse
than none. The thresholds and weights are the ``faq`` group of ``index/weights.yaml``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from corpus.model import ArticleRef
from faq.entries import FaqEntry, load_entries
from index.answer import FaqHit, FaqMatch
from index.text import stem_word, words
from index.weights import FaqWeights, default_weights

MAX_CHOICES = 3

Scorer = Callable[..., float]

# Fewer stop words than search: in an FAQ, "who can use" and "what is" ask different things.
FAQ_STOP_WORDS = frozenset(
    "a an the is are was were be been of to in on at for and or do does did i we my our me "
    "you your this that these those it its please tell about there any some".split()
)


def faq_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in FAQ_STOP_WORDS]


@dataclass(frozen=True, slots=True)
class _Phrasing:
    text: str  # content words, for the character similarity
    stems: frozenset[str]
    entry: int  # index into FaqMatcher.entries


class FaqMatcher:
    """The FAQ as a ``index.sources.FaqSource``: ``match`` is what the ask service calls."""

    def __init__(
        self,
        entries: list[FaqEntry],
        scorer: Scorer = fuzz.token_sort_ratio,
        weights: FaqWeights | None = None,
    ) -> None:
        self.entries = entries
        self.weights = weights or default_weights().faq
        self._scorer = scorer
        self._phrasings = [
            _Phrasing(" ".join(kept), frozenset(stem_word(w) for w in kept), index)
            for index, entry in enumerate(entries)
            for question in entry.questions
            for kept in [faq_words(question)]
            if kept
        ]
        self._texts = [p.text for p in self._phrasings]
        self._vocabulary: list[frozenset[str]] = [frozenset() for _ in entries]
        for phrasing in self._phrasings:
            self._vocabulary[phrasing.entry] |= phrasing.stems
        frequency: dict[str, int] = {}
        for stems in self._vocabulary:
            for stem in stems:
                frequency[stem] = frequency.get(stem, 0) + 1
        total = max(len(entries), 1)
        self._idf = {s: math.log(1 + total / n) for s, n in frequency.items()}
        self._unknown_idf = self.weights.unknown_weight * math.log(1 + total)
        self._known_words = sorted(
            {w for q in (q for e in entries for q in e.questions) for w in faq_words(q)}
        )

    @classmethod
    def load(cls, folder: Path, known_articles: set[tuple[str, str]] | None = None) -> FaqMatcher:
        """All entries of ``folder``; raises corpus.problems.ValidationError when any is bad."""
        return cls(load_entries(folder, known_articles))

    def match(self, question: str) -> FaqMatch:
        ranked = self.scores(question)
        if not ranked:
            return FaqMatch()
        top_entry, top_score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        weights = self.weights
        if top_score >= weights.confident and top_score - runner_up >= weights.margin:
            others = tuple(hit_for(e, s) for e, s in ranked[1:MAX_CHOICES] if s >= weights.near)
            return FaqMatch(best=hit_for(top_entry, top_score), choices=others)
        near = tuple(hit_for(e, s) for e, s in ranked[:MAX_CHOICES] if s >= weights.near)
        return FaqMatch(choices=near)

    def scores(self, question: str) -> list[tuple[FaqEntry, float]]:
        """Best score (0-100) per entry, best first."""
        kept = faq_words(question)
        if not kept or not self._phrasings:
            return []
        asked = self._asked_stems(kept)
        similarity = process.extract(
            " ".join(kept),
            self._texts,
            scorer=self._scorer,
            processor=utils.default_process,
            limit=None,
        )
        best = [0.0] * len(self.entries)
        for _, character_score, position in similarity:
            phrasing = self._phrasings[position]
            overlap = self._overlap(asked, phrasing)
            share = self.weights.overlap_weight
            score = share * overlap * 100 + (1 - share) * character_score
            best[phrasing.entry] = max(best[phrasing.entry], score)
        ranked = sorted(range(len(self.entries)), key=lambda index: -best[index])
        return [(self.entries[index], best[index]) for index in ranked]

    def entry(self, identifier: str) -> FaqEntry | None:
        return next((e for e in self.entries if e.id == identifier), None)

    def _asked_stems(self, kept: list[str]) -> dict[str, frozenset[str]]:
        """Each stem of the question, with the known stems it stands for (itself, or typos)."""
        asked: dict[str, frozenset[str]] = {}
        for word in kept:
            stem = stem_word(word)
            if stem in self._idf or len(word) < self.weights.typo_min_length:
                asked[stem] = frozenset([stem])
                continue
            close = process.extract(
                word,
                self._known_words,
                scorer=fuzz.ratio,
                score_cutoff=self.weights.typo_similarity,
                limit=None,
            )
            asked[stem] = frozenset(
                stem_word(known)
                for known, _, _ in close
                if len(known) >= self.weights.typo_min_length
            )
        return asked

    def _overlap(self, asked: dict[str, frozenset[str]], phrasing: _Phrasing) -> float:
        """Rarity-weighted F-measure of shared stems.

        Recall counts the question's words found in any phrasing of the entry (paraphrases
        mix them), weighted as rare when the FAQ does not know them; precision, the words of
        this phrasing found in the question.
        """
        vocabulary = self._vocabulary[phrasing.entry]
        asked_weight = found_weight = 0.0
        understood: set[str] = set()
        for stem, means in asked.items():
            known = means & vocabulary
            weight = self._idf.get(stem, self._unknown_idf)
            asked_weight += weight
            if known:
                found_weight += weight
                understood |= known
        phrasing_weight = sum(self._idf[s] for s in phrasing.stems)
        matched_weight = sum(self._idf[s] for s in phrasing.stems & understood)
        recall = found_weight / asked_weight
        precision = matched_weight / phrasing_weight
        return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)


def hit_for(entry: FaqEntry, score: float = 100.0) -> FaqHit:
    return FaqHit(
        id=entry.id,
        question=entry.questions[0],
        answer=entry.answer,
        articles=tuple(ArticleRef(r.instrument, r.article) for r in entry.articles),
        score=round(score, 2),
    )
