"""Inline mode through the real Application: what `@bot ...` offers, within Telegram's limits
(the recording request layer refuses what answerInlineQuery refuses)."""

from __future__ import annotations

from itertools import count
from typing import Any

import pytest

from tests.e2e.telegram_rules import MESSAGE_LIMIT, units
from tests.telegram.conftest import Harness

_ids = count(1)


async def inline(harness: Harness, query: str) -> list[dict[str, Any]]:
    """The results the bot answers ``query`` with."""
    await harness.feed(
        {
            "inline_query": {
                "id": f"iq{next(_ids)}",
                "from": {"id": 42, "is_bot": False, "first_name": "Ana"},
                "query": query,
                "offset": "",
            }
        }
    )
    answer = harness.request.sent("answerInlineQuery")[-1]
    results: list[dict[str, Any]] = answer["results"]
    return results


def pasted(result: dict[str, Any]) -> str:
    text: str = result["input_message_content"]["message_text"]
    return text


async def test_art_29_offers_the_article(harness: Harness) -> None:
    [result] = await inline(harness, "art 29")
    assert result["title"] == (
        "Budapest Convention, Article 29 – Expedited preservation of stored computer data"
    )
    assert pasted(result).startswith(f"{result['title']}\n\n1. A Party may request")
    assert "7. Any preservation effected" in pasted(result)  # the whole article


async def test_a_long_article_pasted_by_its_first_page_links_to_the_rest(
    harness: Harness,
) -> None:
    """ETS 182 Art. 20 is cut at Telegram's limit; "[… continues]" had been a dead end
    (walkthrough 18): a button opens the whole article in the bot's own chat."""
    [result] = await inline(harness, "art 20 ets182")
    assert pasted(result).endswith("[… continues]")
    [[button]] = result["reply_markup"]["inline_keyboard"]
    assert button["url"].endswith("?start=art_ets182_20")
    [whole] = await inline(harness, "art 29")
    assert "reply_markup" not in whole  # it fits: nothing to open


async def test_a_bare_paragraph_number_shares_that_paragraph(harness: Harness) -> None:
    [result] = await inline(harness, "29(3)")
    assert result["title"].startswith("Budapest Convention, Article 29(3) – Expedited")
    assert pasted(result) == (
        f"{result['title']}\n\n3. Upon receiving the request from another Party, the requested "
        "Party shall take all appropriate measures to preserve expeditiously the specified data "
        "in accordance with its domestic law. For the purposes of responding to a request, dual "
        "criminality shall not be required as a condition to providing such preservation."
    )


async def test_a_free_question_offers_the_articles_that_answer_it(harness: Harness) -> None:
    results = await inline(harness, "how long can data be preserved?")
    titles = [r["title"] for r in results]
    assert titles[0].startswith("Budapest Convention, Article 16 – ")
    assert any(t.startswith("Budapest Convention, Article 29 – ") for t in titles)
    assert len(titles) == len(set(titles))  # each article once
    assert all(units(r["description"]) <= 120 for r in results)  # a line under the title


async def test_an_empty_query_is_answered_with_nothing(harness: Harness) -> None:
    assert await inline(harness, "") == []
    assert await inline(harness, "   ") == []


@pytest.mark.parametrize(
    "query",
    [
        "a" * 5000,
        "<b>&amp;</b> & <script>" * 40,
        "😀" * 300,
        "art 29 art 30 art 31 art 32 art 33 art 34 art 35 " * 20,
        "art 999",
        "\u202e\u0000 29 \ufeff",
    ],
)
async def test_a_hostile_query_gets_an_answer_telegram_accepts(
    harness: Harness, query: str
) -> None:
    results = await inline(harness, query)
    ids = [r["id"] for r in results]
    assert len(results) <= 50
    assert len(ids) == len(set(ids))
    assert all(1 <= len(i.encode()) <= 64 for i in ids)


@pytest.mark.parametrize("query", ["data", "art 29", "cooperation", "ets185 art 1", "1"])
async def test_results_fit_telegrams_limits(harness: Harness, query: str) -> None:
    results = await inline(harness, query)
    assert 1 <= len(results) <= 50
    ids = [r["id"] for r in results]
    assert len(ids) == len(set(ids)) and all(len(i.encode()) <= 64 for i in ids)
    assert all(1 <= units(pasted(r)) <= MESSAGE_LIMIT for r in results)
