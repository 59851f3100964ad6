"""Callback data: compact, versioned, at most 64 bytes, and validated on the way back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.actions import MAX_BYTES, Action, agenda_page, article, decode


def test_article_action_round_trips() -> None:
    data = article("ets185", "29", page=2)
    assert data == "v1|art|ets185|29|2"
    assert decode(data) == Action("art", ("ets185", "29", "2"))


def test_agenda_page_action_round_trips_within_64_bytes() -> None:
    data = agenda_page("2026-03-23", 390, 10, 99_999_999_999)
    assert data == "v1|ag|2026-03-23|390|10|99999999999"
    assert decode(data) == Action("ag", ("2026-03-23", "390", "10", "99999999999"))
    assert len(data.encode()) <= MAX_BYTES
    assert decode(agenda_page("*", 0, 10, 1)) == Action("ag", ("*", "0", "10", "1"))


def test_subscribe_to_everything_accepts_the_star() -> None:
    assert decode("v1|sub|*") == Action("sub", ("*",))


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "v0|art|ets185|29|0",
        "v1|drop|tables",
        "v1|art|ets185|29",
        "v1|art|ets185|29|0|extra",
        "v1|faq|<script>",
        "v1|ev|",
        "v1|faq|" + "x" * 60,
    ],
)
def test_stale_or_forged_data_decodes_to_none(data: str | None) -> None:
    assert decode(data) is None


def test_encoding_too_long_data_is_refused() -> None:
    with pytest.raises(ValueError, match="callback data too long"):
        Action("faq", ("x" * 70,)).encode()


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    action = decode(data)
    assert action is None or len(action.encode().encode()) <= MAX_BYTES
