"""The ask service: the one entry point every front end uses to answer a message.

Order: what no text answers by its form (a crime asked for, code, a tool's use) is declined,
as is a message whose last part, after its opening ("About Article 35: ..."), is declined alone;
a citation goes straight to the article; then a confident FAQ answer; then agenda events; then
the search index. Below the calibrated confidence threshold the honest answer is ``none`` with
suggestions, never a random article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from functools import cached_property

from corpus.model import (
    Article,
    ArticleRef,
    Corpus,
    Document,
    DocumentRef,
    PassageKey,
    normalise_name,
)
from index.agenda_answer import asks_what_is_ahead, event_answer
from index.answer import (
    Answer,
    AnswerKind,
    ArticleHit,
    DocumentHit,
    EventsFound,
    FaqHit,
    FaqMatch,
)
from index.citations import (
    SECOND_PROTOCOL,
    parse_citations,
    second_protocol_unqualified,
)
from index.cited import WHICH_ARTICLE, CitedArticles, cut, not_held_note
from index.cleaning import clean_question
from index.dense import DenseIndex
from index.followups import citation_of, follow_up, names_a_part
from index.glossary import default_glossary
from index.hybrid import HybridRanker
from index.language import ENGLISH
from index.logistics import (
    a_task,
    about_the_event,
    asks_for_a_draft,
    asks_for_a_password,
    only_the_desk,
)
from index.misuse import asks_for_misuse
from index.notes import Note
from index.offtopic import (
    asks_for_code,
    asks_for_contact_details,
    asks_for_news,
    asks_general_knowledge,
    asks_how_to_operate,
    asks_how_to_use_a_tool,
    asks_of_the_world,
    asks_opinion,
    asks_personal_advice,
    asks_which_article,
    asks_which_product,
    mechanism_asked,
    without_opinion,
)
from index.other_law import country_words
from index.programme import (
    asks_a_figure_after_the_documents,
    asks_about_the_past,
    asks_what_no_treaty_states,
    cites_programme,
    material_cites,
    states_no_sum_asked,
    why_not_stated,
)
from index.ranking import Ranked, Ranker, Ranking
from index.replies import (
    DECLINING,
    ENGLISH_TEXTS,
    NOT_TRANSLATED,
    OUT_OF_SCOPE,
    SUGGESTIONS,
    WHICH_SECOND_PROTOCOL,
)
from index.scope import Scope
from index.search import SearchIndex
from index.smalltalk import REPLIES, small_talk
from index.snippets import count_matches, paragraph_labels, paragraph_text, snippet
from index.sources import EventSource, FaqSource, UnansweredLog
from index.status import (
    asks_status_of_one,
    asks_what_a_body_does_now,
    asks_which_states,
    asks_who_holds_a_post_now,
)
from index.text import (
    STOP_WORDS,
    WEEKDAYS,
    YEAR,
    corrected,
    passage_stems,
    stem_word,
    words,
)
from index.turns import (
    FOREIGN_ALONE_WORDS,
    TURNED_WORDS,
    asked_besides,
    change_of_subject,
    closing_question,
    last_turn,
    points_back,
    stands_alone,
)
from index.weights import Weights, default_weights

log = logging.getLogger(__name__)

SESSION_WORDS = 2  # words a question must ask of a session to have it before the FAQ
TERM_WORDS = 2  # a message of this many words or fewer, none asking anything, is a term
STORY_WORDS = 40  # from this many words a message is a story whose last question may be asked alone
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Asked whatever article or treaty is named, and the note each is declined with: a crime or a
# change of the bot's instructions ("how do I make ransomware", "ignore your instructions"),
# a forensic tool's use, code, general knowledge, what only a desk does ("about Article 35:
# could you email me the slides?").
_REFUSED_BY_FORM: tuple[tuple[Callable[[str], bool], str], ...] = (
    (asks_for_misuse, "misuse"),
    (asks_how_to_use_a_tool, "howto"),
    (asks_how_to_operate, "howto"),
    (asks_for_code, "helpdesk"),
    (asks_for_contact_details, "contacts"),
    (asks_for_a_draft, "task"),
    (asks_general_knowledge, "helpdesk"),
    (asks_which_product, "helpdesk"),
    (asks_personal_advice, "advice"),
    (only_the_desk, "venue"),
)
# A treaty's own machinery: who signs, ratifies, declares, reserves or keeps it
_TREATY_MACHINERY = re.compile(
    r"\b(?:declarations?|reservations?|depositary|ratif\w*|accession|accede\w*|signature\w*"
    r"|entry\s+into\s+force|denounc\w*|amendments?|part(?:y|ies)|committee|secretary\s+general)\b",
    re.IGNORECASE,
)
# What a closing question says, besides stop words, when it asks only which law applies to a
# story
_ANY_LAW = frozenset(
    "article articles provision provisions rule rules treaty treaties convention conventions law "
    "laws legal apply applies cover covers covered protect protects help helps crime crimes "
    "offence offences offense punishable illegal case situation happened"
    # how soon: "What can I do quickly?" asks the law's means, naming nothing else
    " quickly quick urgently urgent fast faster immediately now first next step steps".split()
)
_LOWER_CASE_WORD = re.compile(r"(?<![\w-])[a-zß-öø-ÿ][\w'-]*")
# an e-mail or web address writes a name in lower case: "alexander.seger@coe.int"
_ADDRESS = re.compile(r"\S+@\S+|\bwww\.\S+|\bhttps?://\S+")
# A question asking what a term means: "what is credential stuffing?", "What does a 'pig
# butchering' scam mean?", "What is SIM swapping and how do criminals pull it off?"
_DEFINITION = re.compile(
    r"(?:what\s+(?:is|are|was|were)|what's|whats|define|definition\s+of|meaning\s+of)"
    r"\s+(?:an?\s+|the\s+)?(?P<term>[^?,;]{2,60}?)(?:\s+(?:scam|attack|fraud|technique))?"
    r"(?:\s*[?,;.]|\s+and\s+|\s*$)"
    r"|what\s+does\s+(?:an?\s+|the\s+)?(?P<said>[^?]{2,60}?)\s+(?:mean|stand\s+for)\b",
    re.IGNORECASE,
)
UNKNOWN_TERM_WORDS = 3  # longer, it is a question, not a term
# A fact asked, not the law: who, when, where, how many, which countries (five languages)
_FACT_FORM = re.compile(
    r"\b(?:how\s+many|how\s+much|when|where|who|whom|whose|which\s+(?:countries|states|country"
    r"|state|year|city|cities|organisations?|companies|company)|what\s+(?:year|date|day)"
    r"|quand|o[ùu]|qui|combien|quels?\s+pays|cu[áa]ndo|d[óo]nde|qui[ée]n|cu[áa]nt[oa]s"
    r"|qu[ée]\s+pa[íi]ses|quando|onde|quem|quant[oa]s|que\s+pa[íi]ses|когда|где|кто|сколько"
    r"|какие\s+(?:страны|государства))\b",
    re.IGNORECASE,
)
# A story's closing question that finds nothing alone asks of something else when it says
# this many words of its own, neither common nor the law's
STORY_OWN_WORDS = 5
STORY_TREATY_SHARE = 0.3
# Under this share of a technique's words said by the treaties, how it works is not theirs to
# say ("bulletproof hosting provider": only "provider")
TREATY_SHARE = 0.5
_DIGIT = re.compile(r"\d")
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Set while a message's last part is asked alone: that asking is not the asker's, so it is
# not recorded among the unanswered questions.
_ASKING_A_PART: ContextVar[bool] = ContextVar("asking_a_part", default=False)


class AskService:
    def __init__(
        self,
        corpus: Corpus,
        search: SearchIndex,
        *,
        faq: FaqSource | None = None,
        events: EventSource | None = None,
        unanswered: UnansweredLog | None = None,
        dense: DenseIndex | None = None,
        scope: Scope | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.corpus = corpus
        self.weights = weights or default_weights()
        self.index = search
        self.faq = faq
        self.events = events
        self.unanswered = unanswered
        self.glossary = default_glossary()
        self.ranker = HybridRanker(
            Ranker(search, self.weights), dense, scope, glossary=self.glossary if dense else None
        )
        self.cited = CitedArticles(corpus, self.ranker.analyser)

    def ask(
        self,
        question: str,
        *,
        user_id: int | None = None,
        now: datetime | None = None,
        language: str | None = None,
        zone: tzinfo | None = None,
        previous: Sequence[ArticleRef] = (),
    ) -> Answer:
        """Answer ``question``; ``language`` is the asker's interface language, if known;
        ``zone`` the time zone they chose, if any: "what is on today?" is then their day, as
        the front ends' agenda commands read it (else the date of ``now``, UTC by default);
        ``previous`` the articles the asker was last shown, the one quoted first, which "and
        paragraph 3?" or "what about article 24?" goes on from (``_going_on``).

        An answer to a question not written in English that quotes a treaty gets a note, in
        the asker's language, that treaty texts are quoted in English (the only authentic text
        this bot holds).
        """
        text = clean_question(question)
        if not text:
            return Answer(question, AnswerKind.NONE, suggestions=SUGGESTIONS)
        written_in = self.ranker.language_of(text)  # once: ranking and agenda words read it
        if not previous and names_a_part(text):  # "paragraph 2 please": of which article?
            return Answer(text, AnswerKind.NONE, notes=(WHICH_ARTICLE,), suggestions=SUGGESTIONS)
        going_on = self._going_on(text, previous)
        if going_on is not None:
            return self._in_their_language(
                replace(self._answer(going_on, written_in, user_id, now, zone), question=text),
                written_in,
                language,
            )
        # "Which article criminalises this, and what sentence will he get?": the article is
        # answered, and a note says the prediction is not
        foretold = asks_opinion(text) and asks_which_article(text)
        asked = without_opinion(text) if foretold else text
        answer = replace(self._answer(asked, written_in, user_id, now, zone), question=text)
        if foretold and answer.articles:
            answer = replace(answer, notes=(*answer.notes, OUT_OF_SCOPE["opinion"]))
        # answered or not: "what does the Second Additional Protocol say about domain name
        # registration?" is CETS 224's Art. 6, a text not held
        # not once CETS 224 was said not held ("2nd protocol art 6" cites it by article)
        said_not_held = any(
            getattr(n, "values", {}).get("name") == SECOND_PROTOCOL for n in answer.notes
        )
        if (
            second_protocol_unqualified(answer.question)
            and (answer.articles or answer.kind is AnswerKind.NONE)
            and not said_not_held
        ):
            answer = replace(answer, notes=(*answer.notes, WHICH_SECOND_PROTOCOL))
        return self._in_their_language(answer, written_in, language)

    def _going_on(self, text: str, previous: Sequence[ArticleRef]) -> str | None:
        """The citation a follow-up makes of the articles the asker was last shown: of the
        first that has the part it names ("and paragraph 7?" after an answer quoting Art. 16
        and Art. 29 is 29(7)); a letter alone after a whole article is the item of the one
        paragraph that has it ("(c)" after Art. 29 is 29(2)(c)). None: no follow-up."""
        meant = [
            self._with_its_paragraph(ref)
            for shown in previous
            if (ref := follow_up(text, shown)) is not None
        ]
        if not meant:
            return None
        return citation_of(next((ref for ref in meant if self._holds(ref)), meant[0]))

    def _with_its_paragraph(self, ref: ArticleRef) -> ArticleRef:
        """``ref``, an item cited with no paragraph, with the one paragraph that has it."""
        article = self.corpus.article(ref.instrument, ref.article)
        if ref.paragraph or not ref.items or article is None:
            return ref
        if paragraph_text(article, None, ref.items) is not None:  # Art. 1(d)
            return ref
        having = [
            label
            for label in paragraph_labels(article)
            if paragraph_text(article, label, ref.items) is not None
        ]
        return replace(ref, paragraph=having[0]) if len(having) == 1 else ref

    def _holds(self, ref: ArticleRef) -> bool:
        """Whether the article, and the part ``ref`` cites of it, exist."""
        article = self.corpus.article(ref.instrument, ref.article)
        if article is None:
            return False
        return not ref.paragraph or paragraph_text(article, ref.paragraph, ref.items) is not None

    @staticmethod
    def _in_their_language(answer: Answer, written_in: str, language: str | None) -> Answer:
        """``answer`` with a note in the asker's language, if the question was not written in
        English and the answer quotes a treaty, that treaty texts are quoted in English."""
        if written_in == ENGLISH or not (answer.articles or answer.text):  # no treaty quoted
            return answer
        note = ENGLISH_TEXTS.get(language or "", ENGLISH_TEXTS[written_in])
        return replace(answer, notes=(*answer.notes, note))

    def _answer(
        self,
        text: str,
        language: str,
        user_id: int | None,
        now: datetime | None,
        zone: tzinfo | None = None,
    ) -> Answer:
        if not any(ch.isalnum() for ch in text):  # "?", "🙂🙂": nothing asked
            return Answer(text, AnswerKind.NONE, suggestions=SUGGESTIONS)
        # declined whatever article is named: "Article 32 lets us ..., so write me a script"
        refused = next((kind for asks, kind in _REFUSED_BY_FORM if asks(text)), None)
        if refused is not None:
            return self._declined(text, user_id, refused)
        turned = self._turned_away(text, language, now, zone)
        if turned is not None:
            if turned.kind is AnswerKind.NONE:
                self._record(text, user_id, "declined", 0.0)
            return replace(turned, question=text)
        # "which reservations did Japan enter to Article 9?" asks the Treaty Office's chart
        cited = None if asks_status_of_one(text) else self._cited(text)
        if cited is not None and len(cited.articles) == 1 and cites_programme(text):
            # "how is article 27 summed up on the Mauritius slide?": the slide's words
            slides = self.ranker.rank(text, limit=5, language=language)
            if self._material_cites(text, cited.articles[0].article, slides):
                return self._fact_answer(text, slides, ())
        if cited is not None:
            # "translate article 29 into Spanish" is told the text is English only, once
            told = not cited.articles or NOT_TRANSLATED in cited.notes
            rest = None if told else self._declined_rest(text, language, now, zone)
            return replace(cited, notes=(*cited.notes, rest)) if rest else cited
        if (friendly := small_talk(text)) is not None:
            greeting = friendly == REPLIES["greeting"]
            suggestions = SUGGESTIONS if greeting else ()
            return Answer(text, AnswerKind.NONE, notes=(friendly,), suggestions=suggestions)
        # "do you think encryption backdoors are a good idea?" (an article asked too: ``ask``)
        if asks_opinion(text) and not asks_which_article(text):
            return self._declined(text, user_id, "opinion")
        if asks_for_news(text):  # "the latest news about ransomware this week"
            return self._declined(text, user_id, "organisation")
        moment = now or datetime.now(UTC)
        cues = self._agenda_words(text, language)
        found = self.events.find(cues, moment, zone) if self.events else EventsFound()
        if self.events and asks_what_is_ahead(cues):  # the live agenda knows what is next
            # "the next Octopus conference in 2025": none that year, then whatever comes next
            ahead = found if found.hits else self.events.find(YEAR.sub(" ", cues), moment, zone)
            if ahead.hits:
                return event_answer(text, ahead, moment, cues, zone)
        # "where is the judicial training on electronic evidence?": a session to come that every
        # word asked names is the answer, before an FAQ entry or an article (not "where was the
        # GLACY workshop held?", the 2014 one)
        if not asks_about_the_past(text) and _names_a_session_ahead(cues, found, moment):
            return event_answer(text, found, moment, cues, zone)
        # "what do States agree on, according to the Tokyo slides?": asked of the programme
        material = (
            self.ranker.rank(text, limit=5, language=language) if cites_programme(text) else None
        )
        if material is not None and self._from_material(material):
            return self._fact_answer(text, material, ())
        # the agenda knows nothing of it, and the documents end in 2014
        # "how many CSAM reports did NCMEC receive in 2024?": no text states it
        if asks_what_a_body_does_now(text) or asks_a_figure_after_the_documents(text):
            return self._declined(text, user_id, "organisation")
        if self.cited.about_other_law(text):
            return self._stated_or_declined(text, language, user_id, "other_law")
        faq = self.faq.match(text) if self.faq else None
        if asks_who_holds_a_post_now(text):  # the programme's documents end in 2014
            return self._declined(text, user_id, "organisation", faq.choices if faq else ())
        if asks_status_of_one(text):  # "has Nigeria ratified?": the Treaty Office's chart
            offered = faq.choices if faq else ()
            if faq and faq.best:
                offered = (faq.best, *offered)
            # not the programme's 2014 count, which a State missing from it would misread
            return self._declined(text, user_id, "status", offered)
        not_held = self.cited.treaty_not_held(text)
        if not_held is not None and not (faq and faq.best and _about(faq.best, not_held)):
            # "which anniversary of the ECHR is printed on the workshop 23 flyer?": the flyer
            if material is not None and self._programme_answers(
                material, self.weights.answer.fact_aside
            ):
                return self._fact_answer(text, material, faq.choices if faq else ())
            note = (self.cited.unknown_note(not_held),)
            choices = faq.choices if faq else ()
            return Answer(
                text, AnswerKind.NONE, faq_choices=choices, notes=note, suggestions=SUGGESTIONS
            )
        ranked: Ranking | None = None
        if faq and faq.best:
            if faq.best.score < self.weights.answer.faq_certain:
                ranked = self.ranker.rank(text, limit=5, language=language)
            if self._faq_fits(text, faq.best, ranked):
                return self.faq_answer(text, faq.best, faq.choices)
            faq = FaqMatch(choices=(faq.best, *faq.choices))  # the treaties answer better
        choices = faq.choices if faq else ()
        if asks_which_states(text):  # which States are Parties today: the Treaty Office's chart
            return self._stated_or_declined(text, language, user_id, "status", choices=choices)
        if asks_for_a_password(text):  # "the wifi password ... for the workshop"
            return self._declined(text, user_id, "venue", choices)
        # "¿Quién presidió la reunión?", "Qual foi o orçamento do projeto?": no article states
        # who chaired, who attended or what a project cost, whatever words they share
        unstated = asks_what_no_treaty_states(text)
        # a count or a sum is no session's to give: "combien de juges ont été formés ?"
        if found.hits and unstated != "unstated":
            # "where was the GLACY workshop?" may be a past session of the agenda and a fact
            # the programme documents state: then the passage shows it, with the sessions.
            # a day to come asked ("is there anything on Wednesday?") is the agenda's to
            # answer, whatever 2010 passage says "Wednesday"; not a past date of a fact
            # ("which minister opened the workshop on 11 August 2014?")
            if found.day is not None and found.day >= moment.date():
                return event_answer(text, found, moment, cues, zone)
            ranked = ranked or self.ranker.rank(text, limit=5, language=language)
            if not self._programme_answers(ranked):
                return event_answer(text, found, moment, cues, zone)
            return replace(self._fact_answer(text, ranked, choices), events=found.hits)
        if a_task(text):  # "help me write my presentation": not what a treaty bot does
            return self._declined(text, user_id, "helpdesk", choices)
        if about_the_event(text):  # the agenda found no session: the organisers' desk
            return self._stated_or_declined(
                text, language, user_id, "venue", choices=choices, ranked=ranked
            )
        term = self._unknown_term(text) if language == ENGLISH else None
        if term is not None:  # "what is cryptojacking?": the offences share no word with it
            self._record(text, user_id, "declined", 0.0)
            return Answer(
                text,
                AnswerKind.NONE,
                faq_choices=choices,
                notes=(
                    Note(
                        "I don't find “{term}” in the treaties or the programme documents I "
                        "hold, so I won't guess what it means. Ask how the treaties deal with "
                        "an act, e.g. “is illegal access a crime under the Budapest "
                        "Convention?”.",
                        term=term,
                    ),
                ),
                suggestions=SUGGESTIONS,
            )
        if language == ENGLISH and self._technique_asked(text):
            return self._declined(text, user_id, "technique", choices)
        if self._reads_nothing(text, language):  # meaning finds "nearest" articles for anything
            return Answer(text, AnswerKind.NONE, faq_choices=choices, suggestions=SUGGESTIONS)
        ranked = ranked or self.ranker.rank(text, limit=5, language=language)
        if ranked.declined is None:
            ranked = self._story_question(text, language, ranked) or ranked
        if ranked.declined is not None:
            return self._declined(text, user_id, ranked.declined, choices)
        articles = self._related_hits(ranked)
        best = ranked.articles[0] if ranked.articles else None
        documents = tuple(
            self._document_hit(r) for r in ranked.documents if self._explains(r, best, text)
        )
        # named, the programme's slides or reports answer first when they state it
        lead = (
            self.weights.answer.fact_aside
            if cites_programme(text)
            else self.weights.answer.fact_lead
        )
        # "preservation", typed alone, looks up the law: the slide listing "Art. 29 Expedited
        # preservation" is shown beside the articles
        looked_up = ranked.confident and bool(ranked.articles) and _a_term_alone(text)
        answers = self._programme_answers(ranked, lead) or self._states_abroad(ranked, language)
        if not looked_up and answers:
            return self._fact_answer(text, ranked, choices)
        if asks_of_the_world(text):  # "who was behind the Colonial Pipeline hack?"
            # only a passage saying enough of what is asked: any passage shares a word or two
            # ("who invented the internet?" is not the activity report's letterhead)
            said = ranked.fact_said >= self.weights.answer.fact_said
            if said and self._programme_answers(ranked, self.weights.answer.fact_aside):
                return self._fact_answer(text, ranked, choices)
            return self._declined(text, user_id, "trivia", choices)
        if unstated is not None:
            # a passage that names the person or gives the figure answers, though it ranked
            # below the articles ("who spoke for the Georgian justice ministry on the panel?")
            if ranked.facts:
                return self._fact_answer(text, ranked, choices)
            return self._declined(text, user_id, unstated, choices)
        if not ranked.confident:
            # unsure, a passage must say enough of what is asked: "which is the longest river
            # in Africa?" is near the AfriNIC meeting in Mauritius by "Africa" alone
            said = ranked.fact_said >= self.weights.answer.fact_said
            if said and self._states_fact(ranked, self.weights.answer.fact_unsure):
                return self._fact_answer(text, ranked, choices)
            self._record(text, user_id, "none", ranked.confidence)
            return Answer(
                text,
                AnswerKind.NONE,
                faq_choices=choices,
                suggestions=SUGGESTIONS,
                notes=_spelling_note(ranked.corrections),
            )
        aside = self._fact_aside(ranked)  # a programme passage may answer beside the articles
        # "who founded Silk Road?"; a passage beside the articles keeps them only if it says
        # enough of what is asked: a fax number in Strasbourg does not answer "where can I buy
        # cheap USB drives in Strasbourg?"
        barely = ranked.fact_said < self.weights.answer.unlike_aside
        if self._unlike_answered(text, ranked) and (not aside or barely):
            return self._declined(text, user_id, "trivia", choices)
        # "which African country had signed but not ratified in 2014?" asks the 2014 slide
        if self._asked_of_programme(text, ranked):
            return self._fact_answer(text, ranked, choices)
        if ranked.confidence < self.weights.answer.low_confidence:
            self._record(text, user_id, "search", ranked.confidence)
        beside = self.cited.not_held_beside(text)  # "Is the GDPR stricter than Convention 108?"
        return Answer(
            text,
            AnswerKind.SEARCH,
            articles=articles,
            text=self._article(best).text if best else None,
            faq_choices=choices,
            documents=aside + documents,
            notes=(
                *_spelling_note(ranked.corrections),
                *((not_held_note(beside),) if beside else ()),
            ),
        )

    def _turned_away(
        self, text: str, language: str, now: datetime | None, zone: tzinfo | None
    ) -> Answer | None:
        """The answer declining what a message asks after it turns from its opening (a colon,
        "...", "actually", "by the way": "About Article 35: is there a shuttle bus to the
        venue?"), or None: no turn, or what follows it, asked alone, is not declined. An
        opening citing an article would otherwise have the article quoted as the answer. A
        sentence citing an article turns too, before a question of its own: "Article 24 deals
        with extradition. How did the Assange case end?"."""
        if _ASKING_A_PART.get():
            return None
        # "Anyway, ...", "Au fait, ...", "Mudando de assunto: ...": in any language, what
        # follows is asked on its own
        changed = change_of_subject(text)
        if changed is not None:
            answer = self._asked_alone(changed, language, now, zone)
            # declined alone, or answered by no article: not the opening's article to quote
            # ("Article 29 requires 60 days. Anyway, who chaired the Tokyo workshop?")
            if answer is not None and (answer.kind is AnswerKind.NONE or not answer.articles):
                return answer
        # in another language a clause alone says too little to be read safely (the probe
        # declined the parts after the colons of answerable French and Spanish questions): only
        # a sentence after one citing an article is asked alone, and only a decline for a
        # reason stands ("El artículo 24 ... trata de la extradición. ¿Cuánto cobra un abogado?")
        foreign = language != ENGLISH
        turn = last_turn(text, sentences_only=foreign)
        if turn is None:
            return self._story_turned_away(text, language, now, zone)
        answer = self._asked_alone(turn.asks, language, now, zone)
        if answer is None or answer.kind is not AnswerKind.NONE:
            return None
        declining = _declined_for_a_reason(answer)
        if foreign:  # and only a question of its own: "... Combien de temps dure-t-elle ?"
            alone = stands_alone(turn.asks, turn.opening, FOREIGN_ALONE_WORDS)
            return answer if declining and alone else None
        if declining:
            return answer
        # a question of its own after a sentence citing an article ("... on board aircraft
        # registered in a Party. Which airline flies direct from Paris to Manila?"), that
        # nothing answers alone, is not the cited article's
        alone = turn.after_a_sentence and stands_alone(turn.asks, turn.opening)
        return answer if alone else None

    def _story_turned_away(
        self, text: str, language: str, now: datetime | None, zone: tzinfo | None
    ) -> Answer | None:
        """The answer declining an English story's closing question for a reason of its own,
        asked alone and pointing back at nothing in the story ("... The FIU froze part of it.
        How much of the loss does the bank's cyber insurance usually cover?"), or None."""
        # in another language a clause alone is not read safely (see ``_turned_away``)
        asked = closing_question(text) if language == ENGLISH else None
        if asked is None or points_back(asked) or _says_nothing_of_its_own(asked):
            return None  # "... What can I do quickly?": the story says what is asked
        answer = self._asked_alone(asked, language, now, zone)
        if answer is None or answer.kind is not AnswerKind.NONE:
            return None
        if _declined_for_a_reason(answer):
            return answer
        # found nothing alone, it asks of something else ("... What is the fastest train
        # from Vienna to Graz?"), unless it only asks which law applies ("What can we do?")
        own = [w for w in words(asked) if w not in STOP_WORDS and w not in _ANY_LAW]
        if len(own) < STORY_OWN_WORDS or self._treaty_share(" ".join(own)) >= STORY_TREATY_SHARE:
            return None
        return answer

    def _asked_alone(
        self, asked: str, language: str, now: datetime | None, zone: tzinfo | None
    ) -> Answer | None:
        """The answer to the last part of a message asked on its own; None when too short."""
        asked = asked.strip()
        if len(asked.split()) < TURNED_WORDS:
            return None
        alone = _ASKING_A_PART.set(True)
        try:
            return self._answer(asked, language, None, now, zone)
        finally:
            _ASKING_A_PART.reset(alone)

    def _stated_or_declined(
        self,
        text: str,
        language: str,
        user_id: int | None,
        kind: str,
        *,
        choices: tuple[FaqHit, ...] = (),
        ranked: Ranking | None = None,
    ) -> Answer:
        """A question out of scope by its words is declined, unless a programme document
        states what it asks: "when were amendments to Vietnam's Criminal Code adopted?" is
        another country's law, and a fact the 2010 activity report states."""
        ranked = ranked or self.ranker.rank(text, limit=5, language=language)
        if self._programme_answers(ranked):
            return self._fact_answer(text, ranked, choices)
        return self._declined(text, user_id, kind, choices)

    def _declined(
        self, text: str, user_id: int | None, kind: str, choices: tuple[FaqHit, ...] = ()
    ) -> Answer:
        """No answer, with the pointer for a question out of scope (``OUT_OF_SCOPE[kind]``),
        recorded for the organisers."""
        self._record(text, user_id, "declined", 0.0)
        notes = (OUT_OF_SCOPE[kind],)
        return Answer(
            text, AnswerKind.NONE, faq_choices=choices, notes=notes, suggestions=SUGGESTIONS
        )

    def _story_question(self, text: str, language: str, story: Ranking) -> Ranking | None:
        """A long story's closing question ranked alone, when that is sure and surer than
        the whole story: the story's many words dilute what it asks ("... The judge wants
        the legal basis by Monday. Which article covers the misuse of devices?"), while a
        question that says little alone ("what can we do?", "which provision covers what he
        did?") leaves the story to speak."""
        sentences = _SENTENCE_END.split(text)
        if len(sentences) < 3 or len(text.split()) < STORY_WORDS:
            return None
        asked = next((s for s in reversed(sentences) if s.endswith("?")), sentences[-1])
        if _says_nothing_of_its_own(asked):
            # "... he tried to touch her. Which articles protect her?": "protect" put
            # Lanzarote's general measures of protection over solicitation; the story alone
            # says what happened
            told = self.ranker.rank(text.replace(asked, " "), limit=5, language=language)
            return told if told.articles and told.declined is None else None
        ranked = self.ranker.rank(asked, limit=5, language=language)
        # sure alone, not merely above the threshold: "Which provision of the Convention
        # covers what he did?" is confident enough about Art. 44 (amendments to provisions)
        sure = ranked.confidence >= max(story.confidence, self.weights.answer.low_confidence)
        return ranked if sure and ranked.declined is None else None

    def _unlike_answered(self, text: str, ranked: Ranking) -> bool:
        """Whether the askers' probe (``index.probe``) finds a question unlike those the texts
        answer while its words leave search short of sure, and no programme passage is in
        reach: off-topic questions come in the treaties' words ("How many years did Mandela
        spend in prison?" is near Art. 13 on sanctions by "prison" and "years")."""
        answer = self.weights.answer
        likely = ranked.asked_like_answerable
        if (
            likely is None
            or likely >= answer.unlike_answered
            or ranked.confidence >= answer.unlike_sure
        ):
            return False
        # a question naming a treaty held, or its machinery, asks the treaty: the probe had
        # few such questions to learn from ("how many members sit on the Lanzarote Committee
        # of the Parties?", "who is the depositary?")
        if _TREATY_MACHINERY.search(text) or self.ranker.analyser.analyse(text).named:
            return False
        # the probe reads programme questions as off-topic; a passage nearer than any article,
        # or saying much of what is asked, may be the answer ("octopus interface 2010 update
        # session - what day and where?")
        return ranked.fact_lead < answer.fact_unsure and ranked.fact_said < answer.unlike_said

    def _asked_of_programme(self, text: str, ranked: Ranking) -> bool:
        """Whether the programme probe (``index.probe``) reads the question as one of what the
        programme documents state, and a passage near enough says enough of it: "what is the
        first thing a government sends when it wants to join Budapest?" is the slide's
        "Letter from Government to CoE expressing interest in accession", not Art. 37. Not
        a question asking which article: "which article covers child pornography?" (0.92)."""
        answer = self.weights.answer
        likely = ranked.asked_of_programme
        return (
            likely is not None
            and likely >= answer.programme_asked
            and bool(ranked.facts)
            and ranked.fact_lead >= answer.programme_lead
            and ranked.fact_said >= answer.programme_said
            and not asks_which_article(text)
        )

    def _related_hits(self, ranked: Ranking) -> tuple[ArticleHit, ...]:
        """The best article and those close enough to it to be worth showing."""
        return tuple(
            self._article_hit(r)
            for position, r in enumerate(ranked.articles)
            if position == 0 or r.confidence >= self.weights.answer.related
        )

    def _states_fact(self, ranked: Ranking, lead: float) -> bool:
        """Whether a programme-document passage is at least ``lead`` nearer the question than
        any article, and says one of its words."""
        return ranked.fact_lead >= lead and bool(
            count_matches(ranked.facts[0].block_text, ranked.facts[0].stems)
        )

    def _programme_answers(self, ranked: Ranking, lead: float | None = None) -> bool:
        """Whether a programme passage answers first: ``lead`` (default ``fact_lead``) nearer
        than any article, or about as near saying most of what is asked. The same for a
        question declined by its words: "Laos cybercrime law status?" names a country's law,
        which the 2010 activity report speaks of."""
        lead = self.weights.answer.fact_lead if lead is None else lead
        return self._states_fact(ranked, lead) or self._says_what_is_asked(ranked)

    def _states_abroad(self, ranked: Ranking, language: str) -> bool:
        """Whether a programme passage answers a question in another language first: saying
        most of what it asks (``foreign_stated``), from a little further than in English
        (``foreign_aside``), as the exemplars in its language bring every article nearer
        ("Où s'est tenue la réunion préparatoire avec ROSFINMONITORING ?" had an article of
        Convention 108 quoted above the passage)."""
        if language == ENGLISH:
            return False
        answer = self.weights.answer
        said = ranked.fact_said >= answer.foreign_stated
        return said and self._states_fact(ranked, answer.foreign_aside)

    def _from_material(self, ranked: Ranking) -> bool:
        """Whether a programme passage answers a question that names the slides, talk, report
        or flyer it asks of ("what do States broadly agree on, according to the context slide
        in Tokyo?"): one about as near as the articles (``fact_cited``) that says enough of
        what is asked. The asker wants what the material states, not the treaty on its topic;
        words alone would decline some ("según el folleto, ¿dónde tiene su sede el Consejo de
        Europa?")."""
        said = ranked.fact_said >= self.weights.answer.fact_said
        return bool(ranked.facts) and said and ranked.fact_lead >= self.weights.answer.fact_cited

    def _cited(self, text: str) -> Answer | None:
        """The articles ``text`` cites (``CitedArticles.answer``), or those it cites once its
        misspelt words are corrected, with the note saying so: "lanzrote artcle 23" is a
        contact point's typing, not a question for search."""
        cited = self.cited.answer(text)
        if cited is not None or not _DIGIT.search(text):  # a citation typed gives a number
            return cited
        corrections = self.ranker.analyser.analyse(text).corrections
        if not corrections:
            return None
        cited = self.cited.answer(corrected(text, corrections))
        if cited is None:
            return None
        return replace(cited, question=text, notes=(*_spelling_note(corrections), *cited.notes))

    def _material_cites(self, text: str, number: str, ranked: Ranking) -> bool:
        """Whether the programme passage first in ``ranked`` answers ``text``, which cites
        article ``number`` as the slides or a report give it (``material_cites``)."""
        if not self._from_material(ranked):
            return False
        passage = ranked.facts[0]
        document = self._document(passage.key)
        body = document.body if document is not None else ""
        return material_cites(text, number, passage.block_text, body)

    def _says_what_is_asked(self, ranked: Ranking) -> bool:
        """Whether a programme passage about as near as any article says most of what the
        question asks ("what is output 4 of the global project about?")."""
        said = ranked.fact_said >= self.weights.answer.fact_stated
        return said and self._states_fact(ranked, self.weights.answer.fact_aside)

    def _fact_aside(self, ranked: Ranking) -> tuple[DocumentHit, ...]:
        """The programme passage nearly as near as the articles of a search answer, shown
        beside them: "which countries were invited to accede to the Budapest Convention in
        2014?" is answered by Art. 37 on accession and by the 2014 list of invited States."""
        if not self._states_fact(ranked, self.weights.answer.fact_aside):
            return ()
        return (self._document_hit(ranked.facts[0]),)

    def _fact_answer(self, text: str, ranked: Ranking, choices: tuple[FaqHit, ...]) -> Answer:
        """The programme-document passages that state a fact, with the articles on it when
        the question names a treaty ("what did African countries say about joining the
        Convention on Cybercrime?"). Otherwise the articles that share a word with a question
        about a workshop ("who moderated workshop 23?") are noise under the fact."""
        passages = [r.block_text for r in ranked.facts]
        # a name may be in the source shown under a passage: "Council of Europe presentation
        # (Alexander Seger)" for the Tokyo slides, whose text gives only his e-mail address
        sourced = [f"{r.block_text}\n{self._source(r.key)}" for r in ranked.facts]
        # the places it names, in the documents' English too: "¿quién moderó el taller 23
        # del IGF en Vilna?" is answered by a passage saying "Vilnius"
        asked = f"{text} {ranked.places}" if ranked.places else text
        unstated = why_not_stated(asked, passages, sourced, self._lower_case_words)
        if unstated is not None:
            return self._declined(text, None, unstated, choices)
        about_law = ranked.confident and bool(self.ranker.analyser.analyse(text).named)
        return Answer(
            text,
            AnswerKind.DOCUMENT,
            articles=self._related_hits(ranked) if about_law else (),
            documents=tuple(self._document_hit(r) for r in ranked.facts),
            faq_choices=choices,
            notes=_spelling_note(ranked.corrections),
        )

    def _source(self, key: PassageKey) -> str:
        """Where a programme passage comes from, as shown under it; "" for any other."""
        document = self._document(key)
        return document.source if document is not None else ""

    def _document(self, key: PassageKey) -> Document | None:
        """The document a passage is of; None for an article's."""
        return self.corpus.documents.get(key.id) if isinstance(key, DocumentRef) else None

    def _unknown_term(self, text: str) -> str | None:
        """The term a question asks the meaning of ("what is credential stuffing?", "what does
        'pig butchering' mean?") when no word of it is in the treaties or the documents, even
        corrected: the articles that share the question's other words would only pass for a
        definition. None for any other question."""
        asked = _DEFINITION.match(text.strip())
        if asked is None:
            return None
        term = (asked.group("term") or asked.group("said")).strip(" '\"“”‘’")
        analyser = self.ranker.analyser
        content = [w for w in words(term) if w not in STOP_WORDS and not w.isdigit()]
        if not content or len(content) > UNKNOWN_TERM_WORDS:
            return None
        # a one-word term may be mistyped ("presevation"); in "juice jacking", "jacking" is
        # not "hacking"
        corrected = len(content) == 1
        # the thesaurus reads "cryptojacking" as the offences it may fall under, and Art. 1
        # (Definitions) had been quoted as if it defined it: no text says the word
        if any(analyser.said(w, corrected=corrected) for w in content):
            return None
        # every word of it mistyped: "what is the artcle on preservaton"
        if all(analyser.said(w) for w in content):
            return None
        return term

    def _technique_asked(self, text: str) -> bool:
        """Whether ``text`` asks how techniques or technologies work ("what is credential
        stuffing and why does it still work?", "how does SIM swapping work?") whose words are
        mostly not the treaties': the treaties make acts crimes, they describe no technique,
        and the articles sharing a word ("service" of "ransomware-as-a-service") would pass for
        an explanation. A word joined by hyphens ("zero-day") is one word."""
        asked = mechanism_asked(text)
        return bool(asked) and self._treaty_share(" ".join(asked)) < TREATY_SHARE

    def _treaty_share(self, term: str) -> float:
        """The share of the content words of ``term`` that some article says."""
        content = [
            w for w in _HYPHENATED.findall(term.lower()) if w not in STOP_WORDS and not w.isdigit()
        ]
        said = [
            w
            for w in content
            if any(isinstance(k, ArticleRef) for k in self.index.keys_with(stem_word(w)))
        ]
        return len(said) / len(content) if content else 1.0

    @cached_property
    def _lower_case_words(self) -> frozenset[str]:
        """Every word the treaties and documents write in lower case somewhere, and the words
        of countries' names: a capitalised word never among them is part of a person's name
        ("Künnapu"), not of a heading ("Project") or a place ("Korea Cyberspace Conference")."""
        texts = [a.text for a in self.corpus.articles()]
        texts += [d.body for d in self.corpus.documents.values()]
        written = _ADDRESS.sub(" ", " ".join(texts))
        return frozenset(_LOWER_CASE_WORD.findall(written)) | country_words()

    def _agenda_words(self, text: str, language: str) -> str:
        """What the agenda finder reads: the question, or for one in French, Spanish,
        Portuguese or Russian its agenda and topic words in English ("la prochaine séance"
        is "next session"), with the names it gives when it asks of a day ("¿a qué hora
        cierra el Louvre los miércoles?" asks of the Louvre, not of Wednesday's sessions), or
        the question itself when it has none."""
        if language == ENGLISH:
            return text
        terms = self.glossary.english(text, language)
        if not terms:
            return text
        if not _A_DAY.search(terms):  # the names only narrow a day's sessions down
            return terms
        return " ".join([terms, *_NAME_GIVEN.findall(text)])

    def _faq_fits(self, text: str, best: FaqHit, ranked: Ranking | None) -> bool:
        """Answer with the FAQ unless search confidently finds an article the entry ignores,
        a programme passage states what is asked, or the question names held treaties none
        of the entry's articles is from.

        "Is hacking a crime?" may look like the extradition entry's "extradite someone for
        hacking"; search knows Article 2 is the answer, so the FAQ becomes a choice instead.
        ``ranked`` is None when the FAQ score is high enough not to ask search at all. A
        barely-matching entry that search cannot back ("what is the population of Budapest"
        against "what is the Budapest Convention?") is only offered as a choice.
        """
        named = self.ranker.analyser.analyse(text).named
        if named and best.articles and not any(ref.instrument in named for ref in best.articles):
            return False  # "how many countries are parties to Lanzarote?" is not Budapest's
        if states_no_sum_asked(text, best.answer):
            return False  # "the budget of the GLACY project" is not what GLACY is
        if ranked is None:
            return True
        if self._states_fact(ranked, self.weights.answer.fact_lead):
            return False  # "the budget of phase 2 of the Global Project": the report says it
        if not ranked.confident or not ranked.articles:
            return best.score >= self.weights.answer.faq_weak

        return ranked.articles[0].key in best.articles

    def search(self, text: str, limit: int = 10) -> list[ArticleHit]:
        """Ranked articles for a free-text search (no FAQ, no agenda), citations first."""
        cleaned = clean_question(text)
        cited = self.cited.answer(cleaned) if cleaned else None
        if cited is not None and cited.kind is AnswerKind.CITATION:
            return list(cited.articles)
        if not self._says_something(cleaned):  # "&amp; <>", "<b>x</b>": nothing to search for
            return []
        ranked = self.ranker.rank(cleaned, limit=limit)
        if not ranked.confident:
            return []
        related = self.weights.answer.related
        return [self._article_hit(r) for r in ranked.articles if r.confidence >= related]

    def _says_something(self, text: str) -> bool:
        """Whether ``text`` has a word the texts or the thesaurus use, or one the glossary
        reads in another language: meaning alone finds "nearest" articles for anything."""
        if not self._reads_nothing(text, ENGLISH):
            return True
        language = self.ranker.language_of(text)
        return language != ENGLISH and bool(self.glossary.english(text, language))

    def _reads_nothing(self, text: str, language: str) -> bool:
        """Whether ``text`` has no word to answer: in English, none the texts or the
        thesaurus use (bold tags around "bold &" leave "bold &"); in another language, none
        of three letters ("í €"), as meaning reads the rest."""
        content = [w for w in words(text) if len(w) > 1 and w not in STOP_WORDS]
        if language != ENGLISH:
            return not any(len(w) > 2 for w in content)
        return not any(self.ranker.analyser.knows(w) for w in content)

    def _declined_rest(
        self, text: str, language: str, now: datetime | None, zone: tzinfo | None
    ) -> str | None:
        """The note declining what a message asks besides the articles it cites, or None:
        "art 24 budapest, and also what's the euro to dollar rate?" had the article quoted
        and the rest passed over in silence."""
        if _ASKING_A_PART.get():
            return None
        rest = cut(text, [c.span for c in parse_citations(text, self.corpus)])
        answer = self._asked_alone(asked_besides(rest), language, now, zone)
        return answer.notes[0] if answer is not None and _declined_for_a_reason(answer) else None

    def faq_answer(self, text: str, best: FaqHit, choices: tuple[FaqHit, ...] = ()) -> Answer:
        """The answer of one FAQ entry with the articles it rests on."""
        hits = []
        for ref in best.articles:
            article = self.corpus.article(ref.instrument, ref.article)
            if article is None:
                continue
            instrument = self.corpus.instruments[article.instrument]
            hits.append(
                ArticleHit(
                    instrument=article.instrument,
                    article=article.number,
                    title=article.title,
                    score=best.score / 100,
                    snippet=snippet(article.text, frozenset(), None)[0],
                    instrument_name=instrument.short_title,
                )
            )
        first = self.corpus.article(hits[0].instrument, hits[0].article) if hits else None
        others = tuple(c for c in choices if c.id != best.id)
        return Answer(
            text,
            AnswerKind.FAQ,
            articles=tuple(hits),
            text=first.text if first else None,
            faq=best,
            faq_choices=others,
        )

    def _article(self, ranked: Ranked) -> Article:
        key = ranked.key
        assert isinstance(key, ArticleRef)  # ranked articles are articles of this corpus
        article = self.corpus.article(key.instrument, key.article)
        assert article is not None
        return article

    def _article_hit(self, ranked: Ranked) -> ArticleHit:
        article = self._article(ranked)
        text, highlights, paragraph = snippet(ranked.block_text, ranked.stems, ranked.block_label)
        return ArticleHit(
            instrument=article.instrument,
            article=article.number,
            title=article.title,
            score=ranked.confidence,
            snippet=text,
            paragraph=paragraph,
            highlights=highlights,
            instrument_name=self.corpus.instruments[article.instrument].short_title,
        )

    def _explains(self, ranked: Ranked, best: Ranked | None, text: str) -> bool:
        """Whether a document ranked for a search answer goes with its best article: a guide
        only if it explains that article (a production-order guide under a preservation
        answer, a child-victims guide under a video-conference hearing misled); a programme
        passage if ``text`` asks a fact or names the slides, or the passage says most of its
        words (``answer.document_said``): the IGF title "common standards and joint action"
        under Art. 20 for "joint investigation teams" answered nothing."""
        document = self._document(ranked.key)
        if document is None:
            return True
        if document.kind != "guide":
            if cites_programme(text) or _FACT_FORM.search(text):
                return True
            said = ranked.stems & passage_stems(ranked.block_text)
            share = len(said) / len(ranked.stems) if ranked.stems else 0.0
            return share >= self.weights.answer.document_said
        return best is not None and best.key in document.articles

    def _document_hit(self, ranked: Ranked) -> DocumentHit:
        key = ranked.key
        assert isinstance(key, DocumentRef)  # ranked documents are documents of this corpus
        document = self.corpus.documents[key.id]
        text, highlights, _ = snippet(ranked.block_text, ranked.stems, None)
        return DocumentHit(
            document.id,
            document.title,
            document.kind,
            ranked.confidence,
            text,
            highlights,
            source=document.source,
            date=document.date,
        )

    def _record(self, text: str, user_id: int | None, kind: str, score: float) -> None:
        if self.unanswered is None or _ASKING_A_PART.get():
            return
        try:
            self.unanswered.record(text, user_id, kind, score)
        except Exception:  # recording must never cost the user an answer
            log.exception("could not record an unanswered question")


def _declined_for_a_reason(answer: Answer) -> bool:
    """Whether ``answer`` declines with a note saying why (``DECLINING``), not merely finds
    nothing."""
    return (
        answer.kind is AnswerKind.NONE and answer.notes[:1] != () and answer.notes[0] in DECLINING
    )


def _says_nothing_of_its_own(asked: str) -> bool:
    """Whether a story's closing question asks only which law applies ("Which articles
    protect her?", "What can we do?", "Which articles help us?"), naming nothing of it."""
    return not any(w not in STOP_WORDS and w not in _ANY_LAW for w in words(asked))


# a name a question gives, capitalised after its first word: "Louvre", "Strasbourg", "GLACY"
_NAME_GIVEN = re.compile(r"(?<=[\w,;:]\s)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]+")
# a day asked, in the glossary's English: "los miércoles" is "wednesday"
_A_DAY = re.compile(rf"\b(?:today|tonight|tomorrow|{'|'.join(WEEKDAYS)})\b")


def _names_a_session_ahead(cues: str, found: EventsFound, now: datetime) -> bool:
    """Whether the first session found is still to come and says every word asked of it,
    of which there are at least ``SESSION_WORDS`` ("judicial training electronic evidence")."""
    asked = [w for w in words(cues) if w not in STOP_WORDS]
    first = found.hits[0] if found.hits else None
    return (
        first is not None and first.end > now and first.score >= 1.0 and len(asked) >= SESSION_WORDS
    )


def _a_term_alone(text: str) -> bool:
    """Whether ``text`` is a term typed alone, one or two words none of which asks anything
    ("preservation", "data interference"), as a contact point looks up the law."""
    said = words(text)
    return 0 < len(said) <= TERM_WORDS and not STOP_WORDS.intersection(said)


def _spelling_note(corrections: dict[str, str]) -> tuple[str, ...]:
    """The note saying how misspelt words were read, if any were."""
    if not corrections:
        return ()
    pairs = ", ".join(f"{a} → {b}" for a, b in corrections.items())
    return (Note("Spelling understood as: {pairs}", pairs=pairs),)


def _about(entry: FaqHit, treaty: str) -> bool:
    """Whether an FAQ entry asks about ``treaty`` ("How does the Budapest Convention relate
    to the UN convention?"): then it answers, though the treaty is not held."""
    return normalise_name(treaty) in normalise_name(entry.question)
