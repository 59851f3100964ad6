"""Organisers' broadcasts: the words escaped and split into parts, who a plain /broadcast
reaches, and what /delivery says of each."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.conversation import Conversation, User
from bot.organising import Organising
from bot.services import Services
from scheduler.agenda import Agenda
from scheduler.broadcast import BroadcastService
from scheduler.reminders import SubscriptionService
from scheduler.store import Database

ORGANISER = 7
ORGANISER_USER = User(id=7, chat_id=7, name="Org", language="en")


@pytest.fixture
def database(tmp_path: Path) -> Database:
    return Database(tmp_path / "bot.sqlite3")


def _organising(database: Database) -> Organising:
    broadcasts = BroadcastService(database, {ORGANISER})
    return Organising(lambda: broadcasts, Agenda, lambda: datetime(2026, 3, 23, tzinfo=UTC))


def _number(organising: Organising, text: str) -> str:
    preview = organising.broadcast(text, ORGANISER)
    return preview[-1].buttons[0][0].action.split("|")[2]


def _delivery(organising: Organising, number: str) -> str:
    return organising.delivery(number, ORGANISER)[0].plain()


def test_delivery_tells_a_draft_a_cancelled_an_empty_and_a_missing_broadcast_apart(
    database: Database,
) -> None:
    organising = _organising(database)
    draft = _number(organising, "Lunch in Hall B")
    cancelled = _number(organising, "Lunch in Hall C")
    organising.decide(cancelled, "no", ORGANISER)
    empty = _number(organising, "Lunch in Hall D")
    organising.decide(empty, "ok", ORGANISER)

    assert _delivery(organising, draft) == (
        f"Broadcast {draft} is a draft: it was never sent. Press ✅ Send under its preview."
    )
    assert _delivery(organising, cancelled) == (
        f"Broadcast {cancelled} was cancelled: nothing was sent."
    )
    assert _delivery(organising, empty) == (
        f"Broadcast {empty} reached nobody: its audience was empty when it was sent."
    )
    assert _delivery(organising, "99") == "There is no broadcast 99."
    # without a number: the latest, each with its command (no command listed them)
    listed = _delivery(organising, "").splitlines()
    assert listed[:2] == ["Which broadcast? For example /delivery 3", "The latest:"]
    assert [line.split(" · ")[:2] for line in listed[2:]] == [
        [f"/delivery {empty}", "sent"],
        [f"/delivery {cancelled}", "cancelled"],
        [f"/delivery {draft}", "draft"],
    ]


def test_a_plain_broadcast_reaches_everyone_who_started_the_bot_and_says_so(
    database: Database,
) -> None:
    subscriptions = SubscriptionService(database)
    subscriptions.subscribe(1)
    subscriptions.seen(2)  # sent /start only
    organising = _organising(database)

    preview = organising.broadcast("Lunch in Hall B", ORGANISER)

    assert preview[0].plain() == "Preview: 1 message to everyone using the bot (2 chats)"
    assert preview[-1].buttons[0][0].label == "✅ Send to 2"
    number = preview[-1].buttons[0][0].action.split("|")[2]
    assert organising.decide(number, "ok", ORGANISER).plain() == (  # type: ignore[union-attr]
        f"Queued 2 messages. Report: /delivery {number}"
    )


def test_a_5000_character_text_is_escaped_and_split(services: Services) -> None:
    text = "<b>Important</b> & urgent\n\n" + "\n".join("line " * 19 for _ in range(52))
    head, *parts = Conversation(services).message(f"/broadcast {text}", ORGANISER_USER)
    assert len(text) > 5000
    assert head.plain().startswith("Preview: 2 messages to everyone using the bot")
    sent = [part.html() for part in parts]
    assert [len(p) <= 4096 for p in sent] == [True, True]
    assert sent[0].startswith("&lt;b&gt;Important&lt;/b&gt; &amp; urgent\n\n")
    assert "<" not in "".join(sent)


def test_an_agenda_broadcast_lists_the_days_sessions(services: Services) -> None:
    head, *parts = Conversation(services).message("/broadcast agenda 2009-12-08", ORGANISER_USER)
    assert head.plain() == "Preview: 1 message to everyone using the bot (0 chats)"
    assert parts[0].html() == (
        "<b>Agenda for Tuesday 08 December 2009</b>\n\n"
        "<b>Tue 08 Dec 2009, 09:00 – Thu 10 Dec 17:00</b> (Africa/Cairo)\n"
        "Training workshop for judges on cybercrime and child abuse\n"
        "Cairo, Egypt\n"
        "<code>cairo-2009-judges</code>"
    )


def test_an_agenda_broadcast_reaches_each_reader_in_their_language(services: Services) -> None:
    conversation = Conversation(services)
    french = User(id=31, chat_id=31, language="fr-CA")
    english = User(id=32, chat_id=32, language="en-GB")
    unknown = User(id=33, chat_id=33, language="de")
    for reader in (french, english, unknown):
        conversation.message("/subscribe", reader)
    french_organiser = User(id=7, chat_id=7, name="Org", language="fr")

    *_, last = conversation.message("/broadcast agenda 2009-12-08", french_organiser)
    number = last.buttons[0][0].action.split("|")[2]
    conversation.action(last.buttons[0][0].action, french_organiser)

    assert "Programme du mardi 8 décembre 2009" in last.html()  # the organiser's own
    assert services.database is not None
    sent = {
        int(str(chat)): str(html)
        for chat, html in services.database.query(
            "SELECT o.chat_id, p.html FROM outbox o JOIN broadcast_parts p"
            " ON p.broadcast_id = o.broadcast_id AND p.part = o.part WHERE o.broadcast_id = ?",
            (int(number),),
        )
    }
    assert sent[31].startswith("<b>Programme du mardi 8 décembre 2009</b>")
    assert "<b>mar. 8 déc. 2009, " in sent[31]  # each session's day too: it was "Tue 08 Dec"
    assert sent[32].startswith("<b>Agenda for Tuesday 08 December 2009</b>")
    assert "<b>Tue 08 Dec 2009, " in sent[32]
    assert sent[33] == sent[32]  # a language without a catalog reads English
