"""Fit the answerable-question probe (index/probe.json) on the exemplars.

``python -m bench.fit_probe [--l2 L] [--write]``

Questions the texts answer: every exemplar of ``index/exemplars/`` (in five languages) and
``index/in_scope.yaml``; questions they do not: ``index/out_of_scope.yaml``. Each is embedded
as a query (cached with the other vectors), and a logistic regression is fitted over the
standardised dimensions by gradient descent, each class weighing half (there are ten times
more answerable exemplars), with an L2 penalty ``--l2``. The standardisation is folded into
the stored weights, so the bot computes one dot product.

No benchmark question is fitted on. The development sets are measured as a guard and to
choose the penalty and the floor (``fusion.answerable``): for each, the share of answerable
questions and of off-topic ones at or above each floor, and the area under the curve. Dry run
by default.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from bench.harness import DEVELOPMENT, HELD_OUT, QUESTIONS_FILE, load_questions
from bot.settings import load_settings
from index.embedding import Embedder, Vectors, load_embedder
from index.exemplars import load_exemplars
from index.probe import PROBE_FILE, Probe
from index.scope import EXEMPLARS_FILE, INSIDE_FILE, load_scope_exemplars
from index.vectors import embed_passages

STEPS = 3000
RATE = 0.5
FLOORS = (0.5, 0.9, 0.95, 0.99)


def training_set() -> tuple[list[str], np.ndarray]:
    """The exemplar questions and whether the texts answer each (1) or not (0)."""
    answered = [e.text for e in load_exemplars()]
    answered += [e.text for e in load_scope_exemplars(INSIDE_FILE)]
    declined = [e.text for e in load_scope_exemplars(EXEMPLARS_FILE)]
    labels = np.array([1] * len(answered) + [0] * len(declined), dtype=np.float64)
    return answered + declined, labels


def fit(vectors: Vectors, labels: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Balanced, L2-penalised logistic regression; weights and bias on the raw vectors."""
    mean = vectors.mean(axis=0)
    spread = vectors.std(axis=0) + 1e-6
    standard = (vectors - mean) / spread
    share = labels.mean()
    weight = np.where(labels == 1, 0.5 / share, 0.5 / (1 - share))
    size, dimensions = standard.shape
    w = np.zeros(dimensions)
    b = 0.0
    for _ in range(STEPS):
        probability = 1 / (1 + np.exp(-(standard @ w + b)))
        gradient = weight * (probability - labels)
        w -= RATE * (standard.T @ gradient / size + l2 * w / size)
        b -= RATE * float(gradient.mean())
    raw = w / spread
    return raw, b - float(mean @ raw)


def report(probe: Probe, embedder: Embedder, cache: Path) -> None:
    names = ["questions", *sorted(n for n in DEVELOPMENT if n in HELD_OUT)]
    for name in names:
        path = QUESTIONS_FILE if name == "questions" else HELD_OUT[name]
        questions = load_questions(path)
        vectors = embed_passages(
            embedder, [q.text for q in questions], cache, progress=None, queries=True
        )
        scores = np.array([probe.answerable(v) for v in vectors])
        answerable = np.array([q.answerable for q in questions])
        yes, no = scores[answerable], scores[~answerable]
        area = float((yes[:, None] > no[None, :]).mean()) if len(yes) and len(no) else float("nan")
        shares = "  ".join(f">={f}: {_share(yes, f):.3f}/{_share(no, f):.3f}" for f in FLOORS)
        print(f"{name:18} answerable/off-topic {shares}  AUC {area:.3f}")


def _share(scores: np.ndarray, floor: float) -> float:
    return float((scores >= floor).mean()) if len(scores) else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--write", action="store_true", help=f"write {PROBE_FILE}")
    args = parser.parse_args()
    embedder = load_embedder().embedder
    if embedder is None:
        raise SystemExit("the embedder is unavailable: nothing to fit")
    cache = load_settings().vectors_dir
    texts, labels = training_set()
    vectors = embed_passages(embedder, texts, cache, queries=True)
    weights, bias = fit(vectors.astype(np.float64), labels, args.l2)
    probe = Probe(embedder.version, np.round(weights, 6).astype(np.float32), round(bias, 6))
    print(f"fitted on {int(labels.sum())} answerable and {int((1 - labels).sum())} other questions")
    report(probe, embedder, cache)
    if args.write:
        probe.save()
        print(f"written: {PROBE_FILE}")


if __name__ == "__main__":
    main()
