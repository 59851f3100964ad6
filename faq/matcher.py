"""Match a question to the FAQ: answer when sure, offer choices when close, else stay silent.

Both sides are reduced to stemmed content words (the search room's stop words removed).
The score blends two views measured by `make bench` (bench/bench_faq.py): rapidfuzz's
character similarity of the whole phrasing, and a rarity-weighted overlap of words in both
directions, where a word also counts when rapidfuzz finds it misspelt ("conferance"). A
confident answer also needs a margin over the next-best entry: a wrong FAQ answer is worse
than none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from faq.entries import FaqEntry, load_entries
from index.answer import FaqHit, FaqMatch
from index.text import stem_word, words

CONFIDENT = 62.0  # score at or above which the FAQ answers directly (bench: P=1.00, R=0.95)
MARGIN = 6.0  # ... and only if the next-best entry is at least this far behind
NEAR = 50.0  # near-misses from here up are offered as choices
MAX_CHOICES = 3
TYPO_SIMILARITY = 85.0  # two words this similar (rapidfuzz ratio) count as the same word


# Fewer stop words than search: in an FAQ, "who can use" and "what is" ask different things.
FAQ_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "do",
        "does",
        "did",
        "i",
        "we",
        "my",
        "our",
        "me",
        "you",
        "your",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "please",
        "tell",
        "about",
        "there",
        "any",
        "some",
    ]
)


def faq_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in FAQ_STOP_WORDS]


@dataclass(frozen=True, slots=True)
class _Phrasing:
    text: str
    stems: tuple[str, ...]
    entry: FaqEntry


class FaqMatcher:
    def __init__(self, entries: list[FaqEntry]) -> None:
        self.entries = entries
        self._phrasings = [
            _Phrasing(" ".join(kept), tuple(stem_word(w) for w in kept), entry)
            for entry in entries
            for question in entry.questions
            for kept in [faq_words(question)]
            if kept
        ]
        frequency: dict[str, int] = {}
        for entry in entries:
            for stem in {s for p in self._phrasings if p.entry is entry for s in p.stems}:
                frequency[stem] = frequency.get(stem, 0) + 1
        total = max(len(entries), 1)
        self._idf = {s: math.log(1 + total / n) for s, n in frequency.items()}
        self._unknown_idf = math.log(1 + total)
        self._vocabulary: dict[str, tuple[str, ...]] = {}
        for phrasing in self._phrasings:
            known = self._vocabulary.get(phrasing.entry.id, ())
            self._vocabulary[phrasing.entry.id] = tuple(dict.fromkeys((*known, *phrasing.stems)))

    @classmethod
    def load(cls, folder: Path, known_articles: set[tuple[str, str]] | None = None) -> FaqMatcher:
        return cls(load_entries(folder, known_articles))

    def scores(self, question: str) -> list[tuple[FaqEntry, float]]:
        """Best score (0-100) per entry, best first."""
        kept = faq_words(question)
        if not kept:
            return []
        text = " ".join(kept)
        stems = tuple(stem_word(w) for w in kept)
        best: dict[str, tuple[FaqEntry, float]] = {}
        for phrasing in self._phrasings:
            score = self._score(text, stems, phrasing)
            entry = phrasing.entry
            if entry.id not in best or score > best[entry.id][1]:
                best[entry.id] = (entry, score)
        return sorted(best.values(), key=lambda pair: -pair[1])

    def _score(self, text: str, stems: tuple[str, ...], phrasing: _Phrasing) -> float:
        overlap = self._overlap(stems, phrasing.stems, self._vocabulary[phrasing.entry.id])
        similarity = fuzz.ratio(text, phrasing.text)
        return max(overlap * 100, similarity) * 0.5 + min(overlap * 100, similarity) * 0.5

    def _overlap(
        self, asked: tuple[str, ...], known: tuple[str, ...], entry_words: tuple[str, ...]
    ) -> float:
        """Rarity-weighted F-measure of shared words, typos forgiven.

        Recall counts the question's words found in any phrasing of the entry (paraphrases
        mix them); precision, the words of this phrasing found in the question.
        """

        def weight(stem: str) -> float:
            return self._idf.get(stem, self._unknown_idf)

        matched_asked = sum(weight(s) for s in set(asked) if _found(s, entry_words))
        matched_known = sum(weight(s) for s in set(known) if _found(s, asked))
        recall = matched_asked / sum(weight(s) for s in set(asked))
        precision = matched_known / sum(weight(s) for s in set(known))
        return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)

    def match(self, question: str) -> FaqMatch:
        ranked = self.scores(question)
        if not ranked:
            return FaqMatch()
        top_entry, top_score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if top_score >= CONFIDENT and top_score - runner_up >= MARGIN:
            others = tuple(hit_for(e, s) for e, s in ranked[1:MAX_CHOICES] if s >= NEAR)
            return FaqMatch(best=hit_for(top_entry, top_score), choices=others)
        return FaqMatch(choices=tuple(hit_for(e, s) for e, s in ranked[:MAX_CHOICES] if s >= NEAR))

    def entry(self, identifier: str) -> FaqEntry | None:
        return next((e for e in self.entries if e.id == identifier), None)


def _found(stem: str, among: tuple[str, ...]) -> bool:
    if stem in among:
        return True
    return len(stem) >= 5 and any(
        len(other) >= 5 and fuzz.ratio(stem, other) >= TYPO_SIMILARITY for other in among
    )


def hit_for(entry: FaqEntry, score: float = 100.0) -> FaqHit:
    return FaqHit(
        id=entry.id,
        question=entry.questions[0],
        answer=entry.answer,
        articles=tuple((r.instrument, r.article) for r in entry.articles),
        score=round(score, 2),
    )
