"""The one weights file: every group and field present, no other, numbers only."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.weights import WEIGHTS_FILE, WeightsError, default_weights, load_weights


def test_the_committed_weights_load() -> None:
    weights = load_weights()
    assert weights == default_weights()
    assert weights.answer.confidence_threshold > 0


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "weights.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_an_unknown_key_is_named_with_its_line(tmp_path: Path) -> None:
    path = _edited(tmp_path, "  title_bonus:", "  title_bonsu:")
    with pytest.raises(WeightsError, match=rf"{path}:{_line_of(path, 'bonsu')}: unknown key"):
        load_weights(path)


def test_a_missing_key_is_named_with_its_group_line(tmp_path: Path) -> None:
    path = _edited(tmp_path, "  near: 0.85\n", "")
    with pytest.raises(WeightsError, match=rf"{path}:{_line_of(path, 'scope:')}: missing near"):
        load_weights(path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  facts: 2", "  facts: 2.5", "facts must be a whole number"),
        ("  lift: 1.1", "  lift: high", "lift must be a number"),
        ("  lift: 1.1", "  lift: true", "lift must be a number"),
        (
            "scope:\n  near: 0.85\n  margin: 0.02\n  unless_answerable: 0.99\n",
            "scope: [0.85]\n",
            "expected a mapping",
        ),
    ],
)
def test_values_must_be_numbers(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(WeightsError, match=message):
        load_weights(_edited(tmp_path, old, new))


def test_the_error_is_a_validation_problem_for_workshop_bot_check(tmp_path: Path) -> None:
    path = _edited(tmp_path, "  related:", "  relatde:")
    with pytest.raises(WeightsError) as raised:
        load_weights(path)
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == (str(path), _line_of(path, "relatde"))
