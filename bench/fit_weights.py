"""Fit the ranking weights (index/weights.yaml) on the labelled questions, bench/questions.yaml.

``python -m bench.fit_weights [--passes N] [--write]``

The search is coordinate descent: for each fitted weight in turn, try a small grid around its
current value (x0.8, x0.9, x1.1, x1.2; whole numbers -1 and +1), keep the best value, move on;
repeat for ``--passes`` passes or until no weight moves. A value is kept only when it strictly
raises the objective, hit@1 + 0.5 * MRR on the answerable labelled questions, while off-topic
abstention on the labelled set does not drop and false abstentions do not rise (both measured
at the start). Questions are asked of the in-process ask service as ``bench_ask`` measures it
(search only: no FAQ, no agenda, no scope), with the bench harness's own scoring; their
embeddings are computed once and cached.

Not fitted: what the evaluation cannot see or what needs a rebuilt index: the field boosts
(baked into the whoosh index), the FAQ and scope groups (not asked here), the logging
threshold ``low_confidence``, the FAQ thresholds of the ask service, and the numbers of fact
passages kept and looked at.

Only bench/questions.yaml is fitted on. The development sets bench/heldout.yaml and
bench/heldout2.yaml are measured before and after, as a guard: ``--write`` writes the fitted
values only when the labelled objective did not fall and neither development set fell (lower
hit@1, hit@3 or off-topic abstention, or more false abstentions). No other set is read. Dry run
by default.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from bench.bench_ask import reply_of
from bench.harness import HELD_OUT, Question, load_questions, quality, run_questions
from bot.settings import load_settings
from corpus.model import Corpus
from corpus.store import load_corpus
from index.ask import AskService
from index.dense import DenseIndex
from index.embedding import Embedder, Vectors, load_embedder
from index.search import SearchIndex
from index.weights import WEIGHTS_FILE, Weights, load_weights

GRID = (0.8, 0.9, 1.1, 1.2)  # factors tried around a weight's current value
MRR_SHARE = 0.5
DEVELOPMENT = ("heldout", "heldout2")  # guard sets: measured, never fitted on
# (group, field) pairs left alone; see the module docstring for why
FIXED = {
    ("lexical", "title_field"),
    ("lexical", "body_field"),
    ("fusion", "facts"),
    ("fusion", "fact_pool"),
    ("answer", "low_confidence"),
    ("answer", "faq_certain"),
    ("answer", "faq_weak"),
}
UNSEEN_GROUPS = ("scope", "faq")
FIGURES = ("hit@1", "hit@3", "mrr", "offtopic_abstention", "false_abstentions")

Figures = dict[str, Any]
PROGRESS = partial(print, flush=True)  # a move of the search, as soon as it is made


class CachedEmbedder:
    """An ``Embedder`` that embeds each question once, however many times it is asked."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._queries: dict[str, Vectors] = {}

    @property
    def version(self) -> str:
        return self._embedder.version

    def queries(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in texts if t not in self._queries]
        if missing:
            for text, vector in zip(missing, self._embedder.queries(missing), strict=True):
                self._queries[text] = vector
        return np.stack([self._queries[t] for t in texts])

    def passages(self, texts: Sequence[str]) -> Vectors:
        return self._embedder.passages(texts)


class Evaluator:
    """Figures of the ask service under given weights, on one set of questions."""

    def __init__(self, corpus: Corpus, search: SearchIndex, dense: DenseIndex | None) -> None:
        self.corpus = corpus
        self.search = search
        self.dense = dense

    def figures(self, weights: Weights, questions: Sequence[Question]) -> Figures:
        service = AskService(self.corpus, self.search, dense=self.dense, weights=weights)
        overall = quality(run_questions(questions, lambda text: reply_of(service.ask(text))))
        return {name: overall[name] for name in FIGURES}


def objective(figures: Figures) -> float:
    return float(figures["hit@1"]) + MRR_SHARE * float(figures["mrr"])


def allowed(figures: Figures, start: Figures) -> bool:
    """Abstention on off-topic questions no lower, false abstentions no higher, than at start."""
    return bool(
        figures["offtopic_abstention"] >= start["offtopic_abstention"]
        and figures["false_abstentions"] <= start["false_abstentions"]
    )


def holds(before: Figures, after: Figures) -> bool:
    """A development set did not fall: hit@1, hit@3 and off-topic abstention no lower, false
    abstentions no higher."""
    return bool(
        after["hit@1"] >= before["hit@1"]
        and after["hit@3"] >= before["hit@3"]
        and after["offtopic_abstention"] >= before["offtopic_abstention"]
        and after["false_abstentions"] <= before["false_abstentions"]
    )


def candidates(value: float | int) -> list[float | int]:
    """The grid tried around ``value``."""
    if isinstance(value, int):
        return [v for v in (value - 1, value + 1) if v > 0]
    return [round(value * factor, 4) for factor in GRID]


def fitted_fields(weights: Weights) -> list[tuple[str, str]]:
    """(group, field) of every weight the search moves."""
    return [
        (group.name, field.name)
        for group in fields(weights)
        if group.name not in UNSEEN_GROUPS
        for field in fields(getattr(weights, group.name))
        if (group.name, field.name) not in FIXED
    ]


def with_value(weights: Weights, group: str, name: str, value: float | int) -> Weights:
    changed = replace(getattr(weights, group), **{name: value})
    return replace(weights, **{group: changed})


def descend(
    weights: Weights,
    evaluate: Callable[[Weights], Figures],
    passes: int,
    report: Callable[[str], None] = PROGRESS,
) -> tuple[Weights, Figures, Figures]:
    """Coordinate descent from ``weights``: the best weights found, the figures of
    ``weights`` and those of the best weights."""
    start = evaluate(weights)
    best, best_figures = weights, start
    for number in range(1, passes + 1):
        moved = False
        for group, name in fitted_fields(weights):
            current = getattr(getattr(best, group), name)
            for value in candidates(current):
                trial = with_value(best, group, name, value)
                figures = evaluate(trial)
                if allowed(figures, start) and objective(figures) > objective(best_figures):
                    best, best_figures, moved = trial, figures, True
                    report(f"pass {number}: {group}.{name} {current} -> {value}: {figures}")
        if not moved:
            break
    return best, start, best_figures


def write_weights(weights: Weights, path: Path = WEIGHTS_FILE) -> None:
    """Put ``weights`` into the weights file, keeping its comments and layout."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    group = ""
    for number, line in enumerate(lines):
        top = re.match(r"^(\w+):\s*$", line)
        if top:
            group = top.group(1)
            continue
        entry = re.match(r"^(\s+)(\w+):\s*([^#\s]+)(.*)$", line, re.DOTALL)
        if entry and group:
            value = getattr(getattr(weights, group), entry.group(2))
            lines[number] = f"{entry.group(1)}{entry.group(2)}: {value!r}{entry.group(4)}"
    path.write_text("".join(lines), encoding="utf-8")
    if load_weights(path) != weights:
        raise RuntimeError(f"{path}: written weights do not read back the same")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit index/weights.yaml on the labelled set.")
    parser.add_argument("--passes", type=int, default=1, help="coordinate-descent passes")
    parser.add_argument("--write", action="store_true", help="write the fitted weights")
    args = parser.parse_args(argv)
    settings = load_settings()
    corpus = load_corpus(settings.corpus_dir)
    labelled = load_questions()
    development = {name: load_questions(HELD_OUT[name]) for name in DEVELOPMENT}
    semantic = load_embedder()
    print(semantic.reason)
    weights = load_weights()
    with tempfile.TemporaryDirectory(prefix="fit-weights-") as scratch:
        search = SearchIndex.build(corpus, Path(scratch) / "index", settings.thesaurus)
        embedder = CachedEmbedder(semantic.embedder) if semantic.embedder else None
        dense = DenseIndex.build(corpus, embedder, Path(scratch) / "vectors") if embedder else None
        try:
            evaluator = Evaluator(corpus, search, dense)
            fitted, before, after = descend(
                weights, lambda w: evaluator.figures(w, labelled), args.passes
            )
            guard = {
                name: (evaluator.figures(weights, asked), evaluator.figures(fitted, asked))
                for name, asked in development.items()
            }
        finally:
            search.close()
    print(f"labelled (fitted on): before {before}")
    print(f"labelled (fitted on): after  {after}")
    for name, (old, new) in guard.items():
        print(f"{name} (guard): before {old}")
        print(f"{name} (guard): after  {new}")
    changed = {
        f"{group}.{name}": (getattr(getattr(weights, group), name), value)
        for group, name in fitted_fields(weights)
        if (value := getattr(getattr(fitted, group), name))
        != getattr(getattr(weights, group), name)
    }
    print(f"changed: {changed or 'nothing'}")
    improved = objective(after) >= objective(before)
    held = all(holds(old, new) for old, new in guard.values())
    verdict = "keep" if changed and improved and held else "do not keep"
    print(f"verdict: {verdict} (labelled no worse: {improved}; development sets hold: {held})")
    if args.write and verdict == "keep":
        write_weights(fitted)
        print(f"written to {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
