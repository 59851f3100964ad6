"""Instrument metadata from ``corpus/instruments.yaml``: titles, numbers and the names people use.

Both the importer (titles and aliases for a new treaty JSON, names that resolve citations) and
the store (current aliases, expected article counts) read it, so it is validated here, with the
line of every problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from corpus.model import normalise_name
from corpus.problems import Problem, ValidationError, compose_yaml, node_value

INSTRUMENTS_FILE = Path(__file__).with_name("instruments.yaml")
KEYS = {"title", "short_title", "number", "year", "aliases", "parent", "articles"}


@dataclass(frozen=True, slots=True)
class InstrumentMeta:
    """One entry of instruments.yaml; only ``id`` is needed for a treaty not listed there."""

    id: str
    title: str | None = None
    short_title: str | None = None
    number: str = ""
    year: int | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    articles: int | None = None  # how many articles the treaty has, checked by check_corpus


def load_metadata(path: Path = INSTRUMENTS_FILE) -> dict[str, InstrumentMeta]:
    """Every instrument's metadata; raises ValidationError naming file and line."""
    metadata, problems = read_metadata(path)
    if problems:
        raise ValidationError(problems)
    return metadata


def read_metadata(path: Path) -> tuple[dict[str, InstrumentMeta], list[Problem]]:
    """The metadata that could be read, and every problem in the file; never raises."""
    name = str(path)
    unreadable: list[Problem] = []
    root = compose_yaml(path, unreadable)
    if root is None:
        return {}, unreadable  # an empty file composes to None too, with no problem
    try:
        raw = node_value(root)
    except (yaml.YAMLError, ValueError) as error:  # a value YAML cannot build: a bad date
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return {}, [Problem(name, line, f"invalid value: {getattr(error, 'problem', error)}")]
    if not isinstance(raw, dict) or not isinstance(root, yaml.MappingNode):
        return {}, [Problem(name, 1, "expected a mapping of instrument ids to their metadata")]
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in root.value}
    metadata: dict[str, InstrumentMeta] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        meta = _entry(str(key), value, Problem(name, lines.get(str(key), 1), ""), problems)
        if meta:
            metadata[meta.id] = meta
    problems += _name_clashes(metadata, name, lines)
    problems += [
        Problem(name, lines[m.id], f"{m.id}: parent {m.parent!r} is not an instrument")
        for m in metadata.values()
        if m.parent and m.parent not in metadata
    ]
    return metadata, problems


def instrument_names(known: Mapping[str, InstrumentMeta]) -> dict[str, str]:
    """Normalised titles and aliases of every known instrument -> its id."""
    names: dict[str, str] = {}
    for meta in known.values():
        for name in (meta.title, meta.short_title, *meta.aliases):
            if name:
                names[normalise_name(name)] = meta.id
    return names


def _entry(key: str, value: Any, at: Problem, problems: list[Problem]) -> InstrumentMeta | None:
    def problem(message: str) -> None:
        problems.append(Problem(at.path, at.line, f"{key}: {message}"))

    if not isinstance(value, dict):
        problem("expected title, short_title, number, year, aliases...")
        return None
    before = len(problems)
    if unknown := sorted(set(value) - KEYS):
        problem(f"unknown key(s): {', '.join(map(str, unknown))}")
    aliases = value.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problem("aliases must be a list of names")
    for field in ("year", "articles"):
        if not isinstance(value.get(field, 0), int | None):
            problem(f"{field} must be a whole number")
    if len(problems) > before:
        return None
    return InstrumentMeta(
        id=key,
        title=" ".join(str(value.get("title") or "").split()) or None,
        short_title=value.get("short_title"),
        number=str(value.get("number") or ""),
        year=value.get("year"),
        aliases=tuple(aliases),
        parent=value.get("parent"),
        articles=value.get("articles"),
    )


def _name_clashes(
    metadata: dict[str, InstrumentMeta], name: str, lines: dict[str, int]
) -> list[Problem]:
    """Aliases must name one instrument only: "ETS 185" cannot also mean ETS 189."""
    owner: dict[str, str] = {identifier: identifier for identifier in metadata}
    problems: list[Problem] = []
    for meta in metadata.values():
        for alias in dict.fromkeys(normalise_name(a) for a in meta.aliases):
            other = owner.setdefault(alias, meta.id)
            if other != meta.id:
                message = f"{meta.id}: alias {alias!r} already names {other}"
                problems.append(Problem(name, lines[meta.id], message))
    return problems
