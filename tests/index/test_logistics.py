import pytest

from index.logistics import about_the_event


@pytest.mark.parametrize(
    "question",
    [
        "which room is the hands-on training on mobile phone forensics in",
        "the live stream of the morning panel keeps buffering, will there be a recording?",
        "I got an email about my hotel booking for the workshop that looks like phishing",
        "am I allowed to livestream the closing session on my agency's Facebook page",
        "where can I find the slides from this morning's presentation",
    ],
)
def test_practical_questions_about_the_event_are_for_the_organisers(question: str) -> None:
    assert about_the_event(question)


@pytest.mark.parametrize(
    "question",
    [
        "hearing of a witness by video conference",
        "a businessman paid a 16 year old girl for sex in a hotel",
        "is it legal to record the session of a court hearing",
        "the police seized the suspect's laptop at the conference, can they search it?",
        "which workshop at Octopus 2010 dealt with protecting children?",
        "how long can data be preserved?",
    ],
)
def test_questions_of_the_law_or_of_a_case_are_not(question: str) -> None:
    assert not about_the_event(question)
