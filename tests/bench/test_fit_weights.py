"""The weight-fitting script's search and writer, without the engine."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.fit_weights import (
    Figures,
    candidates,
    descend,
    fitted_fields,
    holds,
    with_value,
    write_weights,
)
from index.weights import WEIGHTS_FILE, Weights, load_weights


def _figures(hit: float, offtopic: float = 1.0, false: int = 0) -> Figures:
    return {
        "hit@1": hit,
        "hit@3": hit,
        "mrr": hit,
        "offtopic_abstention": offtopic,
        "false_abstentions": false,
    }


def test_the_grid_stays_near_the_value() -> None:
    assert candidates(1.0) == [0.8, 0.9, 1.1, 1.2]
    assert candidates(5) == [4, 6]
    assert candidates(1) == [2]


def test_fitted_fields_leave_unseen_and_index_time_weights_alone() -> None:
    chosen = fitted_fields(load_weights())
    assert ("ranking", "title_bonus") in chosen
    assert ("lexical", "title_field") not in chosen
    assert not [group for group, _ in chosen if group in ("faq", "scope")]


def test_descent_keeps_only_allowed_improvements() -> None:
    start = load_weights()

    def evaluate(weights: Weights) -> Figures:
        bonus = weights.ranking.title_bonus
        threshold = weights.answer.confidence_threshold
        if threshold < start.answer.confidence_threshold:  # better hits, but answers off-topic
            return _figures(0.99, offtopic=0.9)
        return _figures(0.9 + (0.01 if bonus > start.ranking.title_bonus else 0.0))

    fitted, before, after = descend(start, evaluate, passes=2, report=lambda _: None)

    assert fitted.ranking.title_bonus > start.ranking.title_bonus
    assert fitted.answer.confidence_threshold == start.answer.confidence_threshold
    assert before == _figures(0.9)
    assert after == _figures(0.91)


def test_written_weights_read_back_and_keep_the_comments(tmp_path: Path) -> None:
    path = tmp_path / "weights.yaml"
    shutil.copy(WEIGHTS_FILE, path)
    changed = with_value(load_weights(path), "ranking", "title_bonus", 1.44)
    write_weights(changed, path)
    assert load_weights(path) == changed
    original = [line for line in WEIGHTS_FILE.read_text().splitlines() if line.startswith("#")]
    assert [line for line in path.read_text().splitlines() if line.startswith("#")] == original


def test_a_development_set_falls_when_any_headline_figure_does() -> None:
    start = _figures(0.8, offtopic=0.833, false=5)
    assert holds(start, _figures(0.8, offtopic=0.833, false=5))
    assert holds(start, _figures(0.85, offtopic=0.9, false=4))
    assert not holds(start, _figures(0.85, offtopic=0.75, false=5))  # one more off-topic answered
    assert not holds(start, _figures(0.79, offtopic=0.833, false=5))
    assert not holds(start, _figures(0.8, offtopic=0.833, false=6))
