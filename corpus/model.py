"""The corpus model: instruments, their structure and articles, with exact text.

Everything here is plain, immutable data. Text is kept exactly as the authentic source gives
it (only Markdown markup is removed and whitespace runs are collapsed), so a contact point can
quote it to a foreign authority.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """A pointer to an article (and optionally a paragraph and item path) of an instrument."""

    instrument: str
    article: str
    paragraph: str | None = None
    items: tuple[str, ...] = ()

    def label(self) -> str:
        """Human citation such as ``Article 29(3)`` or ``Article 6(1)(a)(ii)``."""
        text = f"Article {self.article}"
        if self.paragraph:
            text += f"({self.paragraph})"
        for item in self.items:
            text += f"({item})"
        return text


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A pointer to an organiser document or guide of ``Corpus.documents``."""

    id: str


# What search ranks and quotes: an article (paragraph and items unset) or a document.
PassageKey = ArticleRef | DocumentRef

_DOCUMENT_PREFIX = "doc:"


def key_text(key: PassageKey) -> str:
    """The string form of a key, for files and output: "ets185:29" or "doc:<id>"."""
    if isinstance(key, DocumentRef):
        return f"{_DOCUMENT_PREFIX}{key.id}"
    return f"{key.instrument}:{key.article}"


def parse_key(text: str) -> PassageKey:
    """The key written ``text`` ("ets185:29", "doc:<id>"); ValueError when it is neither."""
    if text.startswith(_DOCUMENT_PREFIX) and len(text) > len(_DOCUMENT_PREFIX):
        return DocumentRef(text.removeprefix(_DOCUMENT_PREFIX))
    instrument, colon, article = text.partition(":")
    if not (instrument and colon and article):
        raise ValueError(f"not an article key (instrument:article) nor doc:<id>: {text!r}")
    return ArticleRef(instrument, article)


@dataclass(frozen=True, slots=True)
class Item:
    """A lettered ``a)`` or roman ``(i)`` item, possibly holding sub-items."""

    label: str
    text: str
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph (``number`` is ``None`` for an article without numbering)."""

    number: str | None
    text: str
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Division:
    """A chapter, section or title heading that groups articles."""

    kind: str  # "chapter" | "section" | "title"
    number: str  # as written: "II", "1"
    heading: str | None  # the #### line after it, when the source has one


@dataclass(frozen=True, slots=True)
class Article:
    """One article. ``text`` is the exact plain text, paragraphs separated by blank lines."""

    instrument: str
    number: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    text: str
    available: bool = True
    divisions: tuple[Division, ...] = ()
    references: tuple[ArticleRef, ...] = ()

    @property
    def ref(self) -> ArticleRef:
        return ArticleRef(self.instrument, self.number)

    @property
    def sort_key(self) -> tuple[int, str]:
        digits = "".join(ch for ch in self.number if ch.isdigit())
        return (int(digits) if digits else 0, self.number)

    def paragraph(self, number: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.number == number), None)


@dataclass(frozen=True, slots=True)
class Instrument:
    """A treaty (or an organiser's document set) with its articles in source order."""

    id: str  # "ets185"
    title: str  # full title
    short_title: str  # "Budapest Convention"
    number: str  # "ETS No. 185"
    year: int | None
    aliases: tuple[str, ...]  # names people use: "budapest", "ets 185", "cybercrime convention"
    preamble: str
    articles: tuple[Article, ...]
    source: str = ""  # where the text comes from
    closing: str = ""  # the "IN WITNESS WHEREOF ... DONE at ..." formula
    parent: str | None = None  # the convention a protocol supplements: "the Convention"

    def article(self, number: str) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


@dataclass(frozen=True, slots=True)
class Document:
    """An organiser's or project document (guide, note) from ``corpus/`` Markdown files."""

    id: str
    title: str
    kind: str  # "guide" | "note" | ...
    body: str
    tags: tuple[str, ...] = ()
    articles: tuple[ArticleRef, ...] = ()
    official: bool = False
    path: str = ""
    date: str = ""  # when its facts were true ("2014-08-11", "2013"): answers say "as of"
    source: str = ""  # where it comes from: an event, a report, a URL

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else ""


@dataclass(slots=True)
class Corpus:
    """All instruments and documents, with lookups by id and by the names people use."""

    instruments: dict[str, Instrument] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    def instrument(self, name: str) -> Instrument | None:
        """Find an instrument by id (``ets185``) or any alias, case-insensitively."""
        exact = self.instruments.get(name)
        if exact is not None:
            return exact  # the common case, by id: no name normalising
        key = normalise_name(name)
        for instrument in self.instruments.values():
            if key == instrument.id or key in {normalise_name(a) for a in instrument.aliases}:
                return instrument
            if _UNPADDED.sub("", key) == _UNPADDED.sub("", instrument.id):
                return instrument  # "ets99", "ets30": the id without its leading zeros
            if key.isdigit() and key.lstrip("0") == _DIGITS.sub("", instrument.id).lstrip("0"):
                return instrument  # named by its number alone: "108", "185"
        # named by its year, when no other bears it: "1959" is the MLA Convention; 2001 is
        # Budapest's, its racism protocol's and the MLA Convention's second protocol's
        dated = [i for i in self.instruments.values() if key.isdigit() and i.year == int(key)]
        return dated[0] if len(dated) == 1 and len(key) == 4 else None

    def article(self, instrument: str, number: str) -> Article | None:
        found = self.instrument(instrument)
        return found.article(number) if found else None

    def articles(self) -> list[Article]:
        return [a for i in self.instruments.values() for a in i.articles]


_UNPADDED = re.compile(r"(?<=[a-z])0+(?=\d)")
_DIGITS = re.compile(r"\D")


def _unaccented(ch: str) -> str:
    """A Latin letter without its accents ("é" -> "e"); other letters as they are ("й")."""
    if ch.isascii() or not "\u00c0" <= ch <= "\u024f":
        return ch
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def unaccented_letters(text: str) -> str:
    """``text`` with its Latin letters' accents dropped, one character for each, so that a
    position in it is one in ``text`` ("règlement" -> "reglement")."""
    return "".join(_unaccented(ch)[:1] or ch for ch in text)


def normalise_name(name: str) -> str:
    """Lower-case, drop punctuation and accents and collapse spaces: ``E.T.S. No 185`` ->
    ``ets no 185``, "Convention européenne d'entraide" -> "convention europeenne d entraide"
    (typed on a phone with or without accents)."""
    undotted = re.sub(r"(?<=\w)\.(?=\w)|(?<=\b\w)\.", "", name)  # "E.T.S." -> "ETS"
    bare = "".join(_unaccented(ch) for ch in undotted)
    cleaned = "".join(ch.lower() if ch.isalnum() else " " for ch in bare)
    return " ".join(cleaned.split())


_HEADING_MARK = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")


def readable(markdown: str) -> str:
    """Markdown as a reader sees it, for quoting on a phone or a console: heading marks,
    strong emphasis and escapes dropped ("# **Why capacity building?**" is "Why capacity
    building?", "US\\$ 110 billion" is "US$ 110 billion", a link its text and address); list
    dashes and line breaks stay."""
    plain = _HEADING_MARK.sub("", markdown).replace("**", "").replace("__", "")
    plain = _LINK.sub(_link_text, plain)
    return _ESCAPED.sub(r"\1", plain)


def _link_text(link: re.Match[str]) -> str:
    """A link as read: its text, and its address unless the text is the address."""
    text, address = link[1], link[2]
    bare = re.sub(r"^(?:mailto:|https?://)", "", address)
    return text if bare.casefold() == text.casefold() else f"{text} ({address})"
