"""The askers' and programme probes' fit and their leave-one-set-out reports."""

from __future__ import annotations

import numpy as np
import pytest

from bench.fit_probe import fit, report_askers, report_programme


def separable() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Answerable questions toward the first dimension, off-topic ones toward the second, in
    two sets."""
    rng = np.random.default_rng(7)
    answerable = rng.normal([2.0, 0.0, 0.0], 0.3, (40, 3))
    other = rng.normal([0.0, 2.0, 0.0], 0.3, (40, 3))
    vectors = np.concatenate([answerable, other])
    labels = np.array([1.0] * 40 + [0.0] * 40)
    sets = (["one"] * 20 + ["two"] * 20) * 2
    return vectors, labels, sets


def test_the_fitted_direction_tells_answerable_questions_apart() -> None:
    vectors, labels, _ = separable()

    weights, bias = fit(vectors, labels, l2=1.0)
    likely = 1 / (1 + np.exp(-(vectors @ weights + bias)))

    assert (likely[labels == 1] > 0.5).all()
    assert (likely[labels == 0] < 0.5).all()


def test_each_set_is_reported_as_the_others_fit_finds_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report_askers(*separable(), l2=1.0)

    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["one", "two"]
    for line in lines:
        shares = [field.split("/") for field in line.split() if field[0].isdigit()]
        answerable = [float(a) for a, _ in shares]
        other = [float(o) for _, o in shares]
        assert answerable == [0.0] * 4  # below no floor
        assert other == sorted(other) and other[-1] > 0.5  # more off-topic below higher floors


def test_each_set_is_reported_with_its_facts_and_articles_at_each_floor(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report_programme(*separable(), l2=1.0)  # here the first dimension is the facts'

    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["one", "two"]
    for line in lines:
        shares = [field.split("/") for field in line.split() if field[0].isdigit()]
        facts = [float(f) for f, _ in shares]
        articles = [float(a) for _, a in shares]
        assert facts[0] == 1.0 and facts == sorted(facts, reverse=True)
        assert articles == [0.0] * 4
