"""The labelled questions: valid file, labels naming real articles, the coverage the bench needs."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bench.harness import (
    CATEGORIES,
    FACTS_FILES,
    HELD_OUT,
    OFFTOPIC,
    QUESTIONS_FILE,
    QuestionFileError,
    load_facts,
    load_paragraphs,
    load_questions,
)
from corpus.model import Corpus

INSTRUMENTS = {"ets185", "ets189", "cets201", "ets108", "ets181", "ets030", "ets099", "ets182"}
QUESTION_FILES = pytest.mark.parametrize(
    "path", [QUESTIONS_FILE, *HELD_OUT.values()], ids=lambda p: p.stem
)


def test_questions_file_loads_with_enough_questions() -> None:
    questions = load_questions()

    counts = Counter(q.category for q in questions)
    assert len(questions) >= 150
    assert counts[OFFTOPIC] >= 25
    assert set(counts) == set(CATEGORIES) - {"story"}  # stories: the held-out sets


@QUESTION_FILES
def test_questions_every_label_names_an_existing_article(corpus: Corpus, path: Path) -> None:
    missing = [
        (q.line, key)
        for q in load_questions(path)
        for key in q.expected
        if corpus.article(*key.split(":")) is None
    ]

    assert missing == []


@QUESTION_FILES
def test_questions_ideal_article_has_text(corpus: Corpus, path: Path) -> None:
    unavailable = []
    for question in load_questions(path):
        if question.answerable:
            article = corpus.article(*question.expected[0].split(":"))
            if article is None or not article.available:
                unavailable.append((question.line, question.expected[0]))

    assert unavailable == []


@pytest.mark.parametrize(
    "path",
    [QUESTIONS_FILE, *(p for name, p in HELD_OUT.items() if not name.startswith("declines"))],
    ids=lambda p: p.stem,
)
def test_questions_cover_every_instrument(path: Path) -> None:
    ideal = {q.expected[0].split(":")[0] for q in load_questions(path) if q.answerable}

    assert ideal == INSTRUMENTS


@QUESTION_FILES
def test_questions_are_not_repeated(path: Path) -> None:
    texts = Counter(q.text.lower() for q in load_questions(path))

    assert [t for t, n in texts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- {question: hi, category: plain, expect: [ets185]}\n", ":1: expect must be a list"),
        ("- {question: hi, category: vague, expect: [ets185:2]}\n", ":1: category must be one"),
        ("- {question: hi, category: offtopic, expect: [ets185:2]}\n", ":1: off-topic questions"),
        ("- {question: '', category: plain, expect: [ets185:2]}\n", ":1: question must be"),
        ("- {question: hi, category: plain, expect: [a:1], note: x}\n", ":1: unknown keys"),
        ("- {question: hi, category: plain, expect: [a:1, a:1]}\n", ":1: expect lists"),
        ("# c\n- {question: ok, category: plain, expect: [a:1]}\n- just text\n", ":3: expected a"),
        ("- {question: [unclosed\n", ":1: invalid YAML"),
        ("question: hi\n", ":1: expected a list"),
    ],
)
def test_load_questions_bad_file_names_file_and_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(QuestionFileError) as raised:
        load_questions(path)

    assert str(raised.value).startswith(str(path) + message)


@pytest.mark.parametrize("path", FACTS_FILES.values(), ids=lambda p: p.stem)
def test_facts_files_load_and_name_seed_documents(path: Path) -> None:
    facts = load_facts(path)

    assert len(facts) >= 40  # the size issue 9 asks of a facts set
    assert all(f.must_contain for f in facts)


def test_paragraph_labels_name_an_existing_paragraph(corpus: Corpus) -> None:
    missing = []
    for question in load_paragraphs():
        article = corpus.article(*question.article.split(":"))
        paragraph = question.part.strip("()")
        if article is None or not re.search(rf"(?m)^{paragraph}\.(\s|$)", article.text):
            missing.append((question.line, question.article, question.part))

    assert missing == []


def test_load_paragraphs_bad_entry_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.yaml"
    path.write_text('- {question: "a", expect: "ets185:9", part: "(3)"}\n- {question: "b"}\n')

    with pytest.raises(QuestionFileError, match=r"paragraphs.yaml:2"):
        load_paragraphs(path)


def test_load_facts_bad_entry_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("- {question: when, document: x, must_contain: []}\n", encoding="utf-8")

    with pytest.raises(QuestionFileError, match=r"facts.yaml:1: must_contain"):
        load_facts(path)


def test_load_questions_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(QuestionFileError, match="cannot read"):
        load_questions(tmp_path / "absent.yaml")
