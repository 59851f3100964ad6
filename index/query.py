"""Turn a plain, possibly misspelt question into weighted search terms and concepts.

Steps: split into words, correct spelling against the index vocabulary and the thesaurus
(rapidfuzz), map practitioners' phrases to treaty language (thesaurus), and list the question's
concepts so the ranker can tell how much of the question an article really covers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from english_words import get_english_words_set
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from index.text import STOP_WORDS, WORD, content_words, fold, join_compound, stem_word, words
from index.thesaurus import Thesaurus
from index.weights import QueryWeights, default_weights

MAX_WORDS = 60  # long pasted text: only the first words count


@dataclass(frozen=True, slots=True)
class QueryConcept:
    """Something the question asks about; satisfied by an article containing any of ``stems``.

    ``phrasings`` are the whole phrases that say it (the asker's words, or a treaty phrase the
    thesaurus maps them to), for the stricter test of :meth:`said_in`.
    """

    label: str
    stems: frozenset[str]
    weight: float
    from_thesaurus: bool = False  # a thesaurus phrase specific enough to be evidence on its own
    phrasings: tuple[frozenset[str], ...] = ()

    def said_in(self, stems: frozenset[str]) -> bool:
        """Whether a short text says this concept: all words of one of its phrasings."""
        return any(phrasing <= stems for phrasing in self.phrasings or (self.stems,))


@dataclass(slots=True)
class AnalysedQuery:
    words: list[str]
    corrections: dict[str, str] = field(default_factory=dict)
    weighted_terms: dict[str, float] = field(default_factory=dict)
    phrases: list[list[str]] = field(default_factory=list)
    concepts: list[QueryConcept] = field(default_factory=list)
    own_stems: frozenset[str] = frozenset()  # the asker's own words, before any expansion
    named: list[str] = field(default_factory=list)  # instruments named, as mentioned
    expansions: list[list[str]] = field(default_factory=list)  # thesaurus phrases, as words

    @property
    def instrument(self) -> str | None:
        """The first instrument the question names, if any."""
        return self.named[0] if self.named else None

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.weighted_terms)


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    return frozenset(get_english_words_set(["web2"], lower=True))


def is_english_word(word: str) -> bool:
    """In the dictionary, directly or as a plural or inflected form of a dictionary word."""
    english = _english()
    if word in english:
        return True
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in english:
            return True
    return False


class QueryAnalyser:
    def __init__(
        self,
        vocabulary: dict[str, int],
        thesaurus: Thesaurus,
        blocks: int,
        instrument_names: dict[tuple[str, ...], str] | None = None,
        common_words: dict[str, float] | None = None,
        *,
        weights: QueryWeights | None = None,
    ) -> None:
        self.weights = weights or default_weights().query
        self.vocabulary = vocabulary
        self.common_words = common_words or {}  # word -> Zipf frequency in general English
        # How questions name instruments ("lanzarote convention", "ets 185", "protocol on
        # xenophobia and racism"): the words choose the instrument; they are not something
        # the article must contain.
        self.instrument_names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, instrument in (instrument_names or {}).items():
            self.instrument_names.setdefault(name[0], []).append((name, instrument))
        name_words = {word for name in instrument_names or {} for word in name}
        self.names = frozenset(n for n in name_words if n not in vocabulary)
        self.thesaurus = thesaurus
        self.blocks = max(blocks, 1)
        known = set(vocabulary) | set(thesaurus.vocabulary)
        self._correctable = sorted(w for w in known if len(w) >= 3 and w not in STOP_WORDS)
        self._known = frozenset(known) | STOP_WORDS | self.names
        self._stem_df: dict[str, int] = {}
        for word, count in vocabulary.items():
            stemmed = stem_word(word)
            self._stem_df[stemmed] = max(self._stem_df.get(stemmed, 0), count)

    def knows(self, word: str, *, corrected: bool = True) -> bool:
        """Whether the corpus or the thesaurus uses ``word``: as written, or as corrected."""
        said = self.correct(word) if corrected else word
        return stem_word(said) in self._stem_df or said in self._known

    def said(self, word: str, *, corrected: bool = True) -> bool:
        """Whether a text of the corpus says ``word`` (as written, or as corrected); the
        thesaurus's words alone ("cryptojacking") are not."""
        return stem_word(self.correct(word) if corrected else word) in self._stem_df

    def idf(self, stemmed: str) -> float:
        count = self._stem_df.get(stemmed, 0)
        return math.log(1 + self.blocks / (count + 0.5))

    @property
    def unknown_weight(self) -> float:
        """Words the corpus never uses count against an answer, less than a rare match counts."""
        return self.max_idf * self.weights.unknown_word_share

    @property
    def max_idf(self) -> float:
        return self.idf("\0unknown")

    def correct(self, word: str) -> str:
        if word in self._known or len(word) < self.weights.min_correctable or not word.isalpha():
            return word
        if is_english_word(word) or word in self.common_words:
            # "president" is not a typo of "resident", nor "beaches" of "breaches"; nor
            # "planning" of "placing" (common today, not in the 1934 dictionary)
            return word
        limit = 2 if len(word) >= self.weights.min_for_two_edits else 1
        found = process.extract(
            word, self._correctable, scorer=Levenshtein.distance, score_cutoff=limit, limit=8
        )
        if not found:
            return word
        closest = min(distance for _, distance, _ in found)
        candidates = [str(candidate) for candidate, distance, _ in found if distance == closest]
        # People rarely mistype a word's first letter: "ilegal" is "illegal", not "legal".
        return max(candidates, key=lambda c: (c[0] == word[0], self.vocabulary.get(c, 0)))

    def analyse(self, question: str) -> AnalysedQuery:
        tokens = self._tokens(question)[:MAX_WORDS]
        corrected = [self.correct(token) for token in tokens]
        query = AnalysedQuery(corrected)
        query.corrections = {a: b for a, b in zip(tokens, corrected, strict=True) if a != b}
        covered = self._name_positions(query, tokens)
        query.own_stems = frozenset(
            stem_word(w)
            for position, w in enumerate(corrected)
            if w not in STOP_WORDS and position not in covered
        )
        for expansion in self.thesaurus.expand(corrected):
            if covered.intersection(range(expansion.start, expansion.end)):
                continue
            covered.update(range(expansion.start, expansion.end))
            stems: set[str] = set()
            phrasings: list[frozenset[str]] = []
            for phrase in expansion.search:
                phrase_words = content_words(phrase)
                query.expansions.append(words(phrase))
                phrase_stems = [stem_word(w) for w in phrase_words]
                stems.update(phrase_stems)
                phrasings.append(frozenset(phrase_stems))
                if len(phrase_stems) > 1:
                    query.phrases.append(phrase_stems)
                for stemmed in phrase_stems:
                    query.weighted_terms[stemmed] = max(
                        query.weighted_terms.get(stemmed, 0), self.weights.expansion
                    )
            own = {stem_word(w) for w in expansion.phrase if w not in STOP_WORDS}
            for stemmed in own & set(self._stem_df):
                query.weighted_terms[stemmed] = max(query.weighted_terms.get(stemmed, 0), 1.0)
            stems |= own
            phrasings.append(frozenset(own))
            label = " ".join(expansion.phrase)
            # a phrase ("denial of service") is specific; one everyday word ("sign") is not
            content = [w for w in expansion.phrase if w not in STOP_WORDS]
            sure = self.specificity(content[0]) if len(content) == 1 else 1.0
            weight = self.weights.thesaurus * self.max_idf * sure
            evidence = sure >= self.weights.sure_trigger
            concept = QueryConcept(label, frozenset(stems), weight, evidence, tuple(phrasings))
            query.concepts.append(concept)
        for position, word in enumerate(corrected):
            if position in covered or word in STOP_WORDS or word in self.names or word.isdigit():
                continue
            stemmed = stem_word(word)
            known = stemmed in self._stem_df
            if known:
                query.weighted_terms[stemmed] = max(query.weighted_terms.get(stemmed, 0), 1.0)
            rarity = self.idf(stemmed) if known else self.unknown_weight
            weight = rarity * self.specificity(word)
            if not any(c.label == word for c in query.concepts):
                query.concepts.append(QueryConcept(word, frozenset({stemmed}), weight))
        return query

    def specificity(self, word: str) -> float:
        """How much a word tells about a question's topic, from its Zipf frequency in English:
        everyday words ("put", "small", "time") say little, rare ones ("grooming") a lot."""
        zipf = self.common_words.get(word, 0.0)
        weights = self.weights
        return min(
            1.0, max(weights.min_specificity, (weights.common_zipf - zipf) / weights.zipf_span)
        )

    def _tokens(self, question: str) -> list[str]:
        """The question's words; a hyphenated compound the corpus does not know is split into
        its parts ("DDoS-for-hire" -> "ddos for hire"), a known one stays joined
        ("co-operation" -> "cooperation")."""
        tokens: list[str] = []
        for match in WORD.finditer(fold(question)):
            joined = join_compound(match.group())
            if "-" in match.group() and joined not in self._known:
                tokens.extend(join_compound(part) for part in match.group().split("-") if part)
            else:
                tokens.append(joined)
        return tokens

    def _name_positions(self, query: AnalysedQuery, tokens: list[str]) -> set[int]:
        """Positions of the instrument names in the question, as typed or corrected; the
        instruments named go into ``query.named``, in the order they are mentioned."""
        found: dict[int, tuple[int, str]] = {}  # start -> (length, instrument), longest wins
        for sequence in (tokens, query.words):
            for start in range(len(sequence)):
                for name, instrument in self.instrument_names.get(sequence[start], ()):
                    if tuple(sequence[start : start + len(name)]) != name:
                        continue
                    if len(name) > found.get(start, (0, ""))[0]:
                        found[start] = (len(name), instrument)
        covered: set[int] = set()
        for start in sorted(found):
            length, instrument = found[start]
            if start in covered:
                continue
            covered.update(range(start, start + length))
            if instrument not in query.named:
                query.named.append(instrument)
        return covered
