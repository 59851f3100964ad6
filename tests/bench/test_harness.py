"""Metrics of the bench harness on small hand-made examples."""

from __future__ import annotations

import math

from bench.harness import (
    Outcome,
    Question,
    Reply,
    hit_rate,
    latency,
    mean_reciprocal_rank,
    misses,
    percentile,
    quality,
    rank_of,
    run_questions,
)

PRESERVE = Question("how long can data be preserved", "plain", ("ets185:16", "ets185:29"))
HACKING = Question("hacking", "lay", ("ets185:2",))
GROOMING = Question("grooming", "lay", ("cets201:23",))
WEATHER = Question("weather in Strasbourg", "offtopic", ())
JOKE = Question("tell me a joke", "offtopic", ())


def _outcome(question: Question, *articles: str) -> Outcome:
    return Outcome(question, Reply(articles, abstained=not articles), 0.0)


def test_rank_of_first_acceptable_article() -> None:
    assert rank_of(["ets185:16", "ets185:29"], ["ets185:18", "ets185:29", "ets185:16"]) == 2
    assert rank_of(["ets185:2"], ["ets185:3"]) is None
    assert rank_of(["ets185:2"], []) is None


def test_hit_rate_and_mrr_on_hand_example() -> None:
    ranks = [1, 2, None, 4]

    assert hit_rate(ranks, 1) == 0.25
    assert hit_rate(ranks, 3) == 0.5
    assert mean_reciprocal_rank(ranks) == (1 + 0.5 + 0.25) / 4


def test_hit_rate_of_nothing_is_nan() -> None:
    assert math.isnan(hit_rate([], 1))
    assert math.isnan(mean_reciprocal_rank([]))


def test_outcome_rank_abstention_is_a_miss() -> None:
    abstained = Outcome(HACKING, Reply(("ets185:2",), abstained=True), 0.0)

    assert abstained.rank is None


def test_quality_counts_hits_abstentions_and_categories() -> None:
    outcomes = [
        _outcome(PRESERVE, "ets185:29", "ets185:16"),  # acceptable, not the ideal one
        _outcome(HACKING, "ets185:3", "ets185:2"),  # rank 2
        _outcome(GROOMING),  # false abstention
        _outcome(WEATHER),  # abstained: right
        _outcome(JOKE, "ets185:1"),  # answered: wrong
    ]

    figures = quality(outcomes)

    assert figures["answerable"] == 3
    assert figures["hit@1"] == 0.333
    assert figures["hit@3"] == 0.667
    assert figures["mrr"] == 0.5
    assert figures["ideal@1"] == 0.0
    assert figures["false_abstentions"] == 1
    assert figures["offtopic"] == 2
    assert figures["offtopic_abstention"] == 0.5
    assert figures["per_category"] == {
        "plain": {
            "answerable": 1,
            "hit@1": 1.0,
            "hit@3": 1.0,
            "mrr": 1.0,
            "ideal@1": 0.0,
            "false_abstentions": 0,
        },
        "lay": {
            "answerable": 2,
            "hit@1": 0.0,
            "hit@3": 0.5,
            "mrr": 0.25,
            "ideal@1": 0.0,
            "false_abstentions": 1,
        },
        "offtopic": {"offtopic": 2, "offtopic_abstention": 0.5},
    }


def test_misses_lists_wrong_top_answers_and_answered_offtopic() -> None:
    outcomes = [
        _outcome(PRESERVE, "ets185:16"),
        _outcome(HACKING, "ets185:3", "ets185:2", "ets185:4", "ets185:5"),
        _outcome(GROOMING),
        _outcome(WEATHER),
        _outcome(JOKE, "ets185:1"),
    ]

    assert misses(outcomes) == [
        {
            "question": "hacking",
            "category": "lay",
            "expected": ["ets185:2"],
            "got": ["ets185:3", "ets185:2", "ets185:4"],
        },
        {"question": "grooming", "category": "lay", "expected": ["cets201:23"], "got": "none"},
        {"question": "tell me a joke", "category": "offtopic", "expected": [], "got": ["ets185:1"]},
    ]


def test_run_questions_with_stand_in_engine() -> None:
    def stand_in(text: str) -> Reply:
        return Reply(("ets185:2",), False) if text == "hacking" else Reply((), True)

    outcomes = run_questions([HACKING, WEATHER], stand_in)

    assert [o.rank for o in outcomes] == [1, None]
    assert [o.reply.abstained for o in outcomes] == [False, True]
    assert all(o.seconds >= 0 for o in outcomes)


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]

    assert percentile(values, 0.5) == 10.0
    assert percentile(values, 0.95) == 19.0
    assert percentile([3.0], 0.95) == 3.0


def test_latency_in_milliseconds() -> None:
    assert latency([0.001, 0.002, 0.010]) == {
        "questions": 3,
        "p50_ms": 2.0,
        "p95_ms": 10.0,
        "max_ms": 10.0,
    }
    assert latency([]) == {"questions": 0}
