"""Where a message turns from its opening to what it asks: "About Article 35: is there a
shuttle bus to the venue?", "Article 29 requires 60 days. Anyway, who chaired the Tokyo
workshop?", "art 24 budapest, and also what's the euro to dollar rate?". What follows a turn
is asked on its own, so that an opening citing an article does not answer it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text import stem_word

# Where a message turns to what it asks after an opening: "About Article 35 and the 24/7
# network: is there a shuttle bus to the venue?", "Regarding Article 29... actually, what time
# does registration open?"
_TURN = re.compile(
    r"(?:[:;]\s+|\.\.\.+\s*|…\s*|\s[-–—]+\s+|\b(?:actually|never\s*mind|anyway|by the way|btw"
    r"|unrelated|off[- ]topic|on another note|another question|en fait|au fait|por cierto"
    r"|a prop[oó]sito|aliás|кстати)\b[,:]?\s*)",
    re.IGNORECASE,
)
# What joins a citation to the rest of a message: "art 24, and also what's the rate?"
_ALSO = re.compile(r"^[\s,;:.!?-]*(?:(?:and|also|then|plus|but)\b[\s,]*)*", re.IGNORECASE)
# A change of subject, in any of the five languages, followed by what is asked instead
_CHANGE_OF_SUBJECT = re.compile(
    r"\b(?:anyway|by\s+the\s+way|btw|unrelated(?:\s+question)?|off[- ]topic|on\s+another\s+note"
    r"|another\s+question|side\s+question|different\s+question|changing\s+the\s+subject"
    r"|au\s+fait|bref|autre\s+question|autre\s+chose|sans\s+rapport|por\s+cierto"
    r"|a\s+prop[oó]sito|cambiando\s+de\s+tema|otra\s+pregunta|otra\s+cosa|mudando\s+de\s+assunto"
    r"|ali[aá]s|outra\s+pergunta|outra\s+coisa|кстати|другой\s+вопрос|не\s+по\s+теме)"
    r"\s*[,:;!–—-]\s*",
    re.IGNORECASE,
)
# words by which a question points back at what came before it
_POINTS_BACK = frozenset(
    "it its this that these those such they them their there he she his her same".split()
    # in French, Spanish, Portuguese and Russian ("combien de temps dure-t-elle ?"), not the
    # articles that are pronouns too ("la", "le", "los")
    + "il elle ils elles ce cet cette ces cela ça celui celle ceux".split()
    + "ello eso esto esa ese este esta estos estas esos esas él ella".split()
    + "ele ela eles elas isso isto esse essa nisso disso nele nela dele dela".split()
    + "он она оно они его её ее их это этот эта эти этого такой такая такие таких тот той".split()
)
STANDS_ALONE_WORDS = 6
FOREIGN_ALONE_WORDS = 5  # a foreign question after a sentence citing an article
TURNED_WORDS = 3  # what follows a turn is asked alone from this many words
STORY_SENTENCES = 3  # a message of this many sentences or more tells a story
_SENTENCE_BREAK = re.compile(r"(?<=[.!])\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ¿¡])")
# in the five languages: "Article 2 ...", "El artículo 8 del Convenio ...", "Статья 18 ..."
_CITES_AN_ARTICLE = re.compile(
    r"\b(?:article|art\.?|art[íi]culo|artigo|стать[яеию])\s*\d"
    r"|\b(?:convention|protocol|protocole|convenio|protocolo|conven[çc][ãa]o|конвенци\w*"
    r"|протокол\w*)\b|\b(?:c?ets|stce)\s*\d",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Turn:
    """A message cut where it turns: its ``opening`` and what it then ``asks``;
    ``after_a_sentence`` when the turn is only a sentence break after sentences citing an
    article (no colon, dash or "actually")."""

    opening: str
    asks: str
    after_a_sentence: bool


def change_of_subject(text: str) -> str | None:
    """What a message asks after its last change of subject ("Anyway, ...", "Au fait, ...",
    "Mudando de assunto: ..."), in any of the five languages; None without one."""
    changes = list(_CHANGE_OF_SUBJECT.finditer(text))
    return text[changes[-1].end() :] if changes else None


def last_turn(text: str, *, sentences_only: bool = False) -> Turn | None:
    """Where a message last turns from its opening; None when it does not. With
    ``sentences_only``, only a question after sentences citing an article is a turn."""
    turns = [] if sentences_only else list(_TURN.finditer(text))
    after_a_sentence = not turns
    turns = turns or _after_a_cited_article(text)
    if not turns:
        return None
    last = turns[-1]
    return Turn(text[: last.start()], text[last.end() :].strip(), after_a_sentence)


def asked_besides(rest: str) -> str:
    """What a message asks besides the articles it cites (``rest``, the message without its
    citations): after the last comma when that says enough, as "budapest, and also ..."
    leaves the treaty's name, without the words joining it ("and also")."""
    last = re.split(r"[,;:]", rest)[-1]  # "artigo 16 Budapeste: qual é o melhor hotel?"
    asked = last if len(last.split()) >= TURNED_WORDS else rest
    return _ALSO.sub("", asked)


def stands_alone(asked: str, opening: str, least: int = STANDS_ALONE_WORDS) -> bool:
    """Whether a question after an opening sentence is a question of its own: long enough to
    say what it asks, pointing back at nothing ("how long does it last?", "that year"), and
    sharing no word with the opening ("... 60 days. Can the preservation be renewed?")."""
    words = [w.casefold() for w in re.findall(r"[\w'-]+", asked)]
    if len(words) < least or points_back(asked):
        return False
    opened = {stem_word(w) for w in re.findall(r"[\w'-]{4,}", opening.casefold())}
    return not opened.intersection(stem_word(w) for w in words if len(w) >= 4)


def _after_a_cited_article(text: str) -> list[re.Match[str]]:
    """Where a message's last sentence, a question, begins after sentences that cite an
    article; else nothing."""
    ends = list(_SENTENCE_BREAK.finditer(text))
    if not ends or not text.rstrip().endswith("?"):
        return []
    return ends[-1:] if _CITES_AN_ARTICLE.search(text[: ends[-1].start()]) else []


def closing_question(text: str) -> str | None:
    """The question a message of several sentences ends with ("... The FIU froze part of
    it. How much of the loss does the bank's cyber insurance usually cover?"); None when the
    message is one sentence or does not end with a question."""
    ends = list(_SENTENCE_BREAK.finditer(text))
    if len(ends) < STORY_SENTENCES - 1 or not text.rstrip().endswith("?"):
        return None
    return text[ends[-1].end() :].strip()


def points_back(asked: str) -> bool:
    """Whether ``asked`` says a word pointing back at what came before it."""
    words = [w.casefold() for w in re.findall(r"[\w'-]+", asked)]
    parts = {part for w in words for part in w.split("-")}  # "dure-t-elle" points back
    return bool(_POINTS_BACK & parts)
