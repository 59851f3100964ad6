"""The typed answer of the ask service, shared by every front end."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from corpus.model import ArticleRef


class AnswerKind(StrEnum):
    CITATION = "citation"
    FAQ = "faq"
    EVENT = "event"
    SEARCH = "search"
    DOCUMENT = "document"  # a fact stated in an organiser's programme document
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Highlight:
    """A matched span inside a snippet, as character offsets into the snippet."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleHit:
    instrument: str  # "ets185"
    article: str  # "29"
    title: str | None
    score: float  # 0..1, calibrated: comparable across questions
    snippet: str  # best-matching passage, exact text
    paragraph: str | None = None
    highlights: tuple[Highlight, ...] = ()
    instrument_name: str = ""  # "Budapest Convention"
    items: tuple[str, ...] = ()  # the cited items of the paragraph: ("a", "i")

    @property
    def part(self) -> str:
        """What the snippet is, after the article number: "(1)(a)(i)", "(3)", "(d)" (an item
        of an article without numbered paragraphs), ""."""
        return "".join(f"({p})" for p in (self.paragraph, *self.items) if p)

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "instrument_name": self.instrument_name,
            "article": self.article,
            "paragraph": self.paragraph,
            "items": list(self.items),
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


@dataclass(frozen=True, slots=True)
class DocumentHit:
    """A guide or organiser document that matched."""

    id: str
    title: str
    kind: str
    score: float
    snippet: str
    highlights: tuple[Highlight, ...] = ()
    source: str = ""  # where the document comes from
    date: str = ""  # when its facts were stated: "2014-08-11", "2013"

    @property
    def readable(self) -> str:
        """The snippet as read: the cells of a table row (tab-separated in the source) apart
        by " · ", a row's empty cells dropped."""
        return "\n".join(
            " · ".join(cell.strip() for cell in line.split("\t") if cell.strip())
            for line in self.snippet.split("\n")
        )

    @property
    def as_of(self) -> str:
        """ "as of 2014" for a dated document, else empty: facts age."""
        return f"as of {self.date[:4]}" if self.date[:4].isdigit() else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.id,
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "source": self.source,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class FaqHit:
    id: str
    question: str  # the canonical phrasing
    answer: str  # Telegram-safe HTML
    articles: tuple[ArticleRef, ...]  # the articles it rests on
    score: float  # 0..100 rapidfuzz score

    def to_json(self) -> dict[str, Any]:
        return {
            "faq": self.id,
            "question": self.question,
            "answer": self.answer,
            "articles": [{"instrument": r.instrument, "article": r.article} for r in self.articles],
            "score": round(self.score, 2),
        }


@dataclass(frozen=True, slots=True)
class FaqMatch:
    """A confident FAQ answer, or near-miss choices to offer, or neither."""

    best: FaqHit | None = None
    choices: tuple[FaqHit, ...] = ()


@dataclass(frozen=True, slots=True)
class EventHit:
    id: str
    title: str
    start: datetime  # timezone-aware
    end: datetime  # timezone-aware
    timezone: str  # IANA name
    room: str | None
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.id,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "timezone": self.timezone,
            "room": self.room,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True, slots=True)
class EventsFound:
    """What the agenda finder found for a question: the sessions to show, best first; for a
    question about a day ("what is on today?"), that day and how many more of its sessions
    match but are left out of ``hits`` (the finder shows a few)."""

    hits: tuple[EventHit, ...] = ()
    day: date | None = None  # the day asked, when ``hits`` are that day's sessions
    more: int = 0  # that day's sessions left out of ``hits``


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    kind: AnswerKind
    articles: tuple[ArticleHit, ...] = ()  # ranked, best first
    text: str | None = None  # exact text of the best article (or cited paragraph)
    faq: FaqHit | None = None
    faq_choices: tuple[FaqHit, ...] = ()
    events: tuple[EventHit, ...] = ()
    events_more: int = 0  # sessions of the day asked left out of ``events`` (a busy day)
    events_day: date | None = None  # that day (set when ``events_more``): /agenda lists it all
    documents: tuple[DocumentHit, ...] = ()
    suggestions: tuple[str, ...] = ()  # what to try when kind is NONE
    notes: tuple[str, ...] = field(default=())  # e.g. "Article 999 does not exist in ..."

    @property
    def best(self) -> ArticleHit | None:
        return self.articles[0] if self.articles else None

    def to_json(self) -> dict[str, Any]:
        results: list[dict[str, Any]] = [a.to_json() for a in self.articles]
        return {
            "question": self.question,
            "kind": str(self.kind),
            "results": results,
            "text": self.text,
            "faq": self.faq.to_json() if self.faq else None,
            "faq_choices": [c.to_json() for c in self.faq_choices],
            "events": [e.to_json() for e in self.events],
            "events_more": self.events_more,
            "events_day": self.events_day.isoformat() if self.events_day else None,
            "documents": [d.to_json() for d in self.documents],
            "suggestions": list(self.suggestions),
            "notes": list(self.notes),
        }
