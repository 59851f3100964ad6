"""The ``python -m bench`` runner: discovery, failure isolation, rendering, merged results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.__main__ import discover, render, run_module, save


def test_discover_finds_bench_ask_and_resolves_short_names() -> None:
    assert "bench_ask" in discover()
    assert discover(["ask"]) == ["bench_ask"]


def test_discover_unknown_name_exits_with_known_list() -> None:
    with pytest.raises(SystemExit, match=r"unknown benchmark bench_nothing; known: .*ask"):
        discover(["nothing"])


def test_run_module_reports_a_failing_module_instead_of_raising() -> None:
    figures = run_module("bench_does_not_exist")

    assert figures["error"] == "ModuleNotFoundError: No module named 'bench.bench_does_not_exist'"
    assert "bench_seconds" in figures


def test_render_nested_figures_readably() -> None:
    figures = {
        "hit@1": 0.5,
        "latency": {"p50_ms": 2.0},
        "misses": [{"question": "q", "got": ["ets185:2", "ets185:3"]}],
        "empty": [],
    }

    assert render(figures) == [
        "hit@1: 0.5",
        "latency:",
        "  p50_ms: 2.0",
        "misses:",
        "  - question=q; got=[ets185:2, ets185:3]",
        "empty: []",
    ]


def test_save_merges_with_earlier_results(tmp_path: Path) -> None:
    path = tmp_path / "bench" / "results.json"
    save({"bench_faq": {"hit@1": 1.0}}, path)

    save({"bench_ask": {"hit@1": 0.5}}, path)

    assert json.loads(path.read_text(encoding="utf-8")) == {
        "bench_faq": {"hit@1": 1.0},
        "bench_ask": {"hit@1": 0.5},
    }
