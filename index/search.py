"""The search index: whoosh on disk, BM25F over paragraphs, rebuilt when the content changes.

Each paragraph of each article is one whoosh document carrying its article's title, division
headings and instrument names, so a question hits the exact passage; hits are then gathered per
article. Guides and organiser documents are indexed the same way, one document per block.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import scoring
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.query import Or, Query, Term

from corpus.model import Article, Corpus, Document
from index.text import STOP_WORDS, analyzer, stem_word, words
from index.thesaurus import Thesaurus
from index.wordfreqs import load_table, wordfreq_version, write_table

SCHEMA_VERSION = "5"
FIELD_BOOSTS = {"title": 2.5, "body": 1.0}
BM25_B, BM25_K1 = 0.6, 1.2
PHRASE_BOOSTS = {"body": 1.0, "title": 1.0}
TITLE = -1  # passage number standing for an article's titles in the stem cache
COMMON_SHARE = 0.05  # terms in more than this share of passages are not scored
FINGERPRINT_FILE = "fingerprint.txt"
VOCABULARY_FILE = "vocabulary.json"


def _schema() -> Schema:
    text_field = analyzer()
    return Schema(
        doc_id=ID(stored=True, unique=True),
        key=ID(stored=True),  # "ets185:29" or "doc:<id>"
        block=STORED,  # index of the paragraph/block inside the article or document
        # the article title with its chapter/section/title headings
        title=TEXT(analyzer=text_field, field_boost=FIELD_BOOSTS["title"]),
        body=TEXT(analyzer=text_field, field_boost=FIELD_BOOSTS["body"]),
    )


@dataclass(frozen=True, slots=True)
class Block:
    """One searchable passage: a paragraph of an article or a block of a document."""

    key: str
    index: int
    text: str


@dataclass(frozen=True, slots=True)
class RawHit:
    key: str  # "ets185:29" or "doc:<id>"
    score: float
    blocks: tuple[tuple[int, float], ...]  # (block index, score), best first


def article_key(instrument: str, number: str) -> str:
    return f"{instrument}:{number}"


def article_blocks(article: Article) -> list[str]:
    """The article's passages: its text split into paragraph blocks with their items."""
    blocks: list[str] = []
    for block in article.text.split("\n\n"):
        starts_paragraph = block[:1].isdigit() or not blocks
        if starts_paragraph:
            blocks.append(block)
        else:
            blocks[-1] += "\n\n" + block
    return blocks


def document_blocks(document: Document) -> list[str]:
    return [b.strip() for b in document.body.split("\n\n") if b.strip()] or [document.title]


def content_fingerprint(corpus: Corpus, thesaurus_path: Path) -> str:
    digest = hashlib.sha256(f"{SCHEMA_VERSION}\0{wordfreq_version()}".encode())
    for instrument in sorted(corpus.instruments.values(), key=lambda i: i.id):
        digest.update(instrument.id.encode())
        digest.update(" ".join(instrument.aliases).encode())
        for article in instrument.articles:
            digest.update(f"{article.number}\0{article.title}\0{article.text}".encode())
    for document in sorted(corpus.documents.values(), key=lambda d: d.id):
        digest.update(f"{document.id}\0{document.title}\0{document.body}".encode())
    digest.update(thesaurus_path.read_bytes() if thesaurus_path.exists() else b"")
    return digest.hexdigest()


class SearchIndex:
    """Opened whoosh index plus what query processing needs: vocabulary and thesaurus."""

    def __init__(
        self, corpus: Corpus, directory: Path, thesaurus: Thesaurus, vocabulary: dict[str, int]
    ) -> None:
        self.corpus = corpus
        self.directory = directory
        self.thesaurus = thesaurus
        self.vocabulary = vocabulary  # unstemmed word -> number of blocks containing it
        self._index = whoosh_index.open_dir(str(directory))
        self._searcher = self._index.searcher(weighting=_weighting(self._index))
        self.build_seconds: float | None = None
        self.common_words: dict[str, float] = {}  # word -> Zipf frequency in English
        self._stems: dict[tuple[str, int], tuple[str, ...]] = {}

    @classmethod
    def open(cls, corpus: Corpus, directory: Path, thesaurus_path: Path) -> SearchIndex:
        """Open the index in ``directory``, rebuilding it first if the content changed."""
        fingerprint = content_fingerprint(corpus, thesaurus_path)
        stamp = directory / FINGERPRINT_FILE
        if stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
            try:
                vocabulary = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
                opened = cls(corpus, directory, Thesaurus.load(thesaurus_path), vocabulary)
                opened.common_words = load_table(directory)
                return opened
            except (OSError, ValueError, whoosh_index.IndexError):
                pass  # damaged index: rebuild below
        return cls.build(corpus, directory, thesaurus_path)

    @classmethod
    def build(cls, corpus: Corpus, directory: Path, thesaurus_path: Path) -> SearchIndex:
        """Write a fresh index into ``directory`` (built aside, then swapped in)."""
        started = time.perf_counter()
        thesaurus = Thesaurus.load(thesaurus_path)
        fingerprint = content_fingerprint(corpus, thesaurus_path)
        staging = directory.with_name(directory.name + ".building")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        built = whoosh_index.create_in(str(staging), _schema())
        writer = built.writer()
        vocabulary: dict[str, int] = {}
        for fields in _documents(corpus):
            writer.add_document(**fields)
            for word in set(words(f"{fields['title']} {fields['body']}")):
                vocabulary[word] = vocabulary.get(word, 0) + 1
        writer.commit()
        (staging / VOCABULARY_FILE).write_text(json.dumps(vocabulary), encoding="utf-8")
        write_table(staging)
        (staging / FINGERPRINT_FILE).write_text(fingerprint, encoding="utf-8")
        old = directory.with_name(directory.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if directory.exists():
            directory.rename(old)
        staging.rename(directory)
        shutil.rmtree(old, ignore_errors=True)
        opened = cls(corpus, directory, thesaurus, vocabulary)
        opened.common_words = load_table(directory)
        opened.build_seconds = time.perf_counter() - started
        return opened

    def _selective(self, weighted_terms: dict[str, float]) -> dict[str, float]:
        total = self._searcher.doc_count()
        frequencies = {t: self._searcher.doc_frequency("body", t) for t in weighted_terms}
        kept = _keep_selective(frequencies, total)
        return {t: w for t, w in weighted_terms.items() if t in kept}

    def close(self) -> None:
        self._searcher.close()
        self._index.close()

    def blocks(self, key: str) -> list[str]:
        """The passages of an indexed article or document, in order."""
        kind, _, rest = key.partition(":")
        if kind == "doc":
            document = self.corpus.documents.get(rest)
            return document_blocks(document) if document else []
        article = self.corpus.article(kind, rest)
        return article_blocks(article) if article else []

    def run(
        self, weighted_terms: dict[str, float], phrases: list[list[str]], limit: int
    ) -> list[RawHit]:
        """Run a query of stemmed terms (with weights) and phrases; hits gathered per article.

        Whoosh scores the terms; phrases are then checked on the passages it found, which is
        far cheaper than whoosh phrase queries (their span matching dominated query time on a
        large corpus) and ranks the same way.
        """
        query = _build_query(self._selective(weighted_terms))
        if query is None:
            return []
        results = self._searcher.search(query, limit=limit * 6)
        bonuses = [(p, self._phrase_weight(p, weighted_terms)) for p in phrases if len(p) > 1]
        per_key: dict[str, list[tuple[int, float]]] = {}
        for hit in results:
            key, block = hit["key"], hit["block"]
            score = float(hit.score) + sum(
                weight * self._phrase_boost(key, block, phrase) for phrase, weight in bonuses
            )
            per_key.setdefault(key, []).append((block, score))
        gathered = []
        for key, blocks in per_key.items():
            blocks.sort(key=lambda b: -b[1])
            score = blocks[0][1] + 0.25 * sum(s for _, s in blocks[1:3])
            gathered.append(RawHit(key, score, tuple(blocks)))
        gathered.sort(key=lambda h: -h.score)
        return gathered[:limit]

    def _phrase_weight(self, phrase: list[str], weighted_terms: dict[str, float]) -> float:
        """What a phrase found in a passage adds: about what its words score on their own."""
        idf = self._searcher.idf
        return float(sum(idf("body", term) * weighted_terms.get(term, 1.0) for term in phrase))

    def _phrase_boost(self, key: str, block: int, phrase: list[str]) -> float:
        boost = 0.0
        if _contains_run(self._passage_stems(key, block), phrase):
            boost += PHRASE_BOOSTS["body"]
        if _contains_run(self._passage_stems(key, TITLE), phrase):
            boost += PHRASE_BOOSTS["title"]
        return boost

    def _passage_stems(self, key: str, block: int) -> tuple[str, ...]:
        """Stemmed content words of one passage (or, for ``TITLE``, of the titles), cached."""
        cached = self._stems.get((key, block))
        if cached is None:
            if block == TITLE:
                text = _title_text(self.corpus, key)
            else:
                passages = self.blocks(key)
                text = passages[block] if block < len(passages) else ""
            cached = tuple(stem_word(w) for w in words(text) if w not in STOP_WORDS)
            self._stems[(key, block)] = cached
        return cached


def _contains_run(stems: tuple[str, ...], phrase: list[str]) -> bool:
    """Whether ``phrase`` occurs as consecutive words (stop words aside) in ``stems``."""
    size = len(phrase)
    first = phrase[0]
    return any(
        stems[i : i + size] == tuple(phrase) for i, stem in enumerate(stems) if stem == first
    )


class _PreloadedBM25F(scoring.BM25F):  # type: ignore[misc]
    """BM25F reading field lengths from lists loaded once instead of whoosh's length column.

    Looking a length up in the column cost more than the rest of scoring a posting together.
    """

    def __init__(self, lengths: dict[str, list[int]]) -> None:
        super().__init__(B=BM25_B, K1=BM25_K1)
        self._lengths = lengths

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if fieldname in self._lengths and hasattr(scorer, "dfl"):
            scorer.dfl = self._lengths[fieldname].__getitem__
        return scorer


def _weighting(index: Any) -> scoring.WeightingModel:
    """BM25F; with preloaded field lengths when the index is one segment (docnums are global)."""
    with index.searcher() as searcher:
        if not searcher.is_atomic():
            return scoring.BM25F(B=BM25_B, K1=BM25_K1)
        count = searcher.doc_count_all()
        lengths = {
            field: [searcher.doc_field_length(doc, field, 1) for doc in range(count)]
            for field in FIELD_BOOSTS
        }
    return _PreloadedBM25F(lengths)


def _keep_selective(frequencies: dict[str, int], total: int) -> set[str]:
    """Terms found in few enough passages to be worth scoring (the rarest two always are).

    A term in a large share of all passages adds almost nothing to BM25 but makes whoosh
    score every one of those passages: on a 100x corpus that dominated the query time.
    """
    ranked = sorted(frequencies, key=lambda term: frequencies[term])
    limit = max(COMMON_SHARE * total, 1)
    return {t for i, t in enumerate(ranked) if i < 2 or frequencies[t] <= limit}


def _build_query(weighted_terms: dict[str, float]) -> Query | None:
    clauses: list[Query] = [
        Term(field, term, boost=weight)
        for term, weight in weighted_terms.items()
        for field in FIELD_BOOSTS
    ]
    if not clauses:
        return None
    query = Or(clauses)
    # Whoosh's default for large indexes, a binary tree of union matchers, costs Python calls
    # per passage per tree level; preloading every clause's postings into one score array is
    # several times faster with the few dozen clauses a question makes.
    query.matcher_type = Or.ARRAY_MATCHER
    return query


def _title_text(corpus: Corpus, key: str) -> str:
    """What the title field holds for ``key``: the article title and the headings above it,
    or a document's title and tags."""
    kind, _, rest = key.partition(":")
    if kind == "doc":
        document = corpus.documents.get(rest)
        return " ".join((document.title, *document.tags)) if document else ""
    article = corpus.article(kind, rest)
    if article is None:
        return ""
    headings = " ".join(d.heading or "" for d in article.divisions)
    return f"{article.title or ''} {headings}"


def _documents(corpus: Corpus) -> Iterator[dict[str, Any]]:
    for instrument in corpus.instruments.values():
        for article in instrument.articles:
            if not article.available:
                continue
            key = article_key(instrument.id, article.number)
            title = _title_text(corpus, key)
            for position, block in enumerate(article_blocks(article)):
                yield {
                    "doc_id": f"{key}#{position}",
                    "key": key,
                    "block": position,
                    "title": title,
                    "body": block,
                }
    for document in corpus.documents.values():
        key = f"doc:{document.id}"
        title = _title_text(corpus, key)
        for position, block in enumerate(document_blocks(document)):
            yield {
                "doc_id": f"{key}#{position}",
                "key": key,
                "block": position,
                "title": title,
                "body": block,
            }
