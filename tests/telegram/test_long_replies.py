"""The replies most at risk of Telegram's refusals, through the real Application.

The agenda is a 401-session conference built from real schedule exports, one session with a
5,500-character title (tests/conference.py). The recording request layer refuses what
Telegram refuses and the harness fails a test that caused any refusal, so each test below
also proves that every message it drove was accepted.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot import actions
from bot.services import Services
from bot.settings import Settings
from bot.telegram_app import build_application
from corpus.model import Corpus
from index.ask import AskService
from index.search import SearchIndex
from scheduler.agenda import Agenda
from scheduler.store import Database
from tests.conference import LONG_ID, LONG_TITLE_CHARACTERS, SIZE, conference
from tests.conftest import release
from tests.e2e.telegram_rules import MESSAGE_LIMIT, parse_html, units
from tests.telegram.conftest import Harness, message
from tests.telegram.recording import RecordingRequest

ORGANISER = 7


@pytest.fixture
def big(corpus: Corpus, search_index: SearchIndex, tmp_path: Path) -> Iterator[Services]:
    settings = replace(
        Settings(),
        telegram_token="123:TEST",
        api_base_url="https://api.test.invalid/bot",
        data_dir=tmp_path,
        db_path=tmp_path / "bot.sqlite3",
        organisers=frozenset({ORGANISER}),
        rate_limit_per_minute=1000,
    )
    agenda = Agenda(conference(datetime.now(UTC)))
    built = Services(
        settings,
        corpus,
        search_index,
        AskService(corpus, search_index),
        agenda=agenda,
        database=Database(settings.db_path),
    )
    yield built
    release(built)


async def _harness(services: Services) -> AsyncIterator[Harness]:
    request = RecordingRequest()

    def configure(builder: Any) -> None:
        builder.request(request).get_updates_request(RecordingRequest())

    application = build_application(services.settings, services, configure=configure)
    async with application:
        yield Harness(application, request)
    assert [(method, why) for method, _, why in request.refusals] == []


@pytest.fixture
async def bot(big: Services) -> AsyncIterator[Harness]:
    async for harness in _harness(big):
        yield harness


async def press(harness: Harness, data: str, user: int = 42) -> dict[str, Any]:
    """Press a button with ``data`` on an earlier message; the edit it caused, or the new
    message it opened (a result or article opens below; pages and decisions edit in place)."""
    before = len(harness.request.sent("editMessageText"))
    opened = len(harness.replies())
    await harness.feed(
        {
            "callback_query": {
                "id": "cb",
                "from": {"id": user, "is_bot": False, "first_name": "Ana"},
                "chat_instance": "x",
                "data": data,
                "message": message("old", user=999, chat=user),
            }
        }
    )
    edits = harness.request.sent("editMessageText")
    if len(edits) == before + 1:
        return edits[-1]
    assert len(harness.replies()) == opened + 1, harness.request.sent("answerCallbackQuery")[-1:]
    return harness.replies()[-1]


def buttons(sent: dict[str, Any]) -> dict[str, str]:
    rows = sent.get("reply_markup", {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def shown(sent: dict[str, Any]) -> list[str]:
    """The event ids a list shows, in order."""
    return re.findall(r"/event (\S+)", parse_html(sent["text"]))


def fits(sent: dict[str, Any]) -> bool:
    return units(parse_html(sent["text"])) <= MESSAGE_LIMIT


async def test_agenda_of_401_opens_from_now_with_page_buttons(bot: Harness, big: Services) -> None:
    now = datetime.now(UTC)
    ahead = [e for e in big.agenda.sorted() if not e.over(now)]
    over = SIZE - len(ahead)

    await bot.text("/agenda")

    [page] = bot.replies()
    text = parse_html(page["text"])
    assert text.startswith(f"Agenda\n{over + 1}–{over + 10} of {SIZE} sessions ({over} over, ")
    assert shown(page) == [e.id for e in ahead[:10]]  # under way first, then to come
    assert "● Now, until " in text
    assert list(buttons(page)) == [f"◀ {over - 9}–{over}", f"{over + 11}–{over + 20} of 401 ▶"]
    assert fits(page)


async def test_page_buttons_turn_the_page_in_place_and_back(bot: Harness, big: Services) -> None:
    await bot.text("/agenda")
    first = bot.replies()[-1]

    second = await press(bot, buttons(first)[next(b for b in buttons(first) if "▶" in b)])
    back = await press(bot, buttons(second)[next(b for b in buttons(second) if "◀" in b)])

    assert len(bot.replies()) == 1  # turning pages sends nothing new
    assert shown(back) == shown(first)
    assert set(shown(second)).isdisjoint(shown(first))
    ordered = [e.id for e in big.agenda.sorted()]
    assert all(len(data.encode()) <= 64 for data in buttons(second).values())
    assert len(set(shown(first) + shown(second))) == 20
    assert set(shown(first) + shown(second)) <= set(ordered)


async def test_page_buttons_work_after_a_restart_and_past_the_end(big: Services) -> None:
    async for before in _harness(big):
        await before.text("/agenda")
        data = next(d for label, d in buttons(before.replies()[-1]).items() if "▶" in label)
        expected = shown(await press(before, data))
    # a new application holds nothing of the old one: the data carries the whole state
    async for after in _harness(big):
        assert shown(await press(after, data)) == expected
        minute = data.rsplit("|", 1)[1]
        last = await press(after, f"v1|ag|*|900|10|{minute}")  # the agenda shrank since
        assert parse_html(last["text"]).splitlines()[1].startswith(f"392–401 of {SIZE} sessions")
        assert "▶" not in " ".join(buttons(last))


async def test_a_5500_character_title_is_clipped_everywhere(bot: Harness, big: Services) -> None:
    event = big.agenda.get(LONG_ID)
    assert event is not None and len(event.title) == LONG_TITLE_CHARACTERS
    for command in ("/agenda", "/next", f"/event {LONG_ID}", "/agenda today"):
        await bot.text(command)
    texts = [parse_html(r["text"]) for r in bot.replies()]
    assert len(texts) == 4  # one message each
    for text in texts:
        title = next(line for line in text.splitlines() if line.startswith(event.title[:30]))
        assert title.endswith("…")
        assert units(title) < LONG_TITLE_CHARACTERS // 8
    assert texts[1].startswith("Now and next\n\n● Now, until ")


async def test_mysessions_after_subscribing_to_a_big_conference(bot: Harness) -> None:
    await bot.text("/subscribe")
    await bot.text("/mysessions")

    page = bot.replies()[-1]
    text = parse_html(page["text"])
    assert text.startswith("Your sessions\n")
    assert f" of {SIZE} sessions (" in text.splitlines()[1]
    assert "⚠ Overlaps “" in text
    assert len(shown(page)) == 10
    turned = await press(bot, next(d for label, d in buttons(page).items() if "▶" in label))
    assert parse_html(turned["text"]).startswith("Your sessions\n")
    assert set(shown(turned)).isdisjoint(shown(page))


@pytest.mark.parametrize(
    "text",
    ["Coffee moved to Room 4. " * 170, "Room <4> & coffee 😀. " * 190],
    ids=["4080 characters", "escapes and emoji"],
)
async def test_a_long_broadcast_preview_goes_out_in_parts_with_its_buttons_last(
    bot: Harness, text: str
) -> None:
    await bot.text("/subscribe", user=100)
    await bot.text(f"/broadcast {text}", user=ORGANISER)

    heading, *parts = [r for r in bot.replies() if r["chat_id"] == ORGANISER]
    count = len(parts)
    assert parse_html(heading["text"]) == (
        f"Preview: {count} message{'s' if count > 1 else ''} to everyone using the bot (2 chats)"
    )
    assert all("reply_markup" not in p for p in [heading, *parts[:-1]])
    assert list(buttons(parts[-1])) == ["✅ Send to 2", "✖ Cancel"]  # the organiser too
    assert all(fits(p) for p in [heading, *parts])


async def test_a_broadcast_of_the_whole_agenda_previews_in_parts(
    bot: Harness, big: Services
) -> None:
    event = big.agenda.get(LONG_ID)
    assert event is not None
    await bot.text("/broadcast agenda", user=ORGANISER)
    await bot.text("/broadcast agenda today", user=ORGANISER)

    texts = [parse_html(r["text"]) for r in bot.replies()]
    assert re.match(r"Preview: \d+ messages? to everyone using the bot \(1 chat\)$", texts[0])
    assert texts[1].startswith("Agenda\n")
    today = next(t for t in texts if t.startswith("Agenda for "))
    title = next(line for line in today.splitlines() if line.startswith(event.title[:30]))
    assert title.endswith("…")
    assert f"{event.start:%a %d %b %Y}, 09:00 – {event.end:%a %d %b} 17:00" in today


async def test_long_articles_are_paged_within_the_limit(bot: Harness, corpus: Corpus) -> None:
    longest = max(corpus.articles(), key=lambda a: units(a.text))
    await bot.text("/article 1")
    page, data, pages = 0, actions.article(longest.instrument, longest.number, 0), []
    while data:
        pages.append(await press(bot, data))
        page += 1
        data = buttons(pages[-1]).get("Next page ▶", "")
    assert fits(bot.replies()[-1])
    assert len(pages) >= 2
    assert all(fits(p) for p in pages)
    body = "".join(parse_html(p["text"]) for p in pages)
    assert longest.text.split()[-1] in body  # the last word is reached


async def test_inline_mode_shares_articles_within_the_limits(bot: Harness, corpus: Corpus) -> None:
    longest = max(corpus.articles(), key=lambda a: units(a.text))
    for query in ("data", f"{longest.instrument} art {longest.number}"):
        await bot.feed(
            {
                "inline_query": {
                    "id": "iq",
                    "from": {"id": 42, "is_bot": False, "first_name": "Ana"},
                    "query": query,
                    "offset": "",
                }
            }
        )
    answers = bot.request.sent("answerInlineQuery")
    assert len(answers) == 2
    assert 10 <= len(answers[0]["results"]) <= 50
    texts = [r["input_message_content"]["message_text"] for a in answers for r in a["results"]]
    assert all(units(t) <= MESSAGE_LIMIT for t in texts)
    assert any(t.endswith("[… continues]") for t in texts)
