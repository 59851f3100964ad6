"""Which language a question is written in: English, French, Spanish, Portuguese or Russian.

Good enough to route a question (lexical search reads English only) and to say, in the asker's
language, that treaty texts are quoted in English. Function words decide; a question with none
(“preservation order?”) counts as English, the language of the texts.
"""

from __future__ import annotations

import re

ENGLISH = "en"
FOREIGN = ("fr", "es", "pt", "ru")  # the other languages participants write in
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Frequent function words that the other four languages do not share with English.
_MARKERS = {
    "en": "the of and to is are what how can does which who when where for with an be this that "
    "my our it do should",
    "fr": "de le la les des du un une est sont que qui quoi quel quelle quels quelles comment pour "
    "dans sur avec une pas peut peuvent faut ce cette ces nous vous je et au aux ou données est-ce "
    "combien pourquoi",
    "es": "de el la los las del una es son que qué cómo como para por con puede pueden se al y "
    "sobre cuál cuáles cuánto dónde hay mi nuestro datos lo",
    "pt": "de o os as do da dos das um uma é são que como para por com pode podem se ao e sobre "
    "qual quais quanto onde há meu nosso dados não em no na",
}
# Word endings that tell the three Romance languages apart when their function words tie.
_ENDINGS = {
    "fr": ("tion", "tions", "ité", "eux", "aux"),
    "es": ("ción", "ciones", "dad", "dades"),
    "pt": ("ção", "ções", "dade", "dades"),
}
_ACCENTS = {"fr": "éèêàçùœë", "es": "ñ¿¡áíóú", "pt": "ãõçâêáíóú"}


def detect_language(text: str) -> str:
    """``en``, ``fr``, ``es``, ``pt`` or ``ru`` for ``text``."""
    if len(_CYRILLIC.findall(text)) >= 3:
        return "ru"
    scores = _scores(text)
    best = max(scores, key=lambda language: scores[language])
    if best == ENGLISH or scores[best] <= scores[ENGLISH] or scores[best] < 1.5:
        return ENGLISH
    return likeliest(text, tuple(_ENDINGS))


def likeliest(text: str, among: tuple[str, ...]) -> str:
    """Which of ``among`` (French, Spanish, Portuguese) ``text`` reads most like, by its
    function words, accents and word endings; the first on a tie."""
    scores = _scores(text)
    tokens = [w.casefold() for w in _WORD.findall(text)]
    for language, endings in _ENDINGS.items():  # which of them, when function words tie
        scores[language] += 0.5 * sum(t.endswith(endings) for t in tokens)
    return max(among, key=lambda language: scores.get(language, 0.0))


def _scores(text: str) -> dict[str, float]:
    tokens = [w.casefold() for w in _WORD.findall(text)]
    scores = {
        language: sum(1.0 for t in tokens if t in _MARKER_SETS[language])
        for language in _MARKER_SETS
    }
    lowered = text.casefold()
    for language, letters in _ACCENTS.items():
        scores[language] += 0.5 * sum(lowered.count(ch) for ch in letters)
    return scores


_MARKER_SETS = {language: frozenset(words.split()) for language, words in _MARKERS.items()}
