"""The citation parser on the ways practitioners write article references."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.model import ArticleRef, Corpus, Instrument
from index.citations import parse_citations


def _instrument(identifier: str, short: str, aliases: tuple[str, ...]) -> Instrument:
    return Instrument(identifier, short, short, "", None, aliases, "", ())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    instruments = [
        _instrument(
            "ets185", "Budapest Convention", ("Budapest Convention", "Budapest", "ETS 185")
        ),
        _instrument("cets201", "Lanzarote Convention", ("Lanzarote Convention", "Lanzarote")),
        _instrument("ets108", "Convention 108", ("Convention 108", "ETS 108")),
    ]
    return Corpus({i.id: i for i in instruments})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Art. 32", ArticleRef("ets185", "32")),
        ("article 29(3)", ArticleRef("ets185", "29", "3")),
        ("art 29 para 3", ArticleRef("ets185", "29", "3")),
        ("Article 6 1.a.ii", ArticleRef("ets185", "6", "1", ("a", "ii"))),
        ("Article 6, paragraph 1.a.ii", ArticleRef("ets185", "6", "1", ("a", "ii"))),
        ("art. 6(1)(a)(ii)", ArticleRef("ets185", "6", "1", ("a", "ii"))),
        ("Art 35 Budapest", ArticleRef("ets185", "35")),
        ("Lanzarote art 23", ArticleRef("cets201", "23")),
        ("ETS 185 article 16", ArticleRef("ets185", "16")),
        ("Convention 108 art. 12", ArticleRef("ets108", "12")),
        ("art 29(3) budapest", ArticleRef("ets185", "29", "3")),
        ("what does article 2 say?", ArticleRef("ets185", "2")),
        ("ARTICLE 9", ArticleRef("ets185", "9")),
        ("article29", ArticleRef("ets185", "29")),
    ],
)
def test_parse_citations_reads_practitioner_forms(
    corpus: Corpus, text: str, expected: ArticleRef
) -> None:
    assert [c.ref for c in parse_citations(text, corpus)][:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "how long can data be preserved?",
        "artificial intelligence",
        "art -1",
        "the 24/7 network",
        "",
    ],
)
def test_parse_citations_ignores_text_without_citation(corpus: Corpus, text: str) -> None:
    assert parse_citations(text, corpus) == []


def test_parse_citations_marks_named_instrument(corpus: Corpus) -> None:
    assert [c.named for c in parse_citations("Lanzarote art 23", corpus)] == [True]
    assert [c.named for c in parse_citations("art 23", corpus)] == [False]


def test_parse_citations_lists_several_articles(corpus: Corpus) -> None:
    refs = [c.ref.article for c in parse_citations("article 29 and article 30", corpus)]
    assert refs == ["29", "30"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_parse_citations_never_raises(text: str) -> None:
    corpus = Corpus({"ets185": _instrument("ets185", "Budapest Convention", ("Budapest",))})
    for citation in parse_citations(text, corpus):
        assert citation.ref.instrument == "ets185"
