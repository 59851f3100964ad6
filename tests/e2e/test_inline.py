"""End to end: inline queries typed in any chat, answered by the bot process through the
stand-in, which refuses what answerInlineQuery refuses (too many results, ids over 64 bytes
or repeated, texts over 4,096 UTF-16 units)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import bot_environment, start_bot, stop
from tests.e2e.telegram_rules import MESSAGE_LIMIT, units

pytestmark = pytest.mark.e2e

QUERIES = [
    "art 29",
    "29(3)",
    "how long can data be preserved?",
    "",
    "<b>" + "art 29 & data preservation " * 200,  # far longer than Telegram sends
]


def test_inline_queries_are_answered_within_telegrams_limits(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    process = start_bot(bot_environment(stand_in, tmp_path))
    try:
        for number, query in enumerate(QUERIES):
            stand_in.push_inline(query, user=number + 1, query_id=f"q{number}")
        answers = stand_in.wait_for("answerInlineQuery", len(QUERIES), timeout=90)
    finally:
        stop(process)
    assert len(answers) == len(QUERIES)  # every query answered, none refused (the fixture)
    found = {QUERIES[int(a["inline_query_id"][1:])]: a["results"] for a in answers}
    assert [r["title"] for r in found["art 29"]] == [
        "Budapest Convention, Article 29 – Expedited preservation of stored computer data"
    ]
    [paragraph] = found["29(3)"]
    assert _text(paragraph).startswith(
        "Budapest Convention, Article 29(3) – Expedited preservation of stored computer data\n\n"
        "3. Upon receiving the request"
    )
    # Art. 16(2): 90 days at most at home; Art. 29(7): 60 days at least for another Party
    assert found["how long can data be preserved?"][0]["title"].startswith(
        ("Budapest Convention, Article 16 – ", "Budapest Convention, Article 29 – ")
    )
    assert found[""] == []
    for results in found.values():
        assert len(results) <= 50
        assert all(units(_text(r)) <= MESSAGE_LIMIT for r in results)


def _text(result: dict[str, Any]) -> str:
    text: str = result["input_message_content"]["message_text"]
    return text
