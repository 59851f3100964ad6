"""The glossary that puts the treaty terms of a foreign question into English."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.glossary import Glossary, default_places

TERMS = """
fr:
  donnee trafic: traffic data
  donnee: computer data
  acces illegal: illegal access
es:
  conservacion rapida: expedited preservation
ru:
  незаконн доступ: illegal access
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    path = tmp_path / "glossary.yaml"
    path.write_text(TERMS, encoding="utf-8")
    return Glossary.load(path)


@pytest.mark.parametrize(
    ("question", "language", "english"),
    [
        ("Qu'est-ce qu'un accès illégal ?", "fr", "illegal access"),
        ("les données relatives au trafic", "fr", "traffic data"),  # two words between
        ("l'accès illégal aux données", "fr", "illegal access computer data"),
        ("¿Cuánto dura la CONSERVACIÓN rápida?", "es", "expedited preservation"),
        ("Что такое незаконный доступ?", "ru", "illegal access"),
        ("les données du réseau de trafic routier", "fr", "computer data"),  # too far apart
        ("accès illégal", "pt", ""),  # no Portuguese terms
        ("", "fr", ""),
    ],
)
def test_foreign_terms_are_found_in_english(
    glossary: Glossary, question: str, language: str, english: str
) -> None:
    assert glossary.english(question, language) == english


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("les données du trafic", 1.0),  # "les" and "du" are too short to count
        ("les données relatives au trafic", 2 / 3),  # "relatives" is left between
        ("accès illégal à mon téléphone", 2 / 3),  # "téléphone" names no term
        ("bonjour tout le monde", 0.0),
        ("", 0.0),
    ],
)
def test_the_share_of_long_words_a_glossary_reads(
    glossary: Glossary, question: str, share: float
) -> None:
    assert glossary.read_share(question, "fr") == pytest.approx(share)


def test_a_word_serves_one_term_and_longer_terms_come_first(glossary: Glossary) -> None:
    assert glossary.english("données trafic données", "fr") == "traffic data computer data"


def test_the_committed_glossary_loads_every_language() -> None:
    glossary = Glossary.load()

    assert {"fr", "es", "pt", "ru"} <= set(glossary.terms)
    assert all(len(terms) >= 100 for terms in glossary.terms.values())


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("combien de temps les données peuvent-elles être conservées ?", "fr"),
        ("¿cuánto tiempo pueden conservarse los datos?", "es"),
        ("por quanto tempo os dados podem ser preservados?", "pt"),
        ("Сколько времени можно хранить данные по запросу о сохранении?", "ru"),
    ],
)
def test_data_kept_in_any_word_order_is_preservation(question: str, language: str) -> None:
    assert "expedited preservation" in Glossary.load().english(question, language)


@pytest.mark.parametrize(
    ("question", "language", "places"),
    [
        ("¿En qué conferencia de Corea proponía Seger?", "es", "Korea"),
        ("Em que ano a Tailândia aprovou a sua lei?", "pt", "Thailand"),
        ("Qui représentait la Géorgie et la Turquie ?", "fr", "Georgia Turkey"),
        # a Russian name in another case, and the programme's own places
        ("Кто выступал от Японии на семинаре в Токио?", "ru", "Japan Tokyo"),
        # short names are words too: "Inde" begins "indépendance"
        ("l'indépendance des juges", "fr", ""),
        ("того же года", "ru", ""),
    ],
)
def test_countries_are_read_in_the_documents_english(
    question: str, language: str, places: str
) -> None:
    assert default_places().english(question, language) == places
