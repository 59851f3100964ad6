"""How much a question reads like one the texts answer: a linear probe on its embedding.

Dense similarity alone does not tell an off-topic question from a case story (their nearest
passages are about as near: the embedding squeezes every question into a narrow band), so a
story told in a victim's words ("a student got into the school server and changed his
grades") left the lexical ranking unsure and was abstained. A direction in embedding space
fitted on thousands of questions people ask about the articles (``index/exemplars/``,
``in_scope.yaml``) against the venue, help-desk and other-law questions of
``out_of_scope.yaml`` separates them better: a logistic regression over the 384 dimensions,
fitted by ``python -m bench.fit_probe`` and stored in ``probe.json`` with the model it was
fitted for. Vectors of another model have other dimensions, so then there is no probe.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.embedding import Vectors

PROBE_FILE = Path(__file__).with_name("probe.json")


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
