"""Lexical ranking fused with dense similarity, and who decides when to answer.

Measured on the development sets (``bench/questions.yaml``, ``heldout``, ``heldout2``):
adding to each article's calibrated lexical confidence how close its passages come to
the question, relative to the closest of all, beat reciprocal-rank fusion (which lost
8 points of hit@1 on the labelled set) and dense retrieval alone (0.70 hit@1). The closeness,
and how well the words of the questions people ask about each article match
(``index.asked``), count for more the less sure the lexical ranking is: a confident lexical
answer is not overturned by a slightly closer passage, while a weak one is reordered by
meaning and by the askers' words. Dense similarity did not separate
off-topic English questions from answerable ones (their best similarities overlap), so for
English the lexical confidence still decides whether to answer. Lexical search reads English
only: a question in French, Spanish, Portuguese or Russian is answered when its best passage
is similar enough.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from corpus.model import ArticleRef, DocumentRef, PassageKey
from index.asked import AskedWords
from index.definitions import asks_definition_abroad
from index.dense import DenseHit, DenseIndex
from index.embedding import Vectors
from index.glossary import Glossary, default_places
from index.language import (
    ENGLISH,
    FOREIGN,
    detect_language,
    english_words,
    function_words,
    likeliest,
)
from index.offtopic import asks_how_to
from index.probe import PROGRAMME_PROBE_FILE, ArticleProbe, Probe
from index.programme import asks_about_the_past, cites_programme, names_item, numbered_items
from index.query import QueryAnalyser
from index.ranking import CANDIDATES, Ranked, Ranker, Ranking
from index.scope import Scope
from index.text import (
    STOP_WORDS,
    WORD,
    corrected,
    fold,
    join_compound,
    passage_stems,
    stem_token,
    words,
)

HEADING_CONTEXT = 300  # characters before a programme part read as its slide's or section's
_NUMBERED_FIRST = re.compile(r"\s*1\.\s")  # an article's paragraph 1 (not Art. 1's list)
COGNATE_LETTERS = 5  # the first letters a word of another language shares with its English


class HybridRanker:
    """``Ranker``'s interface; without a dense index it is the lexical ranker itself."""

    def __init__(
        self,
        lexical: Ranker,
        dense: DenseIndex | None,
        scope: Scope | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.lexical = lexical
        self.dense = dense
        self.scope = scope
        self.weights = lexical.weights  # one configuration for the lexical and fused stages
        self.fusion = self.weights.fusion
        self.glossary = glossary
        self.asked = AskedWords(dense.exemplars) if dense is not None else None
        # fitted on the shipped exemplars: only for the model (and so the passages) they are
        self.meant = ArticleProbe.load(dense.embedder.version) if dense is not None else None
        # whether the programme documents are asked rather than a treaty (``index.probe``)
        self.programme_asked = (
            Probe.load(dense.embedder.version, PROGRAMME_PROBE_FILE) if dense is not None else None
        )
        documents = lexical.index.corpus.documents.values()
        # Guides explain the law; the other documents state facts: dates, places, figures.
        self._programme: frozenset[PassageKey] = frozenset(
            DocumentRef(d.id) for d in documents if d.kind != "guide"
        )
        # where the programme's passages are among the dense index's, found once
        self._programme_positions: tuple[int, ...] = (
            tuple(i for i, p in enumerate(dense.passages) if p.key in self._programme)
            if dense is not None
            else ()
        )
        # what each programme passage says: a line's own words and its part's (its context)
        self._fact_stems = (
            {
                p: passage_stems(dense.passages[p].embedded)
                | passage_stems(dense.passages[p].shown)
                for p in self._programme_positions
            }
            if dense is not None
            else {}
        )
        self._fact_context = self._headed_by() if dense is not None else {}
        # ... of which its own text says these (not only its document's title)
        self._fact_shown = (
            {p: passage_stems(dense.passages[p].shown) for p in self._programme_positions}
            if dense is not None
            else {}
        )
        self._fact_idf = self._programme_idf()
        self._fact_idf_max = max(self._fact_idf.values(), default=0.0)
        # the programme's words by their first letters: a word of another language is read
        # as the one it shares them with (``_cognate``)
        self._fact_prefixes: dict[str, list[str]] = {}
        for stem in sorted(self._fact_idf):
            if len(stem) >= COGNATE_LETTERS and stem.isalpha():
                self._fact_prefixes.setdefault(stem[:COGNATE_LETTERS], []).append(stem)
        self._law_words = frozenset(
            stem
            for stem in self._fact_idf
            if any(isinstance(key, ArticleRef) for key in lexical.index.keys_with(stem))
        )

    @property
    def analyser(self) -> QueryAnalyser:
        return self.lexical.analyser

    def language_of(self, text: str) -> str:
        """The question's language: ``detect_language``, except that a question with few of
        English's function words ("acceso ilicito a un sistema informatico", counted
        English by default) whose words are mostly neither common English nor in the texts
        is in the language whose glossary names the most terms among those words, if any."""
        language = detect_language(text)
        if language != ENGLISH or self.glossary is None:
            return language
        if english_words(text) >= 2:  # "wat is the punishmnt for ilegal acess": misspelt
            return ENGLISH
        tokens = [w for w in words(text) if len(w) > 2 and w.isalpha()]
        index, common = self.lexical.index, self.analyser.common_words
        unknown = [w for w in tokens if w not in common and not index.keys_with(stem_token(w))]
        if len(tokens) < 2 or 2 * len(unknown) < len(tokens):
            return ENGLISH
        asked = " ".join(unknown)  # "refused" begins the French "refus": English words name none
        named = {other: len(self.glossary.named(asked, other)) for other in FOREIGN}
        most = max(named.values())
        if not most:
            return ENGLISH
        return likeliest(text, tuple(other for other in FOREIGN if named[other] == most))

    def rank(self, text: str, limit: int = 5, language: str | None = None) -> Ranking:
        """``language``: the question's, when the caller knows it (``language_of``)."""
        if self.dense is None:
            return self.lexical.rank(text, limit=limit)
        language = language or self.language_of(text)
        english = language == ENGLISH
        # a foreign question for a definition is read as the English one ("what is traffic
        # data"), whose defining article the lexical ranking knows: as sure as in English
        asks_definition = not english and asks_definition_abroad(text)
        searched = text if english else self._in_english(text, language, asks_definition)
        lexical = (
            self.lexical.rank(searched, limit=CANDIDATES)
            if searched
            else Ranking(threshold=self.weights.answer.confidence_threshold)
        )
        query = self.dense.query_vector(text)
        similarities = self.dense.similarities(query)
        if self.scope is not None and len(similarities) and not asks_about_the_past(text):
            outside = self.scope.outside(query, float(similarities.max()), self.weights.scope)
            if outside is not None:
                return Ranking(declined=outside.kind, threshold=lexical.threshold)
        hits = self.dense.hits(similarities)
        article_hits = [h for h in hits if isinstance(h.key, ArticleRef)]
        nearest = max((h.nearest for h in article_hits), default=0.0)  # the nearest passage
        if english:
            # a question whose words matched only documents ("when was the GLACY project
            # launched?") has no lexical evidence for any article
            confidence = lexical.confidence if lexical.articles else 0.0
            weighed = lexical
        else:
            confidence = self._foreign_confidence(nearest)
            if asks_definition and lexical.confident:  # "Что такое груминг?": a defined term
                confidence = max(confidence, lexical.confidence)
            weighed = lexical if lexical.confident else Ranking(threshold=lexical.threshold)
        stems = next((r.stems for r in (*lexical.articles, *lexical.documents)), frozenset())
        surest = max((r.confidence for r in weighed.articles), default=0.0)
        lift = (
            self.fusion.lift if english or asks_definition else self._foreign_lift(text, language)
        )
        if english and len(text.split()) >= self.fusion.long_words:
            # the more words, the more of them lexical search matches by chance ("traffic"
            # of a flooded webshop is no traffic data): meaning may reorder more
            lift = max(lift, self.fusion.long_lift)
        unsure = max(0.0, lift - surest)  # how much meaning and the askers' words may reorder
        weight = self.fusion.closeness * unsure
        asked = self.asked.scores(text, language) if self.asked is not None else {}
        meant = self.meant.probabilities(query) if self.meant is not None else {}
        gains = {key: self.fusion.asked * score * unsure for key, score in asked.items()}
        probed = self.fusion.meant if english else self.fusion.foreign_meant
        for key, probability in meant.items():
            gains[key] = gains.get(key, 0.0) + probed * probability * unsure
        articles = self._fused(
            weighed.articles, article_hits, stems, weight, gains=gains, named=lexical.named
        )
        documents = self._fused(
            weighed.documents, [h for h in hits if isinstance(h.key, DocumentRef)], stems, weight
        )
        answerable = self.scope.answerable(query) if self.scope is not None else None
        if english and articles and article_hits:
            confidence = max(confidence, self._agreed_confidence(articles, article_hits, nearest))
            confidence = max(confidence, self._probable_confidence(answerable))
        if self._practical(text, query, answerable, confidence):
            return Ranking(declined="howto", threshold=lexical.threshold)
        # An English answer's articles keep the lexical ranker's scale (what "related" means).
        base = lexical.articles[0].confidence if english and lexical.articles else confidence
        # the programme's words as lexical search read them: "Tokio" is Tokyo
        # in another language, with the programme's places in its English ("¿Cuándo fue el
        # taller de Tokio?" is the Tokyo workshop's): names tell its passages apart
        # and with the treaty terms the glossary read, in English as the passages say them
        places = "" if english else default_places().english(text, language)
        asked_facts = (
            corrected(text, lexical.corrections) if english else f"{text} {places} {searched}"
        )
        facts, lead, said = self._facts(asked_facts, similarities, nearest, stems, english)
        if (
            not english
            # what the programme's slides or leaflets say, and when or where a past event took
            # place, are the programme's to answer ("¿Dónde tiene su sede el Consejo de Europa
            # según el folleto?", "¿Cuándo fue el taller de Tokio?" had been declined)
            and not cites_programme(text)
            and not asks_about_the_past(text)
            and self._unlikely(answerable, lexical.confidence, lead)
            # a question in another language may say the treaty terms in English too
            and self.lexical.rank(text, limit=1).confidence < self.fusion.unlikely_words
        ):
            assert self.scope is not None
            return Ranking(declined=self.scope.nearest(query).kind, threshold=lexical.threshold)
        asked_words = self._word_weights(text)  # once: each article's paragraphs weigh them
        shown = [
            self._nearest_paragraph(r, similarities, text, asked_words, first=asks_definition)
            for r in _scaled(articles, base)[:limit]
        ]
        return Ranking(
            articles=shown,
            documents=_scaled(documents, confidence)[:limit],
            confidence=round(confidence, 4),
            corrections=lexical.corrections if english else {},
            facts=facts,
            fact_lead=lead,
            fact_said=said,
            places=places,
            threshold=lexical.threshold,
            asked_like_answerable=(
                self.scope.asked_like_answerable(query) if self.scope is not None else None
            ),
            asked_of_programme=(
                self.programme_asked.answerable(query) if self.programme_asked else None
            ),
        )

    def _nearest_paragraph(
        self,
        ranked: Ranked,
        similarities: Vectors,
        text: str,
        weights: dict[str, float],
        *,
        first: bool = False,
    ) -> Ranked:
        """``ranked`` showing the paragraph that answers: the first, which states what the
        article is about, unless another is nearer the question by meaning by
        ``fusion.later_paragraph``; never a reservation or a clause that only qualifies the
        others ("subject to Articles 14 and 15", "shall not be interpreted as ...") unless the
        question asks about one. A reservation shares the offence's words (Art. 6(2) of the
        racism protocol, Lanzarote 20(3)) and is never the answer to "is this a crime?".
        ``first``: a foreign question for a definition ("¿Qué es la red 24/7?") is shown the
        first numbered paragraph, which says what the article's subject is (Art. 35(1)), not
        one nearer its few words (35(3), "the operation of the network")."""
        assert self.dense is not None
        paragraphs = self.dense.paragraphs(similarities, ranked.key)
        if not _ASKS_QUALIFICATION.search(text):
            paragraphs = [p for p in paragraphs if not _QUALIFYING.search(p[0])] or paragraphs
        if not paragraphs:
            return ranked
        paragraphs = self._by_distinct_words(paragraphs, weights)
        nearest = max(paragraphs, key=lambda p: p[1])
        opening = paragraphs[0]
        if first and _NUMBERED_FIRST.match(opening[0]):
            nearest = opening
        shown = nearest if nearest[1] - opening[1] >= self.fusion.later_paragraph else opening
        if shown[0] == ranked.block_text:
            return ranked
        return Ranked(ranked.key, ranked.confidence, shown[0], None, ranked.stems)

    def _by_distinct_words(
        self, paragraphs: list[tuple[str, float]], weights: dict[str, float]
    ) -> list[tuple[str, float]]:
        """Each paragraph's similarity plus ``fusion.paragraph_words`` times the share of the
        question's words (weighed by how specific they are) that it says and not every
        paragraph of the article says: "is attempt punishable" is Art. 11(2), the only
        paragraph on attempt; the words all of them say tell none apart."""
        said = [passage_stems(paragraph) for paragraph, _ in paragraphs]
        common = frozenset.intersection(*said)
        total = sum(weights.values()) or 1.0
        gain = self.fusion.paragraph_words / total
        return [
            (paragraph, similarity + gain * sum(w for s, w in weights.items() if s in own - common))
            for (paragraph, similarity), own in zip(paragraphs, said, strict=True)
        ]

    def _agreed_confidence(
        self, fused: list[tuple[float, Ranked]], article_hits: list[DenseHit], nearest: float
    ) -> float:
        """Just enough confidence to answer an English question whose words leave the lexical
        ranking unsure ("is attempt punishable": "punishable" is not in Art. 11), when its
        nearest passage is very near and meaning alone puts the fused ranking's first
        article first too. Dense similarity alone does not tell off-topic questions apart;
        very near and agreeing, it did on the development sets: of the English questions
        abstained for low confidence, 6 answerable ones were answered (5 right) and 1 of 40
        off-topic ones, at a floor of 0.875."""
        if article_hits[0].key != fused[0][1].key or nearest < self.fusion.english_floor:
            return 0.0
        return self.weights.answer.confidence_threshold

    def _unlikely(self, likely: float | None, words: float, lead: float) -> bool:
        """Whether the probe finds a question in another language unlike any the texts answer
        ("peux-tu me donner une recette de quiche lorraine ?"), the treaty terms the glossary
        finds in it leave the lexical ranking unsure (``words``: its confidence), and no
        programme passage is near enough to be shown (``lead``). The probe misreads short
        questions ("¿Qué es la red 24/7?" 0.015, "is attempt punishable" 0.02, with a question
        mark 0.34), and English ones are left to their words: declining long English questions
        below 0.001 declined more answerable questions than off-topic ones on the older
        held-out sets."""
        if likely is None or lead >= self.weights.answer.fact_aside:
            return False
        return likely < self.fusion.unlikely and words < self.fusion.unlikely_words

    def _practical(
        self, text: str, query: Vectors, likely: float | None, confidence: float
    ) -> bool:
        """Whether a how-to question ("how do I geolocate a photo from its EXIF metadata?",
        "how do I take a memory dump of a running server?") is nearest a practical how-to the
        texts do not answer, the probe finds it unlike what they answer, and its words leave
        search short of sure: the treaties say what may be done, never how to do it."""
        if likely is None or likely >= self.fusion.practical or not asks_how_to(text):
            return False
        assert self.scope is not None
        practical = self.scope.nearest(query).kind == "howto"
        return practical and confidence < self.fusion.practical_words

    def _probable_confidence(self, likely: float | None) -> float:
        """Just enough confidence to answer an English question whose words leave the lexical
        ranking unsure, when it reads very much like a question the texts answer
        (``index.probe``): a case told in a victim's words ("a student got into the school
        server and changed his grades") says few of the treaty's words. The questions out of
        scope by their words (another country's law, the event's desks) were declined before
        ranking; what is left and off-topic (trivia, chit-chat) the probe puts far below."""
        if likely is None or likely < self.fusion.answerable:
            return 0.0
        return self.weights.answer.confidence_threshold

    def _foreign_lift(self, text: str, language: str) -> float:
        """How much meaning may reorder a foreign question's articles: ``fusion.foreign_lift``
        for one whose words the glossary reads none of, down to an English question's
        ``fusion.lift`` for one it reads whole. "Convencao de Lanzarote: competencia" or
        "injonction de produire" name a title as an English question would, which dense
        nearness of a few foreign words put below vaguer articles. On multilingual_dev,
        _dev2 and _dev3, hit@1 220 -> 226 of 268, hit@3 254 both."""
        assert self.glossary is not None
        read = self.glossary.read_share(text, language)
        return self.fusion.foreign_lift - (self.fusion.foreign_lift - self.fusion.lift) * read

    def _in_english(self, text: str, language: str, asks_definition: bool) -> str:
        """The treaty terms of a foreign question in English: what lexical search can read;
        asked for a definition ("¿Cómo define el convenio un sistema informático?", "что
        такое данные о трафике?"), as the English question for it ("what is computer
        system"), which finds the defining article."""
        terms = self.glossary.english(text, language) if self.glossary else ""
        if not terms:
            return terms
        # with the treaty it names, which the glossary's terms leave out ("... selon la
        # convention de Lanzarote" is Lanzarote's definition, not Budapest's; "Convencao de
        # Lanzarote: competencia" Lanzarote's Art. 25, not Budapest's Art. 22)
        instruments = self.lexical.index.corpus.instruments
        named = [instruments[i].short_title for i in self.analyser.analyse(text).named]
        if asks_definition:
            return " ".join(["what is", terms, *named])
        return " ".join([terms, *named])

    def _facts(
        self,
        text: str,
        similarities: Vectors,
        best_article: float,
        stems: frozenset[str],
        english: bool = True,
    ) -> tuple[list[Ranked], float, float]:
        """The passages of programme documents nearest the question, how much nearer the best
        is than the best article, and the share of the question's words it says: a fact
        question ("where was the ASEAN workshop held?") is nearer a report than any treaty; a
        question about the law is not.

        Nearness is dense similarity plus the share of the question's words the passage says,
        each weighed by its rarity among programme passages ("AfriNIC" picks one passage,
        "cybercrime" none; a word no programme passage says weighs most, so a question in
        treaty vocabulary stays nearer the treaty) and by how specific it is in English (the
        "how many" and "according to" of a question say nothing of the fact asked). In another
        language, a word no passage says is the language's, not the fact asked, and weighs
        nothing: the names ("GLACY", "Philippines") are what tells passages apart.

        A numbered item the question names ("output 4", "WS 6", "the 2nd round") counts as a
        word, said by the passage that names the same item, weighed by its rarity likewise."""
        assert self.dense is not None
        pool = self.dense.nearest(similarities, self._programme, self.fusion.fact_pool)
        if not pool:
            return [], -1.0, 0.0
        if english:
            weights = self._word_weights(text, self._fact_weight)
        else:
            weights = self._cognate_weights(text)
        items = {item: self._item_rarity(item) for item in numbered_items(text)}
        total = (sum(weights.values()) + sum(items.values())) or 1.0
        scored = []
        for position, similarity in pool:
            said = self._fact_stems[position]
            context = self._fact_context.get(position, frozenset())
            shown = self._fact_shown[position]
            told = sum(
                self._told(stem) * w * self._said_where(stem, shown, said)
                for stem, w in weights.items()
                if stem in said or stem in context
            )
            if items:
                passage = self.dense.passages[position]
                named = numbered_items(f"{passage.embedded}\n{passage.shown}")
                told += sum(w for item, w in items.items() if names_item(named, item))
            share = told / total
            scored.append((similarity + self.fusion.fact_words * share, position, similarity))
        scored = self._each_part_once(scored)
        facts = [(self.dense.passages[p], sim) for _, p, sim in scored[: self.fusion.facts]]
        # in another language, the words it was found by are the programme's it says, not the
        # few treaty terms the glossary read ("Tóquio" is Tokyo, "modérateur" Moderator)
        said_stems = stems if english else stems | frozenset(weights)
        ranked = [Ranked(p.key, round(sim, 4), p.shown, None, said_stems) for p, sim in facts]
        best, _, closest = scored[0]
        words = self.fusion.fact_words
        told = round((best - closest) / words, 4) if words else 0.0
        nearer = closest - best_article
        if nearer < self.fusion.fact_meaning:  # the words alone do not make a fact question
            return ranked, round(nearer, 4), told
        return ranked, round(best - best_article, 4), told

    def _word_weights(
        self, text: str, rarity: Callable[[str], float] = lambda stem: 1.0
    ) -> dict[str, float]:
        """Each stem of the question's words but the stop words, weighed by how specific the
        word is in English times its ``rarity``."""
        weights: dict[str, float] = {}
        for word in self._asked_words(text):
            if word not in STOP_WORDS:
                stem = stem_token(word)
                weight = rarity(stem) * self.analyser.specificity(word)
                weights[stem] = max(weights.get(stem, 0.0), weight)
        return weights

    def _cognate_weights(self, text: str) -> dict[str, float]:
        """``_word_weights`` of a question in another language: a word some programme
        passage says weighs its rarity; one none says stands for the programme word it shares
        its beginning with, if any ("égyptiens" for "Egyptian", "modérateur" for "Moderator",
        "conferencia" for "conference"), at ``fusion.cognate`` of that word's weight; any
        other weighs nothing: it is the language's, not the fact asked."""
        weights: dict[str, float] = {}
        for word in self._asked_words(text):
            if word in STOP_WORDS or word in function_words():
                continue
            stem = stem_token(word)
            rarity = self._fact_idf.get(stem)
            if rarity is None:
                cognate = self._cognate(stem)
                if cognate is None:
                    continue
                stem, rarity = cognate, self.fusion.cognate * self._fact_idf[cognate]
            weight = rarity * self.analyser.specificity(word)
            weights[stem] = max(weights.get(stem, 0.0), weight)
        return weights

    def _cognate(self, stem: str) -> str | None:
        """The programme word (stem) sharing the longest beginning with ``stem``, of at
        least ``COGNATE_LETTERS`` letters; None when there is none, or several."""
        if len(stem) < COGNATE_LETTERS:
            return None
        candidates = self._fact_prefixes.get(stem[:COGNATE_LETTERS], ())
        shared = {c: _shared_beginning(stem, c) for c in candidates}
        longest = max(shared.values(), default=0)
        best = [c for c, length in shared.items() if length == longest]
        return best[0] if len(best) == 1 else None

    def _asked_words(self, text: str) -> Iterator[str]:
        """The question's words, a hyphenated compound no programme passage says split into
        its parts ("Japanese-hosted" is "japanese" and "hosted", each of which some say)."""
        for match in WORD.finditer(fold(text)):
            word = join_compound(match.group())
            if "-" in match.group() and stem_token(word) not in self._fact_idf:
                yield from (join_compound(part) for part in match.group().split("-") if part)
            else:
                yield word

    def _fact_weight(self, stem: str) -> float:
        """How much a question word tells passages of programme documents apart: its rarity
        there, most when none can say it (a word only the treaties say, or none: "GDP", the
        very thing asked, which no passage can tell)."""
        rarity = self._fact_idf.get(stem)
        if rarity is None:
            unseen = self._fact_idf_max
            if self.lexical.index.keys_with(stem):
                return unseen
            return self.fusion.fact_unseen * unseen
        return rarity

    def _item_rarity(self, item: tuple[str, str]) -> float:
        """How rare naming ``item`` is among programme passages ("output 4" one, "phase 2"
        many), as ``_programme_idf``."""
        assert self.dense is not None
        positions = self._programme_positions
        count = sum(
            1
            for i in positions
            if names_item(numbered_items(self.dense.passages[i].embedded), item)
        )
        return math.log((len(positions) + 1) / (count + 0.5))

    def _said_where(self, stem: str, shown: frozenset[str], said: frozenset[str]) -> float:
        """What a passage saying ``stem`` earns of its weight by where it says it: all in its
        own text, ``fusion.fact_title`` in its document's title only, ``fusion.fact_context``
        in the heading above it only."""
        if stem in shown:
            return 1.0
        return self.fusion.fact_title if stem in said else self.fusion.fact_context

    def _told(self, stem: str) -> float:
        """What a passage saying ``stem`` earns of its weight: less for a word the treaties
        say too ("jurisdiction" on a slide of topics is no fact)."""
        return self.fusion.law_word if stem in self._law_words else 1.0

    def _each_part_once(
        self, scored: list[tuple[float, int, float]]
    ) -> list[tuple[float, int, float]]:
        """``scored`` best first, each part shown once: a part and its lines show the same
        text."""
        assert self.dense is not None
        seen: set[str] = set()
        distinct = []
        for entry in sorted(scored, key=lambda entry: -entry[0]):
            shown = self.dense.passages[entry[1]].shown
            if shown not in seen:
                seen.add(shown)
                distinct.append(entry)
        return distinct

    def _headed_by(self) -> dict[int, frozenset[str]]:
        """The words of the end of the part before each programme passage's part in its
        document: the slide or section it continues ("Global Action against Cybercrime"
        above "To be launched in October 2013: ..."). A word the passage says itself counts
        as said (``_facts``)."""
        assert self.dense is not None
        passages = self.dense.passages
        context: dict[int, frozenset[str]] = {}
        before: dict[PassageKey, str] = {}  # each document's last part so far
        heading: dict[PassageKey, frozenset[str]] = {}  # ... and what precedes it
        for position in self._programme_positions:
            passage = passages[position]
            if not passage.line:  # a part; its lines follow it
                heading[passage.key] = passage_stems(before.get(passage.key, "")[-HEADING_CONTEXT:])
                before[passage.key] = passage.shown
            context[position] = heading[passage.key]
        return context

    def _programme_idf(self) -> dict[str, float]:
        """How rare each word is among programme passages: "AfriNIC" tells one passage
        apart, "cybercrime" none. Counted over parts: a part's lines say its words again."""
        counts: dict[str, int] = {}
        passages = self.dense.passages if self.dense is not None else []
        parts = [p for p in self._programme_positions if not passages[p].line]
        for position in parts:
            for stem in self._fact_stems[position]:
                counts[stem] = counts.get(stem, 0) + 1
        size = len(parts)
        return {stem: math.log((size + 1) / (count + 0.5)) for stem, count in counts.items()}

    def _foreign_confidence(self, similarity: float) -> float:
        above = similarity - self.fusion.foreign_floor
        if above < 0:
            return 0.0
        threshold = self.weights.answer.confidence_threshold
        return min(1.0, threshold + above * self.fusion.foreign_slope)

    def _fused(
        self,
        lexical: list[Ranked],
        hits: list[DenseHit],
        stems: frozenset[str],
        weight: float,
        *,
        gains: dict[ArticleRef, float] | None = None,
        named: Callable[[PassageKey], float] | None = None,
    ) -> list[tuple[float, Ranked]]:
        """(fused score, ranked) best first: lexical confidence plus dense closeness, plus
        for candidates already found their ``gains``: how well the exemplars' words match and
        how likely the article probe finds them, which like closeness count less the surer
        the lexical ranking is. When the question names an instrument, meaning counts for
        another's articles as little as words do (``named``, the lexical prior): "which
        article of the cybercrime convention makes keeping child abuse images a crime?" is
        near Lanzarote's Art. 20 too, but asks for Budapest's Art. 9."""
        window = self.fusion.window
        top = hits[0].similarity if hits else 0.0
        close = {h.key: h for h in hits if h.similarity >= top - window}
        scores: dict[PassageKey, float] = {r.key: r.confidence for r in lexical}
        prior = named or (lambda key: 1.0)
        for key, hit in close.items():
            nearness = (hit.similarity - (top - window)) / window
            scores[key] = scores.get(key, 0.0) + weight * nearness * prior(key)
        for key in scores:
            if isinstance(key, ArticleRef) and gains:
                scores[key] += gains.get(key, 0.0) * prior(key)
        by_key = {r.key: r for r in lexical}
        fused = []
        for key, score in scores.items():
            known = by_key.get(key)
            if known is None:
                passage = close[key].passage
                known = Ranked(key, 0.0, passage.shown, None, stems)
            fused.append((score, known))
        fused.sort(key=lambda entry: -entry[0])
        return fused


def _shared_beginning(one: str, other: str) -> int:
    """How many first letters ``one`` and ``other`` share."""
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )


def _scaled(fused: list[tuple[float, Ranked]], confidence: float) -> list[Ranked]:
    """Each result's confidence: the answer's, scaled by its score relative to the best."""
    if not fused:
        return []
    best = fused[0][0] or 1.0
    return [
        Ranked(r.key, round(confidence * score / best, 4), r.block_text, r.block_label, r.stems)
        for score, r in fused
    ]


# A paragraph that only qualifies an article's others: a reservation, the safeguards clause,
# a declaration at signature.
_QUALIFYING = re.compile(
    r"\breserve the right\b|\breservations?\b|\bsubject to Articles 14 and 15\b"
    r"|\bshall not be (?:interpreted|construed)\b"
    r"|\bdeclaration addressed to the Secretary General\b",
    re.IGNORECASE,
)
# A question about reservations, declarations or conditions, in the five languages.
_ASKS_QUALIFICATION = re.compile(
    r"\breserv\w*|\bdeclar\w*|\bd[ée]clar\w*|\bopt\w*\s+out\b|\bexcept\w*|\bcondition\w*"
    r"|\bsafeguard\w*|\bexempt\w*|\brestrict\w*|\br[ée]serv\w*|\breserva\w*|оговорк\w*|заявлени\w*",
    re.IGNORECASE,
)
