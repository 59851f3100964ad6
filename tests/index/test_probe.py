"""The answerable-question probe: read only for the model it was fitted for, never fatal."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corpus.model import ArticleRef
from index.probe import (
    ARTICLE_PROBE_FILE,
    ASKERS_PROBE_FILE,
    PROBE_FILE,
    PROGRAMME_PROBE_FILE,
    ArticleProbe,
    Probe,
)


def probe() -> Probe:
    return Probe("model-1", np.array([2.0, -2.0, 0.0], dtype=np.float32), -0.5)


def test_a_saved_probe_reads_back_for_its_model(tmp_path: Path) -> None:
    path = tmp_path / "probe.json"
    probe().save(path)

    loaded = Probe.load("model-1", path)

    assert loaded is not None
    assert loaded.bias == -0.5
    assert loaded.weights.tolist() == [2.0, -2.0, 0.0]


def test_a_probe_fitted_for_another_model_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "probe.json"
    probe().save(path)

    assert Probe.load("model-2", path) is None


@pytest.mark.parametrize(
    "content", ["", "not json", "{}", '{"model": "model-1", "bias": 0, "weights": [[1]]}', "[1]"]
)
def test_a_missing_or_damaged_probe_is_no_probe(tmp_path: Path, content: str) -> None:
    path = tmp_path / "probe.json"
    path.write_text(content, encoding="utf-8")

    assert Probe.load("model-1", path) is None
    assert Probe.load("model-1", tmp_path / "absent.json") is None


def test_the_probability_follows_the_fitted_direction() -> None:
    toward = probe().answerable(np.array([1.0, 0.0, 0.0], dtype=np.float32))
    away = probe().answerable(np.array([0.0, 1.0, 0.0], dtype=np.float32))

    assert toward == pytest.approx(1 / (1 + np.exp(-1.5)))
    assert away == pytest.approx(1 / (1 + np.exp(2.5)))


def test_a_vector_of_other_dimensions_is_not_answerable() -> None:
    assert probe().answerable(np.ones(4, dtype=np.float32)) == 0.0


def test_extreme_scores_do_not_overflow() -> None:
    far = np.array([1e30, 0.0, 0.0], dtype=np.float32)

    assert probe().answerable(far) == pytest.approx(1.0)
    assert probe().answerable(-far) == pytest.approx(0.0)


def test_the_committed_probe_is_a_probe_of_384_dimensions() -> None:
    """Fitted by `python -m bench.fit_probe --write` for the bundled model."""
    import json

    model = json.loads(PROBE_FILE.read_text(encoding="utf-8"))["model"]
    loaded = Probe.load(model)

    assert loaded is not None
    assert loaded.weights.shape == (384,)


@pytest.mark.parametrize(
    "path",
    [
        ASKERS_PROBE_FILE,  # `python -m bench.fit_probe --askers --write`
        PROGRAMME_PROBE_FILE,  # `python -m bench.fit_probe --programme --write`
    ],
)
def test_the_committed_probes_of_the_development_sets_are_for_the_same_model(path: Path) -> None:
    import json

    model = json.loads(PROBE_FILE.read_text(encoding="utf-8"))["model"]
    loaded = Probe.load(model, path)

    assert loaded is not None
    assert loaded.weights.shape == (384,)


def article_probe() -> ArticleProbe:
    articles = (ArticleRef("ets185", "2"), ArticleRef("ets185", "29"))
    weights = np.array([[3.0, -3.0], [-3.0, 3.0]], dtype=np.float32)
    return ArticleProbe("model-1", articles, weights, np.zeros(2, dtype=np.float32))


def test_the_article_probe_finds_the_article_of_the_fitted_direction(tmp_path: Path) -> None:
    path = tmp_path / "articles.npz"
    article_probe().save(path)
    loaded = ArticleProbe.load("model-1", path)

    assert loaded is not None
    likely = loaded.probabilities(np.array([0.0, 1.0], dtype=np.float32))
    # softmax of 3 and -3; Art. 2 is less likely than 0.01 and left out
    assert likely == {ArticleRef("ets185", "29"): pytest.approx(1 / (1 + np.exp(-6.0)))}


def test_an_article_probe_of_another_model_or_damaged_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "articles.npz"
    article_probe().save(path)
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(path.read_bytes()[:100])

    assert ArticleProbe.load("model-2", path) is None
    assert ArticleProbe.load("model-1", damaged) is None
    assert ArticleProbe.load("model-1", tmp_path / "absent.npz") is None


def test_a_vector_of_other_dimensions_finds_no_article() -> None:
    assert article_probe().probabilities(np.ones(3, dtype=np.float32)) == {}


def test_the_committed_article_probe_names_articles_for_every_dimension() -> None:
    import json

    model = json.loads(PROBE_FILE.read_text(encoding="utf-8"))["model"]
    loaded = ArticleProbe.load(model, ARTICLE_PROBE_FILE)

    assert loaded is not None
    assert loaded.weights.shape == (384, len(loaded.articles))
    assert ArticleRef("ets185", "29") in loaded.articles
