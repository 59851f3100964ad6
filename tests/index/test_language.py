"""Which language a question is in: enough to route it and to answer the note in it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.language import detect_language, likeliest


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("how long can data be preserved?", "en"),
        # a word of its own says Portuguese where the letters read as French
        ("pornografia infantil posse é crime?", "pt"),
        ("quantos participantes no Cairo", "pt"),
        # one elision decides a tie of French and Spanish words
        ("l'article 23 de la convention de Lanzarote", "fr"),
        ("preservation order?", "en"),
        ("art 29", "en"),
        ("Is grooming a crime under Lanzarote", "en"),
        ("what does la convention de Budapest say about spam", "en"),
        ("Qu'est-ce que le réseau 24/7 ?", "fr"),
        ("Combien de temps les données peuvent-elles être conservées ?", "fr"),
        ("¿Cuánto tiempo se pueden conservar los datos?", "es"),
        ("que es la red 24/7", "es"),
        ("Quanto tempo os dados podem ser preservados?", "pt"),
        ("o que é a rede 24/7", "pt"),
        ("Сколько времени можно хранить данные?", "ru"),
        # French elides, Spanish does not: the classifier had read this as Spanish
        ("qu'est-ce qu'il y a demain ?", "fr"),
        # French's own "quel": its letters had read as Spanish
        ("quel article concerne la pornographie enfantine ?", "fr"),
        # unaccented: function words and accents had read French
        ("Convenio de Budapest articulo sobre acceso ilicito a un sistema informatico", "es"),
        ("convencao de budapeste conservacao expedita de dados informaticos armazenados", "pt"),
        ("", "en"),
        ("1234 ???", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_the_likeliest_of_languages_tied_on_treaty_terms() -> None:
    assert likeliest("extradicion por delitos informaticos", ("fr", "es")) == "es"
    assert likeliest("extradição por crimes informáticos", ("es", "pt")) == "pt"


@given(st.text(max_size=300))
def test_any_text_reads_as_one_of_the_five(text: str) -> None:
    assert detect_language(text) in ("en", "fr", "es", "pt", "ru")


def test_a_text_longer_than_the_classifier_counts_is_read() -> None:
    """py3langid counts n-grams in 16 bits: 200,000 characters overflowed them."""
    assert detect_language("la " * 70000) in ("fr", "es", "pt")
