"""The answerable-question probe: read only for the model it was fitted for, never fatal."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.probe import PROBE_FILE, Probe


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
