"""Questions that name the programme's slides, talks and reports."""

from __future__ import annotations

import pytest

from index.programme import (
    asks_a_figure_after_the_documents,
    asks_about_the_past,
    asks_after_the_documents,
    asks_what_no_treaty_states,
    cites_programme,
    names_another_item,
    names_whom_asked,
    numbered_items,
    reports_only_plans,
    states_what_is_counted,
    why_not_stated,
)


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
        "Dans la diapo « What next » de l'atelier GLACY, que dit-on ?",
        "Segundo a atualização, o que a Malásia concluiu?",
        "No documento do workshop de Vilnius, qual é o endereço web?",
        "Selon la fiche de l'atelier 23, quel est le problème central ?",
        "no slide de Maurício, quais tipos de autores aparecem?",
        "What does the slide What next? of the Tokyo presentation list?",
        "what does the What next slide say",
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
        # a sum given, but not by whom it is asked of
        (
            "How much did Microsoft contribute in euros to phase 2?",
            "Budget Up to EURO 1.4 million (threshold EURO 00,000) Funding Council of Europe "
            "(Project 1429 – econon Contributions from Romania, Microsoft",
            False,
        ),
        (
            "How much money, in euros, did Microsoft contribute?",
            "Microsoft contributed EUR 50,000 to the project",
            True,
        ),
        # no count or sum asked: not judged here
        ("Where was the GLACY workshop held?", "Balaclava, Mauritius", True),
    ],
)
def test_a_count_or_a_sum_must_be_stated_by_the_passage(
    question: str, passage: str, stated: bool
) -> None:
    assert states_what_is_counted(question, [passage]) is stated


@pytest.mark.parametrize(
    ("question", "passage", "stated"),
    [
        (
            "How many judges attended?",
            "8-10 Dec Cairo, Egypt 1. Training workshop for judges",
            False,
        ),
        ("how many experts attended?", "some 50 cybercrime and information security experts", True),
        ("how many workshops ran at the same time?", "4 workshops were held simultaneously", True),
        ("how many member states had not signed?", "5 CoE Member States had not", True),
        ("how many countries had signed?", "Signatories: 11", False),
        ("how many countries took part in 2013?", "Tokyo, 20-21 May 2013", False),
        ("What was the registration fee?", "Registration is free for participants", False),
        ("How much money did the EU put in?", "over 800 million citizens", False),
        ("¿Cuántos jueces participaron?", "12 jueces y fiscales", True),
        ("¿Cuántos jueces participaron?", "Training workshop for judges", False),
        ("Сколько судей участвовало?", "some 30 judges attended", True),
        ("Сколько судей участвовало?", "Training workshop for judges", False),
        ("Сколько проектов обсуждали?", "26 draft recommendations", True),  # not compared
        ("¿Cuántos participantes hubo?", "Cybercrime 2010 training for judges", False),
        ("What did Romania contribute in euros?", "Contributions from Romania, Microsoft", False),
    ],
)
def test_a_count_needs_a_number_given_to_what_is_counted(
    question: str, passage: str, stated: bool
) -> None:
    assert states_what_is_counted(question, [passage]) is stated


_CORPUS_WORDS = frozenset("global project of the council workshop training".split())


@pytest.mark.parametrize(
    ("question", "passage", "named"),
    [
        ("who moderated the workshop?", "Moderator: Alexander Seger, Council of Europe", True),
        ("who chaired it?", "Global Project on Cybercrime, Council of Europe", False),
        ("who opened the workshop?", "opened by the Minister of ICT", True),
        ("who opened the workshop?", "the European Union and the Peace Movement", False),
        ("Who succeeded Markko Künnapu?", "Markko Künnapu, chair of the T-CY", False),
        ("who organised the workshop?", "the Ministry of ICT of Mauritius", True),  # not judged
        # a presenter named on a title slide presented, and chaired nothing
        ("who spoke at the conference?", "Update session Alexander Seger Council of Europe", True),
        ("who moderated the workshop?", "Workshop ... Alexander Seger Council of Europe", False),
        ("¿Quién moderó el taller?", "Workshop ... Alexander Seger Council of Europe", False),
        # a passage saying none of the places the question gives is about another event
        (
            "Who chaired the workshop at the Ankara congress?",
            "Panellists: Markko Künnapu, chair of the T-CY (Vilnius)",
            False,
        ),
        (
            "Who chaired the workshop at the Ankara congress?",
            "Ankara Bar Association congress, chaired by Markko Künnapu",
            True,
        ),
        # a name misspelt by a letter is still the name
        (
            "who was the OAS secretary general who opened the meeting, Insulsa?",
            "In the introductory remarks the Secretary General of the OAS, José Miguel Insulza",
            True,
        ),
    ],
)
def test_a_person_asked_by_name_must_be_named(question: str, passage: str, named: bool) -> None:
    assert names_whom_asked(question, [passage], _CORPUS_WORDS) is named


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Qui était le modérateur du panel de Vilnius ?", "unnamed"),
        ("¿Quién presidió la sexta reunión del Grupo de Trabajo REMJA?", "unnamed"),
        ("Кто был модератором семинара в Вильнюсе?", "unnamed"),
        ("¿Cuánto dinero podía gastar la segunda fase del proyecto global?", "unstated"),
        ("How many participants came to the AfriNIC meeting in Ebene?", "unstated"),
        ("Combien a coûté l'atelier GLACY à Maurice ?", "unstated"),
        ("¿Cuánto aportó Estonia al proyecto global?", "unstated"),
        # an article asked for, whoever else is named
        ("Who introduced the offence of grooming - which Lanzarote article?", None),
        # a treaty may settle these
        ("Can the requested State charge fees for executing a letter rogatory?", None),
        ("How many days must data be preserved under Article 29?", None),
        ("Which official languages are the treaty texts authentic in?", None),
        ("what kind of funding should be easier to get for anti-cybercrime work?", None),
    ],
)
def test_what_only_the_programme_could_state(question: str, kind: str | None) -> None:
    assert asks_what_no_treaty_states(question) == kind


_FORECAST = (
    "ACTIVITIES PLANNED FOR FEBRUARY 2010\n\n2-3 Feb.\tNigeria\t1st West African Internet "
    "Fraud Summit"
)
_FOLLOW_UP = (
    "Follow up:\n- Workshop with CoE support in Laos to provide advice on draft legislation"
)
_DONE = "8-10 Dec Cairo, Egypt\n2. During the Round table discussion it was concluded that ..."
_CAIRO = "8-10 Dec Cairo, Egypt\nFollow-up: The training concept to be implemented in Egypt"


@pytest.mark.parametrize(
    ("question", "passage", "only_plans"),
    [
        ("what did the West African Internet Fraud Summit conclude?", _FORECAST, True),
        ("did the summit in Nigeria actually take place?", _FORECAST, True),
        ("Did the workshop in Laos happen, and what came out of it?", _FOLLOW_UP, True),
        ("what did the round table in Cairo conclude?", _DONE, False),
        ("Quels ont été les résultats du sommet ouest-africain ?", _FORECAST, True),
        ("¿Qué se acordó en la cumbre de Nigeria?", _FORECAST, True),
        ("Чем закончился саммит в Нигерии?", _FORECAST, True),
        (
            "what were the outcomes of the T-CY assessment?",
            "Revised report to be circulated for comments, consideration and adoption in 2014",
            True,
        ),
        # the follow-up of the event asked: that event took place
        ("What happened at the Cairo judges training in December 2009?", _CAIRO, False),
        # what was planned is stated
        ("what was planned in Nigeria in February 2010?", _FORECAST, False),
        ("what's happening in Nigeria in feb 2010?", _FORECAST, False),
    ],
)
def test_an_outcome_of_what_was_only_planned_is_not_stated(
    question: str, passage: str, only_plans: bool
) -> None:
    assert reports_only_plans(question, [passage]) is only_plans


def test_what_a_number_counts_is_read_in_its_own_passage() -> None:
    passages = ["Moscow preparatory meeting, 2 Dec 09", "Training workshop for judges"]
    assert not states_what_is_counted("How many judges attended?", passages)


def test_a_sum_must_be_in_the_passage_shown_first() -> None:
    """The next passage's sum is another project's: "CyberCrime@EAP 2011-13" first, the Global
    Project's budget second."""
    passages = ["CyberCrime@EAP 2011-13 EU/COE", "Budget Up to EURO 1.4 million"]
    assert not states_what_is_counted("What was the budget of CyberCrime@EAP?", passages)
    assert states_what_is_counted("What was the budget of phase 2?", passages[::-1])


@pytest.mark.parametrize(
    ("question", "passages", "another"),
    [
        ("What was the budget of phase 1?", ["Global Project on Cybercrime, Phase 2"], True),
        ("What was the budget of phase 2?", ["Global Project on Cybercrime, Phase 2"], False),
        # named by a later passage: that one may answer
        ("what did WS 6 cover?", ["Workshop 3: cloud", "WS 6: protecting children"], False),
        ("what did workshop 6 cover?", ["WS 3: cloud evidence"], True),
        # no numbered item asked, or none of its kind shown
        ("What was the budget of the Global Project?", ["Phase 2"], False),
        ("What was discussed in workshop 23?", ["Internet Governance Forum, Vilnius"], False),
    ],
)
def test_a_passage_about_another_numbered_item_does_not_answer(
    question: str, passages: list[str], another: bool
) -> None:
    assert names_another_item(question, passages) is another


def test_numbered_items_are_read_with_their_labels() -> None:
    assert numbered_items("Output 4 and the 2nd round; WS 6, Art. 30") == {
        ("output", "4"),
        ("round", "2"),
        ("ws", "6"),
        ("art", "30"),
    }


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("Which of the 26 draft recommendations were finally adopted in December 2014?", True),
        ("Was the Cybercrime Action Task Force ever actually set up?", True),
        ("What did the typology study find once it was finished?", True),
        ("Who succeeded Markko Künnapu as chair of the T-CY?", True),
        ("Quando será a próxima edição do workshop do GLACY?", True),
        ("Combien de juges ont finalement été formés depuis l'atelier du Caire ?", True),
        # what the documents report
        ("When was the Tokyo workshop?", False),
        ("What was planned for the Global Action project?", False),
        ("Has the Council of Europe held a workshop in Tokyo?", False),
    ],
)
def test_what_came_after_the_documents(question: str, later: bool) -> None:
    assert asks_after_the_documents(question) is later


@pytest.mark.parametrize(
    ("question", "passage", "kind"),
    [
        (
            "How much money did Microsoft contribute?",
            "Contributions from Romania, Microsoft",
            "unstated",
        ),
        ("who chaired it?", "Global Project on Cybercrime, Council of Europe", "unnamed"),
        ("what did the summit conclude?", _FORECAST, "planned"),
        ("Who succeeded Markko Künnapu as chair?", "Markko Künnapu, chair of the T-CY", "unnamed"),
        (
            "What was the budget of phase 1?",
            "Global Project, Phase 2: Budget EURO 1.4 million",
            "unstated",
        ),
        ("When was the Tokyo workshop?", "Tokyo, 20-21 May 2013", None),
        # a hotel asked by name, which no passage names
        ("which hotel in Balaclava hosted the workshop?", "Balaclava, Mauritius", "not_named"),
        ("¿En qué hotel se celebró el taller?", "Balaclava, Mauritius", "not_named"),
        ("What was the name of the hotel in Vilnius?", "Vilnius", "not_named"),
        ("which bank hosted the meeting?", "hosted by the Central Bank of Nigeria", None),
    ],
)
def test_why_a_passage_does_not_state_what_is_asked(
    question: str, passage: str, kind: str | None
) -> None:
    assert why_not_stated(question, [passage], [passage], _CORPUS_WORDS) == kind


@pytest.mark.parametrize(
    ("question", "after"),
    [
        ("how many CSAM reports did NCMEC receive in 2024?", True),
        ("which country had the most ransomware attacks in 2025?", True),
        ("how many cybercrime cases were prosecuted in Romania last year?", True),
        ("¿Cuántos casos de fraude hubo en Chile el año pasado?", True),
        ("Which country is the biggest source of malware in 2025?", True),
        ("how many countries are party to the Budapest Convention to date?", False),  # status
        ("how many participants attended the Tokyo workshop in 2013?", False),
        ("how many days must data be preserved?", False),
    ],
)
def test_a_figure_of_a_year_after_the_documents(question: str, after: bool) -> None:
    assert asks_a_figure_after_the_documents(question) is after


@pytest.mark.parametrize(
    ("question", "past"),
    [
        ("С кем Совет Европы встречался в Москве 2 декабря 2009 года?", True),
        ("¿Con quién se reunió el Consejo de Europa en Moscú?", True),
        ("who met with ROSFINMONITORING in Moscow?", True),
        ("Сколько участников было в Анкаре?", True),
        ("Quantos participantes houve em Ancara?", True),
        ("when did the Tokyo workshop take place?", True),
        ("where is the next Octopus conference?", False),
    ],
)
def test_a_meeting_asked_of_the_past_is_the_documents(question: str, past: bool) -> None:
    assert asks_about_the_past(question) is past
