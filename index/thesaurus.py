"""The domain thesaurus: practitioners' words mapped to the words the treaties use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.problems import Problem, ValidationError, compose_yaml
from index.text import words


@dataclass(frozen=True, slots=True)
class Concept:
    when: tuple[tuple[str, ...], ...]  # each phrase as a tuple of words
    search: tuple[str, ...]  # phrases to add to the query


@dataclass(frozen=True, slots=True)
class Expansion:
    phrase: tuple[str, ...]  # the practitioner's phrase found in the question
    start: int  # word offsets in the question
    end: int
    search: tuple[str, ...]


class Thesaurus:
    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = concepts
        self._by_first: dict[str, list[tuple[tuple[str, ...], Concept]]] = {}
        for concept in concepts:
            for phrase in concept.when:
                self._by_first.setdefault(phrase[0], []).append((phrase, concept))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # longest phrase wins
        self.vocabulary = frozenset(word for phrase in self._phrases() for word in phrase)

    def _phrases(self) -> list[tuple[str, ...]]:
        return [phrase for concept in self.concepts for phrase in concept.when]

    @classmethod
    def load(cls, path: Path) -> Thesaurus:
        concepts, problems = parse_thesaurus(path)
        if problems:
            raise ValidationError(problems)
        return cls(concepts)

    def expand(self, tokens: list[str]) -> list[Expansion]:
        """Non-overlapping practitioner phrases found in ``tokens``, left to right."""
        found: list[Expansion] = []
        position = 0
        while position < len(tokens):
            match = None
            for phrase, concept in self._by_first.get(tokens[position], ()):
                if tuple(tokens[position : position + len(phrase)]) == phrase:
                    match = Expansion(phrase, position, position + len(phrase), concept.search)
                    break
            if match:
                found.append(match)
                position = match.end
            else:
                position += 1
        return found


def parse_thesaurus(path: Path) -> tuple[list[Concept], list[Problem]]:
    """Read and validate the thesaurus file; problems carry the file and line."""
    name = str(path)
    unreadable: list[Problem] = []
    root = compose_yaml(path, unreadable)
    if root is None:
        return [], unreadable
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(name, root.start_mark.line + 1, "expected a list of entries")]
    concepts: list[Concept] = []
    problems: list[Problem] = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(name, line, "an entry needs `when:` and `search:` lists"))
            continue
        fields = {key.value: value for key, value in node.value}
        unknown = set(fields) - {"when", "search"}
        if unknown:
            problems.append(Problem(name, line, f"unknown key(s): {', '.join(sorted(unknown))}"))
        lists = {}
        for key in ("when", "search"):
            value = fields.get(key)
            strings = _string_list(value)
            if not strings:
                problems.append(Problem(name, line, f"`{key}` must be a non-empty list of phrases"))
            lists[key] = strings
        when = tuple(tuple(words(phrase)) for phrase in lists["when"])
        if lists["when"] and lists["search"] and all(when):
            concepts.append(Concept(when, tuple(lists["search"])))
    return concepts, problems


def _string_list(node: yaml.Node | None) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        return []
    values = [item.value for item in node.value if isinstance(item, yaml.ScalarNode)]
    if len(values) != len(node.value) or not all(str(v).strip() for v in values):
        return []
    return [str(v) for v in values]
