"""FAQ matching: confident answers, near-miss choices, silence on questions no entry answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.model import ArticleRef
from faq.entries import FaqEntry, load_entries
from faq.matcher import MAX_CHOICES, FaqMatcher, faq_words, hit_for
from index.answer import FaqHit, FaqMatch
from index.weights import default_weights

ENTRIES = Path(__file__).resolve().parents[2] / "faq" / "entries"


@pytest.fixture(scope="module")
def faq() -> FaqMatcher:
    return FaqMatcher.load(ENTRIES)


def best_id(faq: FaqMatcher, question: str) -> str | None:
    best = faq.match(question).best
    return best.id if best else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the 24/7 network?", "what-is-247"),
        ("How does a country join the Budapest Convention?", "join-budapest"),
        ("Who can use the 24/7 network?", "who-can-use-247"),
        ("Which articles apply to ransomware?", "ransomware"),
    ],
)
def test_match_answers_a_canonical_question(faq: FaqMatcher, question: str, expected: str) -> None:
    assert best_id(faq, question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("wat is the octopus conferance", "octopus"),
        ("how dose a contry join the budapest convension", "join-budapest"),
        ("is dual criminalty required", "dual-criminality"),
        # the entry on requests without a treaty had answered (walkthrough 31)
        (
            "can i send a mutual legal asistance request by email in urgent cases?",
            "mla-urgent-means",
        ),
    ],
)
def test_match_forgives_misspellings(faq: FaqMatcher, question: str, expected: str) -> None:
    assert best_id(faq, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "what does article 2 say",
        "illegal interception",
        "what is illegal access",
        "what is the capital of hungary",
        "where is the toilet",
        "",
        "the of and",
    ],
)
def test_match_stays_silent_when_no_entry_answers(faq: FaqMatcher, question: str) -> None:
    assert faq.match(question).best is None


def test_match_answers_how_long_preservation_lasts_because_an_entry_does(faq: FaqMatcher) -> None:
    assert best_id(faq, "how long can data be preserved") == "preservation-duration"


def test_match_returns_the_entry_as_a_hit(faq: FaqMatcher) -> None:
    best = faq.match("What is the T-CY?").best
    assert best is not None
    assert (best.id, best.question) == ("what-is-tcy", "What is the T-CY?")
    assert best.articles == (ArticleRef("ets185", "46"), ArticleRef("ets185", "31"))
    assert best.score >= default_weights().faq.confident


def test_match_offers_close_entries_as_choices_when_unsure(faq: FaqMatcher) -> None:
    match = faq.match("who can send request to the 24/7 point of contact")
    ids = {c.id for c in match.choices}
    if match.best is not None:
        ids.add(match.best.id)
    assert {"what-is-247", "who-can-use-247"} <= ids
    assert len(match.choices) <= MAX_CHOICES
    assert all(c.score >= default_weights().faq.near for c in match.choices)


def test_match_needs_a_margin_over_the_runner_up() -> None:
    twins = [
        FaqEntry("first", ("what is the octopus conference",), "One.", path="x", line=1),
        FaqEntry("second", ("what is the octopus conference",), "Two.", path="x", line=5),
    ]
    match = FaqMatcher(twins).match("what is the octopus conference")
    assert match.best is None
    assert [c.id for c in match.choices] == ["first", "second"]


def test_scores_rank_every_entry_best_first(faq: FaqMatcher) -> None:
    ranked = faq.scores("What is GLACY?")
    assert ranked[0][0].id == "glacy"
    assert len(ranked) == len(faq.entries)
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)


def test_scores_are_empty_for_stop_words_only(faq: FaqMatcher) -> None:
    assert faq.scores("is it the") == []


def test_match_of_an_empty_faq_is_empty() -> None:
    assert FaqMatcher([]).match("What is the T-CY?") == FaqMatch()


def test_faq_words_keep_question_words() -> None:
    assert faq_words("Who can use the 24/7 network?") == ["who", "can", "use", "24", "7", "network"]


def test_entry_finds_an_entry_by_id(faq: FaqMatcher) -> None:
    entry = faq.entry("glacy")
    assert entry is not None and entry.questions[0] == "What is GLACY?"
    assert faq.entry("gone-after-reload") is None


def test_hit_for_carries_the_canonical_question_and_articles() -> None:
    [entry] = [e for e in load_entries(ENTRIES) if e.id == "extradition"]
    assert hit_for(entry) == FaqHit(
        id="extradition",
        question="Are cybercrime offences extraditable?",
        answer=entry.answer,
        articles=(ArticleRef("ets185", "24"),),
        score=100.0,
    )
