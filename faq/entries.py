"""FAQ entries: loading and validating the YAML files organisers edit (errors carry file:line)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.model import ArticleRef
from corpus.problems import Problem, ValidationError, compose_yaml
from corpus.store import load_corpus

REQUIRED = ("id", "questions", "answer")
KNOWN = {*REQUIRED, "articles", "tags", "as_of", "source"}
MAX_ANSWER = 1200  # characters: an answer must stay readable on a phone
_REF = re.compile(r"^([a-z]+\d+):(\d+)$")
_ALLOWED_TAGS = re.compile(r"</?(?:b|i|code)>|<a\s+href=\"[^\"<>]*\">|</a>")
_ANY_TAG = re.compile(r"</?[A-Za-z][^>]*>")


@dataclass(frozen=True, slots=True)
class FaqEntry:
    id: str
    questions: tuple[str, ...]
    answer: str  # Telegram-safe HTML
    articles: tuple[ArticleRef, ...] = ()
    tags: tuple[str, ...] = ()
    as_of: str | None = None
    source: str | None = None
    path: str = ""
    line: int = 0


def known_articles(corpus_dir: Path) -> set[tuple[str, str]] | None:
    """The (instrument, article) pairs of the corpus, or None when the corpus does not load."""
    try:
        corpus = load_corpus(corpus_dir)
    except (ValidationError, OSError, ValueError):
        return None
    return {(a.instrument, a.number) for a in corpus.articles()}


def check_faq(folder: Path, known: set[tuple[str, str]] | None = None) -> list[Problem]:
    """Every problem of the FAQ files (file:line), for `workshop-bot check` and /reload."""
    return read_entries(folder, known)[1]


def load_entries(
    folder: Path, known_articles: set[tuple[str, str]] | None = None
) -> list[FaqEntry]:
    entries, problems = read_entries(folder, known_articles)
    if problems:
        raise ValidationError(problems)
    return entries


def read_entries(
    folder: Path, known_articles: set[tuple[str, str]] | None = None
) -> tuple[list[FaqEntry], list[Problem]]:
    """Every entry in ``folder/*.yaml`` and every problem found, never raising."""
    entries: list[FaqEntry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        for entry in _read_file(path, problems, known_articles):
            if entry.id in seen:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line,
                        f"duplicate FAQ id {entry.id!r} (also in {seen[entry.id]})",
                    )
                )
                continue
            seen[entry.id] = f"{entry.path}:{entry.line}"
            entries.append(entry)
    return entries, problems


def _read_file(
    path: Path, problems: list[Problem], known: set[tuple[str, str]] | None
) -> list[FaqEntry]:
    name = str(path)
    root = compose_yaml(path, problems)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        problems.append(Problem(name, root.start_mark.line + 1, "expected a list of FAQ entries"))
        return []
    entries = []
    for node in root.value:
        entry = _entry(node, name, problems, known)
        if entry:
            entries.append(entry)
    return entries


def _entry(
    node: yaml.Node, name: str, problems: list[Problem], known: set[tuple[str, str]] | None
) -> FaqEntry | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(name, line, "an FAQ entry must be a mapping with id, questions, answer")
        )
        return None
    before = len(problems)
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if key.value in fields:
            problems.append(Problem(name, key.start_mark.line + 1, f"duplicate key `{key.value}`"))
        fields[str(key.value)] = value
    for key in REQUIRED:
        if key not in fields:
            problems.append(Problem(name, line, f"FAQ entry is missing `{key}`"))
    for key in sorted(set(fields) - KNOWN):
        problems.append(Problem(name, fields[key].start_mark.line + 1, f"unknown key `{key}`"))
    if len(problems) > before:
        return None
    identifier = _scalar(fields["id"])
    questions = _strings(fields["questions"])
    answer = _scalar(fields["answer"])
    if not identifier or not re.fullmatch(r"[a-z0-9-]{1,40}", identifier):
        problems.append(
            Problem(name, fields["id"].start_mark.line + 1, "id must be 1-40 of a-z, 0-9, -")
        )
    if not questions:
        problems.append(
            Problem(
                name, fields["questions"].start_mark.line + 1, "questions must be a non-empty list"
            )
        )
    answer_line = fields["answer"].start_mark.line + 1
    if not answer:
        problems.append(Problem(name, answer_line, "answer must not be empty"))
    elif len(answer) >= MAX_ANSWER:
        problems.append(
            Problem(
                name,
                answer_line,
                f"answer is {len(answer)} characters; keep it under {MAX_ANSWER} for phones",
            )
        )
    elif _ANY_TAG.search(_ALLOWED_TAGS.sub("", answer)):
        problems.append(
            Problem(name, answer_line, 'answer may only use <b>, <i>, <code>, <a href="...">')
        )
    elif re.search(r"&(?![a-z]+;|#\d+;)|[<>]", _ALLOWED_TAGS.sub("", answer)):
        problems.append(
            Problem(name, answer_line, "escape &, < and > in the answer (&amp; &lt; &gt;)")
        )
    if ("as_of" in fields) != ("source" in fields):
        problems.append(
            Problem(
                name, line, "a dated fact needs both `as_of` and `source` (where it comes from)"
            )
        )
    for key in ("articles", "tags"):
        if key in fields and not isinstance(fields[key], yaml.SequenceNode):
            problems.append(
                Problem(name, fields[key].start_mark.line + 1, f"`{key}` must be a list")
            )
    refs: list[ArticleRef] = []
    articles_node = fields.get("articles")
    items = articles_node.value if isinstance(articles_node, yaml.SequenceNode) else []
    for item in items:
        raw = _scalar(item)
        match = _REF.match(raw)
        ref_line = item.start_mark.line + 1
        if not match:
            problems.append(Problem(name, ref_line, f"article {raw!r} is not like 'ets185:29'"))
        elif known is not None and (match.group(1), match.group(2)) not in known:
            problems.append(Problem(name, ref_line, f"unknown article {raw}"))
        else:
            refs.append(ArticleRef(match.group(1), match.group(2)))
    if len(problems) > before:
        return None
    tags_node = fields.get("tags")
    return FaqEntry(
        id=identifier,
        questions=tuple(questions),
        answer=" ".join(answer.split()),
        articles=tuple(refs),
        tags=tuple(_strings(tags_node)) if tags_node is not None else (),
        as_of=_scalar(fields["as_of"]) if "as_of" in fields else None,
        source=_scalar(fields["source"]) if "source" in fields else None,
        path=name,
        line=line,
    )


def _scalar(node: yaml.Node) -> str:
    return str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""


def _strings(node: yaml.Node | None) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        return []
    values = [_scalar(item) for item in node.value]
    return values if all(values) else []
