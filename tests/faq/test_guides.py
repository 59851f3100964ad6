"""Practitioner guides: marked as project guides, indexed as documents, citing real articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from corpus.model import Corpus
from index.citations import parse_citations

GUIDES = Path(__file__).resolve().parents[2] / "corpus" / "guides"
TOPICS = {
    "botnets",
    "ddos",
    "identity-theft-phishing",
    "malware",
    "ransomware",
    "spam",
    "critical-infrastructure",
    "child-sexual-exploitation",
    "transborder-access",
    "production-orders",
    "election-interference",
}
FIRST_LINE = "Project guide written by workshop-bot's authors, not official treaty text."
ALL_GUIDES = sorted(p.stem for p in GUIDES.glob("*.md"))


def front_matter(path: Path) -> tuple[dict[str, object], str]:
    _, meta, body = path.read_text(encoding="utf-8").split("---\n", 2)
    loaded = yaml.safe_load(meta)
    assert isinstance(loaded, dict)
    return loaded, body


def test_every_topic_of_the_issue_has_a_guide() -> None:
    assert set(ALL_GUIDES) >= TOPICS


@pytest.mark.parametrize("name", ALL_GUIDES)
def test_guide_is_marked_unofficial_and_says_so_first(name: str) -> None:
    meta, body = front_matter(GUIDES / f"{name}.md")
    assert (meta["kind"], meta["official"]) == ("guide", False)
    assert body.splitlines()[0] == FIRST_LINE


@pytest.mark.parametrize("name", ALL_GUIDES)
def test_guide_articles_exist_and_match_the_list_in_its_text(name: str, corpus: Corpus) -> None:
    meta, body = front_matter(GUIDES / f"{name}.md")
    listed = meta["articles"]
    assert isinstance(listed, list)
    known = {f"{a.instrument}:{a.number}" for a in corpus.articles()}
    assert set(listed) <= known
    cited = {
        f"{c.ref.instrument}:{c.ref.article}"
        for line in body.splitlines()
        if line.startswith("- ")
        for c in parse_citations(line[:200], corpus)  # as the ranker reads a guide's lines
    }
    assert cited == set(listed)


def test_guides_load_as_corpus_documents(corpus: Corpus) -> None:
    guides = {d.id: d for d in corpus.documents.values() if d.kind == "guide"}
    assert set(guides) == set(ALL_GUIDES)
    assert not any(d.official for d in guides.values())
