"""Reloading the FAQ: a new matcher from valid files, the problems (and nothing built) otherwise."""

from __future__ import annotations

from pathlib import Path

from corpus.problems import Problem
from faq.matcher import FaqMatcher
from faq.reload import try_load

ENTRY = """\
- id: glacy
  questions:
    - What is GLACY?
    - global action on cybercrime
  answer: GLACY is a joint project of the EU and the Council of Europe.
  articles: [ets185:23]
"""


def test_try_load_returns_a_matcher_for_valid_files(tmp_path: Path) -> None:
    tmp_path.joinpath("faq.yaml").write_text(ENTRY, encoding="utf-8")
    loaded = try_load(tmp_path, {("ets185", "23")})
    assert isinstance(loaded, FaqMatcher)
    assert [e.id for e in loaded.entries] == ["glacy"]


def test_try_load_returns_the_problems_of_a_broken_file(tmp_path: Path) -> None:
    tmp_path.joinpath("faq.yaml").write_text(ENTRY, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: x\n  questions: [a]\n  answer: <blink>no</blink>\n", encoding="utf-8")
    assert try_load(tmp_path) == [
        Problem(str(broken), 3, 'answer may only use <b>, <i>, <code>, <a href="...">')
    ]


def test_try_load_reports_articles_missing_from_the_corpus(tmp_path: Path) -> None:
    path = tmp_path / "faq.yaml"
    path.write_text(ENTRY, encoding="utf-8")
    assert try_load(tmp_path, {("ets185", "1")}) == [
        Problem(str(path), 6, "unknown article ets185:23")
    ]
