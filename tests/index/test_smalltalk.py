"""Greetings, thanks and goodbyes get a short friendly reply, not "I don't know"."""

from __future__ import annotations

import pytest

from index.answer import AnswerKind
from index.ask import AskService
from index.smalltalk import REPLIES, small_talk


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", "greeting"),
        ("hi bot, how are you feeling today?", "greeting"),
        ("do you ever get tired of answering questions all day?", "greeting"),
        ("Hello!", "greeting"),
        ("good morning :)", "greeting"),
        ("Bonjour", "greeting"),
        ("hola", "greeting"),
        ("Olá", "greeting"),
        ("Привет", "greeting"),
        ("thanks!", "thanks"),
        ("thank you very much", "thanks"),
        ("merci beaucoup", "thanks"),
        ("muito obrigado", "thanks"),
        ("спасибо", "thanks"),
        ("bye", "goodbye"),
        ("au revoir", "goodbye"),
        ("thanks a lot for your help", "thanks"),
        ("thank you very much, very helpful", "thanks"),
        ("ok", "thanks"),
        ("who are you?", "greeting"),
        ("hi, can you help me?", "greeting"),
        ("qui es-tu ?", "greeting"),
        ("how are you today?", "greeting"),
        ("hello, how are you", "greeting"),
        ("comment ça va ?", "greeting"),
        ("как дела?", "greeting"),
        ("what time is it in Tokyo right now?", "clock"),
        ("are you a robot?", "greeting"),
        ("are you ChatGPT or some other model?", "greeting"),
        ("which model are you?", "greeting"),
        ("good evening bot, how is your day going?", "greeting"),
        ("whats the weather like in Strasbourg tomorrow?", "clock"),
        ("какая погода завтра в Страсбурге?", "clock"),
        ("quel temps fait-il à Strasbourg demain ?", "clock"),
        ("Quelle est la météo à Strasbourg demain ?", "clock"),
        ("¿qué hora es en Bucarest?", "clock"),
        ("привет, как дела?", "greeting"),
        # abuse gets a calm reply, not Art. 6 on the misuse of devices
        ("you are a useless bot, f you", "abuse"),
        ("shut up", "abuse"),
        ("tu es nul", "abuse"),
    ],
)
def test_small_talk_is_recognised(text: str, kind: str) -> None:
    assert small_talk(text) == REPLIES[kind]


@pytest.mark.parametrize(
    "text",
    [
        "hi, what is the 24/7 network?",
        "thanks to art 29 we preserved data",
        "what is stupid about Article 6?",
        "history",
        "",
        "help me with art 29",
        "are you happy with art 15?",
        "what time is the next session",
        "are you a human rights lawyer?",
        "what time is the session in Tokyo",
        "ok so what is art 29",
        "Сколько времени можно хранить данные по запросу о сохранении?",
        "quel temps faut-il pour obtenir une réponse à une demande d'entraide ?",
    ],
)
def test_questions_are_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_a_greeting_gets_a_friendly_reply_and_what_to_try(ask_service: AskService) -> None:
    answer = ask_service.ask("hi")

    assert answer.kind is AnswerKind.NONE
    assert answer.notes == (REPLIES["greeting"],)
    assert answer.suggestions


def test_thanks_in_russian_gets_no_language_note(ask_service: AskService) -> None:
    answer = ask_service.ask("спасибо")

    assert answer.notes == (REPLIES["thanks"],)
    assert answer.suggestions == ()
