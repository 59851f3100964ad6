"""Shared fixtures: the real corpus and a search index built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services import Services
from corpus.model import Corpus
from corpus.store import load_corpus
from index.ask import AskService
from index.search import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
THESAURUS = ROOT / "index" / "thesaurus.yaml"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(ROOT / "corpus")


@pytest.fixture(scope="session")
def search_index(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return SearchIndex.build(corpus, tmp_path_factory.mktemp("index") / "index", THESAURUS)


@pytest.fixture(scope="session")
def ask_service(corpus: Corpus, search_index: SearchIndex) -> AskService:
    return AskService(corpus, search_index)


def release(services: Services) -> None:
    """Close what a test's services own, not the session's shared index: a bookkeeping thread
    left retrying into a test's database outlives the test."""
    services.bookkeeping.close()
    if services.unanswered is not None:
        services.unanswered.close()
    if services.database is not None:
        services.database.close()
