"""Read and write the structured corpus: treaty JSON files and Markdown documents.

Layout under the corpus root: ``treaties/<id>.json`` (written by the importer),
``documents/**/*.md`` (organisers' notes) and ``guides/**/*.md`` (the project's practitioner
guides), both Markdown with YAML front matter.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from corpus.model import (
    Article,
    ArticleRef,
    Corpus,
    Division,
    Document,
    Instrument,
    Item,
    Paragraph,
)
from corpus.problems import Problem, ValidationError

TREATIES = "treaties"
DOCUMENT_FOLDERS = ("documents", "guides")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n?", re.DOTALL)
_REF = re.compile(r"^\s*([a-z]+\d+)\s*[: ]\s*(?:art(?:icle)?\.?\s*)?(\d+)\s*$", re.IGNORECASE)
DOCUMENT_KEYS = {"id", "title", "kind", "tags", "articles", "official"}


def write_instrument(instrument: Instrument, out_dir: Path) -> Path:
    """Write ``<id>.json`` atomically, deterministic so that re-imports give clean diffs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{instrument.id}.json"
    text = json.dumps(asdict(instrument), ensure_ascii=False, indent=1) + "\n"
    handle, temporary = tempfile.mkstemp(dir=out_dir, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    Path(temporary).replace(target)
    return target


def instrument_from_json(data: dict[str, Any]) -> Instrument:
    articles = tuple(_article(a) for a in data["articles"])
    return Instrument(
        id=data["id"],
        title=data["title"],
        short_title=data["short_title"],
        number=data.get("number", ""),
        year=data.get("year"),
        aliases=tuple(data.get("aliases", ())),
        preamble=data.get("preamble", ""),
        articles=articles,
        source=data.get("source", ""),
        closing=data.get("closing", ""),
        parent=data.get("parent"),
    )


def _item(data: dict[str, Any]) -> Item:
    return Item(data["label"], data["text"], tuple(_item(i) for i in data.get("items", ())))


def _article(data: dict[str, Any]) -> Article:
    return Article(
        instrument=data["instrument"],
        number=data["number"],
        title=data.get("title"),
        paragraphs=tuple(
            Paragraph(p.get("number"), p["text"], tuple(_item(i) for i in p.get("items", ())))
            for p in data.get("paragraphs", ())
        ),
        text=data["text"],
        available=data.get("available", True),
        divisions=tuple(Division(**d) for d in data.get("divisions", ())),
        references=tuple(
            ArticleRef(r["instrument"], r["article"], r.get("paragraph"), tuple(r.get("items", ())))
            for r in data.get("references", ())
        ),
    )


def load_corpus(root: Path) -> Corpus:
    """Load every treaty and document under ``root``; raises ValidationError on bad files."""
    corpus, problems = _read(root)
    if problems:
        raise ValidationError(problems)
    return corpus


def check_corpus(root: Path) -> list[Problem]:
    """Every problem in the corpus files, as ``file:line: message``; never raises."""
    return _read(root)[1]


def corpus_files(root: Path) -> list[Path]:
    files = sorted((root / TREATIES).glob("*.json"))
    for folder in DOCUMENT_FOLDERS:
        files += sorted(p for p in (root / folder).rglob("*.md") if p.name != "README.md")
    return files


def corpus_fingerprint(root: Path) -> str:
    """A content hash of every file ``load_corpus`` reads."""
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read(root: Path) -> tuple[Corpus, list[Problem]]:
    corpus = Corpus()
    problems: list[Problem] = []
    for path in corpus_files(root):
        if path.suffix == ".json":
            instrument = _read_treaty(path, problems)
            if instrument:
                corpus.instruments[instrument.id] = instrument
        else:
            document = _read_document(path, root, problems)
            if document:
                if document.id in corpus.documents:
                    problems.append(Problem(str(path), 1, f"duplicate document id {document.id!r}"))
                corpus.documents[document.id] = document
    for document in corpus.documents.values():
        for ref in document.articles:
            if corpus.article(ref.instrument, ref.article) is None:
                problems.append(
                    Problem(
                        document.path,
                        1,
                        f"articles: unknown article {ref.instrument}:{ref.article}",
                    )
                )
    return corpus, problems


def _read_treaty(path: Path, problems: list[Problem]) -> Instrument | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        problems.append(Problem(str(path), error.lineno, f"invalid JSON: {error.msg}"))
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), 1, f"cannot read: {error}"))
        return None
    try:
        instrument = instrument_from_json(data)
    except (KeyError, TypeError, AttributeError) as error:
        problems.append(Problem(str(path), 1, f"not a treaty file: missing or wrong field {error}"))
        return None
    if instrument.id != path.stem:
        problems.append(Problem(str(path), 1, f"id {instrument.id!r} differs from the file name"))
    numbers = [a.number for a in instrument.articles]
    if len(set(numbers)) != len(numbers):
        problems.append(Problem(str(path), 1, "duplicate article numbers"))
    return instrument


def _read_document(path: Path, root: Path, problems: list[Problem]) -> Document | None:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, 1, f"cannot read: {error}"))
        return None
    match = _FRONT_MATTER.match(text)
    if not match:
        problems.append(Problem(name, 1, "missing YAML front matter between `---` lines"))
        return None
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based lines, +1 for the opening ---
        problems.append(
            Problem(name, line, f"invalid front matter: {getattr(error, 'problem', error)}")
        )
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(name, 2, "front matter must be a mapping of keys"))
        return None
    before = len(problems)
    unknown = set(meta) - DOCUMENT_KEYS
    if unknown:
        problems.append(
            Problem(name, 2, f"unknown front matter key(s): {', '.join(sorted(unknown))}")
        )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(name, 2, "front matter needs a `title`"))
    refs: list[ArticleRef] = []
    for raw in meta.get("articles") or []:
        ref = _REF.match(str(raw))
        if ref:
            refs.append(ArticleRef(ref.group(1).lower(), ref.group(2)))
        else:
            problems.append(Problem(name, 2, f"articles: {raw!r} is not like 'ets185:29'"))
    body = text[match.end() :].strip()
    if not body:
        problems.append(Problem(name, match.group(0).count("\n") + 1, "the document has no text"))
    if len(problems) > before:
        return None
    return Document(
        id=str(meta.get("id") or path.stem),
        title=str(title).strip(),
        kind=str(meta.get("kind") or "note"),
        body=body,
        tags=tuple(str(t) for t in meta.get("tags") or ()),
        articles=tuple(refs),
        official=bool(meta.get("official", False)),
        path=str(path.relative_to(root)) if path.is_relative_to(root) else name,
    )
