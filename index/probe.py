"""Linear probes on a question's embedding: whether the texts answer it, and which article.

Dense similarity alone does not tell an off-topic question from a case story (their nearest
passages are about as near: the embedding squeezes every question into a narrow band), so a
story told in a victim's words ("a student got into the school server and changed his
grades") left the lexical ranking unsure and was abstained. A direction in embedding space
fitted on thousands of questions people ask about the articles (``index/exemplars/``,
``in_scope.yaml``) against the venue, help-desk and other-law questions of
``out_of_scope.yaml`` separates them better: a logistic regression over the 384 dimensions,
fitted by ``python -m bench.fit_probe`` and stored in ``probe.json`` with the model it was
fitted for. Vectors of another model have other dimensions, so then there is no probe.

Which article a question asks about is likewise a softmax regression over the same vector
(``ArticleProbe``, ``article_probe.npz``), fitted on the exemplars, each of which names its
article. Nearest-neighbour closeness rewards whichever passage happens to share a phrasing;
the regression weighs every exemplar of every article at once, and so generalises to
phrasings no exemplar has (on the development sets, alone: stories_dev hit@3 0.97).

The exemplars are written to be answered or declined; people who ask off-topic questions use
the treaties' words ("How many years did Mandela spend in prison?", "Who founded Silk Road and
how long was his sentence?"), and the exemplar probe finds them as answerable as the law
questions. The askers' probe (``askers_probe.json``) is the same regression fitted on the
questions of the development sets instead, answerable against off-topic, as blind helpers
wrote them: it reads how people ask about a treaty, not which words they use.

The programme probe (``programme_probe.json``) is that regression fitted on the development
sets' fact questions against their article questions: whether a question asks what the
programme's slides and reports state ("what was the first step of phase 1 of accession?")
rather than what a treaty says. Nearness alone had quoted Art. 37 on accession to that
question, with the slide that answers it second; the probe reads the asking, which tells the
two apart on questions it never saw (left-one-set-out, ``bench.fit_probe --programme``).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.model import ArticleRef, key_text, parse_key
from index.embedding import Vectors

log = logging.getLogger(__name__)

PROBE_FILE = Path(__file__).with_name("probe.json")
# the same regression fitted on the questions of the development sets (see above)
ASKERS_PROBE_FILE = Path(__file__).with_name("askers_probe.json")
ARTICLE_PROBE_FILE = Path(__file__).with_name("article_probe.npz")
# the same regression fitted on the development sets' fact questions against their article
# questions: whether the programme documents are asked rather than a treaty (see below)
PROGRAMME_PROBE_FILE = Path(__file__).with_name("programme_probe.json")
SMALLEST = 0.01  # an article less likely than this gains nothing worth computing


@dataclass(frozen=True, slots=True)
class Probe:
    model: str  # the embedder version the weights were fitted for
    weights: Vectors
    bias: float

    @classmethod
    def load(cls, version: str, path: Path = PROBE_FILE) -> Probe | None:
        """The probe fitted for embedder ``version``, or None: none fitted, another model's,
        or a file that does not read as one (then questions are answered as without it)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            probe = cls(str(data["model"]), np.asarray(data["weights"], np.float32), data["bias"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return probe if probe.model == version and probe.weights.ndim == 1 else None

    def answerable(self, query: Vectors) -> float:
        """The probability that the texts answer the question whose vector is ``query``."""
        if query.shape != self.weights.shape:
            return 0.0
        score = float(query @ self.weights) + float(self.bias)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, score))))

    def save(self, path: Path = PROBE_FILE) -> None:
        data = {"model": self.model, "bias": self.bias, "weights": self.weights.tolist()}
        path.write_text(json.dumps(data) + "\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class ArticleProbe:
    model: str  # the embedder version the weights were fitted for
    articles: tuple[ArticleRef, ...]
    weights: Vectors  # dimensions x articles
    bias: Vectors  # one per article

    @classmethod
    def load(cls, version: str, path: Path = ARTICLE_PROBE_FILE) -> ArticleProbe | None:
        """The probe fitted for embedder ``version``, or None: none fitted, another model's,
        or a file that does not read as one (then articles are ranked as without it)."""
        try:
            with path.open("rb") as handle, np.load(handle, allow_pickle=False) as stored:
                model = str(stored["model"])
                keys = [parse_key(str(k)) for k in stored["articles"]]
                weights = stored["weights"].astype(np.float32)
                bias = stored["bias"].astype(np.float32)
        except FileNotFoundError:
            return None
        except Exception as error:  # a truncated or foreign file: rank without it
            log.warning("ignoring unreadable article probe %s: %s", path, error)
            return None
        articles = tuple(k for k in keys if isinstance(k, ArticleRef))
        shaped = weights.ndim == 2 and weights.shape[1] == len(keys) == len(bias)
        if model != version or not shaped or len(articles) != len(keys):
            return None
        return cls(model, articles, weights, bias)

    def probabilities(self, query: Vectors) -> dict[ArticleRef, float]:
        """How likely each article is the one asked about, for those not unlikely."""
        if query.shape != (self.weights.shape[0],):
            return {}
        scores = query @ self.weights + self.bias
        likely = np.exp(scores - scores.max())
        likely /= likely.sum()
        return {self.articles[i]: float(likely[i]) for i in np.flatnonzero(likely >= SMALLEST)}

    def save(self, path: Path = ARTICLE_PROBE_FILE) -> None:
        with path.open("wb") as out:
            np.savez_compressed(
                out,
                model=np.array(self.model),
                articles=np.array([key_text(a) for a in self.articles]),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
            )
