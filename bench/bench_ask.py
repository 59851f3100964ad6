"""Answer quality and speed of the ask service on the labelled questions (bench/questions.yaml).

Figures: hit@1, hit@3, MRR and off-topic abstention, overall and per category, beside a plain
SQLite FTS5 baseline; warm in-process latency; index build time; start-to-answer time of the
``workshop-bot ask`` console script; latency and build time on a 100x synthetic corpus; and
the list of misses for whoever tunes the engine.

The held-out sets (bench/heldout.yaml, bench/heldout2.yaml) were written by helper sessions
that never saw the engine or its results; their figures show how the engine does on questions
nobody tuned it for.
The in-process service is search only (no FAQ, no agenda), so the figures measure the index and
the citation parser; the console-script timing runs the real composition root.
Set ``BENCH_SYNTHETIC_COPIES`` (default 99) to shrink the synthetic corpus for a quick run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from bench.fts5_baseline import Fts5Baseline
from bench.harness import (
    DEVELOPMENT,
    FACTS_FILES,
    HELD_OUT,
    FactQuestion,
    Outcome,
    ParagraphQuestion,
    Question,
    Reply,
    latency,
    load_facts,
    load_paragraphs,
    load_questions,
    misses,
    quality,
)
from bench.harness import run_questions as ask_all
from bench.synthetic import synthetic_corpus
from bot.services import build_services
from bot.settings import Settings, load_settings
from corpus.model import ArticleRef, Corpus, key_text
from corpus.store import load_corpus
from index.answer import Answer, AnswerKind
from index.ask import AskService
from index.dense import DenseIndex
from index.embedding import load_embedder
from index.search import SearchIndex

CLI_RUNS = 5
FULL_FIGURES = ("hit@1", "hit@3", "mrr", "offtopic_abstention", "false_abstentions")
CLI_QUESTION = "How long can data be preserved?"


def run() -> dict[str, object]:
    settings = load_settings()
    corpus = load_corpus(settings.corpus_dir)
    questions = load_questions()
    held_out = {name: load_questions(path) for name, path in HELD_OUT.items()}
    semantic = load_embedder()
    with tempfile.TemporaryDirectory(prefix="bench-ask-") as scratch:
        started = time.perf_counter()
        search = SearchIndex.build(corpus, Path(scratch) / "index", settings.thesaurus)
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        dense = (
            DenseIndex.build(corpus, semantic.embedder, Path(scratch) / "vectors")
            if semantic.embedder
            else None
        )
        dense_seconds = time.perf_counter() - started
        try:
            lexical = _search_figures(AskService(corpus, search), questions, held_out)
            service = AskService(corpus, search, dense=dense)
            outcomes, kinds = _measure(service, questions)
            held_outcomes = {
                name: ask_all(asked, lambda t: reply_of(service.ask(t)))
                for name, asked in held_out.items()
            }
        finally:
            search.close()
    baseline = Fts5Baseline(corpus)
    try:
        baseline_outcomes = ask_all(questions, baseline.reply)
    finally:
        baseline.close()
    return {
        "questions": len(questions),
        "articles": sum(1 for a in corpus.articles() if a.available),
        "semantic": semantic.reason,
        "ask_service": quality(outcomes),
        **{
            name: {**quality(outcomes), **_misses_if_seen(name, outcomes)}
            for name, outcomes in held_outcomes.items()
        },
        "lexical_only": lexical,
        "fts5_baseline": {
            **quality(baseline_outcomes),
            "abstention_rule": "none only when no question word occurs (no bm25 threshold)",
        },
        "answer_kinds": dict(kinds),
        "full_pipeline": _full_pipeline(
            settings,
            {"labelled": questions, **held_out},
            {name: load_facts(path) for name, path in FACTS_FILES.items()},
        ),
        "latency_warm": latency([o.seconds for o in outcomes]),
        "latency_fts5": latency([o.seconds for o in baseline_outcomes]),
        "index_build_seconds": round(build_seconds, 2),
        "vectors_seconds": round(dense_seconds, 2),
        "cli_start_to_answer": _cli_timing(settings, corpus),
        "synthetic": _synthetic(corpus, questions, settings),
        "misses": misses(outcomes),
    }


def _search_figures(
    service: AskService, questions: Sequence[Question], held_out: dict[str, list[Question]]
) -> dict[str, object]:
    """hit@1, hit@3 and abstention of ``service`` on every set, without the misses."""
    sets = {"labelled": questions, **held_out}
    figures: dict[str, object] = {}
    for name, asked in sets.items():
        overall = quality(ask_all(asked, lambda t: reply_of(service.ask(t))))
        figures[name] = {k: overall[k] for k in FULL_FIGURES}
    return figures


def reply_of(answer: Answer) -> Reply:
    """The ranked article keys of an answer; kind "none" is an abstention."""
    if answer.kind is AnswerKind.NONE:
        return Reply((), abstained=True)
    keys = (key_text(ArticleRef(a.instrument, a.article)) for a in answer.articles)
    return Reply(tuple(keys), abstained=False)


def _measure(
    service: AskService, questions: Sequence[Question]
) -> tuple[list[Outcome], Counter[str]]:
    """Ask every question once to warm caches, then again timed."""
    kinds: Counter[str] = Counter(str(service.ask(q.text).kind) for q in questions)
    return ask_all(questions, lambda text: reply_of(service.ask(text))), kinds


def _full_pipeline(
    settings: Settings,
    sets: dict[str, list[Question]],
    facts: dict[str, list[FactQuestion]],
) -> dict[str, object]:
    """hit@1, hit@3 and abstention as `workshop-bot ask` answers: FAQ and agenda first.

    An FAQ answer counts with the articles its entry rests on; an agenda answer has none.
    A fact question counts as answered when what the answer shows (document passages, the FAQ
    answer, events) contains every string its label lists.
    """
    with tempfile.TemporaryDirectory(prefix="bench-full-") as scratch:
        local = replace(
            settings, db_path=Path(scratch) / "bench.sqlite3", index_dir=Path(scratch) / "index"
        )
        services = build_services(local)
        try:
            figures: dict[str, object] = {}
            for name, asked in sets.items():
                outcomes = ask_all(asked, lambda text: reply_of(services.ask.ask(text)))
                overall = quality(outcomes)
                figures[name] = {k: overall[k] for k in FULL_FIGURES}
            for name, asked_facts in facts.items():
                figures[name] = _fact_figures(services.ask.ask, asked_facts, name)
            figures["paragraphs"] = _paragraph_figures(services.ask.ask, load_paragraphs())
        finally:
            services.close()
    return figures


def _misses_if_seen(name: str, outcomes: Sequence[Outcome]) -> dict[str, object]:
    """The misses of a development set; none of a set that must stay unseen."""
    return {"misses": misses(outcomes)} if name in DEVELOPMENT else {}


def _fact_figures(
    ask: Callable[[str], Answer], facts: Sequence[FactQuestion], name: str
) -> dict[str, object]:
    missed = []
    for fact in facts:
        shown = shown_text(ask(fact.text)).casefold()
        if not all(needed.casefold() in shown for needed in fact.must_contain):
            missed.append({"question": fact.text, "needs": list(fact.must_contain)})
    answered = len(facts) - len(missed)
    return {
        "questions": len(facts),
        "answered": answered,
        "rate": round(answered / len(facts), 3) if facts else None,
        **({"misses": missed} if name in DEVELOPMENT else {}),
    }


def _paragraph_figures(
    ask: Callable[[str], Answer], questions: Sequence[ParagraphQuestion]
) -> dict[str, object]:
    """How often the answer shows the labelled article and, of those, the labelled paragraph
    (a development set: its misses are listed)."""
    found = right = 0
    missed = []
    for question in questions:
        hit = next(
            (
                a
                for a in ask(question.text).articles
                if f"{a.instrument}:{a.article}" == question.article
            ),
            None,
        )
        found += hit is not None
        shown = f"({hit.paragraph})" if hit is not None and hit.paragraph else ""
        right += shown == question.part
        if hit is not None and shown != question.part:
            missed.append({"question": question.text, "part": question.part, "shown": shown})
    return {
        "questions": len(questions),
        "article_shown": found,
        "paragraph_right": right,
        "misses": missed,
    }


def shown_text(answer: Answer) -> str:
    """Everything a reader sees a fact in: the passages of a fact answer, the one document a
    search answer shows, the FAQ answer, the sessions."""
    shown = answer.documents if answer.kind is AnswerKind.DOCUMENT else answer.documents[:1]
    parts = [d.snippet for d in shown]
    if answer.faq is not None:
        parts.append(answer.faq.answer)
    parts += [f"{e.title} {e.start:%d %B %Y} {e.room or ''}" for e in answer.events]
    return "\n".join(parts)


def _cli_timing(settings: Settings, corpus: Corpus) -> dict[str, object]:
    """Median wall time of ``workshop-bot ask --json -`` answering one question."""
    SearchIndex.open(corpus, settings.index_dir, settings.thesaurus).close()  # index exists
    script = Path(sys.executable).with_name("workshop-bot")
    command = str(script) if script.exists() else shutil.which("workshop-bot")
    if command is None:
        return {"error": "workshop-bot console script not found"}
    times = []
    for _ in range(CLI_RUNS):
        started = time.perf_counter()
        done = subprocess.run(
            [command, "ask", "--json", "-"],
            input=CLI_QUESTION + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            return {"error": f"exit {done.returncode}: {done.stderr.strip()[-300:]}"}
    kind = json.loads(done.stdout.splitlines()[0])["kind"]
    return {
        "runs": CLI_RUNS,
        "median_seconds": round(statistics.median(times), 3),
        "max_seconds": round(max(times), 3),
        "question": CLI_QUESTION,
        "kind": kind,
    }


def _synthetic(corpus: Corpus, questions: Sequence[Question], settings: Settings) -> object:
    copies = int(os.environ.get("BENCH_SYNTHETIC_COPIES", "99"))
    big = synthetic_corpus(corpus, copies=copies)
    with tempfile.TemporaryDirectory(prefix="bench-synthetic-") as scratch:
        started = time.perf_counter()
        search = SearchIndex.build(big, Path(scratch) / "index", settings.thesaurus)
        build_seconds = time.perf_counter() - started
        try:
            service = AskService(big, search)
            service.ask(CLI_QUESTION)  # warm the searcher once
            outcomes = ask_all(questions, lambda text: reply_of(service.ask(text)))
        finally:
            search.close()
    overall = quality(outcomes)
    return {
        "scale": copies + 1,
        "instruments": len(big.instruments),
        "articles": sum(1 for a in big.articles() if a.available),
        "index_build_seconds": round(build_seconds, 2),
        "latency": latency([o.seconds for o in outcomes]),
        "hit@1": overall["hit@1"],
        "mrr": overall["mrr"],
        "offtopic_abstention": overall["offtopic_abstention"],
    }
