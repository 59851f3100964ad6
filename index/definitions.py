"""Terms the treaties define ("“traffic data” means ..."), so "what is traffic data?" finds them."""

from __future__ import annotations

import re

from corpus.model import ArticleRef, Corpus
from index.text import words

_DEFINED = re.compile(r"[“\"]([^”\"]{2,80})[”\"]\s+(?:shall\s+)?(?:means?|includes?)\b")
_ASKS_DEFINITION = re.compile(
    r"^\s*(?:what\s+(?:is|are|does|do)\b|what'?s\b|whats\b|define\b|definition\b|meaning\b"
    r"|who\s+is\b|who\s+are\b)|\b(?:mean|means|meaning|meant|definition|defined|define"
    r"|counts?\s+as|considered)\b",
    re.IGNORECASE,
)

# A question for a definition in French, Spanish, Portuguese or Russian.
_ASKS_DEFINITION_ABROAD = re.compile(
    r"\bqu['’ ]?est[- ]ce\s+qu|\bque\s+sont\b|\bd[ée]fini\w*|\bconsid[ée]r\w*\s+comme\b"
    r"|\bentend\w*\s+par\b"
    r"|\bqu[ée]\s+(?:es|son)\b|\bdefin\w*|\bse\s+consideran?\b|\bse\s+entiende\s+por\b"
    r"|\bo\s+que\s+(?:é|e|são|sao)\b|\bdefini[çc][ãa]o\b|\bconsidera(?:m)?-se\b"
    r"|что\s+(?:такое|значит|означает|понимается)|определени\w*|определя\w*|считаю\w*",
    re.IGNORECASE,
)


def asks_definition_abroad(question: str) -> bool:
    """Whether a question in French, Spanish, Portuguese or Russian asks what a term means."""
    return bool(_ASKS_DEFINITION_ABROAD.search(question))


class Definitions:
    def __init__(self, corpus: Corpus) -> None:
        self.terms: dict[tuple[str, ...], list[ArticleRef]] = {}
        for article in corpus.articles():
            for match in _DEFINED.finditer(article.text):
                term = tuple(words(match.group(1)))
                key = article.ref
                if term and key not in self.terms.setdefault(term, []):
                    self.terms[term].append(key)

    def defining(
        self, question: str, readings: list[list[str]] | None = None
    ) -> dict[ArticleRef, tuple[str, ...]]:
        """Articles defining a term the question asks the meaning of, with that term.

        ``readings`` are other word lists to look for terms in: the question with its spelling
        corrected, and the treaty phrases the thesaurus maps it to ("ISP" -> "service provider").
        """
        if not _ASKS_DEFINITION.search(question):
            return {}
        candidates = [words(question), *(readings or [])]
        found: dict[ArticleRef, tuple[str, ...]] = {}
        for term, keys in self.terms.items():
            if any(contains(asked, term) for asked in candidates):
                for key in keys:
                    if len(term) > len(found.get(key, ())):
                        found[key] = term
        return found


def contains(sequence: list[str], part: tuple[str, ...]) -> bool:
    size = len(part)
    return any(tuple(sequence[i : i + size]) == part for i in range(len(sequence) - size + 1))
