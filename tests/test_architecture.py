"""The import rules of docs/ARCHITECTURE.md: one direction, Telegram only in bot/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("corpus", "index", "faq", "scheduler", "bot")
ALLOWED = {
    "corpus": set(),
    "index": {"corpus"},
    "faq": {"corpus", "index"},
    "scheduler": {"corpus", "index"},
    "bot": {"corpus", "index", "faq", "scheduler"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("room", ROOMS)
def test_room_imports_only_allowed_rooms(room: str) -> None:
    offending = {}
    for path in sorted((ROOT / room).rglob("*.py")):
        wrong = (_imports(path) & set(ROOMS)) - ALLOWED[room] - {room}
        if wrong:
            offending[str(path.relative_to(ROOT))] = sorted(wrong)
    assert offending == {}


@pytest.mark.parametrize("room", [r for r in ROOMS if r != "bot"])
def test_only_bot_imports_telegram(room: str) -> None:
    offending = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / room).rglob("*.py"))
        if "telegram" in _imports(path)
    ]
    assert offending == []


_HTML_TAG = re.compile(r"</?(?:b|i|u|s|a|code|pre|blockquote)(?:\s[^<>]*)?>")


@pytest.mark.parametrize("room", ["index", "scheduler"])
def test_presentation_lives_in_bot(room: str) -> None:
    """index/ and scheduler/ return data: no string of theirs is Telegram HTML."""
    offending = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / room).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _HTML_TAG.search(node.value)
    ]
    assert offending == []
