"""Find the articles an article cites: "Article 29", "Articles 2 through 5", linked treaties.

The sources link citations of other treaties to the Dutch treaty database, sometimes one link
per number ("[Articles 8](..), [9](..) and [12 of the Convention](..)"), so every cited number
is resolved by where it stands: inside a link, the link's treaty; otherwise the treaty named
after it ("of this Protocol", "of the Convention", "of the Convention on Cybercrime").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from corpus.model import ArticleRef, normalise_name

# Link targets of the source repository (Dutch treaty database ids) naming corpus instruments.
LINKED_INSTRUMENTS = {
    "BWBV0001839": "ets185",
    "BWBV0001009": "ets030",
    "BWBV0002783": "ets108",
    "BWBV0001026": "ets099",
    "BWBV0001027": "ets099",
    "BWBV0003125": "ets182",
}

_LINK = re.compile(r"\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
_TREATY_ID = re.compile(r"BWBV\d+")
_MENTION = re.compile(r"\bArticles?\s+(\d+(?:\s*(?:,|and|or|to|through|-)\s*\d+)*)")
_PART = re.compile(r"(\d+)(?:\s*(?:to|through|-)\s*(\d+))?")
_OF = re.compile(r"^[^.;]{0,40}?\bof\s+(this|the\s+present|the)\s+", re.IGNORECASE)
_GENERIC = re.compile(r"^(Convention|Protocol)\b(?!\s+(?:on|for|to|concerning)\b)")
_MAX_RANGE = 60


@dataclass(frozen=True, slots=True)
class _Link:
    start: int
    end: int
    instrument: str | None  # None: a treaty outside this corpus


def expand_numbers(text: str) -> list[str]:
    """ "2 through 5" -> 2,3,4,5; "29 and 30" -> 29,30."""
    numbers: list[str] = []
    for part in _PART.finditer(text):
        low, high = part.group(1), part.group(2)
        if high and 0 < int(high) - int(low) < _MAX_RANGE:
            numbers += [str(n) for n in range(int(low), int(high) + 1)]
        else:
            numbers += [n for n in (low, high) if n]
    return numbers


@dataclass(frozen=True, slots=True)
class Citing:
    """The instrument whose articles cite: what "this", "the Convention" and names mean there.

    ``names`` maps normalised instrument names (titles, aliases) to ids, so that "Article 9 of
    the Convention on Cybercrime" resolves without a link; ``own`` holds the article numbers of
    ``instrument``, so that citations of articles it does not have are dropped.
    """

    instrument: str
    parent: str | None
    own: frozenset[str]
    names: Mapping[str, str]


def find_references(citing: Citing, number: str, raw_lines: list[str]) -> tuple[ArticleRef, ...]:
    """Articles cited by article ``number``, in order of first mention, without itself."""
    instrument = citing.instrument
    found: list[ArticleRef] = []
    for line in raw_lines:
        text, links = _unlink(line)
        for mention in _MENTION.finditer(text):
            named = _named_instrument(citing, text, mention.end(), links)
            numbers = mention.group(1)
            for part in _PART.finditer(numbers):
                link = _link_at(links, mention.start(1) + part.start())
                target = link.instrument if link else named
                if target:
                    found += [ArticleRef(target, n) for n in expand_numbers(part.group(0))]
    unique: list[ArticleRef] = []
    for ref in found:
        is_self = ref.instrument == instrument and ref.article == number
        missing = ref.instrument == instrument and ref.article not in citing.own
        if not is_self and not missing and ref not in unique:
            unique.append(ref)
    return tuple(unique)


def _unlink(line: str) -> tuple[str, list[_Link]]:
    """The line with links replaced by their text, and where the treaty links now stand."""
    pieces: list[str] = []
    links: list[_Link] = []
    length = previous = 0
    for match in _LINK.finditer(line):
        before, label = line[previous : match.start()], match.group(1)
        pieces += [before, label]
        length += len(before)
        treaty = _TREATY_ID.search(match.group(2))
        if treaty:
            links.append(_Link(length, length + len(label), LINKED_INSTRUMENTS.get(treaty.group())))
        length += len(label)
        previous = match.end()
    pieces.append(line[previous:])
    return "".join(pieces), links


def _link_at(links: list[_Link], position: int) -> _Link | None:
    return next((link for link in links if link.start <= position < link.end), None)


def _named_instrument(citing: Citing, text: str, end: int, links: list[_Link]) -> str | None:
    """The instrument a citation ending at ``end`` names; None when it is outside the corpus."""
    instrument, names = citing.instrument, citing.names
    of = _OF.match(text[end:])
    if not of:
        return instrument
    if of.group(1).lower() != "the":
        return instrument  # "of this Convention", "of the present Protocol"
    start = end + of.end()
    link = _link_at(links, start)
    if link:
        return link.instrument
    rest = text[start : start + 160]
    if _GENERIC.match(rest):
        return citing.parent or instrument  # "of the Convention" in a protocol: the convention
    spoken = normalise_name(rest)
    matches = [n for n in names if spoken == n or spoken.startswith(n + " ")]
    if matches:
        return names[max(matches, key=len)]
    return instrument if rest[:1].islower() else None
