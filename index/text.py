"""Word splitting shared by indexing and querying, so both sides see the same words.

Hyphens and apostrophes inside words are dropped ("co-operation" -> "cooperation",
"trans-border" -> "transborder"), because the treaties and the people asking spell such
compounds both ways.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter, Token
from whoosh.lang.porter2 import stem

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")  # a year a question names: "Octopus 2013"
# A room a question names, "Room 4", "salle A", "sala 2", "зал 3": its word, then its name
ROOM_WORD = r"(?:room|salle|sala|зал)"
ROOM = re.compile(rf"\b{ROOM_WORD}\s*([\w-]+)", re.IGNORECASE)
# The calendar's names, in English: what a day asked is called, never what is asked about
MONTHS = (
    "january february march april may june july august september october november december"
).split()
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

STOP_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).with_name("stopwords.txt")).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def fold(text: str) -> str:
    """Unicode-normalise and lower-case: full-width letters, ligatures and accents folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def join_compound(word: str) -> str:
    word = re.sub(r"['’]s$", "", word)
    return word.replace("-", "").replace("'", "").replace("’", "")


def words(text: str) -> list[str]:
    """All words of ``text``, folded and with compounds joined."""
    return [join_compound(match.group()) for match in WORD.finditer(fold(text))]


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOP_WORDS]


class CompoundFilter(Filter):  # type: ignore[misc]
    """Whoosh filter doing what :func:`join_compound` does, for the index side."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = join_compound(fold(token.text))
            if token.text:
                yield token


def analyzer() -> object:
    """The analyzer of every text field: same words as :func:`words`, Porter2-stemmed."""
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | CompoundFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | StemFilter(stemfn=stem, cachesize=50000)
    )


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    return str(stem(word))


@lru_cache(maxsize=65536)
def stem_token(token: str) -> str:
    """Stem a raw token as it appears in text (folded and with compounds joined first)."""
    return stem_word(join_compound(fold(token)))


@cache
def passage_stems(text: str) -> frozenset[str]:
    """The word stems of a passage or paragraph of the corpus (a bounded set of texts, each
    read once)."""
    return frozenset(stem_token(m.group()) for m in WORD.finditer(text.lower()))


def corrected(text: str, corrections: dict[str, str]) -> str:
    """``text`` with each corrected word replaced (``AnalysedQuery.corrections``)."""
    if not corrections:
        return text
    return WORD.sub(lambda m: corrections.get(m.group().lower(), m.group()), text)
