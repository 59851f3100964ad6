"""What the bot declines: venue and help-desk requests, chit-chat, other countries' laws.

Such questions often share words with the treaties ("my email account was hacked", "what does
the German criminal code say about hacking"), so lexical confidence lets some through. They
are declined by meaning instead: a question much nearer one of the exemplars in
``out_of_scope.yaml`` than any passage of the corpus. Measured on the development sets
(``bench/questions.yaml``, ``heldout``, ``heldout2``) at these settings: 2 of 396 answerable
questions declined, 34 of 79 off-topic ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.problems import load_limited
from index.embedding import Embedder, Vectors
from index.probe import ASKERS_PROBE_FILE, Probe
from index.vectors import SEED_DIRECTORY, embed_passages
from index.weights import ScopeWeights

EXEMPLARS_FILE = Path(__file__).with_name("out_of_scope.yaml")
INSIDE_FILE = Path(__file__).with_name("in_scope.yaml")
# The kinds declined by nearness; the others (howto, misuse, trivia, organisation, named_law)
# only teach the probe and name the note of a question it declines: near "Article 17 of the
# GDPR", "right to be forgotten" is still Convention 108's.
NEAREST_KINDS = frozenset({"venue", "helpdesk", "other_law"})


@dataclass(frozen=True, slots=True)
class Exemplar:
    kind: str  # "venue", "helpdesk", "other_law"
    text: str


class Scope:
    def __init__(
        self,
        exemplars: list[Exemplar],
        vectors: Vectors,
        inside: Vectors | None = None,
        probe: Probe | None = None,
        askers: Probe | None = None,
    ) -> None:
        self.exemplars = exemplars
        self.vectors = vectors
        self.inside = inside  # questions to answer, in the askers' words (in_scope.yaml)
        self.probe = probe  # how much a question reads like one the texts answer
        self.askers = askers  # ... like the answerable questions people wrote
        self._by_nearness = np.array([e.kind in NEAREST_KINDS for e in exemplars], dtype=bool)

    @classmethod
    def load(
        cls,
        embedder: Embedder,
        directory: Path,
        *,
        path: Path = EXEMPLARS_FILE,
        inside_path: Path = INSIDE_FILE,
        seed_directory: Path = SEED_DIRECTORY,
    ) -> Scope:
        exemplars = load_scope_exemplars(path)
        inside = load_scope_exemplars(inside_path) if inside_path.exists() else []
        vectors = embed_passages(
            embedder,
            [e.text for e in (*exemplars, *inside)],
            directory,
            seed_directory=seed_directory,
            progress=None,
            queries=True,
        )
        probe = Probe.load(embedder.version)
        askers = Probe.load(embedder.version, ASKERS_PROBE_FILE)
        return cls(exemplars, vectors[: len(exemplars)], vectors[len(exemplars) :], probe, askers)

    def outside(
        self, query: Vectors, nearest_passage: float, weights: ScopeWeights
    ) -> Exemplar | None:
        """The exemplar that puts the question out of scope, or None: one much nearer the
        question than any passage of the corpus and any question to answer."""
        if not self.exemplars:
            return None
        similarities = self.vectors @ query
        similarities[~self._by_nearness] = -1.0
        best = int(np.argmax(similarities))
        nearness = float(similarities[best])
        if self.inside is not None and len(self.inside):
            nearest_passage = max(nearest_passage, float((self.inside @ query).max()))
        if nearness < weights.near or nearness - nearest_passage < weights.margin:
            return None
        likely = self.answerable(query)
        if likely is not None and likely >= weights.unless_answerable:
            return None  # "we need the emails of a gmail account; google is in the US"
        return self.exemplars[best]

    def nearest(self, query: Vectors) -> Exemplar:
        """The out-of-scope exemplar nearest the question, of any kind."""
        return self.exemplars[int(np.argmax(self.vectors @ query))]

    def answerable(self, query: Vectors) -> float | None:
        """How likely the texts answer the question (``index.probe``); None without a probe."""
        return self.probe.answerable(query) if self.probe is not None else None

    def asked_like_answerable(self, query: Vectors) -> float | None:
        """How likely the texts answer the question, by the askers' probe; None without it."""
        return self.askers.answerable(query) if self.askers is not None else None


def load_scope_exemplars(path: Path) -> list[Exemplar]:
    data = load_limited(path.read_text(encoding="utf-8")) or {}
    return [Exemplar(kind, text) for kind, texts in data.items() for text in texts]
