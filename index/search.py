"""The search index: whoosh on disk, BM25F over paragraphs, rebuilt when the content changes.

Each paragraph of each article is one whoosh document carrying its article's title, division
headings and instrument names, so a question hits the exact passage; hits are then gathered per
article. Guides and organiser documents are indexed the same way, one document per block.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import ID, STORED, TEXT, Schema

from corpus.model import (
    Article,
    Corpus,
    Document,
    DocumentRef,
    PassageKey,
    key_text,
    readable,
)
from index.bm25 import PassageScorer
from index.text import STOP_WORDS, analyzer, stem_word, words
from index.thesaurus import Thesaurus
from index.weights import LexicalWeights, default_weights
from index.wordfreqs import load_table, wordfreq_version, write_table

SCHEMA_VERSION = "8"
FIELDS = ("title", "body")
TITLE = -1  # passage number standing for an article's titles in the stem cache
COMMON_SHARE = 0.05  # terms in more than this share of passages are not scored
FINGERPRINT_FILE = "fingerprint.txt"
VOCABULARY_FILE = "vocabulary.json"
MANIFEST_FILE = "manifest.json"  # sha256 of every other file, written last by build()


def _schema(weights: LexicalWeights) -> Schema:
    text_field = analyzer()
    return Schema(
        doc_id=ID(stored=True, unique=True),
        key=ID(stored=True),  # "ets185:29" or "doc:<id>"
        block=STORED,  # index of the paragraph/block inside the article or document
        # the article title with its chapter/section/title headings
        title=TEXT(analyzer=text_field, field_boost=weights.title_field),
        body=TEXT(analyzer=text_field, field_boost=weights.body_field),
    )


@dataclass(frozen=True, slots=True)
class RawHit:
    key: PassageKey
    score: float
    blocks: tuple[tuple[int, float], ...]  # (block index, score), best first


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
    """A document's paragraphs as a reader sees them (Markdown marks dropped)."""
    body = readable(document.body)
    return [b.strip() for b in body.split("\n\n") if b.strip()] or [document.title]


def content_fingerprint(
    corpus: Corpus, thesaurus_path: Path, weights: LexicalWeights | None = None
) -> str:
    """What the index is built from; the field boosts are baked into it too."""
    boosts = weights or default_weights().lexical
    digest = hashlib.sha256(f"{SCHEMA_VERSION}\0{wordfreq_version()}".encode())
    digest.update(f"{boosts.title_field}\0{boosts.body_field}".encode())
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
        self._searcher = self._index.searcher()
        self._scorer = PassageScorer(self._searcher, FIELDS)
        self.build_seconds: float | None = None
        self.common_words: dict[str, float] = {}  # word -> Zipf frequency in English
        self._stems: dict[tuple[PassageKey, int], tuple[str, ...]] = {}

    @classmethod
    def open(
        cls,
        corpus: Corpus,
        directory: Path,
        thesaurus_path: Path,
        weights: LexicalWeights | None = None,
    ) -> SearchIndex:
        """Open the index in ``directory``, rebuilding it first if the content changed.

        Processes starting together (the bot, ``workshop-bot ask`` beside it, several
        workers) take turns: the first builds, the others then open what it built.
        ``weights`` gives the field boosts a rebuild bakes in (default: index/weights.yaml)."""
        fingerprint = content_fingerprint(corpus, thesaurus_path, weights)
        stamp = directory / FINGERPRINT_FILE
        with _exclusive(directory):
            if _intact(directory) and stamp.read_text(encoding="utf-8") == fingerprint:
                try:
                    vocabulary = json.loads(
                        (directory / VOCABULARY_FILE).read_text(encoding="utf-8")
                    )
                    opened = cls(corpus, directory, Thesaurus.load(thesaurus_path), vocabulary)
                    opened.common_words = load_table(directory)
                    return opened
                except Exception:  # whoosh raises almost anything on damage: rebuild below
                    pass
            return cls._build(corpus, directory, thesaurus_path, weights)

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        directory: Path,
        thesaurus_path: Path,
        weights: LexicalWeights | None = None,
    ) -> SearchIndex:
        """Write a fresh index into ``directory`` (built aside, then swapped in)."""
        with _exclusive(directory):
            return cls._build(corpus, directory, thesaurus_path, weights)

    @classmethod
    def _build(
        cls,
        corpus: Corpus,
        directory: Path,
        thesaurus_path: Path,
        weights: LexicalWeights | None,
    ) -> SearchIndex:
        started = time.perf_counter()
        thesaurus = Thesaurus.load(thesaurus_path)
        fingerprint = content_fingerprint(corpus, thesaurus_path, weights)
        staging = directory.with_name(directory.name + ".building")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        built = whoosh_index.create_in(str(staging), _schema(weights or default_weights().lexical))
        writer = built.writer()
        vocabulary: dict[str, int] = {}
        for fields in _documents(corpus):
            writer.add_document(**fields)
            for word in set(words(f"{fields['title']} {fields['body']}")):
                vocabulary[word] = vocabulary.get(word, 0) + 1
        writer.commit(optimize=True)  # one segment: index.bm25 relies on global docnums
        (staging / VOCABULARY_FILE).write_text(json.dumps(vocabulary), encoding="utf-8")
        write_table(staging)
        (staging / FINGERPRINT_FILE).write_text(fingerprint, encoding="utf-8")
        (staging / MANIFEST_FILE).write_text(json.dumps(_digests(staging)), encoding="utf-8")
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

    def blocks(self, key: PassageKey) -> list[str]:
        """The passages of an indexed article or document, in order."""
        if isinstance(key, DocumentRef):
            document = self.corpus.documents.get(key.id)
            return document_blocks(document) if document else []
        article = self.corpus.article(key.instrument, key.article)
        return article_blocks(article) if article else []

    def run(
        self,
        weighted_terms: dict[str, float],
        phrases: list[list[str]],
        limit: int,
        weights: LexicalWeights,
    ) -> list[RawHit]:
        """Run a query of stemmed terms (with weights) and phrases; hits gathered per article.

        BM25F scores the terms (index.bm25); phrases are then checked on the passages found,
        which is far cheaper than whoosh phrase queries (their span matching dominated query
        time on a large corpus) and ranks the same way.
        """
        terms = self._selective(weighted_terms)
        if not terms:
            return []
        found = self._scorer.top(terms, limit * 6, weights)
        bonuses = [(p, self._phrase_weight(p, weighted_terms)) for p in phrases if len(p) > 1]
        per_key: dict[PassageKey, list[tuple[int, float]]] = {}
        for doc, bm25 in found:
            key, block = self._scorer.keys[doc], self._scorer.blocks[doc]
            score = bm25 + sum(
                weight * self._phrase_boost(key, block, phrase, weights)
                for phrase, weight in bonuses
            )
            per_key.setdefault(key, []).append((block, score))
        gathered = []
        for key, blocks in per_key.items():
            blocks.sort(key=lambda b: -b[1])
            score = blocks[0][1] + weights.other_passages * sum(s for _, s in blocks[1:3])
            gathered.append(RawHit(key, score, tuple(blocks)))
        gathered.sort(key=lambda h: -h.score)
        return gathered[:limit]

    def keys_with(self, stem: str) -> frozenset[PassageKey]:
        """Keys of everything indexed that contains ``stem``."""
        return self._scorer.keys_with(stem)

    def _phrase_weight(self, phrase: list[str], weighted_terms: dict[str, float]) -> float:
        """What a phrase found in a passage adds: about what its words score on their own."""
        idf = self._searcher.idf
        return float(sum(idf("body", term) * weighted_terms.get(term, 1.0) for term in phrase))

    def _phrase_boost(
        self, key: PassageKey, block: int, phrase: list[str], weights: LexicalWeights
    ) -> float:
        boost = 0.0
        if _contains_run(self._passage_stems(key, block), phrase):
            boost += weights.phrase_in_body
        if _contains_run(self._passage_stems(key, TITLE), phrase):
            boost += weights.phrase_in_title
        return boost

    def _passage_stems(self, key: PassageKey, block: int) -> tuple[str, ...]:
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


@contextmanager
def _exclusive(directory: Path) -> Iterator[None]:
    """Hold the index's lock file (beside it) for as long as the block runs."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    with directory.with_name(directory.name + ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _digests(directory: Path) -> dict[str, str]:
    """sha256 of every file of an index folder but the manifest itself."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.iterdir())
        if path.is_file() and path.name != MANIFEST_FILE
    }


def _intact(directory: Path) -> bool:
    """Whether the index folder holds exactly the files ``build`` wrote, byte for byte.

    Checked before whoosh opens anything: a damaged segment can raise almost any exception
    (``struct.error``, ``EOFError``, ``UnicodeDecodeError``) or, worse, open and return wrong
    postings. Hashing a few megabytes costs a few milliseconds.
    """
    try:
        recorded = json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
        return isinstance(recorded, dict) and recorded == _digests(directory)
    except (OSError, ValueError):
        return False


def _contains_run(stems: tuple[str, ...], phrase: list[str]) -> bool:
    """Whether ``phrase`` occurs as consecutive words (stop words aside) in ``stems``."""
    target = tuple(phrase)
    position = 0
    while True:
        try:
            position = stems.index(target[0], position)  # scans in C, unlike a generator
        except ValueError:
            return False
        if stems[position : position + len(target)] == target:
            return True
        position += 1


def _keep_selective(frequencies: dict[str, int], total: int) -> set[str]:
    """Terms found in few enough passages to be worth scoring (the rarest two always are).

    A term in a large share of all passages adds almost nothing to BM25 but makes whoosh
    score every one of those passages: on a 100x corpus that dominated the query time.
    """
    ranked = sorted(frequencies, key=lambda term: frequencies[term])
    limit = max(COMMON_SHARE * total, 1)
    return {t for i, t in enumerate(ranked) if i < 2 or frequencies[t] <= limit}


def title_parts(corpus: Corpus, key: PassageKey) -> list[str]:
    """What stands above the text of ``key``: an article's title and the headings of its
    chapter, section and title, or a document's title and tags (the index's title field)."""
    if isinstance(key, DocumentRef):
        document = corpus.documents.get(key.id)
        return [document.title, *document.tags] if document else []
    article = corpus.article(key.instrument, key.article)
    if article is None:
        return []
    return [article.title or "", *(d.heading or "" for d in article.divisions)]


def _title_text(corpus: Corpus, key: PassageKey) -> str:
    return " ".join(title_parts(corpus, key))


def _documents(corpus: Corpus) -> Iterator[dict[str, Any]]:
    for instrument in corpus.instruments.values():
        for article in instrument.articles:
            if not article.available:
                continue
            title = _title_text(corpus, article.ref)
            for position, block in enumerate(article_blocks(article)):
                yield {
                    "doc_id": f"{key_text(article.ref)}#{position}",
                    "key": key_text(article.ref),
                    "block": position,
                    "title": title,
                    "body": block,
                }
    for document in corpus.documents.values():
        key = DocumentRef(document.id)
        title = _title_text(corpus, key)
        for position, block in enumerate(document_blocks(document)):
            yield {
                "doc_id": f"{key_text(key)}#{position}",
                "key": key_text(key),
                "block": position,
                "title": title,
                "body": block,
            }
