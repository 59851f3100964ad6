"""The validation problem every checker reports: a file, a line and a clear message."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ValidationError(Exception):
    """Raised by loaders when a file is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# libyaml's parser when PyYAML has it (ten times faster on the thesaurus); same nodes and marks
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_DEPTH = 64  # no file here nests deeper than a handful of levels
MAX_NODES = 200_000  # values aliases may add: a "billion laughs" file stops here


class YamlLimitError(yaml.YAMLError):
    """A YAML text nested too deep or expanding too far through aliases."""

    def __init__(self, problem: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building a big node tree (a 10 MB agenda: 700,000 nodes) keeps every object alive, so
    each of the collector's passes rescans the whole growing tree: paused, composing takes a
    quarter of the time. Trees have no cycles to collect meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compose_limited(text: str) -> yaml.Node | None:
    """The node tree of ``text``, refusing deep nesting and alias bombs in well under a
    second; raises yaml.YAMLError (a YamlLimitError for those) with the line in its mark."""
    with collector_paused():
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except RecursionError:
            raise YamlLimitError(f"nested more than {MAX_DEPTH} levels deep", None) from None
        if root is not None:
            _check_limits(root, len(text))
    return root


def _check_limits(root: yaml.Node, text_length: int) -> None:
    """Walk the tree as a loader would expand it, without recursion, counting as it goes.

    Without aliases a file cannot hold more values than half its characters, so that much is
    allowed on top of MAX_NODES: a 10 MB agenda passes, a small alias bomb stops at once."""
    limit = MAX_NODES + text_length // 2
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    seen = 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise YamlLimitError(f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
        if seen > limit:
            raise YamlLimitError(
                f"expands to more than {MAX_NODES} values through aliases", node.start_mark
            )
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += [(key, depth + 1), (value, depth + 1)]


def load_limited(text: str) -> Any:
    """``yaml.safe_load`` with the limits of ``compose_limited``."""
    root = compose_limited(text)
    return node_value(root) if root is not None else None


def compose_yaml(path: Path, problems: list[Problem]) -> yaml.Node | None:
    """The YAML node tree of ``path`` (with line marks), or None after recording why not."""
    name = str(path)
    try:
        return compose_limited(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, 1, f"cannot read: {error}"))
    except yaml.YAMLError as error:
        problems.append(yaml_problem(name, error))
    return None


def yaml_problem(name: str, error: yaml.YAMLError, first_line: int = 1) -> Problem:
    """The line where the broken construct starts (an unclosed quote is only found where the
    file ends), with where the parser gave up when that is elsewhere. ``first_line`` is the
    file's line of the text's first line (front matter starts on line 2)."""
    found = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if found is None:
        return Problem(name, first_line, f"invalid YAML: {problem}")
    if opened is None or opened.line == found.line:
        return Problem(name, found.line + first_line, f"invalid YAML: {problem}")
    context = getattr(error, "context", None) or "while reading"
    if "end of stream" in problem:
        where = "before the end of the text"
        problem = problem.replace("found unexpected end of stream", "not closed")
    else:
        where = f"on line {found.line + first_line}"
    return Problem(name, opened.line + first_line, f"invalid YAML: {context}, {problem} {where}")


def node_value(node: yaml.Node) -> Any:
    """The plain values of a composed node, as ``yaml.safe_load`` would give them."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
