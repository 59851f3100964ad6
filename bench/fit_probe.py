"""Fit the probes: whether the texts answer a question, on the exemplars (index/probe.json) and
on the questions of the development sets (index/askers_probe.json), and which article it asks
about (index/article_probe.npz).

``python -m bench.fit_probe [--l2 L] [--article-l2 L] [--write]``, for the askers' probe
alone ``python -m bench.fit_probe --askers [--askers-l2 L] [--write]``, and for the programme
probe alone ``python -m bench.fit_probe --programme [--programme-l2 L] [--write]``

Questions the texts answer: every exemplar of ``index/exemplars/`` (in five languages) and
``index/in_scope.yaml``; questions they do not: ``index/out_of_scope.yaml``. Each is embedded
as a query (cached under the vectors directory, ``fit/``), and a logistic regression is fitted
over the standardised dimensions by gradient descent, each class weighing half (there are ten
times more answerable exemplars), with an L2 penalty ``--l2``. The article probe is a softmax
regression over the same vectors of the article exemplars, labelled with their articles, and
of the development sets' article questions, labelled with the article each names first,
penalty ``--article-l2``. The standardisation is folded into the stored weights, so the bot
computes one product. Fitted on the exemplars alone, the probe alone found the right article
first for 0.656 of the older held-out sets' article questions (heldout3-20, multilingual to
multilingual18; 4,192), and among its first three for 0.778; with the development sets'
questions too, 0.785 and 0.878: they are asked as people ask, the exemplars as their writers
imagined.

The answerable probe fits no benchmark question. The development sets are measured as a guard
(their article figures are the article probe's own fit) and to choose the penalties and the
floor (``fusion.answerable``): for each, the share of answerable
questions and of off-topic ones at or above each floor, the area under the curve, and the
article probe's own hit@1 and hit@3.

The askers' probe is fitted on the questions of the development sets (``DEVELOPMENT``, and the
labelled set), answerable against off-topic, penalty ``--askers-l2``; never on a held-out set.
How it generalises is measured by leaving each development set out in turn: fitted on the
others, the share of the set's answerable and off-topic questions below each floor
(``answer.unlike_answered``).

The programme probe is fitted on the development sets too: their fact questions (the
programme documents state the answer) against their questions that an article answers,
penalty ``--programme-l2``; left-one-set-out figures as above. Dry run by default.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from bench.harness import (
    DEVELOPMENT,
    FACTS_FILES,
    HELD_OUT,
    QUESTIONS_FILE,
    load_facts,
    load_questions,
)
from bot.settings import load_settings
from corpus.model import ArticleRef, key_text, parse_key
from corpus.store import load_corpus
from index.embedding import Embedder, load_embedder
from index.exemplars import load_exemplars
from index.probe import (
    ARTICLE_PROBE_FILE,
    ASKERS_PROBE_FILE,
    PROBE_FILE,
    PROGRAMME_PROBE_FILE,
    ArticleProbe,
    Probe,
)
from index.scope import EXEMPLARS_FILE, INSIDE_FILE, load_scope_exemplars
from index.vectors import embed_passages

ROOT = Path(__file__).resolve().parent.parent
STEPS = 3000
ARTICLE_STEPS = 300
RATE = 0.5
ARTICLE_RATE = 2.0
FLOORS = (0.5, 0.9, 0.95, 0.99)
ASKERS_FLOORS = (0.01, 0.02, 0.05, 0.1)


def article_titles() -> list[tuple[str, ArticleRef]]:
    """Each titled article's title with its article: what a question of a few words asks
    ("real-time collection of traffic data", "helplines for children"). The exemplars are
    whole questions; fitted on them alone, the probes found a few words unlike any of them."""
    corpus = load_corpus(ROOT / "corpus")
    return [
        (article.title, ArticleRef(article.instrument, article.number))
        for article in corpus.articles()
        if article.title
    ]


def training_set() -> tuple[list[str], np.ndarray]:
    """The exemplar questions and whether the texts answer each (1) or not (0)."""
    answered = [e.text for e in load_exemplars()]
    answered += [title for title, _ in article_titles()]
    answered += [e.text for e in load_scope_exemplars(INSIDE_FILE)]
    declined = [e.text for e in load_scope_exemplars(EXEMPLARS_FILE)]
    labels = np.array([1] * len(answered) + [0] * len(declined), dtype=np.float64)
    return answered + declined, labels


def askers_set(embedder: Embedder, cache: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The vectors of the development sets' questions, whether the texts answer each (1) or
    not (0), and the set each comes from."""
    names = ["questions", *sorted(n for n in DEVELOPMENT if n in HELD_OUT)]
    vectors, labels, sets = [], [], []
    for name in names:
        questions = load_questions(QUESTIONS_FILE if name == "questions" else HELD_OUT[name])
        texts = [q.text for q in questions]
        vectors.append(embed_passages(embedder, texts, cache / name, progress=None, queries=True))
        labels += [int(q.answerable) for q in questions]
        sets += [name] * len(questions)
    return np.concatenate(vectors).astype(np.float64), np.array(labels, np.float64), sets


def _left_out(
    vectors: np.ndarray, labels: np.ndarray, sets: list[str], l2: float
) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """Each set's name, the probabilities the probe fitted on the other sets gives its
    questions, and which of them are labelled 1."""
    names = np.array(sets)
    for name in dict.fromkeys(sets):
        out = names == name
        weights, bias = fit(vectors[~out], labels[~out], l2)
        yield name, 1 / (1 + np.exp(-(vectors[out] @ weights + bias))), labels[out] == 1


def _fit_and_write(
    vectors: np.ndarray,
    labels: np.ndarray,
    l2: float,
    embedder: Embedder,
    *,
    path: Path,
    counted: tuple[str, str],
    write: bool,
) -> None:
    """Fit a probe on every question, say on how many of each label (``counted``), and write
    it to ``path`` if asked."""
    weights, bias = fit(vectors, labels, l2)
    probe = Probe(embedder.version, np.round(weights, 6).astype(np.float32), round(bias, 6))
    positive = int(labels.sum())
    print(f"fitted on {positive} {counted[0]} and {len(labels) - positive} {counted[1]}")
    if write:
        probe.save(path)
        print(f"written: {path}")


def report_askers(vectors: np.ndarray, labels: np.ndarray, sets: list[str], l2: float) -> None:
    """Each development set's answerable and off-topic questions below each floor, as the probe
    fitted on the other sets finds them."""
    for name, likely, answerable in _left_out(vectors, labels, sets, l2):
        below = "  ".join(
            f"<{f}: {_below(likely[answerable], f):.3f}/{_below(likely[~answerable], f):.3f}"
            for f in ASKERS_FLOORS
        )
        print(f"{name:18} left out, answerable/off-topic {below}")


def fit_askers(embedder: Embedder, cache: Path, l2: float, *, write: bool) -> None:
    """Fit the askers' probe, report how it generalises, and write it if asked."""
    vectors, labels, sets = askers_set(embedder, cache)
    report_askers(vectors, labels, sets, l2)
    counted = ("answerable", "other questions")
    _fit_and_write(
        vectors, labels, l2, embedder, path=ASKERS_PROBE_FILE, counted=counted, write=write
    )


def articles_asked(
    embedder: Embedder, cache: Path, number: dict[ArticleRef, int]
) -> tuple[np.ndarray, list[int]]:
    """The vectors of the development sets' questions that an article answers, and the number
    of the article each names first (those of an article with no exemplar are left out)."""
    vectors, labels = [], []
    for name in ["questions", *sorted(n for n in DEVELOPMENT if n in HELD_OUT)]:
        path = QUESTIONS_FILE if name == "questions" else HELD_OUT[name]
        named = [(q.text, parse_key(q.expected[0])) for q in load_questions(path) if q.answerable]
        kept = [
            (text, number[key])
            for text, key in named
            if isinstance(key, ArticleRef) and key in number
        ]
        if not kept:  # a set of questions to decline
            continue
        texts = [text for text, _ in kept]
        vectors.append(embed_passages(embedder, texts, cache / name, progress=None, queries=True))
        labels += [article for _, article in kept]
    return np.concatenate(vectors).astype(np.float64), labels


def programme_set(embedder: Embedder, cache: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The vectors of the development sets' fact questions (1) and of their questions that an
    article answers (0), and the set each comes from."""
    vectors, labels, sets = [], [], []
    for name in sorted(n for n in DEVELOPMENT if n in FACTS_FILES):
        texts = [fact.text for fact in load_facts(FACTS_FILES[name])]
        vectors.append(embed_passages(embedder, texts, cache / name, progress=None, queries=True))
        labels += [1] * len(texts)
        sets += [name] * len(texts)
    asked, answerable, named = askers_set(embedder, cache)
    kept = answerable == 1
    vectors.append(asked[kept])
    labels += [0] * int(kept.sum())
    sets += [name for name, keep in zip(named, kept, strict=True) if keep]
    return np.concatenate(vectors).astype(np.float64), np.array(labels, np.float64), sets


def report_programme(vectors: np.ndarray, labels: np.ndarray, sets: list[str], l2: float) -> None:
    """Each development set's fact and article questions at or above each floor, as the probe
    fitted on the other sets finds them."""
    for name, likely, facts in _left_out(vectors, labels, sets, l2):
        shares = "  ".join(
            f">={f}: {_share(likely[facts], f):.3f}/{_share(likely[~facts], f):.3f}" for f in FLOORS
        )
        print(f"{name:18} left out, facts/articles {shares}")


def fit_programme(embedder: Embedder, cache: Path, l2: float, *, write: bool) -> None:
    """Fit the programme probe, report how it generalises, and write it if asked."""
    vectors, labels, sets = programme_set(embedder, cache)
    report_programme(vectors, labels, sets, l2)
    counted = ("fact questions", "article questions")
    _fit_and_write(
        vectors, labels, l2, embedder, path=PROGRAMME_PROBE_FILE, counted=counted, write=write
    )


def _standard(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = vectors.mean(axis=0)
    spread = vectors.std(axis=0) + 1e-6
    return (vectors - mean) / spread, mean, spread


def fit(vectors: np.ndarray, labels: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Balanced, L2-penalised logistic regression; weights and bias on the raw vectors."""
    standard, mean, spread = _standard(vectors)
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


def fit_articles(
    vectors: np.ndarray, labels: np.ndarray, l2: float
) -> tuple[np.ndarray, np.ndarray]:
    """L2-penalised softmax regression over ``labels`` (article numbers); on raw vectors."""
    standard, mean, spread = _standard(vectors)
    size, dimensions = standard.shape
    count = int(labels.max()) + 1
    wanted = np.eye(count)[labels]
    w = np.zeros((dimensions, count))
    b = np.zeros(count)
    for _ in range(ARTICLE_STEPS):
        scores = standard @ w + b
        likely = np.exp(scores - scores.max(axis=1, keepdims=True))
        likely /= likely.sum(axis=1, keepdims=True)
        gradient = (likely - wanted) / size
        w -= ARTICLE_RATE * (standard.T @ gradient + l2 * w / size)
        b -= ARTICLE_RATE * gradient.sum(axis=0)
    raw = w / spread[:, None]
    return raw, b - mean @ raw


def report(probe: Probe, articles: ArticleProbe, embedder: Embedder, cache: Path) -> None:
    names = ["questions", *sorted(n for n in DEVELOPMENT if n in HELD_OUT)]
    for name in names:
        path = QUESTIONS_FILE if name == "questions" else HELD_OUT[name]
        questions = load_questions(path)
        vectors = embed_passages(
            embedder, [q.text for q in questions], cache / name, progress=None, queries=True
        )
        scores = np.array([probe.answerable(v) for v in vectors])
        answerable = np.array([q.answerable for q in questions])
        yes, no = scores[answerable], scores[~answerable]
        area = float((yes[:, None] > no[None, :]).mean()) if len(yes) and len(no) else float("nan")
        shares = "  ".join(f">={f}: {_share(yes, f):.3f}/{_share(no, f):.3f}" for f in FLOORS)
        ranks = [
            _rank(articles.probabilities(v), q.expected)
            for v, q in zip(vectors, questions, strict=True)
            if q.answerable
        ]
        hits = f"hit@1 {_share(np.array(ranks), -1):.3f} hit@3 {_share(np.array(ranks), -3):.3f}"
        print(f"{name:18} answerable/off-topic {shares}  AUC {area:.3f}  articles {hits}")


def _rank(likely: dict[ArticleRef, float], expected: tuple[str, ...]) -> int:
    """Minus the 1-based rank of the first expected article (so that >= -3 is in the top 3)."""
    ordered = sorted(likely, key=lambda a: -likely[a])
    found = [i for i, a in enumerate(ordered, 1) if key_text(a) in expected]
    return -found[0] if found else -999


def _share(scores: np.ndarray, floor: float) -> float:
    return float((scores >= floor).mean()) if len(scores) else 0.0


def _below(scores: np.ndarray, floor: float) -> float:
    return float((scores < floor).mean()) if len(scores) else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--article-l2", type=float, default=10.0, help="(default 10.0)")
    parser.add_argument("--askers", action="store_true", help="fit the askers' probe alone")
    parser.add_argument("--askers-l2", type=float, default=30.0, help="(default 30.0)")
    parser.add_argument("--programme", action="store_true", help="fit the programme probe")
    parser.add_argument("--programme-l2", type=float, default=10.0, help="(default 10.0)")
    parser.add_argument("--write", action="store_true", help=f"write {PROBE_FILE.name} and co.")
    args = parser.parse_args()
    embedder = load_embedder().embedder
    if embedder is None:
        raise SystemExit("the embedder is unavailable: nothing to fit")
    cache = load_settings().vectors_dir / "fit"
    if args.askers:
        fit_askers(embedder, cache, args.askers_l2, write=args.write)
        return
    if args.programme:
        fit_programme(embedder, cache, args.programme_l2, write=args.write)
        return
    texts, labels = training_set()
    vectors = embed_passages(embedder, texts, cache / "training", queries=True)
    weights, bias = fit(vectors.astype(np.float64), labels, args.l2)
    probe = Probe(embedder.version, np.round(weights, 6).astype(np.float32), round(bias, 6))
    exemplars = load_exemplars()
    keys = sorted({e.article for e in exemplars}, key=key_text)
    number = {key: i for i, key in enumerate(keys)}
    titled = [(i, key) for i, (_, key) in enumerate(article_titles()) if key in number]
    asked = np.concatenate(
        [vectors[: len(exemplars)], vectors[[len(exemplars) + i for i, _ in titled]]]
    ).astype(np.float64)
    labels_asked = [number[e.article] for e in exemplars] + [number[key] for _, key in titled]
    people, labelled = articles_asked(embedder, cache, number)
    asked = np.concatenate([asked, people])
    labels_asked += labelled
    matrix, offsets = fit_articles(asked, np.array(labels_asked), args.article_l2)
    articles = ArticleProbe(
        embedder.version, tuple(keys), matrix.astype(np.float32), offsets.astype(np.float32)
    )
    print(f"fitted on {int(labels.sum())} answerable and {int((1 - labels).sum())} other questions")
    report(probe, articles, embedder, cache)
    if args.write:
        probe.save()
        articles.save()
        print(f"written: {PROBE_FILE}, {ARTICLE_PROBE_FILE}")


if __name__ == "__main__":
    main()
