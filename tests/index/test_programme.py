"""Questions that name the programme's slides, talks and reports."""

from __future__ import annotations

import pytest

from index.programme import cites_programme, states_what_is_counted


@pytest.mark.parametrize(
    "question",
    [
        "How many states had ratified the Budapest Convention according to the 2014 slides?",
        "which years did the project cover, as quoted in the Tokyo presentation?",
        "what was decided at the AfriNIC meeting, in the activity report?",
        "in how many countries were legal reforms going on, in the Tokyo talk?",
        "who moderated, according to the IGF workshop note?",
        "which anniversary is printed on the workshop 23 flyer?",
        "quel anniversaire figurait sur la brochure de l'atelier 23 ?",
        "según el informe de actividades, ¿dónde fue el taller?",
        "na apresentação de Tóquio, quantos países havia?",
        "что сказано в презентации о Токио?",
    ],
)
def test_a_question_naming_the_programme_material_cites_it(question: str) -> None:
    assert cites_programme(question)


@pytest.mark.parametrize(
    "question",
    [
        "what does the explanatory report say about Article 15?",
        "how long can data be preserved?",
        "must the requested Party report the outcome of a preservation request?",
        "can I present slides at the workshop",
    ],
)
def test_other_questions_do_not(question: str) -> None:
    assert not cites_programme(question)


@pytest.mark.parametrize(
    ("question", "passage", "stated"),
    [
        ("How many participants attended the Tokyo workshop?", "Tokyo, 20-21 May 2013", False),
        ("How many people attended the Ankara congress?", "About 40 participants took part", True),
        ("how many ppl came to the Ankara workshop?", "About 40 participants took part", True),
        (
            "how many unique phishing attacks per month?",
            "50,000+ unique phishing attack/month",
            True,
        ),
        ("What was the total budget of GLACY?", "GLACY is funded by the European Union", False),
        ("What was the budget of phase 2?", "Budget\tUp to EURO 1.4 million", True),
        (
            "How much money did Microsoft contribute?",
            "Contributions from Romania, Microsoft",
            False,
        ),
        # no count or sum asked: not judged here
        ("Where was the GLACY workshop held?", "Balaclava, Mauritius", True),
    ],
)
def test_a_count_or_a_sum_must_be_stated_by_the_passage(
    question: str, passage: str, stated: bool
) -> None:
    assert states_what_is_counted(question, [passage]) is stated
