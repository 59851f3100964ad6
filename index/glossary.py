"""The treaty terms of a question in French, Spanish, Portuguese or Russian, in English.

Lexical search reads English only; dense retrieval reads every language but is vague. A
question such as "conservation rapide des données stockées" names a treaty concept exactly,
so its terms are looked up in ``glossary.yaml`` (the English treaty wording of each foreign
term) and the English terms found are searched like an English question.

A key is a sequence of word stems: each must begin a word of the question (accents and case
aside), in order, with at most ``MAX_GAP`` other words between two of them ("donnee trafic"
matches "données relatives au trafic"). Longer keys are tried first and a word serves one key.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from corpus.problems import load_limited
from index.language import FOREIGN
from index.other_law import english_country_names
from index.text import fold

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")
PLACES_FILE = Path(__file__).with_name("places.yaml")
MAX_GAP = 2  # other words allowed between two words of a key: "de", "des", "relatives au"
_WORD = re.compile(r"[^\W_]+")  # "d'accès" is "d" and "acces", "ip-адрес" is "ip" and "адрес"


@dataclass(frozen=True, slots=True)
class Term:
    stems: tuple[str, ...]
    english: str


class Glossary:
    def __init__(self, terms: dict[str, list[Term]]) -> None:
        # longest first: "donnee relative au trafic" before "donnee"
        self.terms = {
            language: sorted(found, key=lambda t: (-len(t.stems), -len("".join(t.stems))))
            for language, found in terms.items()
        }

    @classmethod
    def load(cls, path: Path = GLOSSARY_FILE) -> Glossary:
        data = load_limited(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of languages")
        terms: dict[str, list[Term]] = {}
        for language, entries in data.items():
            if not isinstance(entries, dict):
                raise ValueError(f"{path}: {language}: expected a mapping of terms")
            terms[str(language)] = [
                Term(tuple(_words(str(key))), str(english))
                for key, english in entries.items()
                if _words(str(key)) and english
            ]
        return cls(terms)

    def english(self, text: str, language: str) -> str:
        """The English treaty terms ``text`` names, in the order found ("" for none)."""
        return " ".join(self.named(text, language))

    def read_share(self, text: str, language: str, shortest: int = 4) -> float:
        """The share of ``text``'s words of ``shortest`` letters or more that the terms of
        ``language`` read: how much of a question lexical search can read in English (the
        shorter words are mostly articles and prepositions: "de", "la", "sur")."""
        tokens, used, _ = self._read(text, language)
        long = [u for token, u in zip(tokens, used, strict=True) if len(token) >= shortest]
        return sum(long) / len(long) if long else 0.0

    def named(self, text: str, language: str) -> list[str]:
        """The English treaty term of each term of ``language`` that ``text`` names."""
        return list(self._read(text, language)[2])

    @lru_cache(maxsize=64)  # noqa: B019 - a question is read for its terms and their share
    def _read(
        self, text: str, language: str
    ) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[str, ...]]:
        """``text``'s words, whether a term of ``language`` read each, and the English of the
        terms read, in the order found."""
        tokens = _words(text)
        used = [False] * len(tokens)
        found: list[tuple[int, str]] = []
        for term in self.terms.get(language, []):
            start = _match(term.stems, tokens, used)
            if start is not None:
                found.append((start, term.english))
        return tuple(tokens), tuple(used), tuple(english for _, english in sorted(found))


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The committed glossary, read once per process."""
    return Glossary.load()


def _match(stems: tuple[str, ...], tokens: list[str], used: list[bool]) -> int | None:
    """Where ``stems`` first match unused ``tokens`` in order, marking them used; else None."""
    for first, token in enumerate(tokens):
        if used[first] or not token.startswith(stems[0]):
            continue
        positions = [first]
        for stem in stems[1:]:
            after = positions[-1] + 1
            window = range(after, min(len(tokens), after + MAX_GAP + 1))
            nxt = next((i for i in window if not used[i] and tokens[i].startswith(stem)), None)
            if nxt is None:
                break
            positions.append(nxt)
        if len(positions) == len(stems):
            for position in positions:
                used[position] = True
            return first
    return None


def _words(text: str) -> list[str]:
    """Lower-case words without accents (Russian ё is е): how keys and questions compare."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=1)
def default_places() -> Glossary:
    """The programme's places in the other languages (``places.yaml``) and every country's
    name in them (``country_terms``), read once."""
    places = Glossary.load(PLACES_FILE).terms
    countries = country_terms()
    return Glossary(
        {
            language: [*places.get(language, []), *countries.get(language, [])]
            for language in FOREIGN
        }
    )


COUNTRY_LETTERS = 5  # shorter names are words too: French "Inde" begins "indépendance"
RUSSIAN_ENDING = 2  # letters a Russian name changes with its case: "Египет", "Египта"


def country_terms() -> dict[str, list[Term]]:
    """Each country's name in French, Spanish, Portuguese and Russian, as ISO 3166 names
    them (``pycountry``'s translations), in the English the programme's documents write it
    by: "Corée" is Korea, "Marruecos" Morocco, "Турции" Turkey. A Russian name's last letters
    are left out, as they change with its case."""
    english_of = english_country_names()
    terms: dict[str, list[Term]] = {}
    for language in FOREIGN:
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        found = []
        for country in pycountry.countries:
            name = country.name
            common = getattr(country, "common_name", name)
            # "Korea, Republic of" is Korea; "Türkiye" the documents' Turkey
            english = english_of.get(fold(name)) or english_of.get(fold(common))
            english = english or name.split(",")[0]
            stems = _words(translation.gettext(name).split(",")[0])
            if sum(map(len, stems)) < COUNTRY_LETTERS or " ".join(stems) == fold(english):
                continue
            if language == "ru":
                stems = [w[: max(COUNTRY_LETTERS - 1, len(w) - RUSSIAN_ENDING)] for w in stems]
            found.append(Term(tuple(stems), english))
        terms[language] = found
    return terms
