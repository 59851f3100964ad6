"""Find the articles an article cites: "Article 29", "Articles 2 through 5", linked treaties."""

from __future__ import annotations

import re

from corpus.model import ArticleRef

# Link targets of the source repository that name instruments of this corpus.
LINKED_INSTRUMENTS = {"BWBV0001839": "ets185", "BWBV0001009": "ets030", "BWBV0002783": "ets108"}

_NUMBERS = r"\d+(?:\s*(?:,|and|or|to|through|-)\s*\d+)*"
_LINKED_ARTICLE = re.compile(r"\[Articles?\s+(" + _NUMBERS + r")[^\]]*\]\([^)]*?(BWBV\d+)")
_MENTION = re.compile(r"\bArticles?\s+(" + _NUMBERS + r")", re.IGNORECASE)
_OF_OTHER = re.compile(
    r"^[^.;]{0,40}?\bof\s+the\s+\[?(?:European\s+)?(Convention|Protocol)\b(\]\([^)]*?(BWBV\d+))?",
    re.IGNORECASE,
)
_OF_THIS = re.compile(r"^[^.;]{0,40}?\bof\s+this\s+(Convention|Protocol)\b", re.IGNORECASE)


def expand_numbers(text: str) -> list[str]:
    """ "2 through 5" -> 2,3,4,5; "29 and 30" -> 29,30."""
    numbers: list[str] = []
    for part in re.split(r"\s*(?:,|and|or)\s*", text):
        bounds = re.split(r"\s*(?:to|through|-)\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            low, high = int(bounds[0]), int(bounds[1])
            if 0 < high - low < 60:
                numbers += [str(n) for n in range(low, high + 1)]
                continue
        numbers += [b for b in bounds if b.isdigit()]
    return numbers


def find_references(
    instrument: str, number: str, raw_lines: list[str], parent: str | None, own: set[str]
) -> tuple[ArticleRef, ...]:
    found: list[ArticleRef] = []
    for line in raw_lines:
        for match in _LINKED_ARTICLE.finditer(line):
            target = LINKED_INSTRUMENTS.get(match.group(2))
            if target:
                found += [ArticleRef(target, n) for n in expand_numbers(match.group(1))]
        plain = _LINKED_ARTICLE.sub(" ", line)
        for match in _MENTION.finditer(plain):
            after = plain[match.end() :]
            target = instrument
            if not _OF_THIS.match(after) and (other := _OF_OTHER.match(after)):
                linked = LINKED_INSTRUMENTS.get(other.group(3) or "")
                target = linked or parent or instrument
            found += [ArticleRef(target, n) for n in expand_numbers(match.group(1))]
    unique: list[ArticleRef] = []
    for ref in found:
        is_self = ref.instrument == instrument and ref.article == number
        missing = ref.instrument == instrument and ref.article not in own
        if not is_self and not missing and ref not in unique:
            unique.append(ref)
    return tuple(unique)
