"""The FTS5 baseline: safe query building and bm25 ranking over a tiny corpus."""

from __future__ import annotations

from bench.fts5_baseline import Fts5Baseline, match_query
from corpus.model import Article, Corpus, Instrument, Paragraph


def _article(number: str, title: str, text: str, *, available: bool = True) -> Article:
    return Article("ets185", number, title, (Paragraph(None, text),), text, available)


def _corpus() -> Corpus:
    articles = (
        _article("2", "Illegal access", "access to the whole or any part of a computer system"),
        _article("16", "Expedited preservation", "preservation of stored computer data"),
        _article("99", "Hidden", "preservation preservation preservation", available=False),
    )
    budapest = Instrument(
        "ets185", "Convention on Cybercrime", "Budapest", "185", 2001, (), "", articles
    )
    return Corpus(instruments={"ets185": budapest})


def test_match_query_quotes_each_word_once() -> None:
    assert (
        match_query('Art. 29 "OR" NEAR(data* -x)  data')
        == '"art" OR "29" OR "or" OR "near" OR "data" OR "x"'
    )


def test_match_query_without_words_is_empty() -> None:
    assert match_query("?! ...") == ""


def test_baseline_ranks_the_matching_article_first() -> None:
    baseline = Fts5Baseline(_corpus())

    try:
        assert baseline.search("how long is data preserved") == ("ets185:16",)
        assert baseline.search("illegal access to a computer") == ("ets185:2", "ets185:16")
    finally:
        baseline.close()


def test_baseline_abstains_only_without_any_matching_word() -> None:
    baseline = Fts5Baseline(_corpus())

    try:
        assert baseline.reply("pizza near the venue").abstained is False
        assert baseline.reply("pizza tonight").abstained is True
    finally:
        baseline.close()
