"""A plain SQLite FTS5 baseline to judge the search engine against.

One row per available article (title + exact text), ``tokenize='porter'``, ranked by FTS5's
``bm25()`` with its default equal column weights. The query is every word of the question,
each quoted, OR-ed together. There is no confidence threshold: the baseline abstains only when
no word of the question occurs in the corpus, so its off-topic abstention shows what an engine
without calibration would do.
"""

from __future__ import annotations

import re
import sqlite3

from bench.harness import Reply
from corpus.model import Corpus, key_text

WORD = re.compile(r"\w+")


class Fts5Baseline:
    def __init__(self, corpus: Corpus) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute(
            "CREATE VIRTUAL TABLE articles USING fts5(key UNINDEXED, title, body, "
            "tokenize='porter')"
        )
        rows = ((key_text(a.ref), a.title or "", a.text) for a in corpus.articles() if a.available)
        with self._db:
            self._db.executemany("INSERT INTO articles VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()

    def search(self, question: str, limit: int = 5) -> tuple[str, ...]:
        """Article keys ranked by bm25, best first; empty when no word matches."""
        query = match_query(question)
        if not query:
            return ()
        found = self._db.execute(
            "SELECT key FROM articles WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT ?",
            (query, limit),
        )
        return tuple(row[0] for row in found)

    def reply(self, question: str) -> Reply:
        articles = self.search(question)
        return Reply(articles, abstained=not articles)


def match_query(question: str) -> str:
    """The question's words, each a quoted FTS5 string, OR-ed: no operator can leak through."""
    tokens = dict.fromkeys(w.lower() for w in WORD.findall(question))
    return " OR ".join('"' + token.replace('"', '""') + '"' for token in tokens)
