"""Rank search hits and decide, with a calibrated confidence, whether to answer at all.

BM25F finds candidates; the ranker then asks how much of the question each candidate covers
(concepts weighted by rarity; words the corpus has never seen count against the answer), so
"what's the weather in Strasbourg" does not get the final clauses of a treaty signed there.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from corpus.model import ArticleRef, DocumentRef, PassageKey
from index.citations import DEFAULT_INSTRUMENT, articles_cited
from index.definitions import Definitions, contains
from index.query import AnalysedQuery, QueryAnalyser, QueryConcept
from index.search import RawHit, SearchIndex, title_parts
from index.text import STOP_WORDS, stem_word, words
from index.weights import Weights, default_weights

CANDIDATES = 20
# Words about law itself ("which treaty covers grooming?"): they tell no treaty family apart.
LEGAL_WORDS = frozenset(
    stem_word(w)
    for w in "treaty treaties convention conventions protocol protocols article articles cover "
    "covers covered say says apply applies provision provisions law laws rule rules legal "
    "instrument instruments text".split()
)
OVERVIEW_TITLES = frozenset({"purpose", "purposes", "object", "scope"})


@dataclass(frozen=True, slots=True)
class Ranked:
    key: PassageKey
    confidence: float
    block_text: str  # the best-matching passage
    block_label: str | None
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Scored:
    combined: float
    coverage: float
    hit: RawHit
    evidence: PassageKey  # the key whose text vouches for the answer: itself, or a guide citing it


@dataclass(slots=True)
class Ranking:
    articles: list[Ranked] = field(default_factory=list)
    documents: list[Ranked] = field(default_factory=list)
    confidence: float = 0.0
    corrections: dict[str, str] = field(default_factory=dict)
    facts: list[Ranked] = field(default_factory=list)  # programme-document passages
    fact_lead: float = -1.0  # how much closer the best of them is than the best article
    fact_said: float = 0.0  # the share of the question's words (weighed) the best of them says
    places: str = ""  # the places a question in another language names, in English ("Vilnius")
    declined: str | None = None  # why the question is out of scope: "venue", "other_law", ...
    # how likely the texts answer it, by the askers' probe (index.probe); None without one
    asked_like_answerable: float | None = None
    # how likely it asks what the programme documents state, not a treaty (index.probe)
    asked_of_programme: float | None = None
    threshold: float = math.inf  # the confidence from which to answer (set by the ranker)
    # how much an article of each instrument counts, when the question names one (Ranker.prior)
    named: Callable[[PassageKey], float] | None = None

    @property
    def confident(self) -> bool:
        return self.confidence >= self.threshold and bool(self.articles or self.documents)


class Ranker:
    def __init__(self, index: SearchIndex, weights: Weights | None = None) -> None:
        self.index = index
        self.weights = weights or default_weights()
        blocks = sum(len(index.blocks(key)) for key in _all_keys(index))
        names = {
            tuple(words(alias)): instrument.id
            for instrument in index.corpus.instruments.values()
            for alias in (instrument.id, *instrument.aliases)
            if words(alias)
        }
        self.analyser = QueryAnalyser(
            index.vocabulary,
            index.thesaurus,
            blocks,
            names,
            index.common_words,
            weights=self.weights.query,
        )
        self.definitions = Definitions(index.corpus)
        self._stems: dict[PassageKey, frozenset[str]] = {}
        self._titles: dict[PassageKey, frozenset[str]] = {}
        self._guide_cache: dict[DocumentRef, list[tuple[frozenset[str], list[ArticleRef]]]] = {}
        self._families: dict[str, frozenset[str]] = {}  # head convention -> its family

    def rank(self, text: str, limit: int = 5) -> Ranking:
        query = self.analyser.analyse(text)
        weights = self.weights.ranking
        threshold = self.weights.answer.confidence_threshold
        ranking = Ranking(corrections=query.corrections, threshold=threshold)
        named = self._subjects(query.named)
        if named:
            family = frozenset().union(*(self._family_members(i) for i in named))
            ranking.named = partial(self._prior, named=named, family=family)
        if not query.weighted_terms:
            return self._overview(ranking, query) if not query.concepts else ranking
        raw = self._candidates(query, named)
        if not raw:
            return ranking
        top = raw[0].score
        named_family = family if named else self._implied_family(query, raw)
        defining = self.definitions.defining(text, [query.words, *query.expansions])
        raw += self._definition_hits(defining, {hit.key for hit in raw}, top)
        scored: list[_Scored] = []
        for hit in raw:
            coverage = self._coverage(hit.key, query)
            relevance = math.sqrt(hit.score / top)
            combined = relevance * (weights.uncovered + weights.coverage * coverage)
            combined += weights.title_bonus * self._title_match(hit.key, query)
            if hit.key in defining:
                combined += weights.definition_bonus * (1 + _share_said(defining[hit.key], query))
            combined *= self._prior(hit.key, named, named_family)
            scored.append(_Scored(combined, coverage, hit, hit.key))
        scored = self._with_guided_articles(scored, query, named, named_family)
        scored.sort(key=lambda entry: -entry.combined)
        best_combined = scored[0].combined or 1.0
        for entry in scored:
            key = entry.hit.key
            blocks = self.index.blocks(key)
            block_index = entry.hit.blocks[0][0]
            block = blocks[block_index] if block_index < len(blocks) else blocks[0]
            ranked = Ranked(
                key,
                round(min(1.0, entry.coverage * entry.combined / best_combined), 4),
                block,
                None,
                query.stems,
            )
            target = ranking.documents if isinstance(key, DocumentRef) else ranking.articles
            if len(target) < limit:
                target.append(ranked)
        # The answer rests on articles: a guide matching a stray word must not make it confident.
        best = next((e for e in scored if isinstance(e.hit.key, ArticleRef)), scored[0])
        evidence = best.hit.key in defining or self._strong_evidence(best.evidence, query)
        confidence = best.coverage if evidence else best.coverage * weights.weak_evidence
        if self._says_practitioner_phrase(best.evidence, query):
            confidence = max(confidence, self.weights.answer.phrase_floor)
        ranking.confidence = round(confidence, 4)
        return ranking

    def _candidates(self, query: AnalysedQuery, named: frozenset[str]) -> list[RawHit]:
        """The passages that say the question's words best; when it names an instrument, that
        instrument's best ones too, which words said all over the corpus can push out of the
        first few ("co-operation between Parties to the data protection convention")."""
        wide = CANDIDATES * 3 if named else CANDIDATES
        raw = self.index.run(query.weighted_terms, query.phrases, wide, self.weights.lexical)
        if not named:
            return raw
        own = [hit for hit in raw[CANDIDATES:] if _instrument_of(hit.key) in named]
        return raw[:CANDIDATES] + own[:CANDIDATES]

    def _prior(self, key: PassageKey, named: frozenset[str], family: frozenset[str]) -> float:
        """Prefer the instrument the question names (then its family); else the family its
        vocabulary implies; else the workshop's default, the Budapest Convention, whose
        articles are what most questions are about."""
        weights = self.weights.ranking
        instrument = _instrument_of(key)
        if named:
            if instrument in named:
                return 1.0
            return weights.family_named if instrument in family else weights.not_named
        if family:
            return 1.0 if instrument in family else weights.not_implied
        return weights.default_prior if instrument == DEFAULT_INSTRUMENT else 1.0

    def _with_guided_articles(
        self,
        scored: list[_Scored],
        query: AnalysedQuery,
        named: frozenset[str],
        family: frozenset[str],
    ) -> list[_Scored]:
        """Articles that a matching guide names on the lines that match the question.

        Guides speak the asker's language ("booter", "sextortion", "ransomware") and say, line
        by line, which article covers what: "Article 6 (misuse of devices): ... booter tools".
        Such an article inherits the guide's score and coverage, scaled by how well its line
        matches, so lay questions reach the treaty text even when its words differ entirely.
        """
        by_key = {entry.hit.key: entry for entry in scored}
        for entry in scored:
            if not isinstance(entry.hit.key, DocumentRef):
                continue
            for key, line_share in self._guide_lines(entry.hit.key, query).items():
                prior = self._prior(key, named, family)
                combined = entry.combined * self.weights.ranking.guide_share * line_share * prior
                known = by_key.get(key)
                if known is None:
                    hit = RawHit(key, 0.0, ((0, 0.0),))
                    by_key[key] = _Scored(combined, entry.coverage, hit, entry.hit.key)
                elif combined > known.combined:
                    coverage = max(known.coverage, entry.coverage)
                    evidence = entry.hit.key if entry.coverage > known.coverage else known.evidence
                    by_key[key] = _Scored(combined, coverage, known.hit, evidence)
        return list(by_key.values())

    def _guide_lines(self, doc_key: DocumentRef, query: AnalysedQuery) -> dict[ArticleRef, float]:
        """Articles cited on the guide's lines, with how well their line matches (0..1)."""
        shares: dict[ArticleRef, float] = {}
        total = sum(c.weight for c in query.concepts) or 1.0
        for stems, keys in self._cited_lines(doc_key):
            share = sum(c.weight for c in query.concepts if c.said_in(stems)) / total
            for key in keys:
                shares[key] = max(shares.get(key, 0.0), share)
        best = max(shares.values(), default=0.0)
        return {k: v / best for k, v in shares.items() if v > 0} if best else {}

    def _cited_lines(self, doc_key: DocumentRef) -> list[tuple[frozenset[str], list[ArticleRef]]]:
        """Stems of the guide's lines that cite available articles, with the article keys
        (cached)."""
        cached = self._guide_cache.get(doc_key)
        if cached is None:
            corpus = self.index.corpus
            document = corpus.documents[doc_key.id]
            cached = []
            for line in document.body.splitlines():
                keys = [article.ref for article in articles_cited(line, corpus)]
                if keys:
                    cached.append((frozenset(stem_word(w) for w in words(line)), keys))
            self._guide_cache[doc_key] = cached
        return cached

    def _subjects(self, named: list[str]) -> frozenset[str]:
        """The instruments a question is about among those it names: a protocol named with
        its convention ("may a State join the racism protocol without the Budapest
        Convention?") is the subject; the convention stays in the family."""
        instruments = self.index.corpus.instruments
        parents = {instruments[i].parent for i in named if i in instruments}
        return frozenset(i for i in named if i not in parents)

    def _family_members(self, instrument: str) -> frozenset[str]:
        """A convention with its protocols: ets030 with ets099 and ets182 (empty for guides)."""
        if not self._families:
            for member in self.index.corpus.instruments.values():
                head = member.parent or member.id
                self._families[head] = self._families.get(head, frozenset()) | {member.id}
        found = self.index.corpus.instruments.get(instrument)
        return self._families.get(found.parent or found.id, frozenset()) if found else frozenset()

    def _implied_family(self, query: AnalysedQuery, raw: list[RawHit]) -> frozenset[str]:
        """The treaty family a question's own vocabulary points to, when no instrument is named.

        "letters rogatory", "fiscal offences", "data subject": words only one family of the
        candidates uses. When such words carry enough of the question, that family is
        preferred as if named (more softly), instead of the Budapest Convention by default.
        """
        families = {self._family_members(_instrument_of(h.key) or "") for h in raw}
        families.discard(frozenset())
        if len(families) < 2:
            return frozenset()
        total = sum(c.weight for c in query.concepts) or 1.0
        weights: dict[frozenset[str], float] = {}
        for concept in (c for c in query.concepts if not c.stems <= LEGAL_WORDS):
            using = {_instrument_of(k) for s in concept.stems for k in self.index.keys_with(s)}
            holders = [f for f in families if f & using]
            if len(holders) == 1:
                weights[holders[0]] = weights.get(holders[0], 0.0) + concept.weight
        best = max(weights, key=lambda f: weights[f], default=frozenset())
        share = self.weights.ranking.implied_share
        return best if best and weights[best] >= share * total else frozenset()

    def _overview(self, ranking: Ranking, query: AnalysedQuery) -> Ranking:
        """A question that only names an instrument ("what is the Lanzarote Convention for?")
        gets the article stating its purpose or scope, when it has one."""
        if query.instrument is None:
            return ranking
        instrument = self.index.corpus.instruments[query.instrument]
        for article in instrument.articles:
            title = set(words(article.title or ""))
            if article.available and title & OVERVIEW_TITLES:
                key = article.ref
                block = self.index.blocks(key)[0]
                ranking.articles.append(Ranked(key, 1.0, block, None, query.stems))
                ranking.confidence = 1.0
                break
        return ranking

    def _definition_hits(
        self, defining: dict[ArticleRef, tuple[str, ...]], present: set[PassageKey], top: float
    ) -> list[RawHit]:
        """Defining articles the search missed (long definition lists score low in BM25)."""
        hits = []
        for key, term in defining.items():
            if key in present:
                continue
            blocks = self.index.blocks(key)
            block = next((i for i, b in enumerate(blocks) if contains(words(b), term)), 0)
            score = top * self.weights.ranking.definition_score
            hits.append(RawHit(key, score, ((block, score),)))
        return hits

    def _strong_evidence(self, key: PassageKey, query: AnalysedQuery) -> bool:
        """A thesaurus phrase, a word of the article's title, or two matched words.

        One stray corpus word ("what's the weather in Strasbourg": the place of signature)
        is not enough to answer with an article.
        """
        stems = self._stems_of(key)
        satisfied = [c for c in query.concepts if c.stems & stems]
        mass = sum(c.weight for c in satisfied)
        return (
            any(c.from_thesaurus for c in satisfied)
            or self._says_title(key, [c for c in satisfied if c.from_thesaurus or not c.phrasings])
            or (
                len(satisfied) >= 2
                and mass >= self.weights.ranking.shared_evidence * self.analyser.max_idf
            )
        )

    def _says_practitioner_phrase(self, key: PassageKey, query: AnalysedQuery) -> bool:
        """The article (or the guide citing it) says what a specific practitioner phrase of the
        question maps to: a long story around "passwords sold in a chat group" is still about
        misuse of devices, however many other words it has."""
        stems = self._stems_of(key)
        return any(c.from_thesaurus and c.stems & stems for c in query.concepts)

    def _says_title(self, key: PassageKey, satisfied: list[QueryConcept]) -> bool:
        """The question says a good part of the article's title or of a heading above it.

        A word or two of a long title is not enough: "the United Nations" is in the title of
        Lanzarote Article 42, yet a question about the UN Secretary General is off-topic.
        """
        said = frozenset().union(*(c.stems for c in satisfied)) if satisfied else frozenset()
        share = self.weights.ranking.title_share
        return any(
            title and len(title & said) >= share * len(title) for title in self._titles_of(key)
        )

    def _stems_of(self, key: PassageKey) -> frozenset[str]:
        stems = self._stems.get(key)
        if stems is None:
            stems = self._key_stems(key)
            self._stems[key] = stems
        return stems

    def _titles_of(self, key: PassageKey) -> list[frozenset[str]]:
        """Content stems of the article's title and of each heading above it."""
        titles = title_parts(self.index.corpus, key)
        return [
            frozenset(stem_word(w) for w in words(title) if w not in STOP_WORDS) for title in titles
        ]

    def _title_match(self, key: PassageKey, query: AnalysedQuery) -> float:
        """How closely the question says the article's own title ("production order"), 0..1.

        Both ways: the share of the title the question says, times the share of the
        question's words that are in the title.
        """
        title = self._own_title_stems(key)
        if not title or not query.own_stems:
            return 0.0
        shared = len(title & query.own_stems)
        return (shared / len(title)) * (shared / len(query.own_stems))

    def _own_title_stems(self, key: PassageKey) -> frozenset[str]:
        cached = self._titles.get(key)
        if cached is None:
            if isinstance(key, DocumentRef):
                text = self.index.corpus.documents[key.id].title
            else:
                article = self.index.corpus.article(key.instrument, key.article)
                text = (article.title or "") if article else ""
            cached = frozenset(stem_word(w) for w in words(text) if w not in STOP_WORDS)
            self._titles[key] = cached
        return cached

    def _coverage(self, key: PassageKey, query: AnalysedQuery) -> float:
        stems = self._stems_of(key)
        total = sum(c.weight for c in query.concepts)
        if total <= 0:
            return 0.0
        satisfied = sum(c.weight for c in query.concepts if c.stems & stems)
        return satisfied / total

    def _key_stems(self, key: PassageKey) -> frozenset[str]:
        parts = [*self.index.blocks(key), *title_parts(self.index.corpus, key)]
        return frozenset(stem_word(w) for w in words(" ".join(parts)))


def _share_said(term: tuple[str, ...], query: AnalysedQuery) -> float:
    """Share of the question's own words that a defined term accounts for: "who is a child?"
    asks for nothing but the definition of "child"."""
    if not query.own_stems:
        return 0.0
    return len({stem_word(w) for w in term} & query.own_stems) / len(query.own_stems)


def _all_keys(index: SearchIndex) -> list[PassageKey]:
    keys: list[PassageKey] = [a.ref for a in index.corpus.articles() if a.available]
    return keys + [DocumentRef(d) for d in index.corpus.documents]


def _instrument_of(key: PassageKey) -> str | None:
    """The instrument of an article key; None for a document."""
    return key.instrument if isinstance(key, ArticleRef) else None
