"""Fixtures of the corpus room: the real sources, imported once into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.importer import import_treaty_file
from corpus.model import Corpus
from corpus.store import load_corpus

SOURCES = Path(__file__).resolve().parents[2] / "corpus" / "sources"
COUNTS = {
    "ets185": 48,
    "ets189": 16,
    "cets201": 50,
    "ets108": 27,
    "ets181": 3,
    "ets030": 30,
    "ets099": 12,
    "ets182": 35,
}


@pytest.fixture(scope="session")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The eight source files imported afresh and loaded back from their JSON."""
    out = tmp_path_factory.mktemp("imported")
    for path in sorted(SOURCES.glob("*.en.md")):
        import_treaty_file(path, out / "treaties")
    return load_corpus(out)
