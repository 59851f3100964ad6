"""CLI sub-commands for the corpus and search: ask, article, index, check, import-treaty."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.replies import plain_text
from bot.settings import Settings, load_settings
from corpus.model import key_text
from corpus.problems import ValidationError
from index.answer import Answer, AnswerKind, DocumentHit


def register(subparsers: Any) -> None:
    ask = subparsers.add_parser(
        "ask", help="answer a question (use - to read one per line; blank lines are skipped)"
    )
    ask.add_argument("question", help='the question, or "-" to read questions from stdin')
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    ask.set_defaults(func=run_ask)

    article = subparsers.add_parser("article", help="print one article")
    article.add_argument("instrument", help="ets185, budapest, lanzarote, 'convention 108'...")
    article.add_argument("number", help="article number, e.g. 29")
    article.add_argument("--json", action="store_true")
    article.set_defaults(func=run_article)

    build = subparsers.add_parser("index", help="rebuild the search index and passage vectors")
    build.add_argument(
        "--refresh-vectors",
        action="store_true",
        help="also store the passage vectors in index/vectors/ (commit them: fast first start)",
    )
    build.set_defaults(func=run_index)

    check = subparsers.add_parser("check", help="validate corpus, thesaurus, FAQ and agenda files")
    check.set_defaults(func=run_check)

    treaty = subparsers.add_parser("import-treaty", help="import a treaty from Markdown")
    treaty.add_argument("file", help="Markdown treaty text in the corpus-sources form")
    treaty.add_argument("--id", help="short id such as ets185 (default: from the file name)")
    treaty.set_defaults(func=run_import_treaty)


def run_ask(args: argparse.Namespace) -> int:
    from bot.console import terminal_text
    from bot.services import build_services

    services = build_services(load_settings())
    if args.question == "-":
        for line in sys.stdin:
            question = terminal_text(line.rstrip("\n"))
            if not question.strip():  # a blank line between questions asks nothing
                continue
            _print_answer(services.ask.ask(question), as_json=args.json)
            sys.stdout.flush()
        return 0
    _print_answer(services.ask.ask(terminal_text(args.question)), as_json=args.json)
    return 0


def _print_answer(answer: Answer, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(answer_summary(answer))


def answer_summary(answer: Answer) -> str:
    """A terse plain-text view for scripts: kind, ranked articles, then the best text."""
    lines = [f"[{answer.kind}]"]
    lines += list(answer.notes)
    if answer.faq:
        lines += [f"FAQ: {answer.faq.question}", plain_text(answer.faq.answer)]
    for event in answer.events:
        lines.append(f"{event.start.isoformat()}  {event.title}  ({event.room or '-'})")
    if answer.events_more and answer.events_day:
        day = answer.events_day.isoformat()
        lines.append(f"and {answer.events_more} more that day: workshop-bot agenda --day {day}")
    for document in answer.documents if answer.kind is AnswerKind.DOCUMENT else ():
        lines += _document_lines(document)
    for hit in answer.articles:
        where = hit.part
        title = f" – {hit.title}" if hit.title else ""
        lines.append(f"{hit.score:.2f}  {hit.instrument_name} Art. {hit.article}{where}{title}")
    if answer.text:
        lines += ["", answer.text]
    aside = answer.documents[:1] if answer.kind is AnswerKind.SEARCH else ()
    for document in (d for d in aside if d.kind != "guide"):  # a fact beside the articles
        lines += ["", *_document_lines(document)]
    if answer.kind is AnswerKind.NONE and not answer.notes:
        lines.append("I don't know.")  # a note says why not (small talk, a decline) instead
    if answer.kind is AnswerKind.NONE and answer.suggestions:
        lines += ["Try:", *(f"- {s}" for s in answer.suggestions)]
    return "\n".join(lines)


def _document_lines(document: DocumentHit) -> list[str]:
    dated = ", ".join(part for part in (document.source, document.as_of) if part)
    return [f"{document.title}" + (f" ({dated})" if dated else ""), document.readable, ""]


MAX_ECHO = 12  # characters of an unknown article number said back ("99999…"), not 5,000


def run_article(args: argparse.Namespace) -> int:
    from corpus.store import load_corpus
    from index.citations import named_instrument, parse_citations

    settings = load_settings()
    corpus = load_corpus(settings.corpus_dir)
    # by id or alias, or named as a question names it ("the MLA convention", "racism protocol")
    named = named_instrument(args.instrument, corpus)
    instrument = corpus.instrument(args.instrument) or (corpus.instrument(named) if named else None)
    if instrument is None:
        known = ", ".join(
            f"{i} ({corpus.instruments[i].short_title})" for i in sorted(corpus.instruments)
        )
        print(f"Unknown instrument {args.instrument!r}; known: {known}", file=sys.stderr)
        return 2
    typed = args.number.strip()
    article = instrument.article(typed)
    cited = parse_citations(f"art {typed}", corpus) if article is None else []
    if cited:  # "29(3)", "1.a", "XXIX", "twenty-nine": read as a citation is
        article = instrument.article(cited[0].ref.article)
        if article is not None and article.number != typed:
            print(f"(Article {typed}: the whole Article {article.number} follows)", file=sys.stderr)
    if article is None:
        shown = typed if len(typed) <= MAX_ECHO else f"{typed[:MAX_ECHO]}…"
        print(f"{instrument.short_title} has no Article {shown}", file=sys.stderr)
        return 2
    if args.json:
        payload = {
            "instrument": instrument.id,
            "instrument_name": instrument.short_title,
            "article": article.number,
            "title": article.title,
            "text": article.text,
            "available": article.available,
            "references": [key_text(r) for r in article.references],
        }
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    heading = f"{instrument.short_title}, Article {article.number}"
    print(heading + (f" – {article.title}" if article.title else ""))
    print()
    print(article.text if article.available else "(English text not available in this source)")
    return 0


def run_index(args: argparse.Namespace) -> int:
    import time

    from corpus.store import load_corpus
    from index.dense import DenseIndex
    from index.embedding import load_embedder
    from index.scope import Scope
    from index.search import SearchIndex
    from index.vectors import SEED_DIRECTORY

    settings = load_settings()
    try:
        corpus = load_corpus(settings.corpus_dir)
        built = SearchIndex.build(corpus, settings.index_dir, settings.thesaurus)
    except ValidationError as error:
        print(error, file=sys.stderr)
        return 1
    seconds = built.build_seconds or 0.0
    print(f"index rebuilt in {seconds:.2f} s: {settings.index_dir}")
    built.close()
    semantic = load_embedder()
    print(semantic.reason)
    if semantic.embedder is not None:
        started = time.perf_counter()
        target = SEED_DIRECTORY if args.refresh_vectors else settings.vectors_dir
        dense = DenseIndex.build(corpus, semantic.embedder, target, progress=sys.stderr)
        Scope.load(semantic.embedder, target)
        print(
            f"{len(dense.passages)} passage vectors ready in "
            f"{time.perf_counter() - started:.2f} s: {target}"
        )
    return 0


def run_check(args: argparse.Namespace) -> int:
    from bot.checks import check_all

    settings = load_settings()
    problems = check_all(settings, twice=True)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("all files valid")
    print(_semantic_status(settings))
    return 0


def _semantic_status(settings: Settings) -> str:
    """Whether answers use semantic search, and how many passage vectors a start must embed."""
    from corpus.store import load_corpus
    from index.embedding import load_embedder
    from index.exemplars import load_exemplars
    from index.passages import passages
    from index.vectors import cached_vectors, digest

    semantic = load_embedder()
    if semantic.embedder is None:
        return f"{semantic.reason}: answering lexically"
    version = semantic.embedder.version
    cached = cached_vectors(version, settings.vectors_dir)
    found = passages(load_corpus(settings.corpus_dir), load_exemplars())
    missing = sum(1 for p in found if digest(version, p.embedded) not in cached)
    state = "all vectors cached" if not missing else f"{missing} to embed at the next start"
    return f"{semantic.reason}: {len(found)} passages, {state}"


def run_import_treaty(args: argparse.Namespace) -> int:
    from pathlib import Path

    from corpus.importer import import_treaty_file

    settings = load_settings()
    source = Path(args.file)
    if not source.is_file():
        print(f"{source}: no such file", file=sys.stderr)
        return 2
    try:
        instrument = import_treaty_file(source, settings.corpus_dir / "treaties", args.id)
    except ValidationError as error:
        print(error, file=sys.stderr)
        return 1
    unavailable = sum(not a.available for a in instrument.articles)
    print(
        f"imported {instrument.id}: {instrument.title} – {len(instrument.articles)} articles"
        + (f", {unavailable} without English text" if unavailable else "")
    )
    return 0
