"""Which language a question is written in: English, French, Spanish, Portuguese or Russian.

Good enough to route a question (lexical search reads English only) and to say, in the asker's
language, that treaty texts are quoted in English. Function words decide English or not; a
question with none (“preservation order?”) counts as English, the language of the texts, unless
a character n-gram classifier (py3langid) is sure it is not. Which of the Romance languages is
the classifier's when it is sure: function words and accents confused unaccented Spanish with
French ("Convenio de Budapest articulo sobre acceso ilicito a un sistema informatico"); on the
development sets they misread 7 of 726 questions, 1 with the classifier.
"""

from __future__ import annotations

import copy
import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from index.text import fold

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
    "sobre cuál cuáles cuánto cuántos cuántas dónde hay mi nuestro datos lo",
    "pt": "de o os as do da dos das um uma é são que como para por com pode podem se ao e sobre "
    "qual quais quanto quantos quantas onde há meu nosso dados não em no na",
}
ROMANCE = ("fr", "es", "pt")
# Word endings that tell the three Romance languages apart when their function words tie.
_ENDINGS = {
    "fr": ("tion", "tions", "ité", "eux", "aux"),
    "es": ("ción", "ciones", "dad", "dades"),
    "pt": ("ção", "ções", "dade", "dades"),
}
# How sure the classifier must be to choose among them alone ("¿Qué es la red 24/7?": French
# at 0.82); from 0.5 to 0.999 the development sets read the same.
SURE_ROMANCE = 0.9
CLASSIFIED_CHARACTERS = 2000  # what the classifier reads of a text
# How sure the classifier must be to overrule function words that say English: at 0.9, 7
# English questions of the development sets read as Spanish.
SURE_FOREIGN = 0.99
_ACCENTS = {"fr": "éèêàçùœë", "es": "ñ¿¡áíóú", "pt": "ãõçâêáíóú"}


def detect_language(text: str) -> str:
    """``en``, ``fr``, ``es``, ``pt`` or ``ru`` for ``text``."""
    if len(_CYRILLIC.findall(text)) >= 3:
        return "ru"
    scores = _scores(text)
    best = max(scores, key=lambda language: scores[language])
    if best == ENGLISH or scores[best] <= scores[ENGLISH] or scores[best] < 1.5:
        if scores[ENGLISH]:  # "what does la convention de Budapest say about spam"
            return ENGLISH
        language, sureness = _classify(text, (ENGLISH, *ROMANCE))
        if sureness < SURE_FOREIGN:
            return ENGLISH
        # a word of its own tells a language the letters may not: "pornografia infantil posse
        # é crime?" says Portuguese's "é"; its letters read as French
        said = {other: scores[other] for other in ROMANCE if scores[other] >= 1}
        if language in ROMANCE and said and scores[language] < max(said.values()):
            return max(said, key=lambda other: said[other])
        return language
    return likeliest(text, ROMANCE)


@cache
def function_words() -> frozenset[str]:
    """The function words of French, Spanish and Portuguese, lower-case and without accents:
    no word of a fact ("combien" is not "combination")."""
    return frozenset(fold(word) for language in ROMANCE for word in _MARKERS[language].split())


def english_words(text: str) -> int:
    """How many of English's function words ``text`` says ("what", "is", "the", "for")."""
    return int(_scores(text)[ENGLISH])


def likeliest(text: str, among: tuple[str, ...]) -> str:
    """Which of ``among`` (French, Spanish, Portuguese, Russian) ``text`` reads most like: the
    classifier's choice when it is sure, otherwise by function words, accents and word
    endings (a few words say little to it: "¿Qué es la red 24/7?" read as French); the first
    on a tie."""
    if len(among) == 1:
        return among[0]
    if "fr" in among and _french_elided(text):
        return "fr"
    scores = _scores(text)
    if "fr" in among and _ELISION.search(text) and scores["fr"] >= max(scores.values()):
        return "fr"  # "l'article 23 de la convention de Lanzarote": its words tie with Spanish
    language, sureness = _classify(text, tuple(sorted(among)))
    if sureness >= SURE_ROMANCE:
        return language
    tokens = [w.casefold() for w in _WORD.findall(text)]
    for other, endings in _ENDINGS.items():  # which of them, when function words tie
        scores[other] += 0.5 * sum(t.endswith(endings) for t in tokens)
    return max(among, key=lambda other: scores.get(other, 0.0))


# French elides a vowel before a word ("qu'il", "c'est", "l'atelier"); Spanish and
# Portuguese do not: the classifier read "qu'est-ce qu'il y a demain ?" as Spanish
_ELISION = re.compile(r"\b(?:qu|c|j|n|s|l|d|m)['’](?=[^\W\d_])", re.IGNORECASE)


def _french_elided(text: str) -> bool:
    """Whether ``text`` elides as French does ("qu'" once, or any elision twice), or asks
    with French's own "quel" or "pourquoi": the letters of "quel article concerne la
    pornographie enfantine ?" read as Spanish."""
    if _FRENCH_ASKING.search(text):
        return True
    elided = [m.group().casefold() for m in _ELISION.finditer(text)]
    return len(elided) >= 2 or any(e.startswith("qu") for e in elided)


_FRENCH_ASKING = re.compile(r"\b(?:quel(?:le)?s?|pourquoi)\b", re.IGNORECASE)


def _classify(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
    """The classifier's language for ``text`` among ``languages``, and how sure it is. It
    counts n-grams in 16 bits: a long text overflows them, and its opening says enough."""
    language, sureness = _classifier(languages).classify(text[:CLASSIFIED_CHARACTERS])
    return str(language), float(sureness)


@cache
def _classifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    """py3langid's model limited to ``languages``: a copy sharing the model loaded once
    (about 0.15 s), whose limiting sets its own arrays."""
    classifier = copy.copy(_model())
    classifier.set_languages(list(languages))
    return classifier


@cache
def _model() -> LanguageIdentifier:
    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


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
