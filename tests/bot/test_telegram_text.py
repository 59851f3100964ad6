"""Telegram HTML: escaping, splitting long texts without breaking tags, the broadcast agenda."""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.agenda_views import agenda_html
from bot.telegram_text import clip, escape, split_html, units, visible_units
from scheduler.model import Event
from tests.e2e.telegram_rules import parse_html


class _Balance(HTMLParser):
    """Checks that every tag opened in a part is closed in that same part."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag
        self.stack.pop()


def _balanced(part: str) -> bool:
    parser = _Balance()
    parser.feed(part)
    parser.close()
    return parser.stack == []


def _plain(parts: list[str]) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]*>", "", "".join(parts)))


def test_escape_shows_user_html_instead_of_parsing_it() -> None:
    assert escape('<b>Room 4</b> & "more"') == '&lt;b&gt;Room 4&lt;/b&gt; &amp; "more"'


def test_short_text_is_one_part() -> None:
    assert split_html("<b>Hello</b>\n\nworld") == ["<b>Hello</b>\n\nworld"]


def test_blank_text_gives_no_parts() -> None:
    assert split_html("  \n ") == []


def test_5000_characters_of_escaped_text_split_on_paragraphs() -> None:
    paragraphs = [escape(f"<p{n}> & " + "x" * 480) for n in range(10)]
    parts = split_html("\n\n".join(paragraphs))
    assert len(parts) == 2
    assert parts == ["\n\n".join(paragraphs[:8]), "\n\n".join(paragraphs[8:])]


def test_cut_inside_bold_closes_and_reopens_the_tag() -> None:
    text = "<b>" + "word " * 1000 + "</b>"
    parts = split_html(text, limit=1000)
    assert all(p.startswith("<b>") and p.endswith("</b>") for p in parts)
    assert all(visible_units(p) <= 1000 and _balanced(p) for p in parts)
    assert _plain(parts) == "word" * 1000


def test_entities_are_never_cut() -> None:
    parts = split_html("&amp;" * 100, limit=42)
    assert all(re.fullmatch(r"(&amp;)+", p) for p in parts)
    assert "".join(parts) == "&amp;" * 100


def test_the_limit_is_what_telegram_counts_once_the_html_is_parsed() -> None:
    # tags count nothing and an entity one character: 4,096 ampersands are one message
    text = "<b>" + "&amp;" * 4096 + "</b>"
    assert split_html(text) == [text]
    assert visible_units("<i>a&lt;😀</i>") == 4
    assert [visible_units(p) for p in split_html("<b>" + "&amp;" * 4097 + "</b>")] == [4096, 1]


def test_a_long_paragraph_is_cut_after_a_sentence_rather_than_mid_sentence() -> None:
    sentence = "The Party shall adopt such measures as may be necessary. "
    parts = split_html(escape(sentence * 100), limit=1000)
    assert all(p.endswith("necessary.") for p in parts)
    assert sum(p.count("necessary.") for p in parts) == 100


@pytest.mark.parametrize(
    ("text", "limit", "clipped"),
    [
        ("Opening plenary of the Octopus Conference", 20, "Opening plenary of…"),
        ("😀😀😀😀😀 party", 8, "😀😀😀…"),  # UTF-16 units: each emoji counts two
        ("short", 10, "short"),
    ],
)
def test_clip_counts_utf16_units_and_cuts_at_a_word(text: str, limit: int, clipped: str) -> None:
    assert clip(text, limit) == clipped
    assert units(clip(text, limit)) <= limit


def test_emoji_count_two_units() -> None:
    parts = split_html("😀" * 30, limit=20)
    assert [units(p) for p in parts] == [20, 20, 20]


@given(
    st.lists(
        st.one_of(
            st.text(alphabet="ab <>&\n.😀", max_size=40).map(escape),
            st.text(alphabet="cd \n", min_size=1, max_size=30).map(lambda t: f"<b>{t}</b>"),
            st.text(alphabet="ef", min_size=1, max_size=9).map(
                lambda t: f"<i>x <code>{t}</code></i>"
            ),
        ),
        max_size=40,
    )
)
def test_any_split_is_within_limit_balanced_and_loses_nothing(pieces: list[str]) -> None:
    text = "".join(pieces)
    parts = split_html(text, limit=60)
    assert all(visible_units(p) <= 60 and _balanced(p) for p in parts)
    assert all(units(parse_html(p)) <= 60 for p in parts)  # as Telegram reads each part
    assert _plain(parts) == _plain([text])


def test_agenda_html_escapes_titles_and_lists_each_event() -> None:
    zone = ZoneInfo("Europe/Vilnius")
    event = Event(
        "igf-ws23",
        "Workshop 23 <cooperation> & trust",
        "workshop",
        datetime(2010, 9, 15, 14, 15, tzinfo=zone),
        datetime(2010, 9, 15, 16, 15, tzinfo=zone),
        "Europe/Vilnius",
        room="Room 4",
        place="Vilnius",
    )
    assert agenda_html([event], "IGF 2010") == (
        "<b>IGF 2010</b>\n\n"
        "<b>Wed 15 Sep 2010, 14:15–16:15</b> (Europe/Vilnius)\n"
        "Workshop 23 &lt;cooperation&gt; &amp; trust\n"
        "Room 4, Vilnius\n"
        "<code>igf-ws23</code>"
    )
