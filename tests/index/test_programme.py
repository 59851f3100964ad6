"""Questions that name the programme's slides, talks and reports."""

from __future__ import annotations

import pytest

from index.programme import cites_programme


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
