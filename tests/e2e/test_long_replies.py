"""End to end: the replies most at risk of Telegram's refusals, from the real bot process.

The agenda is a 401-session conference imported from real schedule exports, one session with
a 5,500-character title (tests/conference.py). The stand-in refuses what Telegram refuses and
the ``stand_in`` fixture fails the test on any refusal, so these tests also prove that every
message below was one Telegram would have accepted.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot import actions
from corpus.store import load_corpus
from tests.conference import LONG_ID, SIZE, write_conference
from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.conftest import ROOT, bot_environment, start_bot, stop
from tests.e2e.telegram_rules import MESSAGE_LIMIT, parse_html, units

pytestmark = pytest.mark.e2e
ORGANISER = 7


def _to(chat: int) -> Any:
    return lambda found: [m for m in found if int(m["chat_id"]) == chat]


def _text(message: dict[str, Any]) -> str:
    return parse_html(str(message["text"]))


def _buttons(message: dict[str, Any]) -> dict[str, str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def _shown(message: dict[str, Any]) -> list[str]:
    return re.findall(r"/event (\S+)", _text(message))


def _environment(api: BotApiStandIn, tmp_path: Path) -> dict[str, str]:
    write_conference(tmp_path / "agenda", datetime.now(UTC))
    env = bot_environment(api, tmp_path)
    env.update(WORKSHOP_BOT_AGENDA_DIR=str(tmp_path / "agenda"))
    env.update(WORKSHOP_BOT_ORGANISERS=str(ORGANISER), WORKSHOP_BOT_EMBEDDINGS="off")
    return env


def _replies(api: BotApiStandIn, chat: int, number: int) -> list[dict[str, Any]]:
    found = api.wait_until("sendMessage", lambda f: len(_to(chat)(f)) >= number, timeout=60)
    return list(_to(chat)(found))


def test_a_401_session_agenda_pages_across_a_restart(
    stand_in: BotApiStandIn, tmp_path: Path
) -> None:
    env = _environment(stand_in, tmp_path)
    process = start_bot(env)
    try:
        stand_in.push_text("/agenda", user=1)
        [page] = _replies(stand_in, 1, 1)
        forward = next(data for label, data in _buttons(page).items() if "▶" in label)
        stand_in.push_button(forward, user=1)
        turned = stand_in.wait_for("editMessageText", 1, timeout=60)[0]
    finally:
        stop(process)
    process = start_bot(env)
    try:
        stand_in.push_button(forward, user=1)  # the old message's button, new process
        again = stand_in.wait_for("editMessageText", 2, timeout=60)[1]
    finally:
        stop(process)

    assert re.match(rf"Agenda\n\d+–\d+ of {SIZE} sessions \(\d+ over, ", _text(page))
    assert len(_shown(page)) == 10
    assert len(_shown(turned)) == 10
    assert set(_shown(turned)).isdisjoint(_shown(page))
    assert _shown(again) == _shown(turned)
    assert len(stand_in.sent()) == 1  # turning pages edits in place


def test_the_riskiest_replies_are_all_accepted(stand_in: BotApiStandIn, tmp_path: Path) -> None:
    corpus = load_corpus(ROOT / "corpus")
    longest = max(corpus.articles(), key=lambda a: units(a.text))
    process = start_bot(_environment(stand_in, tmp_path))
    try:
        stand_in.push_text("/next", user=2)
        stand_in.push_text(f"/event {LONG_ID}", user=3)
        stand_in.push_text("/subscribe", user=4)
        _replies(stand_in, 4, 1)
        stand_in.push_text("/mysessions", user=4)
        stand_in.push_text("/article 1", user=5)
        stand_in.push_button(actions.page_turn(longest.instrument, longest.number, 1), user=6)
        stand_in.push_text(
            "/broadcast " + "Coffee moved to Room 4 😀 & more. " * 130, user=ORGANISER
        )
        stand_in.push_text("/broadcast agenda", user=8)  # not an organiser: a short refusal
        stand_in.push_inline(f"{longest.instrument} art {longest.number}", user=9)
        [upcoming] = _replies(stand_in, 2, 1)
        [event] = _replies(stand_in, 3, 1)
        mine = _replies(stand_in, 4, 2)[1]
        [article] = _replies(stand_in, 5, 1)
        preview = _replies(stand_in, ORGANISER, 3)
        _replies(stand_in, 8, 1)
        page = stand_in.wait_for("editMessageText", 1, timeout=60)[0]
        inline = stand_in.wait_for("answerInlineQuery", 1, timeout=60)[0]
    finally:
        stop(process)

    assert _text(upcoming).startswith("Now and next\n\n● Now, until ")
    title = _text(event).splitlines()[1]
    assert title.endswith("…") and units(title) <= 600
    assert _text(mine).startswith("Your sessions\n")
    assert f" of {SIZE} sessions (" in _text(mine)
    assert _text(article).startswith("Budapest Convention · Art. 1 – Definitions\n")
    heading = f"{corpus.instruments[longest.instrument].short_title} · Article {longest.number}"
    assert _text(page).startswith(heading)
    assert "Page 2 of " in _text(page)
    # everyone who wrote to the bot so far (updates may be handled in any order)
    audience = re.fullmatch(
        r"Preview: 2 messages to everyone using the bot \((\d) chats\)", _text(preview[0])
    )
    assert audience is not None
    assert all("reply_markup" not in p for p in preview[:-1])
    assert list(_buttons(preview[-1])) == [f"✅ Send to {audience[1]}", "✖ Cancel"]
    content = inline["results"][0]["input_message_content"]["message_text"]
    assert units(content) <= MESSAGE_LIMIT
    assert content.endswith("[… continues]")
