"""Reply model: escaping, marking and splitting long texts under Telegram's limit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.replies import (
    SAFE_LIMIT,
    TELEGRAM_LIMIT,
    Reply,
    Span,
    Style,
    bold,
    clip,
    marked,
    split_pages,
    units,
)
from tests.e2e.telegram_rules import parse_html


def test_html_escapes_user_text_and_styles_spans() -> None:
    reply = Reply().add(bold("Art. 29 <b>"), " & <script>").blank().add(Span("x<y", Style.CODE))
    assert reply.html() == "<b>Art. 29 &lt;b&gt;</b> &amp; &lt;script&gt;\n\n<code>x&lt;y</code>"


def test_plain_strips_trusted_html_and_unescapes_entities() -> None:
    reply = Reply().add(Span("<b>Yes</b> &amp; <i>no</i>", Style.HTML), " <kept>")
    assert reply.plain() == "Yes & no <kept>"


def test_marked_styles_only_the_matches_in_order() -> None:
    spans = marked("preservation of stored data", [(16, 27), (0, 12)], Style.UNDERLINE)
    assert spans == [
        Span("preservation", Style.UNDERLINE),
        Span(" of "),
        Span("stored data", Style.UNDERLINE),
    ]


def test_marked_skips_overlapping_or_out_of_range_marks() -> None:
    assert marked("abcdef", [(0, 3), (2, 4), (5, 99)]) == [Span("abc", Style.BOLD), Span("def")]


def test_split_pages_keeps_short_text_whole() -> None:
    assert split_pages("one\n\ntwo") == ["one\n\ntwo"]


def test_split_pages_breaks_on_paragraph_boundaries() -> None:
    paragraphs = [f"Paragraph {n}. " + "word " * 150 for n in range(12)]
    pages = split_pages("\n\n".join(p.strip() for p in paragraphs), limit=2000)
    assert len(pages) == 6
    assert all(page.startswith("Paragraph ") for page in pages)


def test_split_pages_cuts_one_huge_paragraph_at_sentence_ends() -> None:
    sentence = "The Party shall adopt such measures as may be necessary. "
    pages = split_pages(sentence * 200, limit=1000)
    assert all(page.rstrip().endswith("necessary.") for page in pages)
    assert sum(page.count("necessary.") for page in pages) == 200


def test_split_pages_measures_what_telegram_counts() -> None:
    # Telegram counts the parsed text in UTF-16 units: "&amp;" is one, an emoji two
    pages = split_pages("<&> " * 2000)
    assert [units(page) <= SAFE_LIMIT for page in pages] == [True] * 3
    emoji = split_pages("😀 " * 3000)
    assert [units(page) <= SAFE_LIMIT for page in emoji] == [True] * 3


@given(st.text(alphabet=st.sampled_from("ab <&>.;\n😀"), max_size=20_000))
def test_split_pages_always_fits_and_keeps_every_word(text: str) -> None:
    pages = split_pages(text)
    assert all(units(page) <= SAFE_LIMIT < TELEGRAM_LIMIT for page in pages)
    assert " ".join(pages).split() == text.split()


def test_a_reply_is_carried_by_as_many_messages_as_it_needs() -> None:
    reply = Reply().add(bold("Agenda"))
    for number in range(300):
        reply.blank().add(bold(f"Session {number} 😀 & more"), " in Room <4>")
    messages = reply.messages()
    assert len(messages) == 3
    assert all(units(parse_html(m)) <= TELEGRAM_LIMIT for m in messages)
    assert messages[1].startswith("<b>Session ")  # cut between paragraphs


@pytest.mark.parametrize(
    ("text", "limit", "clipped"),
    [
        (
            "Art. 25 General principles relating to mutual assistance",
            30,
            "Art. 25 General principles…",
        ),
        ("short", 40, "short"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("a, b, c", 6, "a, b…"),
    ],
)
def test_clip_cuts_at_a_word_never_mid_word(text: str, limit: int, clipped: str) -> None:
    assert clip(text, limit) == clipped
    assert len(clip(text, limit)) <= limit
