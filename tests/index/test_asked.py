"""The exemplars' words: which article a question's words are asked about, per language."""

from __future__ import annotations

from corpus.model import ArticleRef
from index.asked import AskedWords
from index.exemplars import Exemplar

ACCESS = ArticleRef("ets185", "2")
FRAUD = ArticleRef("ets185", "8")
EXEMPLARS = [
    Exemplar(ACCESS, "en", "someone keeps logging into my Instagram account"),
    Exemplar(ACCESS, "en", "my ex guessed my password and reads my mail"),
    Exemplar(FRAUD, "en", "the clerk moved money from the bank system to his cousin"),
    Exemplar(FRAUD, "fr", "on m'a volé de l'argent sur mon compte bancaire en ligne"),
    Exemplar(ACCESS, "fr", "mon ex se connecte à mon compte Facebook"),
]


def test_a_story_finds_the_article_whose_exemplars_share_its_words() -> None:
    scores = AskedWords(EXEMPLARS).scores("a bank clerk moved the money to his cousin", "en")

    assert max(scores, key=lambda a: scores[a]) == FRAUD
    assert scores[FRAUD] == 1.0


def test_other_languages_match_their_own_exemplars_by_word_beginnings() -> None:
    scores = AskedWords(EXEMPLARS).scores("Mon ex-mari se connecte a mes comptes", "fr")

    assert max(scores, key=lambda a: scores[a]) == ACCESS


def test_no_shared_word_or_no_exemplars_in_the_language_is_no_score() -> None:
    asked = AskedWords(EXEMPLARS)

    assert asked.scores("what time is lunch", "en") == {}
    assert asked.scores("кто-то взломал мою почту", "ru") == {}
