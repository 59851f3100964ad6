import pytest

from index.status import (
    asks_status_of_one,
    asks_what_a_body_does_now,
    asks_which_states,
    asks_who_holds_a_post_now,
)


@pytest.mark.parametrize(
    "question",
    [
        "has Nigeria ratified the Budapest Convention",
        "Is Brazil a party to the Budapest Convention?",
        "did the Philippines accede to the convention",
        "has Ghana already signed the Lanzarote Convention?",
        "¿Ha ratificado México el Convenio de Budapest?",
        "O Brasil ratificou a Convenção de Budapeste?",
        "Le Maroc a-t-il ratifié la Convention de Budapest ?",
        "Ратифицировала ли Россия Будапештскую конвенцию?",
        "La Tunisie a-t-elle déjà ratifié la Convention de Lanzarote ?",
        "¿En qué año ratificó Chile el Convenio de Budapest?",
        "which reservations did Japan enter to Article 9 when it ratified?",
        "which authorities did Ukraine designate for extradition requests?",
        "When did Turkey finally sign the Budapest Convention after the Ankara congress?",
        # bound by it: Art. 38 (territorial application) had been quoted (walkthrough 31)
        "Is the Budapest Convention applicable in India?",
        "does Lanzarote apply to Brazil?",
        "is Convention 108 in force in Japan?",
    ],
)
def test_whether_a_named_state_is_a_party(question: str) -> None:
    assert asks_status_of_one(question)


@pytest.mark.parametrize(
    "question",
    [
        "Which countries have ratified the Budapest Convention?",
        "what states are parties to Convention 108",
        "what is the ratification status of the second protocol",
        "how many States have ratified the Lanzarote Convention so far?",
        "combien d'États ont ratifié le protocole à ce jour ?",
        "which African countries have acceded to the Budapest Convention?",
        "how many states are Parties to the Budapest Convention as of this month?",
        "which country most recently ratified the Lanzarote Convention?",
        "who was the last country to ratify the Budapest Convention?",
        "Combien de pays ont signé la Convention-cadre à ce jour ?",
    ],
)
def test_which_states_are_parties(question: str) -> None:
    assert asks_which_states(question)


@pytest.mark.parametrize(
    "question",
    [
        "How can a country accede to the Budapest Convention?",
        "which states can join the convention",
        "is the Convention open to non-member States",
        "has the suspect signed the statement",
        "when does the Convention enter into force for a State that ratifies it later?",
        "¿Qué pasa si un Estado ha ratificado el convenio con reservas?",
        "which authority did the Convention designate for extradition?",
        "what reservations may a Party make under Article 9?",
        "which countries were invited to accede to the Budapest Convention in 2014?",
        "how many countries had signed by 2014 according to the slides?",
        "what does the last paragraph say about the Parties that sign?",
        "does article 2 apply to Facebook?",
        "does art 22 apply to crimes committed in France?",
    ],
)
def test_how_a_state_becomes_a_party_is_not_a_status_question(question: str) -> None:
    assert not asks_status_of_one(question)
    assert not asks_which_states(question)


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("who is the current Secretary General of the Council of Europe", True),
        ("who is the Secretary General of the Council of Europe right now", True),
        ("who chairs the T-CY today?", True),
        ("who is the head of the Cybercrime Division in 2026", True),
        ("Кто сейчас Генеральный секретарь Совета Европы?", True),
        ("¿Quién es el actual Secretario General del Consejo de Europa?", True),
        ("Qui est actuellement le président du T-CY ?", True),
        ("qui préside actuellement le Comité des Ministres ?", True),
        ("who is the secretary general of the council of europe", True),
        ("who's the president of the T-CY?", True),
        ("who was the president of the T-CY in 2010?", False),
        ("who is the secretary general of the council of europe in 2013, per the slides?", False),
        ("Qui est le secrétaire général mentionné dans l'article 27 ?", False),
        ("who is responsible for executing the request now", False),
        ("who was the chair of the T-CY in 2010?", False),
        ("to whom does the Secretary General notify reservations", False),
    ],
)
def test_who_holds_a_post_today(question: str, now: bool) -> None:
    assert asks_who_holds_a_post_now(question) is now


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("when and where will the Octopus Conference take place in 2027", True),
        ("when is the next T-CY plenary and can observers follow it online", True),
        ("which country will the Lanzarote Committee evaluate next?", True),
        ("how can I apply for a traineeship with the Council of Europe", True),
        ("I am Maria from the prosecutor office, what will CoE do next year?", True),
        ("what does the Lanzarote Committee do?", False),
        ("when was the Octopus conference in 2010?", False),
        ("what are the next steps after a preservation request under Article 29?", False),
    ],
)
def test_what_a_body_does_now_or_next(question: str, now: bool) -> None:
    assert asks_what_a_body_does_now(question) is now
