"""The Telegram front end driven through the real Application with no network."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot import actions
from bot.conversation import Conversation, HelpTexts
from bot.services import Services
from bot.telegram_app import TelegramSender
from scheduler.outbox import SendStatus
from tests.telegram.conftest import ORGANISER, Harness, _running, button, message


async def test_start_registers_command_menu_and_welcomes(harness: Harness) -> None:
    menu, french = harness.request.sent("setMyCommands")  # no organisers: one menu for all
    assert "language_code" not in menu and french["language_code"] == "fr"
    assert french["commands"][0]["description"].startswith("Afficher un article")
    assert [c["command"] for c in menu["commands"]] == [
        c.command for c in HelpTexts.load().commands if c.role == "participant"
    ]
    assert "broadcast" not in str(menu)
    await harness.text("/start")
    reply = harness.replies()[-1]
    assert reply["chat_id"] == 42
    assert reply["parse_mode"] == "HTML"
    assert reply["text"].startswith("<b>Welcome</b>\nHello! I answer questions")


async def test_start_deep_link_opens_the_article(harness: Harness) -> None:
    await harness.text("/start art_ets185_35")
    assert harness.replies()[-1]["text"].startswith(
        "<b>Budapest Convention · Article 35</b>\n<i>24/7 Network</i>\n\n1. Each Party shall"
    )


async def test_article_command_quotes_the_cited_paragraph(harness: Harness) -> None:
    await harness.text("/article 29(7)")
    reply = harness.replies()[-1]
    assert reply["text"] == (
        "<b>Budapest Convention · Art. 29(7) – Expedited preservation of stored computer data</b>\n"
        "7. Any preservation effected in response to the request referred to in paragraph 1 shall "
        "be for a period not less than sixty days, in order to enable the requesting Party to "
        "submit a request for the search or similar access, seizure or similar securing, or "
        "disclosure of the data. Following the receipt of such a request, the data shall continue "
        "to be preserved pending a decision on that request."
    )
    keyboard = reply["reply_markup"]["inline_keyboard"]
    assert keyboard[0] == [{"text": "📄 Full text", "callback_data": "v1|art|ets185|29|0"}]
    assert keyboard[1] == [
        {"text": "◀ Art. 28", "callback_data": "v1|art|ets185|28|0"},
        {"text": "Art. 30 ▶", "callback_data": "v1|art|ets185|30|0"},
    ]


async def test_question_is_answered_with_marked_passage(harness: Harness) -> None:
    await harness.text("what is the 24/7 network?")
    text = harness.replies()[-1]["text"]
    assert text.startswith("<b>Budapest Convention · Art. 35(1) – 24/7 Network</b>\n1. Each Party")
    assert "<u>" in text


async def test_off_topic_question_gets_an_honest_answer(harness: Harness) -> None:
    await harness.text("best pizza near the venue")
    assert harness.replies()[-1]["text"].startswith(
        "I don't know the answer to that, and I'd rather say so than guess."
    )


async def test_user_html_is_escaped(harness: Harness) -> None:
    await harness.text("/search <b>extradition</b> & co")
    text = harness.replies()[-1]["text"]
    assert "&lt;b&gt;extradition&lt;/b&gt; &amp; co" in text


async def _press(harness: Harness, data: str) -> None:
    await harness.feed(
        {
            "callback_query": {
                "id": "cb1",
                "from": {"id": 42, "is_bot": False, "first_name": "Ana"},
                "chat_instance": "x",
                "data": data,
                "message": message("old", user=999),
            }
        }
    )


async def test_full_text_button_opens_the_article_below_the_answer(harness: Harness) -> None:
    await _press(harness, actions.article("ets185", "1", 0))
    assert harness.request.sent("editMessageText") == []  # the answer stays where it was
    opened = harness.replies()[-1]
    assert opened["text"].startswith("<b>Budapest Convention · Article 1</b>\n<i>Definitions</i>")
    assert harness.request.sent("answerCallbackQuery")[-1] == {"callback_query_id": "cb1"}


async def test_long_article_is_paged_under_telegram_limit(harness: Harness) -> None:
    await _press(harness, actions.article("ets185", "27", 0))
    opened = harness.replies()[-1]
    assert len(opened["text"]) <= 4096
    labels = {
        b["text"]: b["callback_data"]
        for row in opened["reply_markup"]["inline_keyboard"]
        for b in row
    }
    await _press(harness, labels["Next page ▶"])
    turned = harness.request.sent("editMessageText")[-1]  # a page turns in place
    assert "Page 2 of " in turned["text"]


async def test_stale_or_forged_button_is_answered_politely(harness: Harness) -> None:
    for data in ["v0|art|ets185|29|0", "v1|art|ets185|999|0", "garbage", "v1|art|ets185|29|x"]:
        await _press(harness, data)
    answers = harness.request.sent("answerCallbackQuery")
    assert [a.get("text") for a in answers] == ["This button has expired. Please ask again."] * 4
    assert harness.request.sent("editMessageText") == []


async def test_inline_query_offers_articles_to_share(harness: Harness) -> None:
    await harness.feed(
        {
            "inline_query": {
                "id": "iq1",
                "from": {"id": 42, "is_bot": False, "first_name": "Ana"},
                "query": "art 29",
                "offset": "",
            }
        }
    )
    answer = harness.request.sent("answerInlineQuery")[-1]
    results = answer["results"]
    assert 1 <= len(results) <= 50
    first = results[0]
    assert (
        first["title"]
        == "Budapest Convention, Article 29 – Expedited preservation of stored computer data"
    )
    content = first["input_message_content"]["message_text"]
    assert content.startswith("Budapest Convention, Article 29")
    assert len(content) <= 4096


async def test_group_message_without_mention_is_ignored(harness: Harness) -> None:
    await harness.text("what is hacking?", chat=-100, chat_type="supergroup")
    assert harness.replies() == []


async def test_group_mention_is_answered(harness: Harness) -> None:
    text = "@workshop_test_bot art 35"
    await harness.feed(
        {
            "message": message(
                text,
                chat=-100,
                chat_type="supergroup",
                entities=[{"type": "mention", "offset": 0, "length": 18}],
            )
        }
    )
    reply = harness.replies()[-1]
    assert (reply["chat_id"], reply["text"][:39]) == (
        -100,
        "<b>Budapest Convention · Art. 35 – 24/7",
    )


async def test_unhandled_updates_never_crash(harness: Harness) -> None:
    sticker: dict[str, Any] = {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    base = message("x")
    base.pop("text")
    await harness.feed({"message": {**base, "sticker": sticker}})
    await harness.feed({"edited_message": {**message("art 29"), "edit_date": 1_700_000_100}})
    await harness.feed({"channel_post": message("art 29", chat=-200, chat_type="channel")})
    await harness.text("x" * 4096)
    await harness.text("*bold* _it_ `code` [link](http://x) <script>")
    texts = [r["text"] for r in harness.replies()]
    assert texts[0] == "I can only read text messages. Ask me a question, or send /help."
    assert len(texts) == 3
    assert "Sorry" not in " ".join(texts)


async def test_rate_limit_answers_once_then_stays_quiet(harness: Harness) -> None:
    for _ in range(8):
        await harness.text("art 29")
    texts = [r["text"] for r in harness.replies()]
    assert len(texts) == 6
    assert texts[-1] == "You're sending messages faster than I can read them. Please wait a minute."


async def test_failure_is_logged_and_user_told(harness: Harness, monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    front = harness.application.handlers[0][1].callback.__self__  # type: ignore[attr-defined]
    monkeypatch.setattr(front.conversation, "message", broken)
    await harness.text("art 29")
    assert harness.replies()[-1]["text"] == (
        "Sorry, something went wrong on my side. Please try again in a moment."
    )


async def test_ics_command_sends_a_calendar_file(harness: Harness) -> None:
    await harness.text("/ics igf-2010-ws23")
    document = harness.request.sent("sendDocument")[-1]
    assert (document["chat_id"], document["caption"]) == (42, "1 event for your calendar.")


async def test_start_deep_link_opens_an_event(harness: Harness) -> None:
    await harness.text("/start event_igf-2010-ws23")
    assert harness.replies()[-1]["text"].startswith(
        "<b>Cybercrime: common standards and joint action (Workshop 23)</b>\nWed 15 Sep 2010, 14:15"
    )


async def test_answering_runs_off_the_event_loop(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a question is answered the loop stays free: the answer below waits for the loop
    to release it, which a handler running on the loop would never let happen."""
    released = threading.Event()
    seen: list[tuple[str, bool]] = []
    original = Conversation.message

    def slow_message(self: Conversation, text: str, user: Any, formatted: Any = None) -> Any:
        seen.append((threading.current_thread().name, released.wait(timeout=10)))
        return original(self, text, user, formatted)

    monkeypatch.setattr(Conversation, "message", slow_message)
    answering = asyncio.create_task(harness.text("what is the 24/7 network?"))
    await asyncio.sleep(0.05)
    released.set()  # from the loop, while the worker thread waits
    await answering
    [(thread, waited)] = seen
    assert waited and thread.startswith("services")
    assert "24/7" in harness.replies()[-1]["text"]


async def test_a_broadcast_keeps_the_organisers_formatting_and_names_its_audience(
    organiser_harness: Harness,
) -> None:
    harness = organiser_harness
    await harness.text("/subscribe", user=100)
    text = '/broadcast to:"Octopus Conference" Lunch is in Hall B, see the map'
    bold_at, link_at = text.index("Hall B"), text.index("the map")
    await harness.feed(
        {
            "message": message(
                text,
                user=ORGANISER,
                chat=ORGANISER,
                entities=[
                    {"type": "bot_command", "offset": 0, "length": 10},
                    {"type": "bold", "offset": bold_at, "length": 6},
                    {
                        "type": "text_link",
                        "offset": link_at,
                        "length": 7,
                        "url": "https://octopus.example/map?a=1&b=2",
                    },
                ],
            )
        }
    )
    heading, part = harness.replies()[-2:]
    assert heading["text"] == (
        "<b>Preview: 1 message to followers of “Octopus Conference” (1 chat)</b>"
    )
    assert part["text"] == (
        'Lunch is in <b>Hall B</b>, see <a href="https://octopus.example/map?a=1&amp;b=2">'
        "the map</a>"
    )
    send = part["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await harness.feed(button(send, user=ORGANISER))
    await harness.feed(button(send, user=ORGANISER))  # a double tap
    edits = [e["text"] for e in harness.request.sent("editMessageText")]
    assert edits[-2].startswith("Queued 1 message. Report: /delivery ")
    assert edits[-1].startswith("Already queued, nothing sent twice.")


async def test_a_broadcast_to_an_unknown_series_is_refused_with_the_list(
    organiser_harness: Harness,
) -> None:
    await organiser_harness.text("/broadcast to:Octopuss Lunch moved", user=ORGANISER)
    assert organiser_harness.replies()[-1]["text"].startswith(
        "No series called “Octopuss”: nothing was created. Series: "
    )


async def test_a_thumbs_down_is_a_toast_and_the_answer_stays(organiser_harness: Harness) -> None:
    harness = organiser_harness
    await harness.text("what is the 24/7 network?", user=100)
    answer = harness.replies()[-1]
    rows = answer["reply_markup"]["inline_keyboard"]
    down = rows[-1][1]["callback_data"]
    await harness.feed(button(down, user=100, pressed=answer))
    assert harness.request.sent("answerCallbackQuery")[-1]["text"] == (
        "Thanks: organisers will look."
    )
    assert harness.request.sent("editMessageText") == []  # the answer itself is untouched
    [markup] = harness.request.sent("editMessageReplyMarkup")
    kept = markup.get("reply_markup", {}).get("inline_keyboard", [])
    assert [b["text"] for row in kept for b in row] == [
        b["text"] for row in rows[:-1] for b in row
    ]  # only the 👍/👎 row is gone


async def test_organisers_get_their_own_menu_in_their_chat(services: Services) -> None:
    services.settings = replace(services.settings, organisers=frozenset({ORGANISER}))
    async with _running(services) as harness:
        everyone, _french, theirs, _theirs_french = harness.request.sent("setMyCommands")
    assert "scope" not in everyone and "broadcast" not in str(everyone["commands"])
    assert theirs["scope"] == {"type": "chat", "chat_id": ORGANISER}
    assert [c["command"] for c in theirs["commands"]][-4:] == [
        "broadcast",
        "delivery",
        "unanswered",
        "reload",
    ]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (TimedOut("Timed out"), SendStatus.UNKNOWN),
        (
            TimedOut("Pool timeout: All connections in the connection pool are occupied"),
            SendStatus.TRANSIENT,
        ),
        (NetworkError("httpx.ConnectError: connection refused"), SendStatus.TRANSIENT),
        (Forbidden("Forbidden: bot was blocked by the user"), SendStatus.BLOCKED),
        (BadRequest("Bad Request: chat not found"), SendStatus.FAILED),
    ],
)
async def test_the_sender_maps_telegrams_errors(error: Exception, status: SendStatus) -> None:
    class FailingBot:
        async def send_message(self, *args: Any, **kwargs: Any) -> None:
            raise error

    assert (await TelegramSender(FailingBot()).send(1, "hi")).status is status
