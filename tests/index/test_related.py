"""Related articles come from cross-references and likeness, not from lists of offences."""

from __future__ import annotations

from corpus.model import Corpus
from index.related import RelatedArticles


def numbers(corpus: Corpus, instrument: str, number: str) -> list[str]:
    article = corpus.article(instrument, number)
    assert article is not None
    return [f"{r.instrument}:{r.article}" for r in RelatedArticles(corpus).of(article, limit=5)]


def test_article_29_relates_to_preservation_disclosure_and_the_network(corpus: Corpus) -> None:
    found = numbers(corpus, "ets185", "29")
    assert {"ets185:30", "ets185:31", "ets185:35", "ets185:16"} <= set(found)
    assert not {f"ets185:{n}" for n in range(2, 12)} & set(found)


def test_safeguards_relate_to_the_powers_they_govern(corpus: Corpus) -> None:
    assert set(numbers(corpus, "ets185", "15")) <= {f"ets185:{n}" for n in range(14, 22)}


def test_an_article_is_never_related_to_itself(corpus: Corpus) -> None:
    related = RelatedArticles(corpus)
    for article in corpus.articles():
        assert article.ref not in related.of(article)
