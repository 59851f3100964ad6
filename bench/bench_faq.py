"""FAQ matching quality: precision and recall on bench/faq_questions.yaml, with the sweeps that
justify faq/matcher.py's scorer and the ``faq`` weights ``confident`` and ``margin``
(index/weights.yaml).

Precision counts every confident answer (a wrong entry, or any entry for a question no entry
answers, is a false positive); recall counts the questions an entry answers.

The FAQ answers before search, so it also runs on the ask benchmark's article questions
(bench/questions.yaml, labelled by others): ``ask_questions_taken`` counts those the FAQ would
answer, ``taken_without_expected_article`` those whose entry rests on none of the expected
articles (a user asking for one article gets a broader FAQ answer instead).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from bench.harness import load_questions
from corpus.model import key_text
from faq.entries import load_entries
from faq.matcher import FaqMatcher, Scorer

QUESTIONS = Path(__file__).with_name("faq_questions.yaml")
ASK_QUESTIONS = Path(__file__).with_name("questions.yaml")
ENTRIES = Path(__file__).resolve().parent.parent / "faq" / "entries"
CONFIDENT_SWEEP = (50, 52, 54, 56, 58, 60, 62, 66, 70)
MARGIN_SWEEP = (0, 2, 4, 6, 8)
SCORERS: dict[str, Scorer] = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
}
PRECISION_TARGET = 0.97

Labelled = dict[str, str | None]
Scored = list[tuple[Labelled, list[tuple[str, float]]]]


def _answered(ranked: list[tuple[str, float]], confident: float, margin: float) -> str | None:
    if not ranked or ranked[0][1] < confident:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if ranked[0][1] - runner_up >= margin else None


def precision_recall(scored: Scored, confident: float, margin: float) -> tuple[float, float | None]:
    true_positive = false_positive = false_negative = 0
    for question, ranked in scored:
        answered = _answered(ranked, confident, margin)
        if answered is not None and answered == question["expect"]:
            true_positive += 1
        elif answered is not None:
            false_positive += 1
        if question["expect"] and answered != question["expect"]:
            false_negative += 1
    answered_total = true_positive + false_positive
    precision = true_positive / answered_total if answered_total else 1.0
    positives = true_positive + false_negative
    recall = round(true_positive / positives, 3) if positives else None  # nothing to find
    return round(precision, 3), recall


def _score(faq: FaqMatcher, questions: Sequence[Labelled]) -> Scored:
    return [(q, [(e.id, s) for e, s in faq.scores(str(q["q"]))]) for q in questions]


def _best_setting(scored: Scored) -> dict[str, object]:
    """The highest recall reaching the precision target anywhere on the threshold grid."""
    grid = [(precision_recall(scored, c, m), c, m) for c in CONFIDENT_SWEEP for m in MARGIN_SWEEP]
    fit = [g for g in grid if g[0][0] >= PRECISION_TARGET] or grid
    (precision, recall), confident, margin = max(fit, key=lambda g: (g[0][1] or 0, g[0][0]))
    return {"confident": confident, "margin": margin, "precision": precision, "recall": recall}


def _ask_scored(faq: FaqMatcher) -> list[tuple[set[str], list[tuple[set[str], float]]]]:
    """The ask benchmark's non-citation questions (the citation parser answers those first):
    expected articles, and each entry's articles with its score, best first."""
    return [
        (
            set(question.expected),
            [
                ({key_text(r) for r in entry.articles}, score)
                for entry, score in faq.scores(question.text)
            ],
        )
        for question in load_questions(ASK_QUESTIONS)
        if question.category != "citation"
    ]


def _taken(
    scored: list[tuple[set[str], list[tuple[set[str], float]]]], confident: float, margin: float
) -> tuple[int, int]:
    """Ask questions the FAQ would answer, and those whose entry cites no expected article."""
    taken = unexpected = 0
    for expected, ranked in scored:
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if ranked and ranked[0][1] >= confident and ranked[0][1] - runner_up >= margin:
            taken += 1
            unexpected += not ranked[0][0] & expected
    return taken, unexpected


def run() -> dict[str, object]:
    questions: list[Labelled] = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    entries = load_entries(ENTRIES)
    faq = FaqMatcher(entries)
    confident, margin = faq.weights.confident, faq.weights.margin
    started = time.perf_counter()
    for question in questions:
        faq.match(str(question["q"]))
    per_question_ms = (time.perf_counter() - started) * 1000 / len(questions)
    scored = _score(faq, questions)
    precision, recall = precision_recall(scored, confident, margin)
    by_kind: dict[str, object] = {}
    for kind in sorted({str(q["kind"]) for q in questions}):
        subset = [pair for pair in scored if pair[0]["kind"] == kind]
        p, r = precision_recall(subset, confident, margin)
        wrong = sum(
            1
            for q, ranked in subset
            if _answered(ranked, confident, margin) not in (None, q["expect"])
        )
        by_kind[kind] = {"questions": len(subset), "precision": p, "recall": r, "wrong": wrong}
    ask_scored = _ask_scored(faq)
    variants = [pair for pair in scored if pair[0]["kind"] in ("paraphrase", "misspelt")]
    return {
        "questions": len(questions),
        "entries": len(entries),
        "confident": confident,
        "margin": margin,
        "precision": precision,
        "recall": recall,
        "recall_paraphrased_and_misspelt": precision_recall(variants, confident, margin)[1],
        "per_kind": by_kind,
        "ask_questions_taken/without_expected_article": _taken(ask_scored, confident, margin),
        "match_ms_per_question": round(per_question_ms, 3),
        "sweep_confident/margin: precision, recall, ask taken, without expected article": {
            f"{c}/{m}": (*precision_recall(scored, c, m), *_taken(ask_scored, c, m))
            for c in CONFIDENT_SWEEP
            for m in MARGIN_SWEEP
        },
        "scorers_best_setting": {
            name: _best_setting(_score(FaqMatcher(entries, scorer), questions))
            for name, scorer in SCORERS.items()
        },
    }
