"""FAQ matching quality: precision and recall on bench/faq_questions.yaml, with the threshold
sweep that justifies faq/matcher.py's CONFIDENT and MARGIN."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from faq import matcher
from faq.matcher import FaqMatcher

QUESTIONS = Path(__file__).with_name("faq_questions.yaml")
ENTRIES = Path(__file__).resolve().parent.parent / "faq" / "entries"
SWEEP = [
    (confident, margin) for confident in (50, 55, 60, 62, 65, 70, 80) for margin in (0, 3, 6, 10)
]


def _precision_recall(
    scored: list[tuple[dict[str, str | None], list[tuple[str, float]]]],
    confident: float,
    margin: float,
) -> tuple[float, float | None]:
    true_positive = false_positive = false_negative = 0
    for question, ranked in scored:
        answered = None
        if ranked and ranked[0][1] >= confident:
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if ranked[0][1] - runner_up >= margin:
                answered = ranked[0][0]
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


def run() -> dict[str, object]:
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    faq = FaqMatcher.load(ENTRIES)
    started = time.perf_counter()
    scored = [(q, [(e.id, s) for e, s in faq.scores(q["q"])]) for q in questions]
    per_question_ms = (time.perf_counter() - started) * 1000 / len(questions)
    precision, recall = _precision_recall(scored, matcher.CONFIDENT, matcher.MARGIN)
    by_kind: dict[str, object] = {}
    for kind in sorted({q["kind"] for q in questions}):
        subset = [pair for pair in scored if pair[0]["kind"] == kind]
        p, r = _precision_recall(subset, matcher.CONFIDENT, matcher.MARGIN)
        by_kind[kind] = {"questions": len(subset), "precision": p, "recall": r}
    return {
        "questions": len(questions),
        "entries": len(faq.entries),
        "confident": matcher.CONFIDENT,
        "margin": matcher.MARGIN,
        "precision": precision,
        "recall": recall,
        "per_kind": by_kind,
        "match_ms_per_question": round(per_question_ms, 2),
        "sweep": {f"{c}/{m}": _precision_recall(scored, c, m) for c, m in SWEEP},
    }
