"""Follow-ups: a message that goes on from the article just shown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.model import ArticleRef
from index.followups import LastShown, citation_of, follow_up, names_a_part

PRESERVATION = ArticleRef("ets185", "29", "3")
DEVICES = ArticleRef("ets185", "6", "1", ("a",))
SOLICITATION = ArticleRef("cets201", "23")


@pytest.mark.parametrize(
    ("message", "previous", "citation"),
    [
        ("and paragraph 3?", PRESERVATION, "ets185 article 29(3)"),
        ("Paragraph 2, please.", PRESERVATION, "ets185 article 29(2)"),
        ("para. 2", PRESERVATION, "ets185 article 29(2)"),
        ("§2", PRESERVATION, "ets185 article 29(2)"),
        ("(4)", PRESERVATION, "ets185 article 29(4)"),
        ("and 5?", PRESERVATION, "ets185 article 29(5)"),
        ("and paragraph 1 a", PRESERVATION, "ets185 article 29(1)(a)"),
        # an item goes on in the paragraph shown
        ("and (b)?", DEVICES, "ets185 article 6(1)(b)"),
        ("b)", DEVICES, "ets185 article 6(1)(b)"),
        ("item c", DEVICES, "ets185 article 6(1)(c)"),
        # an article goes on in the treaty shown, if the message says it goes on
        ("what about article 24?", SOLICITATION, "cets201 article 24"),
        ("and art 24(2)?", SOLICITATION, "cets201 article 24(2)"),
        ("next article", SOLICITATION, "cets201 article 24"),
        ("the next one", SOLICITATION, "cets201 article 24"),
        ("previous article", SOLICITATION, "cets201 article 22"),
        ("the whole article", PRESERVATION, "ets185 article 29"),
        ("full text please", PRESERVATION, "ets185 article 29"),
        # in the four other languages
        ("et l'alinéa 2 ?", PRESERVATION, "ets185 article 29(2)"),
        ("¿y el párrafo 4?", PRESERVATION, "ets185 article 29(4)"),
        ("e o parágrafo 2?", PRESERVATION, "ets185 article 29(2)"),
        ("а пункт 2?", PRESERVATION, "ets185 article 29(2)"),
        ("пункт 2 б", PRESERVATION, "ets185 article 29(2)(b)"),
        ("следующая статья", SOLICITATION, "cets201 article 24"),
        ("paragraph ２", PRESERVATION, "ets185 article 29(2)"),  # a fullwidth digit
    ],
)
def test_a_follow_up_cites_the_article_shown(
    message: str, previous: ArticleRef, citation: str
) -> None:
    meant = follow_up(message, previous)
    assert meant is not None and citation_of(meant) == citation


@pytest.mark.parametrize(
    "message",
    [
        "article 24",  # a new citation: the Budapest Convention's, as always
        "and article 24 of the budapest convention?",  # names its treaty
        "3",  # may be anything (a button's number in the console)
        "next",  # the next session, as likely
        "what is paragraph 2 about",
        "paragraph 3 of article 16",
        "how long can data be preserved?",
        "and what about the 24/7 network?",
    ],
)
def test_a_new_question_is_no_follow_up(message: str) -> None:
    assert follow_up(message, SOLICITATION) is None


@pytest.mark.parametrize(
    ("message", "a_part"),
    [("paragraph 2 please", True), ("item b", True), ("and article 24?", False), ("(2)", False)],
)
def test_a_part_alone_names_no_article(message: str, a_part: bool) -> None:
    assert names_a_part(message) is a_part


def test_there_is_no_article_before_a_numbered_annex() -> None:
    assert follow_up("next article", ArticleRef("ets185", "annex")) is None


@given(st.text(max_size=80))
def test_any_message_is_read_without_error(message: str) -> None:
    meant = follow_up(message, DEVICES)
    assert meant is None or citation_of(meant).startswith("ets185 article ")


def test_the_askers_seen_last_are_remembered() -> None:
    shown = LastShown(limit=2)
    shown.remember((1, 1), (PRESERVATION,))
    shown.remember((2, 2), (DEVICES,))
    shown.get((1, 1))
    shown.remember((1, 1), (SOLICITATION, PRESERVATION))
    shown.remember((3, 3), (PRESERVATION,))

    assert shown.get((1, 1)) == (SOLICITATION, PRESERVATION)
    assert shown.get((2, 2)) == ()  # the oldest is forgotten
    assert shown.get((3, 3)) == (PRESERVATION,)
