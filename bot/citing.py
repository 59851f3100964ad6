"""What a bare argument cites: "/article 29(3)", "/article lanzarote 23", inline "@bot 29"."""

from __future__ import annotations

import re

from corpus.model import Corpus
from index.citations import DEFAULT_INSTRUMENT


def as_citation(argument: str, corpus: Corpus) -> str:
    """``argument`` as the ask service reads a citation: "29(3)" -> "article 29(3)" (an
    argument already naming an article is left as it is)."""
    if re.search(r"art", argument, re.I) or _GLUED_ID.search(argument):
        return argument  # "ETS30-3" too: the citation parser reads an id glued to a number
    dated = _YEAR_THEN_ARTICLE.match(argument)  # "/article 1959 2": the 1959 Convention's
    instrument = corpus.instrument(dated.group("year")) if dated else None
    if dated and instrument is not None:
        return f"{instrument.id} article {dated.group('article')}"
    default = corpus.instruments.get(DEFAULT_INSTRUMENT)
    return _cited(argument, len(default.articles) if default else 0)


def _cited(argument: str, default_articles: int) -> str:
    """ "/article lanzarote 23" -> "lanzarote article 23"; "/article 29(3)" -> "article 29(3)";
    "/article ETS 182 7" -> "ETS 182 article 7"; "/article 108 5" -> "ETS 108 article 5" (a
    first number above any article of the default instrument, the Budapest Convention's
    ``default_articles``, is an instrument's)."""
    numbered = _INSTRUMENT_THEN_ARTICLE.match(argument)
    if numbered is not None:
        instrument = numbered.group("instrument")
        if instrument.isdigit():
            if int(instrument) <= default_articles:
                return f"article {argument.strip()}"
            instrument = f"ETS {instrument}"
        return f"{instrument} article {numbered.group('article')}"
    match = re.search(r"-?\d", argument)  # "/article -1" cites Article -1, which is none
    if match is None:  # "twenty-nine": a number word reads after "article"
        return f"article {argument.strip()}"
    return f"{argument[: match.start()]} article {argument[match.start() :]}"


_GLUED_ID = re.compile(r"\bc?ets\s*\d{2,3}[-/]\d", re.IGNORECASE)
_YEAR_THEN_ARTICLE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s+(?P<article>\d{1,3}\b.*)$")
# "ETS 182 7", "cets 201 23(2)", "108 5": an instrument id or number, then the article
_INSTRUMENT_THEN_ARTICLE = re.compile(
    r"^\s*(?P<instrument>(?:c?ets\s*(?:no\.?\s*)?)?\d{2,3})\s+(?P<article>\d{1,3}\b.*)$",
    re.IGNORECASE,
)
