"""Redaction keeps the question and drops the person."""

from __future__ import annotations

import pytest

from faq.redact import redact


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("my name is Ana Silva, I need art 16", "my name is [name], I need art 16"),
        ("I am Judge Okafor from Nigeria", "I am [name] from Nigeria"),
        ("Mr. John Smith asked about art 16", "Mr. [name] asked about art 16"),
        ("je m'appelle Marie Dupont, article 29 ?", "je m'appelle [name], article 29 ?"),
        ("Меня зовут Иван Петров", "Меня зовут [name]"),
        ("call +351 912 345 678 today", "call [number] today"),
        ("write to ana.silva@pj.pt", "write to [email]"),
        ("ask @ana_pj on telegram", "ask [user] on telegram"),
        ("logs for 192.168.1.20 please", "logs for [ip] please"),
        ("see https://rm.coe.int/x?id=5", "see [link]"),
        ("IBAN PT50 0002 0123 1234 5678 9015 4", "IBAN [number]"),
        # walkthrough 13
        ("Ich heiße Hans Müller, was ist Artikel 9?", "Ich heiße [name], was ist Artikel 9?"),
        (
            "my IBAN is DE89370400440532013000, is spam covered?",
            "my IBAN is [number], is spam covered?",
        ),
        (
            "My passport number is X1234567 and I live at 12 Rue de la Paix, what is love?",
            "My passport number is [number] and I live at [address], what is love?",
        ),
        ("I live at Hauptstraße 5 in Berlin", "I live at [address] in Berlin"),
        ("we met at 221B Baker Street", "we met at [address]"),
    ],
)
def test_personal_data_is_replaced(question: str, kept: str) -> None:
    assert redact(question) == kept


@pytest.mark.parametrize(
    "question",
    [
        "I am looking for article 29",
        "I am in Strasbourg next week",
        "how long can data be preserved? 90 days?",
        "Budapest Convention ETS 185 of 2001, art 32(b)",
        "what is the 24/7 network",
        "case 2023/4455 about article 18(3)",
        "CETS201 art 23 and ETS185-16",
        "ich bin Richter in Wien",
        "in 2013 the T-CY adopted 26 recommendations",
    ],
)
def test_ordinary_questions_are_untouched(question: str) -> None:
    assert redact(question) == question
