"""Read and write the structured corpus: treaty JSON files and Markdown documents.

Layout under the corpus root: ``treaties/<id>.json`` (written by the importer),
``documents/**/*.md`` (organisers' notes) and ``guides/**/*.md`` (the project's practitioner
guides), both Markdown with YAML front matter, and ``instruments.yaml``, whose titles and
aliases apply at load time, so that a new name people use needs no re-import.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import yaml

from corpus.instruments import INSTRUMENTS_FILE, InstrumentMeta, read_metadata
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
from corpus.problems import Problem, ValidationError, load_limited, yaml_problem

TREATIES = "treaties"
DOCUMENT_FOLDERS = ("documents", "guides")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n?", re.DOTALL)
_KEY = re.compile(r"^([A-Za-z_]\w*)\s*:")
_REF = re.compile(r"^\s*([a-z]+\d+)\s*[: ]\s*(?:art(?:icle)?\.?\s*)?(\d+)\s*$", re.IGNORECASE)
DOCUMENT_KEYS = {"id", "title", "kind", "tags", "articles", "official", "date", "source"}


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
    """Every file ``load_corpus`` reads (the READMEs that explain folders are not documents)."""
    metadata = root / INSTRUMENTS_FILE.name
    files = [metadata] if metadata.is_file() else []
    files += sorted((root / TREATIES).glob("*.json"))
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
    metadata_path = root / INSTRUMENTS_FILE.name
    metadata, problems = read_metadata(metadata_path) if metadata_path.is_file() else ({}, [])
    for path in corpus_files(root):
        if path.suffix == ".json":
            instrument = _read_treaty(path, metadata.get(path.stem), problems)
            if instrument:
                corpus.instruments[instrument.id] = instrument
        elif path.suffix == ".md":
            document = _read_document(path, root, corpus, problems)
            if document:
                if document.id in corpus.documents:
                    problems.append(Problem(str(path), 1, f"duplicate document id {document.id!r}"))
                corpus.documents[document.id] = document
    problems += _dangling_references(corpus, root)
    return corpus, problems


def _dangling_references(corpus: Corpus, root: Path) -> list[Problem]:
    """Treaty citations of articles missing from an instrument that is in the corpus."""
    problems: list[Problem] = []
    for instrument in corpus.instruments.values():
        path = str(root / TREATIES / f"{instrument.id}.json")
        for article in instrument.articles:
            for ref in article.references:
                cited = corpus.instruments.get(ref.instrument)
                if cited and cited.article(ref.article) is None:
                    message = (
                        f"Article {article.number} cites missing {ref.instrument}:{ref.article}"
                    )
                    problems.append(Problem(path, 1, message))
    return problems


def _front_matter_lines(front: str) -> dict[str, int]:
    """Line in the .md file of each top-level front matter key (line 1 is the opening ---)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(front.splitlines(), start=2):
        if key := _KEY.match(line):
            lines.setdefault(key.group(1), number)
    return lines


def _read_treaty(
    path: Path, meta: InstrumentMeta | None, problems: list[Problem]
) -> Instrument | None:
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
    if strangers := sorted({a.instrument for a in instrument.articles} - {instrument.id}):
        problems.append(Problem(str(path), 1, f"articles of another instrument: {strangers}"))
    if meta is None:
        return instrument
    if meta.articles is not None and meta.articles != len(numbers):
        message = f"{len(numbers)} articles, but instruments.yaml expects {meta.articles}"
        problems.append(Problem(str(path), 1, message))
    return _with_metadata(instrument, meta)


def _with_metadata(instrument: Instrument, meta: InstrumentMeta) -> Instrument:
    return replace(
        instrument,
        title=meta.title or instrument.title,
        short_title=meta.short_title or instrument.short_title,
        number=meta.number or instrument.number,
        year=meta.year if meta.year is not None else instrument.year,
        aliases=meta.aliases or instrument.aliases,
        parent=meta.parent or instrument.parent,
    )


def _read_document(
    path: Path, root: Path, corpus: Corpus, problems: list[Problem]
) -> Document | None:
    """One Markdown document; its ``articles`` must exist among the treaties already read."""
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
        meta = load_limited(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        broken = yaml_problem(name, error, first_line=2)  # after the opening ---
        message = broken.message.replace("invalid YAML", "invalid front matter", 1)
        problems.append(Problem(name, broken.line, message))
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(name, 2, "front matter must be a mapping of keys"))
        return None
    lines = _front_matter_lines(match.group(1) or "")
    found: list[Problem] = []

    def problem(key: str, message: str) -> None:
        found.append(Problem(name, lines.get(key, 1), message))

    for key in sorted(set(map(str, meta)) - DOCUMENT_KEYS):
        problem(
            key, f"unknown front matter key {key!r} (known: {', '.join(sorted(DOCUMENT_KEYS))})"
        )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title", "front matter needs a `title`")
    if not isinstance(meta.get("official", False), bool):
        problem("official", "official must be true or false")
    date = meta.get("date", "")
    if isinstance(date, datetime.date):
        date = date.isoformat()
    if date != "" and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)):
        problem("date", "date must be a year or an ISO date: 2014, 2014-08 or 2014-08-11")
    if not isinstance(meta.get("source", ""), str):
        problem("source", "source must be text")
    tags = _as_list(meta.get("tags"))
    refs: list[ArticleRef] = []
    for raw in _as_list(meta.get("articles")):
        if ref := _REF.match(str(raw)):
            refs.append(ArticleRef(ref.group(1).lower(), ref.group(2)))
            if corpus.article(refs[-1].instrument, refs[-1].article) is None:
                problem("articles", f"articles: unknown article {ref.group(1)}:{ref.group(2)}")
        else:
            problem("articles", f"articles: {raw!r} is not like 'ets185:29'")
    body = text[match.end() :].strip()
    if not body:
        found.append(Problem(name, match.group(0).count("\n") + 1, "the document has no text"))
    problems += found
    if found:
        return None
    return Document(
        id=str(meta.get("id") or path.stem),
        title=str(title).strip(),
        kind=str(meta.get("kind") or "note"),
        body=body,
        tags=tuple(str(t) for t in tags),
        articles=tuple(refs),
        official=bool(meta.get("official", False)),
        path=str(path.relative_to(root)) if path.is_relative_to(root) else name,
        date=str(date),
        source=str(meta.get("source", "")).strip(),
    )


def _as_list(value: object) -> list[object]:
    """A front matter list; a single value (``tags: ransomware``) counts as a list of one."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
