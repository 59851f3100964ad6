"""Passage vectors cached by content: sha256 of the model version and the text.

A rebuilt index embeds only passages whose text (or model) changed. Two caches are read: the
seed shipped in ``index/vectors/`` (so the first start does not spend two minutes embedding
the treaties) and the one beside the index, which is written atomically.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from index.embedding import Embedder, Vectors

log = logging.getLogger(__name__)

SEED_DIRECTORY = Path(__file__).with_name("vectors")
BATCH = 16


def digest(version: str, text: str) -> str:
    return hashlib.sha256(f"{version}\0{text}".encode()).hexdigest()


def cache_file(directory: Path, version: str, *, queries: bool = False) -> Path:
    """Passages and questions are embedded differently (e5's prefixes): one file each."""
    return directory / f"{version}{'-queries' if queries else ''}.npz"


def read_cache(path: Path) -> dict[str, Vectors]:
    """The vectors stored in ``path`` by digest; a missing or damaged file is an empty cache."""
    try:
        with path.open("rb") as handle, np.load(handle, allow_pickle=False) as stored:
            digests, vectors = stored["digests"], stored["vectors"]
            return {
                bytes(d).decode(): v.astype(np.float32)
                for d, v in zip(digests, vectors, strict=True)
            }
    except FileNotFoundError:
        return {}
    except Exception as error:  # a truncated or foreign file: embed again
        log.warning("ignoring unreadable vector cache %s: %s", path, error)
        return {}


def write_cache(path: Path, vectors: dict[str, Vectors]) -> None:
    """Store ``vectors`` (float16: a quarter of the size, no measurable loss in ranking)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    digests = np.array([d.encode() for d in sorted(vectors)], dtype="S64")
    ordered = [vectors[d] for d in sorted(vectors)]
    matrix = np.stack(ordered).astype(np.float16) if ordered else None
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # plain open: honours umask
    try:
        with temporary.open("wb") as out:
            np.savez(out, digests=digests, vectors=matrix if matrix is not None else np.zeros(0))
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def cached_vectors(
    version: str,
    directory: Path,
    *,
    seed_directory: Path = SEED_DIRECTORY,
    queries: bool = False,
) -> dict[str, Vectors]:
    """Every vector the seed and the cache in ``directory`` hold for ``version``, by digest."""
    cached = read_cache(cache_file(seed_directory, version, queries=queries))
    cached.update(read_cache(cache_file(directory, version, queries=queries)))
    return cached


def embed_passages(
    embedder: Embedder,
    texts: Sequence[str],
    directory: Path,
    *,
    seed_directory: Path = SEED_DIRECTORY,
    progress: TextIO | None = sys.stderr,
    queries: bool = False,
) -> Vectors:
    """One vector per text, from the caches where possible; the rest embedded and stored.

    ``queries``: the texts are questions (embedded as queries), not passages."""
    version = embedder.version
    wanted = [digest(version, text) for text in texts]
    cached = cached_vectors(version, directory, seed_directory=seed_directory, queries=queries)
    embed = embedder.queries if queries else embedder.passages
    missing = sorted({d: t for d, t in zip(wanted, texts, strict=True) if d not in cached}.items())
    for done in range(0, len(missing), BATCH):
        batch = missing[done : done + BATCH]
        for (key, _), vector in zip(batch, embed([t for _, t in batch]), strict=True):
            cached[key] = vector
        if progress is not None:
            _show_progress(progress, done + len(batch), len(missing))
    if missing:
        keep = {d: cached[d] for d in set(wanted)}
        write_cache(cache_file(directory, version, queries=queries), keep)
    if not wanted:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([cached[d] for d in wanted]).astype(np.float32)


def _show_progress(out: TextIO, done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    out.write(f"\rEmbedding passages [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
    out.flush()
