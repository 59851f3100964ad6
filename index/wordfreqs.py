"""How common words are in general English, from `wordfreq`, kept as a small table.

Only words common enough to matter (Zipf frequency >= ``MIN_ZIPF``) are kept: about 22,000,
which load in milliseconds, where importing wordfreq and its full list costs half a second of
every `workshop-bot ask`. The table is written when the index is built.
"""

from __future__ import annotations

import json
import math
from importlib.metadata import version
from pathlib import Path

TABLE_FILE = "common-words.json"
# Words this common are never "corrected" into a word of the treaties ("espresso" is 3.4, the
# typo "teh" 3.0); rarer ones are all equally specific (index.query.QueryAnalyser.specificity).
MIN_ZIPF = 3.2


def wordfreq_version() -> str:
    return version("wordfreq")


def write_table(directory: Path) -> None:
    from wordfreq import get_frequency_dict  # noqa: PLC0415 - only when an index is built

    table = {}
    for word, frequency in get_frequency_dict("en", wordlist="best").items():
        zipf = math.log10(frequency * 1e9)
        if zipf >= MIN_ZIPF:
            table[word.replace("'", "").replace("’", "")] = round(zipf, 2)
    (directory / TABLE_FILE).write_text(json.dumps(table, sort_keys=True), encoding="utf-8")


def load_table(directory: Path) -> dict[str, float]:
    loaded = json.loads((directory / TABLE_FILE).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{directory / TABLE_FILE}: not a word table")
    return {str(word): float(zipf) for word, zipf in loaded.items()}
