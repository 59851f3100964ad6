"""The validation problem every checker reports: a file, a line and a clear message."""

from __future__ import annotations

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


def compose_yaml(path: Path, problems: list[Problem]) -> yaml.Node | None:
    """The YAML node tree of ``path`` (with line marks), or None after recording why not."""
    name = str(path)
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, 1, f"cannot read: {error}"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problems.append(Problem(name, line, f"invalid YAML: {getattr(error, 'problem', error)}"))
    return None


def node_value(node: yaml.Node) -> Any:
    """The plain values of a composed node, as ``yaml.safe_load`` would give them."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
