"""Answers to messages that cite articles: "art 29(3)", "Lanzarote art 23", "35". The cited
paragraph is quoted under a heading naming exactly what is shown; an article, paragraph or
treaty not held is said to be missing, never replaced by another's text.
"""

from __future__ import annotations

import re

from corpus.model import Article, ArticleRef, Corpus, normalise_name
from index.answer import Answer, AnswerKind, ArticleHit
from index.citations import (
    MODERNISED_108,
    SECOND_PROTOCOL,
    parse_citations,
    second_protocol_unqualified,
    spelt_out,
    unknown_instrument,
)
from index.logistics import asks_for_translation
from index.notes import Note
from index.other_law import other_law
from index.query import QueryAnalyser
from index.replies import NOT_TRANSLATED, OUT_OF_SCOPE, SUGGESTIONS
from index.search import article_blocks
from index.snippets import count_matches, paragraph_text, snippet
from index.text import stem_word, words

# A message of an article's number alone, as a contact point types it ("35", "29(3)", "29.3"),
# but not the 24/7 network
_NUMBER_ONLY = re.compile(r"\s*(?!24\s*/\s*7\b)\d{1,3}(?:\s*\(\d{1,3}\)|[./]\d{1,3})?\s*[?.!]?\s*")


# "art", "article?", "arts.": an article asked for without its number
_NO_NUMBER = re.compile(
    r"\s*(?:art|arts|article|articles|artículo|artigo|статья)\.?\s*[?.!]*\s*", re.I
)
WHICH_ARTICLE = Note(
    "Which article? Give its number, and the treaty if it is not the Budapest Convention: "
    "“art 29”, “art 29(3)”, “Lanzarote art 23”."
)


def which_note(name: str, titled: list[str]) -> Note:
    """Said when a name cited fits several held texts ("additional protocol")."""
    return Note(
        "Several texts I hold are called “{name}”: {titled}. Name the one you mean, e.g. "
        "“ETS 189 art 3”.",
        name=name,
        titled="; ".join(titled),
    )


def not_held_note(name: str) -> Note:
    """Said under articles answering a question that names a text not held beside them."""
    return Note("“{name}” is not one of the texts I hold, so nothing below is from it.", name=name)


class CitedArticles:
    """What a message citing articles is answered, and what the treaties it names are."""

    def __init__(self, corpus: Corpus, analyser: QueryAnalyser) -> None:
        self.corpus = corpus
        self.analyser = analyser
        names = " ".join(a for i in corpus.instruments.values() for a in (i.id, *i.aliases))
        self._name_stems = frozenset(stem_word(w) for w in words(names))

    def answer(self, text: str) -> Answer | None:
        """The articles ``text`` cites, quoted (``CITATION``), or ``NONE`` with a note when a
        cited article, paragraph or treaty is not held; None when it cites none."""
        asked = text
        if _NO_NUMBER.fullmatch(text):  # "art": which one is not for search to guess
            return Answer(asked, AnswerKind.NONE, notes=(WHICH_ARTICLE,), suggestions=SUGGESTIONS)
        if _NUMBER_ONLY.fullmatch(text):  # "35", "29(3)", "29.3": the Budapest article
            text = f"article {text.strip()}"
        citations = parse_citations(text, self.corpus)
        if not citations:
            return None
        spans = [c.span for c in citations]
        if not citations[0].named and self.about_other_law(text):
            # "Article 272 of the Russian Criminal Code": a country's law, not Budapest's
            declined = (OUT_OF_SCOPE["other_law"],)
            return Answer(asked, AnswerKind.NONE, notes=declined, suggestions=SUGGESTIONS)
        name = unknown_instrument(text, self.corpus, surely=True)
        if name is None and not citations[0].named:
            name = unknown_instrument(cut(text, spans), self.corpus)
        if name is not None:
            # "additional protocol art 3": four held texts are so titled; which one is asked
            titled = self._titled(name)
            note = which_note(name, titled) if len(titled) > 1 else self.unknown_note(name)
            return Answer(asked, AnswerKind.NONE, notes=(note,), suggestions=SUGGESTIONS)
        hits: list[ArticleHit] = []
        notes: list[str] = []
        best_text: str | None = None
        topic = self._topic_stems(text, spans)
        for citation in citations:
            ref = citation.ref
            instrument = self.corpus.instruments[ref.instrument]
            article = instrument.article(ref.article)
            if article is None:
                last = instrument.articles[-1].number if instrument.articles else "0"
                notes.append(
                    Note(
                        "{instrument} has no Article {article} (its articles run from 1 to "
                        "{last}).",
                        instrument=instrument.short_title,
                        article=_shortened(ref.article),
                        last=last,
                    )
                )
                continue
            passage = paragraph_text(article, ref.paragraph, ref.items)
            items = ref.items
            wider = paragraph_text(article, ref.paragraph, ()) if ref.paragraph else None
            if passage is None and items and wider is not None:
                # "art 29(3)(a)": paragraph 3 has no items, and is what was looked for
                paragraph = ArticleRef(ref.instrument, ref.article, ref.paragraph).label()
                notes.append(
                    Note(
                        "Article {number} does not exist; showing Article {shown}.",
                        number=_shortened(ref.label().removeprefix("Article ")),
                        shown=paragraph.removeprefix("Article "),
                    )
                )
                passage, items = wider, ()
            elif (ref.paragraph or ref.items) and passage is None:
                notes.append(
                    Note(
                        "Article {number} does not exist; showing the whole article.",
                        number=_shortened(ref.label().removeprefix("Article ")),
                    )
                )
            if not article.available:
                notes.append(
                    Note(
                        "The English text of {instrument} Article {article} is not available "
                        "in this source.",
                        instrument=instrument.short_title,
                        article=article.number,
                    )
                )
            if best_text is None:
                best_text = passage or article.text
            hits.append(self._cited_hit(article, passage, ref.paragraph, topic, items))
        if len({(h.instrument, h.article) for h in hits}) > 1:  # "art 16 and 17"
            notes.append(_several_cited(hits))
        if hits and asks_for_translation(text):  # "translate article 29 into French"
            notes.append(NOT_TRANSLATED)
        kind = AnswerKind.CITATION if hits else AnswerKind.NONE
        return Answer(
            asked,
            kind,
            articles=tuple(hits),
            text=best_text,
            notes=tuple(notes),
            suggestions=() if hits else SUGGESTIONS,
        )

    def _topic_stems(self, text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
        """What the question asks about besides the citation: "art 29 dual criminality"."""
        stems = self.analyser.analyse(cut(text, spans)).stems - self._name_stems
        return frozenset(stem for stem in stems if len(stem) > 1)  # "art 29 b": no topic

    def about_other_law(self, text: str) -> bool:
        """Whether ``text`` asks what a named country's own law says ("under Indian law"),
        naming none of the treaties held ("does the UK Computer Misuse Act meet Article 2 of
        the Budapest Convention?" is about the treaty)."""
        name = other_law(text)
        if name is None:
            return False
        return not self.analyser.analyse(text.replace(name, " ")).named

    def treaty_not_held(self, text: str) -> str | None:
        """The name of a treaty or law the question asks about that the corpus does not hold
        ("the UN cybercrime convention", "the e-evidence regulation"), when it names none that
        it holds: its articles are not these, so the honest answer is to say so."""
        name = unknown_instrument(text, self.corpus, surely=True)
        if name == MODERNISED_108:
            return name  # "Convention 108+" names the held Convention 108 too
        if name == SECOND_PROTOCOL:
            # named with the Budapest Convention, it is surely not held; unqualified, the
            # question is answered from what is held, with a note saying which protocol
            return None if second_protocol_unqualified(text) else name
        if name is None:
            return None
        if self.analyser.analyse(spelt_out(text).replace(normalise_name(name), " ")).named:
            return None  # about a held treaty too ("Lanzarote and the UN convention on ...")
        return name

    def not_held_beside(self, text: str) -> str | None:
        """The name of a treaty or law not held that a question names beside one it holds
        ("Is the GDPR stricter than Convention 108?"): answered from the one held, with a note
        that nothing is from the other."""
        name = unknown_instrument(text, self.corpus, surely=True)
        if name is None or name in (MODERNISED_108, SECOND_PROTOCOL):
            return None
        beside = self.analyser.analyse(spelt_out(text).replace(normalise_name(name), " ")).named
        return name if beside else None

    def _titled(self, name: str) -> list[str]:
        """The held texts whose full title says every word of ``name``, as "ETS No. 189
        (Racism Protocol)"."""
        said = set(normalise_name(name).split())
        return [
            f"{i.number} ({i.short_title})"
            for i in self.corpus.instruments.values()
            if said and said <= set(normalise_name(i.title).split())
        ]

    def unknown_note(self, name: str) -> Note:
        """Quoting another treaty's article under a known name would mislead: say so instead."""
        held = "; ".join(f"{i.short_title} ({i.number})" for i in self.corpus.instruments.values())
        return Note(
            "“{name}” is not one of the texts I hold, so I will not guess its articles. "
            "I hold: {held}. Name one of them, e.g. “Budapest art 29” or “ETS 182 art 20”.",
            name=name,
            held=held,
        )

    def _cited_hit(
        self,
        article: Article,
        passage: str | None,
        paragraph: str | None,
        topic: frozenset[str],
        items: tuple[str, ...] = (),
    ) -> ArticleHit:
        """The cited passage; for a whole article, the paragraph that best fits the topic as
        its snippet, under the article's heading: the answer shows the whole article, so its
        heading names no paragraph ("art. 18 production order" is Art. 18, not Art. 18(1))."""
        if passage is not None:
            block, label = passage, paragraph
        else:
            blocks = article_blocks(article) or [article.text]
            block = max(blocks, key=lambda b: count_matches(b, topic)) if topic else blocks[0]
            label = None
        text, highlights, _ = snippet(block, topic, label)
        return ArticleHit(
            instrument=article.instrument,
            article=article.number,
            title=article.title,
            score=1.0,
            snippet=text,
            paragraph=label,
            highlights=highlights,
            instrument_name=self.corpus.instruments[article.instrument].short_title,
            items=items if passage is not None else (),
        )


def _several_cited(hits: list[ArticleHit]) -> Note:
    """The note of a message citing several articles: the first is shown, the others are
    under it ("art 16 and 17" showed Art. 16 with no word of Art. 17)."""
    first, *others = dict.fromkeys(f"{h.instrument_name} Art. {h.article}" for h in hits)
    return Note(
        "You cited {count} articles: here is {first}; the others are under it: {others}.",
        count=len(others) + 1,
        first=first,
        others=", ".join(others),
    )


def _shortened(number: str, most: int = 12) -> str:
    """A number as typed, cut when absurdly long ("99999…"): echoed back, not reprinted."""
    return number if len(number) <= most else number[:most] + "…"


def cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the given spans (the citations in it)."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text
