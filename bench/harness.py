"""Shared pieces of the benchmarks: labelled questions, ranking metrics and latency figures.

A question is labelled with the articles an expert would accept ("ets185:29", the first being
the ideal one) or with none at all when it is off-topic and must be answered "none". Any
engine under test is wrapped as a function from question text to a `Reply`, so the ask service
and the FTS5 baseline are scored by the same code.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.model import ArticleRef, parse_key
from corpus.problems import node_value, yaml_problem

QUESTIONS_FILE = Path(__file__).with_name("questions.yaml")
# Written without seeing the engine: how it does on questions nobody tuned it for.
HELD_OUT = {
    name: Path(__file__).with_name(f"{name}.yaml")
    for name in (
        "heldout",
        "heldout2",
        "heldout3",
        "multilingual",
        "declines",
        "heldout4",
        "multilingual2",
        "declines2",
        "heldout5",
        "multilingual3",
        "declines3",
        "heldout6",
        "multilingual4",
        "declines4",
        "heldout7",
        "multilingual5",
        "declines5",
        "heldout8",
        "multilingual6",
        "declines6",
        "heldout9",
        "multilingual7",
        "declines7",
        "heldout10",
        "multilingual8",
        "declines8",
        "heldout11",
        "multilingual9",
        "declines9",
        "heldout12",
        "multilingual10",
        "declines10",
        "heldout13",
        "multilingual11",
        "declines11",
        "heldout14",
        "multilingual12",
        "declines12",
        "heldout15",
        "multilingual13",
        "declines13",
        "heldout16",
        "multilingual14",
        "declines14",
        "heldout17",
        "multilingual15",
        "declines15",
        "heldout18",
        "multilingual16",
        "declines16",
        "heldout19",
        "multilingual17",
        "declines17",
        "heldout20",
        "multilingual18",
        "declines18",
        "heldout21",
        "multilingual19",
        "declines19",
        "stories_dev",
        "declines_dev",
        "multilingual_dev",
        "multilingual_dev2",
        "multilingual_dev3",
        "declines_dev3",
        "declines_dev4",
        "declines_dev5",
        "declines_dev6",
        "declines_dev7",
        "declines_dev8",
        "declines_dev9",
        "declines_dev10",
        "declines_dev11",
    )
}
# Held-out sets whose misses have been read, and so became development sets: only their
# misses are printed, so the others stay unseen by whoever tunes the engine.
DEVELOPMENT = frozenset(
    {
        "heldout",
        "heldout2",
        "facts",
        "facts2",
        "stories_dev",
        "declines_dev",
        "declines2",
        "multilingual_dev",
        "multilingual_dev2",
        "declines_dev3",
        "facts_dev3",
        "declines_dev4",
        "declines_dev5",
        "declines_dev6",
        "declines_dev7",
        "facts_dev4",
        "facts_dev5",
        "declines_dev8",
        "facts_dev6",
        "declines_dev9",
        "facts_dev7",
        "declines_dev10",
        "facts_dev8",
        "multilingual_dev3",
        "declines_dev11",
        "facts_dev9",
    }
)
FACTS_FILES = {
    name: Path(__file__).with_name(f"{name}.yaml")
    for name in (
        "facts",
        "facts2",
        "facts3",
        "facts4",
        "facts5",
        "facts6",
        "facts7",
        "facts8",
        "facts9",
        "facts10",
        "facts11",
        "facts12",
        "facts13",
        "facts14",
        "facts15",
        "facts16",
        "facts17",
        "facts18",
        "facts19",
        "facts_dev3",
        "facts_dev4",
        "facts_dev5",
        "facts_dev6",
        "facts_dev7",
        "facts_dev8",
        "facts_dev9",
    )
}
FACTS_FILE = FACTS_FILES["facts"]
PARAGRAPHS_FILE = Path(__file__).with_name("paragraphs.yaml")
LANGUAGES = ("en", "fr", "es", "pt", "ru")
OFFTOPIC = "offtopic"
CATEGORIES = ("plain", "paraphrase", "misspelt", "lay", "citation", "story", OFFTOPIC)


class QuestionFileError(ValueError):
    """The questions file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    category: str
    expected: tuple[str, ...]  # acceptable "instrument:article" keys, ideal first
    line: int = 0  # where it is written in the questions file
    lang: str = "en"  # the language the question is written in

    @property
    def answerable(self) -> bool:
        return bool(self.expected)


@dataclass(frozen=True, slots=True)
class Reply:
    """What an engine answered: ranked article keys, or an abstention ("none")."""

    articles: tuple[str, ...]
    abstained: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    question: Question
    reply: Reply
    seconds: float

    @property
    def rank(self) -> int | None:
        """1-based rank of the first acceptable article; None for a miss or an abstention."""
        if self.reply.abstained:
            return None
        return rank_of(self.question.expected, self.reply.articles)


def load_questions(path: Path = QUESTIONS_FILE) -> list[Question]:
    """Read the labelled questions, checking every entry and naming the line of any fault."""
    return [_question(entry, f"{path}:{line}", line) for entry, line in _entries(path)]


def _entries(path: Path) -> list[tuple[object, int]]:
    """The entries of a YAML list file with the line each starts on."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
        data = node_value(root) if root is not None else None
    except OSError as error:
        raise QuestionFileError(f"{path}: cannot read ({error.strerror})") from None
    except yaml.YAMLError as error:
        problem = yaml_problem(str(path), error)
        raise QuestionFileError(f"{path}:{problem.line}: {problem.message}") from None
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise QuestionFileError(f"{path}:1: expected a list of questions")
    return [(e, n.start_mark.line + 1) for e, n in zip(data, root.value, strict=True)]


def _question(entry: object, where: str, line: int) -> Question:
    if not isinstance(entry, dict):
        raise QuestionFileError(f"{where}: expected a mapping with question, category, expect")
    unknown = set(entry) - {"question", "category", "expect", "lang"}
    if unknown:
        raise QuestionFileError(f"{where}: unknown keys {sorted(unknown)}")
    text, category, expect = entry.get("question"), entry.get("category"), entry.get("expect")
    lang = entry.get("lang", "en")
    if lang not in LANGUAGES:
        raise QuestionFileError(f"{where}: lang must be one of {', '.join(LANGUAGES)}")
    if not isinstance(text, str) or not text.strip():
        raise QuestionFileError(f"{where}: question must be non-empty text")
    if category not in CATEGORIES:
        raise QuestionFileError(f"{where}: category must be one of {', '.join(CATEGORIES)}")
    if not isinstance(expect, list) or not all(_is_key(k) for k in expect):
        raise QuestionFileError(f"{where}: expect must be a list of 'instrument:article' keys")
    if (category == OFFTOPIC) == bool(expect):
        raise QuestionFileError(f"{where}: off-topic questions, and only they, expect no article")
    if len(set(expect)) != len(expect):
        raise QuestionFileError(f"{where}: expect lists an article twice")
    return Question(text, category, tuple(expect), line, lang)


@dataclass(frozen=True, slots=True)
class FactQuestion:
    """A question the programme documents answer: a right answer shows every listed string."""

    text: str
    document: str  # the seed document that states the fact
    must_contain: tuple[str, ...]
    line: int = 0


def load_facts(path: Path = FACTS_FILE) -> list[FactQuestion]:
    """Read the fact questions, naming the line of any fault."""
    facts = []
    for entry, line in _entries(path):
        where = f"{path}:{line}"
        if not isinstance(entry, dict) or set(entry) != {"question", "document", "must_contain"}:
            raise QuestionFileError(f"{where}: expected question, document and must_contain")
        text, document, needed = entry["question"], entry["document"], entry["must_contain"]
        if not isinstance(text, str) or not text.strip() or not isinstance(document, str):
            raise QuestionFileError(f"{where}: question and document must be text")
        if (
            not isinstance(needed, list)
            or not needed
            or not all(isinstance(n, str) for n in needed)
        ):
            raise QuestionFileError(f"{where}: must_contain must be a non-empty list of text")
        facts.append(FactQuestion(text, document, tuple(needed), line))
    return facts


@dataclass(frozen=True, slots=True)
class ParagraphQuestion:
    """A question whose excerpt should be one paragraph of its article: "(3)"."""

    text: str
    article: str  # "ets185:9"
    part: str
    line: int = 0


def load_paragraphs(path: Path = PARAGRAPHS_FILE) -> list[ParagraphQuestion]:
    """Read the paragraph-labelled questions, naming the line of any fault."""
    found = []
    for entry, line in _entries(path):
        where = f"{path}:{line}"
        if not isinstance(entry, dict) or set(entry) != {"question", "expect", "part"}:
            raise QuestionFileError(f"{where}: expected question, expect and part")
        text, article, part = entry["question"], entry["expect"], entry["part"]
        if not (isinstance(text, str) and text.strip() and _is_key(article)):
            raise QuestionFileError(f"{where}: question must be text, expect an article key")
        if not isinstance(part, str) or not part.startswith("("):
            raise QuestionFileError(f"{where}: part must be a paragraph such as (3)")
        found.append(ParagraphQuestion(text, article, part, line))
    return found


def _is_key(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return isinstance(parse_key(value), ArticleRef)
    except ValueError:
        return False


def rank_of(expected: Sequence[str], got: Sequence[str]) -> int | None:
    """1-based position of the first acceptable key in ``got``, or None."""
    accepted = set(expected)
    return next((i for i, key in enumerate(got, 1) if key in accepted), None)


def hit_rate(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions with an acceptable article in the top ``k``."""
    if not ranks:
        return math.nan
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    if not ranks:
        return math.nan
    return sum(1 / r for r in ranks if r is not None) / len(ranks)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    index = max(0, math.ceil(share * len(ordered)) - 1)
    return ordered[index]


def latency(seconds: Sequence[float]) -> dict[str, object]:
    """p50, p95 and max of per-question times, in milliseconds."""
    if not seconds:
        return {"questions": 0}
    return {
        "questions": len(seconds),
        "p50_ms": round(percentile(seconds, 0.50) * 1000, 2),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 2),
        "max_ms": round(max(seconds) * 1000, 2),
    }


def run_questions(questions: Iterable[Question], answer: Callable[[str], Reply]) -> list[Outcome]:
    """Ask every question once, timing each call."""
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        reply = answer(question.text)
        outcomes.append(Outcome(question, reply, time.perf_counter() - started))
    return outcomes


def quality(outcomes: Sequence[Outcome]) -> dict[str, object]:
    """Ranking quality over answerable questions and abstention on off-topic ones."""
    answerable = [o for o in outcomes if o.question.answerable]
    offtopic = [o for o in outcomes if not o.question.answerable]
    figures = _answerable_figures(answerable)
    figures.update(_offtopic_figures(offtopic))
    per_category: dict[str, object] = {}
    for category in CATEGORIES:
        chosen = [o for o in outcomes if o.question.category == category]
        if chosen:
            per_category[category] = (
                _offtopic_figures(chosen) if category == OFFTOPIC else _answerable_figures(chosen)
            )
    figures["per_category"] = per_category
    return figures


def _answerable_figures(outcomes: Sequence[Outcome]) -> dict[str, object]:
    ranks = [o.rank for o in outcomes]
    ideal = [o for o in outcomes if o.reply.articles[:1] == o.question.expected[:1]]
    abstained = sum(1 for o in outcomes if o.reply.abstained)
    return {
        "answerable": len(outcomes),
        "hit@1": _round(hit_rate(ranks, 1)),
        "hit@3": _round(hit_rate(ranks, 3)),
        "mrr": _round(mean_reciprocal_rank(ranks)),
        "ideal@1": _round(len(ideal) / len(outcomes)) if outcomes else math.nan,
        "false_abstentions": abstained,
    }


def _offtopic_figures(outcomes: Sequence[Outcome]) -> dict[str, object]:
    abstained = sum(1 for o in outcomes if o.reply.abstained)
    rate = _round(abstained / len(outcomes)) if outcomes else math.nan
    return {"offtopic": len(outcomes), "offtopic_abstention": rate}


def misses(outcomes: Sequence[Outcome]) -> list[dict[str, object]]:
    """Answerable questions without an acceptable top answer, and answered off-topic ones."""
    listed: list[dict[str, object]] = []
    for outcome in outcomes:
        question, reply = outcome.question, outcome.reply
        missed = outcome.rank != 1 if question.answerable else not reply.abstained
        if missed:
            listed.append(
                {
                    "question": question.text,
                    "category": question.category,
                    "expected": list(question.expected),
                    "got": "none" if reply.abstained else list(reply.articles[:3]),
                }
            )
    return listed


def _round(value: float) -> float:
    return round(value, 3)
