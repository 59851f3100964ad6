"""The synthetic corpus: deterministic, 1 + copies times larger, the real articles untouched."""

from __future__ import annotations

from bench.synthetic import synthetic_corpus
from corpus.model import Corpus


def _available(corpus: Corpus) -> int:
    return sum(1 for a in corpus.articles() if a.available)


def test_synthetic_corpus_grows_by_copies(corpus: Corpus) -> None:
    grown = synthetic_corpus(corpus, copies=2)

    assert len(grown.instruments) == 3 * len(corpus.instruments)
    assert _available(grown) == 3 * _available(corpus)


def test_synthetic_corpus_keeps_real_articles(corpus: Corpus) -> None:
    grown = synthetic_corpus(corpus, copies=1)

    assert grown.article("ets185", "29") == corpus.article("ets185", "29")
    assert corpus.instruments.keys() <= grown.instruments.keys()


def test_synthetic_corpus_is_deterministic_per_seed(corpus: Corpus) -> None:
    first = synthetic_corpus(corpus, copies=1, seed=7)
    again = synthetic_corpus(corpus, copies=1, seed=7)
    other = synthetic_corpus(corpus, copies=1, seed=8)

    new_ids = sorted(set(first.instruments) - set(corpus.instruments))
    assert [first.instruments[i] for i in new_ids] == [again.instruments[i] for i in new_ids]
    assert [first.instruments[i] for i in new_ids] != [other.instruments[i] for i in new_ids]


def test_synthetic_instruments_have_new_ids_and_no_aliases(corpus: Corpus) -> None:
    grown = synthetic_corpus(corpus, copies=1)

    made = [grown.instruments[i] for i in set(grown.instruments) - set(corpus.instruments)]
    assert len(made) == len(corpus.instruments)
    assert all(i.id.startswith("syn001") and i.aliases == () for i in made)
    assert all(a.instrument == i.id for i in made for a in i.articles)
