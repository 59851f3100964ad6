"""The composition root: every domain service built once, from settings, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from corpus.model import Corpus
from corpus.store import load_corpus
from faq.matcher import FaqMatcher
from index.ask import AskService
from index.search import SearchIndex


@dataclass(slots=True)
class Services:
    settings: Settings
    corpus: Corpus
    search: SearchIndex
    ask: AskService
    faq: FaqMatcher | None = None

    def close(self) -> None:
        self.search.close()


def build_services(settings: Settings) -> Services:
    """Load the corpus, open (or rebuild) the index and wire the ask service."""
    corpus = load_corpus(settings.corpus_dir)
    search = SearchIndex.open(corpus, settings.index_dir, settings.thesaurus)
    known = {(a.instrument, a.number) for a in corpus.articles()}
    faq = FaqMatcher.load(settings.faq_dir, known)
    ask = AskService(corpus, search, faq=faq)
    return Services(settings=settings, corpus=corpus, search=search, ask=ask, faq=faq)
