"""Reload the FAQ for /reload: a new matcher when every file is valid, else the problems.

Nothing is built from a broken folder, so the caller keeps the previous matcher live and shows
the organiser what to fix (file and line).
"""

from __future__ import annotations

from pathlib import Path

from corpus.problems import Problem
from faq.entries import read_entries
from faq.matcher import FaqMatcher


def try_load(
    folder: Path, known_articles: set[tuple[str, str]] | None = None
) -> FaqMatcher | list[Problem]:
    entries, problems = read_entries(folder, known_articles)
    if problems:
        return problems
    return FaqMatcher(entries)
