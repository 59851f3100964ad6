"""Questions people ask that one article answers, in English, French, Spanish, Portuguese and
Russian (``exemplars/*.yaml``), embedded as passages of that article.

Treaty prose says "access to the whole or any part of a computer system without right"; a
participant says "my ex keeps logging into my Instagram". A question told that way is near
an exemplar told that way, in its own language, and the exemplar names its article; the
answer still quotes the article's own text, never the exemplar. The exemplars were written
from the treaty texts by people who never saw the engine or its benchmarks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.model import ArticleRef, parse_key
from corpus.problems import Problem, compose_yaml, load_limited

EXEMPLARS_DIRECTORY = Path(__file__).with_name("exemplars")


@dataclass(frozen=True, slots=True)
class Exemplar:
    article: ArticleRef
    language: str
    text: str


def load_exemplars(directory: Path = EXEMPLARS_DIRECTORY) -> list[Exemplar]:
    """Every exemplar of every file in ``directory``, in file, article and language order.

    ValueError names the file and what is wrong: a key that is not "instrument:article", or
    an entry that is not a mapping of languages to lists of questions."""
    found: list[Exemplar] = []
    for path in sorted(directory.glob("*.yaml")):
        data = load_limited(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of articles to questions")
        for key, languages in data.items():
            article = _article(str(key))
            if article is None or not isinstance(languages, dict):
                raise ValueError(f"{path}: {key}: expected languages of an article")
            for language, questions in languages.items():
                if not isinstance(questions, list):
                    raise ValueError(f"{path}: {key}: {language}: expected a list of questions")
                found += [Exemplar(article, str(language), str(q)) for q in questions if q]
    return found


def check_exemplars(
    known: set[tuple[str, str]], directory: Path = EXEMPLARS_DIRECTORY
) -> list[Problem]:
    """A malformed file, or each exemplar key naming an article ``known`` does not hold
    (instrument, number), with the line of the key (for `workshop-bot check`)."""
    try:
        load_exemplars(directory)
    except ValueError as error:
        named, _, message = str(error).partition(": ")
        return [Problem(named, 1, message)]
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        root = compose_yaml(path, problems)
        for key_node, _ in root.value if isinstance(root, yaml.MappingNode) else ():
            article = _article(str(key_node.value))
            if article and (article.instrument, article.article) not in known:
                line = key_node.start_mark.line + 1
                problems.append(Problem(str(path), line, f"no article {key_node.value}"))
    return problems


def _article(key: str) -> ArticleRef | None:
    try:
        found = parse_key(key)
    except ValueError:
        return None
    return found if isinstance(found, ArticleRef) else None
